module calendar

go 1.26.0
