module sockaddrcheck

go 1.26

require github.com/hashicorp/go-sockaddr v1.0.7

require github.com/hashicorp/errwrap v1.1.0 // indirect
