package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"
)

// fill rewrites each corpus file with the expectations real Go produces. Cases
// the oracle cannot fill lose their expectation and are reported; it returns
// false if there was any.
func fill(paths []string, timeout time.Duration, log io.Writer) bool {
	ok := true
	for _, path := range paths {
		original, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(log, err)
			ok = false
			continue
		}
		f, err := parseCorpus(path, original)
		if err != nil {
			fmt.Fprintln(log, err)
			ok = false
			continue
		}
		changed := 0
		for i, c := range f.cases {
			r, err := runCase(c.caseBytes(), timeout)
			if err != nil {
				fmt.Fprintf(log, "%s: cannot fill: %v\n", caseLabel(path, i, caseName(c)), err)
				ok = false
			}
			if old, had := c.committed(); !had || !sameResult(old, r) {
				changed++
			}
			f.cases[i] = c.withResult(r)
		}
		if text := f.encode(); !bytes.Equal(text, original) {
			if err := os.WriteFile(path, text, 0o644); err != nil {
				fmt.Fprintln(log, err)
				ok = false
				continue
			}
		}
		fmt.Fprintf(log, "%s: %d cases, %d expectations changed\n", path, len(f.cases), changed)
	}
	return ok
}

// check compares committed expectations with what real Go produces and reports
// every difference; it returns false if there was any.
func check(paths []string, timeout time.Duration, log io.Writer) bool {
	ok := true
	total := 0
	for _, path := range paths {
		f, err := readCorpus(path)
		if err != nil {
			fmt.Fprintln(log, err)
			ok = false
			continue
		}
		for i, c := range f.cases {
			total++
			label := caseLabel(path, i, caseName(c))
			r, err := runCase(c.caseBytes(), timeout)
			old, had := c.committed()
			switch {
			case err != nil:
				fmt.Fprintf(log, "%s: cannot produce an expectation: %v\n", label, err)
				ok = false
			case !had:
				fmt.Fprintf(log, "%s: no expectation committed; Go gives %s %q\n", label, r.kind(), r.text())
				ok = false
			case !sameResult(old, r):
				fmt.Fprintf(log, "%s:\n  committed %s %q\n  Go gives  %s %q\n", label, old.kind(), old.text(), r.kind(), r.text())
				ok = false
			}
		}
	}
	if ok {
		fmt.Fprintf(log, "%d cases match the oracle\n", total)
	}
	return ok
}

func sameResult(a, b Result) bool {
	if (a.Want == nil) != (b.Want == nil) || (a.WantError == nil) != (b.WantError == nil) {
		return false
	}
	empty := a.Want == nil && a.WantError == nil
	return empty || a.text() == b.text()
}

func caseName(c object) string {
	var name string
	if raw, ok := c.get("name"); ok {
		json.Unmarshal(raw, &name) // a non-string name just shows as "#index"
	}
	return name
}
