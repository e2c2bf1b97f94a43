// Command vtpl-oracle produces the expectations of vtpl's conformance corpus by
// running each case with real Go text/template and real consul-template.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"time"
)

const usage = `usage:
  vtpl-oracle fill [-timeout D] FILE...    rewrite want/wantError of every case in place
  vtpl-oracle check [-timeout D] FILE...   report cases whose committed expectation differs; exit 1 if any
  vtpl-oracle batch [-timeout D]           one case JSON per stdin line -> one {"want"|"wantError"|"unfillable"} line
  vtpl-oracle bench                        stdin: JSON list of workloads -> JSON report of Go's parse/execute speed
  vtpl-oracle fetch -addr URL -path P [-env K=V]... [-write K=V]...
                                           one Vault read (or write) through consul-template against a live server -> {"value"|"error"}
`

func main() {
	pinLocalToUTC()
	// The oracle must not depend on the machine: no VAULT_* (or any) variable may
	// reach the Vault client or the env/envOrDefault functions.
	os.Clearenv()
	// consul-template logs through the standard logger, and spew_dump writes to
	// os.Stdout: neither may mix into the output.
	log.SetOutput(io.Discard)
	stdout := os.Stdout
	if devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		os.Stdout = devNull
	}

	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	flags := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	timeout := flags.Duration("timeout", 5*time.Second, "deadline for one case")
	addr := flags.String("addr", "", "fetch: the Vault address")
	path := flags.String("path", "", "fetch: the secret path")
	var env, write listFlag
	flags.Var(&env, "env", "fetch: a VAULT_* setting K=V (repeatable)")
	flags.Var(&write, "write", "fetch: a K=V of a write (repeatable)")
	flags.Parse(os.Args[2:])

	ok := true
	switch os.Args[1] {
	case "fill":
		ok = fill(flags.Args(), *timeout, os.Stderr)
	case "check":
		ok = check(flags.Args(), *timeout, os.Stderr)
	case "batch":
		if err := batch(os.Stdin, stdout, *timeout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			ok = false
		}
	case "bench":
		if err := bench(os.Stdin, stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			ok = false
		}
	case "fetch":
		if err := fetch(*addr, *path, env, write, stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			ok = false
		}
	default:
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if !ok {
		os.Exit(1)
	}
}

// pinLocalToUTC makes time.Local a UTC zone, as in the Vault Agent container and
// in vtpl, whatever the machine's zone: sprig's toDate parses in Local. time.Local
// is set up once, on first use, from TZ (set but empty means Go's built-in UTC);
// Clearenv then removes TZ again.
func pinLocalToUTC() {
	os.Setenv("TZ", "")
	_ = time.Local.String()
}
