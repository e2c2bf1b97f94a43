package main

import (
	"bytes"
	"errors"
	"text/template"
)

// errCanceled stops an execution whose case has timed out: the next write fails.
var errCanceled = errors.New("oracle: case canceled")

// cancelWriter collects output and aborts execution once cancel is closed.
type cancelWriter struct {
	buf    bytes.Buffer
	cancel <-chan struct{}
}

func (w *cancelWriter) Write(p []byte) (int, error) {
	select {
	case <-w.cancel:
		return 0, errCanceled
	default:
		return w.buf.Write(p)
	}
}

// runTextTemplate renders a case with plain Go text/template and its builtins only.
func runTextTemplate(c *Case, cancel <-chan struct{}) (Result, error) {
	name := "case"
	if c.TemplateName != nil {
		name = *c.TemplateName
	}
	t := template.New(name)
	if c.Options.Delims != nil {
		t.Delims(c.Options.Delims[0], c.Options.Delims[1])
	}
	switch mk := c.Options.Missingkey; mk {
	case "", "default":
	case "zero", "error", "invalid":
		t.Option("missingkey=" + mk)
	default:
		return Result{}, unfillable("unknown options.missingkey %q", mk)
	}
	dot, err := decodeData(c.Data)
	if err != nil {
		return Result{}, err
	}
	if _, err := t.Parse(c.Template); err != nil {
		return failure(err), nil
	}
	w := &cancelWriter{cancel: cancel}
	if err := t.Execute(w, dot); err != nil {
		if errors.Is(err, errCanceled) {
			return Result{}, unfillable("canceled")
		}
		return failure(err), nil
	}
	return output(w.buf.String()), nil
}
