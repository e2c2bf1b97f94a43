package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

// field is one member of a JSON object, its value kept as raw bytes so number
// literals, string escapes and unknown fields survive a rewrite.
type field struct {
	key string
	raw json.RawMessage
}

type object []field

func (o object) get(key string) (json.RawMessage, bool) {
	for _, f := range o {
		if f.key == key {
			return f.raw, true
		}
	}
	return nil, false
}

// corpusFile is a corpus file: an array of cases, or an object whose "cases"
// member is that array (other members are kept).
type corpusFile struct {
	top   object // nil for the bare array form
	cases []object
}

// caseOrder is the field order cases are written in; other fields follow in
// their original order.
var caseOrder = []string{"name", "mode", "templateName", "template", "data", "vault", "mounts", "env", "options", "want", "wantError", "tags"}

func readCorpus(path string) (*corpusFile, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseCorpus(path, text)
}

func parseCorpus(path string, text []byte) (*corpusFile, error) {
	var err error
	text = bytes.TrimSpace(text)
	f := &corpusFile{}
	list := text
	if len(text) > 0 && text[0] == '{' {
		if f.top, err = parseObject(text); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		var ok bool
		if list, ok = f.top.get("cases"); !ok {
			return nil, fmt.Errorf(`%s: object without "cases"`, path)
		}
	}
	var items []json.RawMessage
	if err := json.Unmarshal(list, &items); err != nil {
		return nil, fmt.Errorf("%s: cases: %v", path, err)
	}
	for i, item := range items {
		c, err := parseObject(item)
		if err != nil {
			return nil, fmt.Errorf("%s: case #%d: %v", path, i, err)
		}
		f.cases = append(f.cases, c)
	}
	return f, nil
}

// parseObject reads a JSON object keeping its members in order.
func parseObject(text []byte) (object, error) {
	dec := json.NewDecoder(bytes.NewReader(text))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object")
	}
	var o object
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		o = append(o, field{key: tok.(string), raw: raw})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	return o, nil
}

// caseBytes is the case as one JSON object, for decodeCase.
func (o object) caseBytes() []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(encodeString(f.key))
		b.WriteByte(':')
		b.Write(f.raw)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// withResult replaces the case's expectation (none when r is empty).
func (o object) withResult(r Result) object {
	var out object
	for _, f := range o {
		if f.key != "want" && f.key != "wantError" {
			out = append(out, f)
		}
	}
	if r.Want != nil || r.WantError != nil {
		out = append(out, field{key: r.kind(), raw: encodeString(r.text())})
	}
	return out
}

// committed is the expectation the file holds for the case, if any.
func (o object) committed() (Result, bool) {
	for _, key := range []string{"want", "wantError"} {
		if raw, ok := o.get(key); ok {
			var s string
			if json.Unmarshal(raw, &s) != nil {
				return Result{}, false
			}
			if key == "want" {
				return Result{Want: &s}, true
			}
			return Result{WantError: &s}, true
		}
	}
	return Result{}, false
}

// sorted puts known fields in caseOrder, unknown ones after them as they were.
func (o object) sorted() object {
	var out object
	for _, key := range caseOrder {
		if raw, ok := o.get(key); ok {
			out = append(out, field{key, raw})
		}
	}
	known := map[string]bool{}
	for _, key := range caseOrder {
		known[key] = true
	}
	for _, f := range o {
		if !known[f.key] {
			out = append(out, f)
		}
	}
	return out
}

// encode writes the file with 2-space indentation. A value written on one line
// stays exactly as written; a multi-line one is re-indented.
func (f *corpusFile) encode() []byte {
	var b bytes.Buffer
	writeCases := func(indent string) {
		if len(f.cases) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, c := range f.cases {
			b.WriteString(indent + "  ")
			writeObject(&b, c.sorted(), indent+"  ")
			if i < len(f.cases)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	}
	if f.top == nil {
		writeCases("")
	} else {
		b.WriteString("{\n")
		for i, fl := range f.top {
			b.WriteString("  ")
			b.Write(encodeString(fl.key))
			b.WriteString(": ")
			if fl.key == "cases" {
				writeCases("  ")
			} else {
				writeValue(&b, fl.raw, "  ")
			}
			if i < len(f.top)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString("}")
	}
	b.WriteByte('\n')
	return b.Bytes()
}

func writeObject(b *bytes.Buffer, o object, indent string) {
	b.WriteString("{\n")
	for i, f := range o {
		b.WriteString(indent + "  ")
		b.Write(encodeString(f.key))
		b.WriteString(": ")
		writeValue(b, f.raw, indent+"  ")
		if i < len(o)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + "}")
}

func writeValue(b *bytes.Buffer, raw json.RawMessage, indent string) {
	if bytes.IndexByte(raw, '\n') < 0 {
		b.Write(raw)
		return
	}
	// raw came out of the JSON decoder, so it is valid and Indent cannot fail.
	json.Indent(b, raw, indent, "  ")
}

// encodeString is s as a JSON string, without HTML escaping (< > & stay as is).
func encodeString(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
