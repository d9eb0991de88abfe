module inventory

go 1.26.0
