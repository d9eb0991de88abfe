module bigshop

go 1.26.0
