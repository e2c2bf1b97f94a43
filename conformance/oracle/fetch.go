package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	dep "github.com/hashicorp/consul-template/dependency"
)

// fetch runs one consul-template Vault dependency against a real HTTP server, with
// the client Vault Agent's templates get (CreateVaultClient over vault/api's
// DefaultConfig: its timeout, retries and redirects), and writes
// {"value": .Data.v} or {"error": text} as one JSON line. env holds VAULT_*
// settings (the process environment was cleared); write is k=v pairs for a
// `secret PATH k=v` write.
func fetch(addr, path string, env, write []string, out io.Writer) error {
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		os.Setenv(k, v)
	}
	clients := dep.NewClientSet()
	reply := map[string]string{}
	if err := clients.CreateVaultClient(&dep.CreateVaultClientInput{Address: addr, Token: "root"}); err != nil {
		reply["error"] = err.Error()
		return json.NewEncoder(out).Encode(reply)
	}
	var d dep.Dependency
	var err error
	if len(write) > 0 {
		data := map[string]interface{}{}
		for _, kv := range write {
			k, v, _ := strings.Cut(kv, "=")
			data[k] = v
		}
		d, err = dep.NewVaultWriteQuery(path, data)
	} else {
		d, err = dep.NewVaultReadQuery(path)
	}
	if err != nil {
		return err
	}
	v, _, err := d.Fetch(clients, &dep.QueryOptions{})
	if err != nil {
		reply["error"] = err.Error()
	} else if s, ok := v.(*dep.Secret); ok {
		reply["value"] = fmt.Sprint(s.Data["v"])
	}
	return json.NewEncoder(out).Encode(reply)
}

// listFlag collects a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }
