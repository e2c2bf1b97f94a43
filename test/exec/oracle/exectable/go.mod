module execoracle

go 1.26
