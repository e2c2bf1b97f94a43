module extraoracle

go 1.26
