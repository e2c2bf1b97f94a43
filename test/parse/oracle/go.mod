module vtploracle/parse

go 1.26
