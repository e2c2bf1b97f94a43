// Command sockaddr-check runs go-sockaddr templates with real Go on this host, for
// scripts/check-sockaddr.ts to compare with vtpl's port (src/vault/sockaddr/).
//
// Input (stdin): JSON {"host": [[args...]...], "fake": {"addrs": [...], "templates": [...]}}.
// Each "host" case is what a template passes to consul-template's `sockaddr` function, run
// as consul-template does (template/funcs.go: socktmpl.Parse of "{{ " + the arguments
// joined by spaces + " }}") on this host. Each "fake" template runs with
// socktmpl.ParseIfAddrs on the made-up addresses given (dot is them; the Get* functions
// still read this host, so these templates use dot only). Output (stdout): JSON
// {"host": [...], "fake": [...]}, each result {"out": ...} or {"err": ...}.
//
// With the argument `rfcs` it prints go-sockaddr's KnownRFCs table instead, as JSON
// (RFC number -> networks in order), which src/vault/sockaddr/rfc.ts was generated from.
package main

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"sort"
	"strings"

	sockaddr "github.com/hashicorp/go-sockaddr"
	socktmpl "github.com/hashicorp/go-sockaddr/template"
)

type fakeAddr struct {
	Addr  string `json:"addr"`
	Name  string `json:"name"`
	Index int    `json:"index"`
	MTU   int    `json:"mtu"`
	HW    string `json:"hw"`
	Flags uint   `json:"flags"`
}

type input struct {
	Host [][]string `json:"host"`
	Fake struct {
		Addrs     []fakeAddr `json:"addrs"`
		Templates []string   `json:"templates"`
	} `json:"fake"`
}

type output struct {
	Host []result `json:"host"`
	Fake []result `json:"fake"`
}

func toResult(out string, err error) result {
	if err != nil {
		msg := err.Error()
		return result{Err: &msg}
	}
	return result{Out: &out}
}

type result struct {
	Out *string `json:"out,omitempty"`
	Err *string `json:"err,omitempty"`
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "rfcs" {
		rfcs := sockaddr.KnownRFCs()
		nums := make([]int, 0, len(rfcs))
		for n := range rfcs {
			nums = append(nums, int(n))
		}
		sort.Ints(nums)
		for _, n := range nums {
			// Hex address and mask bits: String() would print ::ffff:0:0/96 as 0.0.0.0/96.
			nets := make([]string, 0, len(rfcs[uint(n)]))
			for _, sa := range rfcs[uint(n)] {
				ip := *sockaddr.ToIPAddr(sa)
				nets = append(nets, fmt.Sprintf("%s/%d", ip.AddressHexString(), ip.Maskbits()))
			}
			b, _ := json.Marshal(nets)
			fmt.Printf("%d %s\n", n, b)
		}
		return
	}
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Fprintln(os.Stderr, "sockaddr-check: reading input:", err)
		os.Exit(2)
	}
	var results output
	for _, args := range in.Host {
		results.Host = append(results.Host, toResult(socktmpl.Parse(fmt.Sprintf("{{ %s }}", strings.Join(args, " ")))))
	}
	fake := make(sockaddr.IfAddrs, 0, len(in.Fake.Addrs))
	for _, a := range in.Fake.Addrs {
		ip, err := sockaddr.NewIPAddr(a.Addr)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sockaddr-check:", err)
			os.Exit(2)
		}
		hw, _ := net.ParseMAC(a.HW)
		fake = append(fake, sockaddr.IfAddr{SockAddr: ip, Interface: net.Interface{
			Index: a.Index, MTU: a.MTU, Name: a.Name, HardwareAddr: hw, Flags: net.Flags(a.Flags),
		}})
	}
	for _, t := range in.Fake.Templates {
		results.Fake = append(results.Fake, toResult(socktmpl.ParseIfAddrs(t, fake)))
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		os.Exit(2)
	}
}
