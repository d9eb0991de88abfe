module orders

go 1.26.0
