// For surrogate-escape.mjs --go: reads hex byte strings, one a line, and prints each as
// Go's utf8.DecodeRuneInString reads it: "rune/width" in hex, space separated.
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		b, err := hex.DecodeString(in.Text())
		if err != nil {
			panic(err)
		}
		s := string(b)
		var parts []string
		for len(s) > 0 {
			r, n := utf8.DecodeRuneInString(s)
			parts = append(parts, fmt.Sprintf("%x/%d", r, n))
			s = s[n:]
		}
		fmt.Fprintln(out, strings.Join(parts, " "))
	}
}
