module clash

go 1.26.0
