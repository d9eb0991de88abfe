module notes

go 1.26.0
