module shapes

go 1.26.0
