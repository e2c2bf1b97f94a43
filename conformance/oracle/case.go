package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// Case is the part of a conformance case the oracle needs to run it.
// Unknown fields are ignored here; corpus.go keeps them in the file.
type Case struct {
	Name         string                     `json:"name"`
	Mode         string                     `json:"mode"`
	TemplateName *string                    `json:"templateName"` // nil = absent ("case"); "" is a valid name
	Template     string                     `json:"template"`
	Data         json.RawMessage            `json:"data"` // raw, so number literals survive until UseNumber decoding
	Vault        map[string]json.RawMessage `json:"vault"`
	Mounts       map[string]json.RawMessage `json:"mounts"`
	Env          map[string]string          `json:"env"`
	Options      Options                    `json:"options"`
}

// Options mirrors the case's "options" object.
type Options struct {
	Missingkey string   `json:"missingkey"`
	Delims     []string `json:"delims"`
}

// Result is what real Go produced for a case: exactly one of Want and WantError is set.
type Result struct {
	Want      *string `json:"want,omitempty"`
	WantError *string `json:"wantError,omitempty"`
}

func output(s string) Result   { return Result{Want: &s} }
func failure(err error) Result { msg := err.Error(); return Result{WantError: &msg} }

// text is the expectation as one string, for comparisons and messages.
func (r Result) text() string {
	if r.Want != nil {
		return *r.Want
	}
	return *r.WantError
}

func (r Result) kind() string {
	if r.Want != nil {
		return "want"
	}
	return "wantError"
}

// unfillableError marks a case the oracle cannot produce an expectation for
// (unsupported input, timeout, ...). It is never written as wantError.
type unfillableError struct{ reason string }

func (e *unfillableError) Error() string { return e.reason }

func unfillable(format string, args ...any) error {
	return &unfillableError{reason: fmt.Sprintf(format, args...)}
}

func decodeCase(raw []byte) (*Case, error) {
	var c Case
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, unfillable("bad case JSON: %v", err)
	}
	switch c.Mode {
	case "", "text/template", "consul-template":
	default:
		return nil, unfillable("unknown mode %q", c.Mode)
	}
	if c.Options.Delims != nil && len(c.Options.Delims) != 2 {
		return nil, unfillable("options.delims must hold 2 strings, got %d", len(c.Options.Delims))
	}
	return &c, nil
}

// decodeData gives the value of dot: the case's data decoded as Go does for Vault
// responses (json.Number for numbers); absent data is nil.
func decodeData(raw json.RawMessage) (any, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, unfillable("bad data: %v", err)
	}
	return v, nil
}

func hasData(raw json.RawMessage) bool {
	return len(raw) != 0 && !bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// checkStorable refuses results JSON cannot carry: Go's encoder would turn invalid
// UTF-8 into U+FFFD and the stored expectation would no longer be what Go produced.
func checkStorable(r Result) error {
	if !utf8.ValidString(r.text()) {
		return unfillable("%s is not valid UTF-8, so it cannot be stored in JSON", r.kind())
	}
	return nil
}
