module tasks

go 1.26.0
