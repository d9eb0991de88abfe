module catalog

go 1.26.0
