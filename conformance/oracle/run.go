package main

import (
	"fmt"
	"runtime/debug"
	"time"
)

// runCase produces a case's expectation by real execution, within timeout. An
// error means the case cannot be filled (it is never an expected error).
func runCase(raw []byte, timeout time.Duration) (Result, error) {
	c, err := decodeCase(raw)
	if err != nil {
		return Result{}, err
	}
	type outcome struct {
		r   Result
		err error
	}
	done := make(chan outcome, 1)
	cancel := make(chan struct{})
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{err: unfillable("oracle panic: %v\n%s", p, debug.Stack())}
			}
		}()
		var o outcome
		if c.Mode == "consul-template" {
			o.r, o.err = runConsulTemplate(c)
		} else {
			o.r, o.err = runTextTemplate(c, cancel)
		}
		if o.err == nil {
			o.err = checkStorable(o.r)
		}
		if o.err != nil {
			o.r = Result{} // an unfillable case has no expectation at all
		}
		done <- o
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case o := <-done:
		return o.r, o.err
	case <-timer.C:
		// A text/template execution stops at its next write; anything else runs
		// on in the background until it ends by itself.
		close(cancel)
		return Result{}, unfillable("timed out after %s", timeout)
	}
}

// caseLabel names a case in messages.
func caseLabel(file string, index int, name string) string {
	if name == "" {
		return fmt.Sprintf("%s: case #%d", file, index)
	}
	return fmt.Sprintf("%s: case %q", file, name)
}
