module edges

go 1.26.0
