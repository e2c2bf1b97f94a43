// Records Go 1.26 results of the cases in go-extra.test.ts.
// Regenerate: cd test/exec/oracle/extra && go run . > ../../go-extra-tests.json
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Tree struct {
	Val         int
	Left, Right *Tree
}

func ints(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

var data = map[string]any{
	"nil":      nil,
	"int5":     5,
	"mapx99":   map[string]int{"x": 99},
	"mapAnyX":  map[string]any{"x": "X", "n": nil, "m": map[string]any{"k": "v"}},
	"strs":     []string{"a", "b", "c", "d"},
	"uniKeys":  map[string]int{"b": 1, "a": 2, "\uffff": 3, "\U0001F600": 4, "A": 5, "": 6},
	"intKeys":  map[int]string{10: "ten", -1: "minus", 2: "two"},
	"ints200":  ints(200),
	"ints2000": ints(2000),
	"tree": &Tree{1, &Tree{2, &Tree{3, &Tree{4, nil, nil}, nil}, &Tree{5, &Tree{6, nil, nil}, nil}},
		&Tree{7, &Tree{8, &Tree{9, nil, nil}, nil}, &Tree{10, &Tree{11, nil, nil}, nil}}},
	"jsonNums": jsonData(`{"n": 4, "f": 1.50, "big": 12345678901234567890, "s": "4", "l": [1, 2.5e3]}`),
	"nested": map[string]any{"a": []any{1, "two", 3.5, true, nil, map[string]any{"z": 1, "y": []any{}}}},
	"records": jsonData(recordsJSON),
}

// Records as bench/workloads.ts's template-per-item rows have them: execution reads a
// decoded map's fields by an index it builds only after several reads, so the cases
// reading them run their body a few times.
const recordsJSON = `{"items": [
 {"name": "item-abcdefgh", "id": 1000, "enabled": false, "owner": {"team": "team-0"}, "tags": []},
 {"name": "ïtém-ü€-longer-than-12", "id": 1001, "enabled": true, "owner": {"team": "team-1"}, "tags": ["web"]},
 {"name": "x", "id": 1002, "enabled": true, "owner": {"team": "a team of 13+"}, "tags": ["web", "db"]},
 {"name": "", "id": 0, "enabled": false, "owner": {}, "tags": ["web", "db", "cache 😀"], "n": null}
], "zero": 0, "one": 1}`

func jsonData(text string) any {
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		panic(err)
	}
	return v
}

var funcs = template.FuncMap{
	"intArg":  func(i int) int { return i },
	"u8Arg":   func(i uint8) uint8 { return i },
	"f32Arg":  func(f float32) float32 { return f },
	"boolArg": func(b bool) bool { return b },
	"cArg":    func(c complex128) complex128 { return c },
	"strArg":  func(s string) string { return s },
	"ptrArg":  func(p *int) bool { return p == nil },
	"errArg":  func(e error) string { return "e" },
	"fail":    func() (string, error) { return "", errors.New("it failed: 100%") },
}

type tcase struct {
	Name       string     `json:"name"`
	TmplName   string     `json:"tmplName"`
	Texts      []string   `json:"texts"`
	Exec       string     `json:"exec,omitempty"`
	Data       string     `json:"data"`
	MissingKey string     `json:"missingkey,omitempty"`
	Delims     [2]string  `json:"delims"`
	Funcs      bool       `json:"funcs,omitempty"`
	Output     string     `json:"output"`
	Error      string     `json:"error,omitempty"`
}

var cases = []tcase{
	{Name: "nested template error", TmplName: "top", Data: "int5", Texts: []string{"line 1\nline 2\nline 3\n{{template \"one\" .}}\n{{define \"one\"}}{{template \"two\" .}}{{end}}\n{{define \"two\"}}{{template \"three\" .}}{{end}}\n{{define \"three\"}}{{index \"hi\" $}}{{end}}"}},
	// A called template's variables (same names as the caller's) end with it; the caller's range variables and $x are intact.
	{Name: "variables across template calls", TmplName: "top", Data: "strs", Texts: []string{"{{$x := \"outer\"}}{{range $i, $v := .}}{{template \"t\" $v}}{{$x}}{{$i}};{{$x = $v}}{{end}}{{$x}}\n{{define \"t\"}}{{$x := .}}{{$i := 7}}{{with $y := \"w\"}}{{$y}}{{template \"u\" $x}}{{end}}{{$x = printf \"<%s%d>\" $x $i}}{{$x}}{{end}}{{define \"u\"}}{{range $x := 2}}{{$x}}{{end}}[{{$}}]{{end}}"}},
	{Name: "missing default", TmplName: "t1", Data: "mapx99", Texts: []string{"{{.x}} {{.y}}"}},
	{Name: "missing invalid", TmplName: "t1", Data: "mapx99", MissingKey: "invalid", Texts: []string{"{{.x}} {{.y}}"}},
	{Name: "missing zero", TmplName: "t1", Data: "mapx99", MissingKey: "zero", Texts: []string{"{{.x}} {{.y}}"}},
	{Name: "missing error", TmplName: "t1", Data: "mapx99", MissingKey: "error", Texts: []string{"{{.x}} {{.y}}"}},
	{Name: "missing zero any", TmplName: "t1", Data: "mapAnyX", MissingKey: "zero", Texts: []string{"{{.x}} {{.y}} {{.n}} {{.m.k}} {{.m.q}}"}},
	{Name: "missing error nil value", TmplName: "t1", Data: "mapAnyX", MissingKey: "error", Texts: []string{"{{.n}}|{{.n.foo}}"}},
	{Name: "nil data error", TmplName: "t1", Data: "nil", MissingKey: "error", Texts: []string{"{{.foo}}"}},
	{Name: "nil data default", TmplName: "t1", Data: "nil", Texts: []string{"{{.foo}} {{.foo.bar}} {{$.x}}"}},
	{Name: "field of string", TmplName: "héllo", Data: "mapAnyX", Texts: []string{"héllo\nwörld {{.x.Y}}"}},
	{Name: "percent name", TmplName: "a%b", Data: "mapAnyX", Texts: []string{"{{.x.Y}}"}},
	{Name: "percent in context", TmplName: "p", Data: "mapAnyX", Texts: []string{"{{printf \"%d\" .x.Y}}"}},
	{Name: "no such template", TmplName: "t", Data: "nil", Texts: []string{"{{template \"nope\"}}"}},
	{Name: "execute template missing", TmplName: "t", Data: "nil", Exec: "other", Texts: []string{"x"}},
	{Name: "execute defined", TmplName: "t", Data: "strs", Exec: "d", Texts: []string{"x{{define \"d\"}}[{{range .}}{{.}}{{end}}]{{end}}"}},
	{Name: "empty template", TmplName: "empty", Data: "nil", Texts: nil},
	{Name: "only defines", TmplName: "t", Data: "nil", Texts: []string{"{{define \"a\"}}A{{end}}"}},
	{Name: "block default", TmplName: "t", Data: "strs", Texts: []string{"<{{block \"b\" .}}{{len .}}{{end}}>"}},
	{Name: "block overridden", TmplName: "t", Data: "strs", Texts: []string{"<{{block \"b\" .}}{{len .}}{{end}}>", "{{define \"b\"}}override {{index . 0}}{{end}}"}},
	{Name: "empty redefinition kept", TmplName: "t", Data: "strs", Texts: []string{"body", "  {{/* c */}} "}},
	{Name: "redefinition replaced", TmplName: "t", Data: "strs", Texts: []string{"body", "new body"}},
	{Name: "infinite recursion", TmplName: "top", Data: "nil", Texts: []string{"{{define \"a\"}}{{template \"a\" .}}{{end}}{{template \"a\" .}}"}},
	{Name: "finite recursion 200", TmplName: "top", Data: "ints200", Texts: []string{"{{define \"r\"}}{{if .}}{{len .}},{{template \"r\" (slice . 1)}}{{end}}{{end}}{{template \"r\" .}}"}},
	{Name: "tree", TmplName: "root", Data: "tree", Exec: "tree", Delims: [2]string{"(", ")"}, Texts: []string{"\n\t(- define \"tree\" -)\n\t[\n\t\t(- .Val -)\n\t\t(- with .Left -)\n\t\t\t(template \"tree\" . -)\n\t\t(- end -)\n\t\t(- with .Right -)\n\t\t\t(- template \"tree\" . -)\n\t\t(- end -)\n\t]\n\t(- end -)\n"}},
	{Name: "vars scope", TmplName: "v", Data: "strs", Texts: []string{"{{$x := 1}}{{range $i, $e := .}}{{$x = $e}}{{$y := $i}}{{end}}{{$x}}"}},
	{Name: "range assign", TmplName: "v", Data: "strs", Texts: []string{"{{$i := 9}}{{$e := 8}}{{range $i, $e = .}}{{end}}{{$i}}{{$e}}"}},
	{Name: "break continue", TmplName: "v", Data: "strs", Texts: []string{"{{range $i, $e := .}}{{if eq $i 1}}{{continue}}{{end}}{{if eq $e \"d\"}}{{break}}{{end}}{{$e}}{{else}}none{{end}}"}},
	{Name: "range map unicode keys", TmplName: "m", Data: "uniKeys", Texts: []string{"{{range $k, $v := .}}[{{$k}}={{$v}}]{{end}} {{.}}"}},
	{Name: "range map int keys", TmplName: "m", Data: "intKeys", Texts: []string{"{{range $k, $v := .}}[{{$k}}={{$v}}]{{end}}"}},
	{Name: "range int", TmplName: "m", Data: "nil", Texts: []string{"{{range 3}}{{.}}{{end}}|{{range $i := 0}}x{{else}}empty{{end}}|{{range -2}}x{{end}}"}},
	{Name: "range int two vars", TmplName: "m", Data: "nil", Texts: []string{"{{range $i, $v := 5}}x{{end}}"}},
	{Name: "range string", TmplName: "m", Data: "nil", Texts: []string{"{{range \"abc\"}}x{{end}}"}},
	{Name: "range bool", TmplName: "m", Data: "nil", Texts: []string{"{{range true}}x{{end}}"}},
	{Name: "range float", TmplName: "m", Data: "nil", Texts: []string{"{{range 1.5}}x{{end}}"}},
	{Name: "print nested", TmplName: "p", Data: "nested", Texts: []string{"{{.}} {{.a}} {{index .a 5}} {{len .a}}"}},
	{Name: "with else", TmplName: "w", Data: "mapAnyX", Texts: []string{"{{with .n}}yes{{else with .x}}{{.}}{{end}} {{with .zz}}{{else}}none{{end}}"}},
	{Name: "and or values", TmplName: "w", Data: "mapAnyX", Texts: []string{"{{and .x .n}}|{{or .n .x}}|{{or .n .zz}}|{{and .x .m}}"}},
	{Name: "not a function", TmplName: "f", Data: "mapAnyX", Texts: []string{"{{.x 1}}"}},
	{Name: "pipe to field", TmplName: "f", Data: "mapAnyX", Texts: []string{"{{1 | .x}}"}},
	{Name: "wrong arg count", TmplName: "f", Data: "nil", Texts: []string{"{{len 1 2}}"}},
	// exec folds an {{if}} on a constant into its taken branch, drops comments and joins adjacent texts: none of it may show.
	{Name: "per-item records", TmplName: "r", Data: "records", Texts: []string{"{{range 6}}{{range $.items}}{{template \"item\" .}}{{end}}{{end}}{{define \"item\"}}- {{ .name }} (#{{ .id }}){{ if .enabled }} enabled{{ else }} disabled{{ end }} owner={{ .owner.team }} tags={{ range $i, $t := .tags }}{{ if $i }},{{ end }}{{ $t }}{{ end }}\n{{end}}"}},
	{Name: "per-item records, variables", TmplName: "r", Data: "records", Texts: []string{"{{range 6}}{{range $i, $r := $.items}}{{$r.name}}|{{if $r.enabled}}on{{else}}off{{end}}|{{with $r.owner}}{{.team}}{{end}}|{{$r.owner.team}}|{{$r.n}}|{{with $i}}{{.}}{{else}}zero{{end}}|{{if $r.tags}}{{len $r.tags}}{{end}};{{end}}\n{{end}}"}},
	{Name: "per-item records, missing error", TmplName: "r", Data: "records", MissingKey: "error", Texts: []string{"{{range 6}}{{range $r := $.items}}{{$r.name}};{{end}}{{end}}{{range $r := $.items}}{{$r.nope}}{{end}}"}},
	{Name: "per-item records, field missing error", TmplName: "r", Data: "records", MissingKey: "error", Texts: []string{"{{range 6}}{{range $.items}}{{.name}};{{end}}{{end}}{{range $.items}}{{if .nope}}x{{end}}{{end}}"}},
	{Name: "per-item records, truth", TmplName: "r", Data: "records", Texts: []string{"{{range 5}}{{range $i, $r := $.items}}{{if $i}}i{{end}}{{if $r.id}}d{{end}}{{if $r.enabled}}e{{end}}{{if $r.name}}n{{end}}{{if $r.tags}}t{{end}}{{if $r.owner}}o{{end}}{{if $r.n}}x{{end}};{{end}}{{if $.zero}}z{{end}}{{if $.one}}1{{end}}{{end}}"}},
	{Name: "per-item records, dot pipelines", TmplName: "r", Data: "records", Texts: []string{"{{range 5}}{{range $.items}}{{with .}}{{template \"t\" .}}{{end}}{{end}}{{end}}{{define \"t\"}}{{with .owner}}{{template \"u\" .}}{{else}}none{{end}};{{end}}{{define \"u\"}}{{.team}}{{end}}"}},
	{Name: "per-item records, branches of one text", TmplName: "r", Data: "records", Texts: []string{"{{range 5}}{{range $.items}}{{if .enabled}}a text longer than twelve, ü€{{else}}é{{end}}{{with .tags}}[{{end}}{{range $i, $t := .tags}}{{if $i}},{{end}}{{$t}}{{else}}-{{end}}{{end}}\n{{end}}"}},
	{Name: "per-item records, variables after ranges", TmplName: "r", Data: "records", Texts: []string{"{{$a := \"a\"}}{{range $.items}}{{range $i, $t := .tags}}{{$b := $t}}{{$a = $b}}{{end}}{{$c := .name}}{{end}}{{$d := \"d\"}}{{$a}}{{$d}}{{range $i, $r := .items}}{{$e := $i}}{{end}}{{$f := \"f\"}}{{$a}}{{$d}}{{$f}}"}},
	{Name: "constant if", TmplName: "c", Data: "mapAnyX", Texts: []string{"{{ if \"lit\" }}parsed{{ end }}\n"}},
	{Name: "constant ifs around text", TmplName: "c", Data: "mapAnyX", Texts: []string{"a{{if true}}b{{end}}c|a{{if false}}b{{end}}c|a{{if false}}b{{else}}c{{end}}d|a{{if \"\"}}b{{else if true}}c{{else}}d{{end}}e|a{{/* one */}}b{{/* two */}}c|{{if true}}{{end}}{{if false}}{{end}}."}},
	{Name: "constant ifs nested", TmplName: "c", Data: "mapAnyX", Texts: []string{"{{if true}}{{if true}}{{.x}}{{end}}-{{end}}{{.x}}{{if 1}}{{.x}}{{end}}"}},
	{Name: "constant if assigns", TmplName: "c", Data: "mapAnyX", Texts: []string{"{{$v := 0}}{{if true}}{{$v = 2}}{{end}}{{$v}}"}},
	{Name: "constant if declares", TmplName: "c", Data: "mapAnyX", Texts: []string{"{{$v := 0}}{{if true}}{{$v := 1}}{{$v}}{{end}}{{$v}}"}},
	{Name: "constant if break continue", TmplName: "c", Data: "strs", Texts: []string{"{{range .}}{{.}}{{if true}}{{if eq . \"b\"}}{{break}}{{end}}{{end}}{{end}}|{{range .}}{{if true}}{{if eq . \"b\"}}{{continue}}{{end}}{{end}}{{.}}{{end}}|{{range .}}{{if true}}{{continue}}{{end}}{{.}}{{end}}!"}},
	{Name: "constant if error location", TmplName: "c", Data: "mapAnyX", Texts: []string{"a\n{{if true}}x{{/* c */}}\n{{.x.y}}{{end}}"}},
	{Name: "constant else error location", TmplName: "c", Data: "mapAnyX", Texts: []string{"{{if false}}{{.n}}{{else}}{{.x.y}}{{end}}"}},
	{Name: "constant with", TmplName: "c", Data: "mapAnyX", Texts: []string{"{{with \"w\"}}{{.}}{{end}}{{with \"\"}}no{{else}}{{.x}}{{end}}"}},
	{Name: "trimmed comments and constant if", TmplName: "c", Data: "mapAnyX", Texts: []string{"{{- /* c */ -}}\n  a  {{- if true -}} \n b \n {{- end -}}  c"}},
	// Call sites with the same constant arguments share one specialized implementation; different constants must not.
	{Name: "shared call sites", TmplName: "c", Data: "mapAnyX", Texts: []string{"{{printf \"%s-a\" .x}} {{printf \"%s-b\" .x}} {{printf \"%s-a\" \"y\"}} {{len \"ab\"}} {{len \"abc\"}} {{len \"ab\"}} {{printf \"%v\" nil}} {{printf \"%v\" \"nil\"}} {{printf \"%s-a\" .x}}"}},
	{Name: "want at least", TmplName: "f", Data: "nil", Texts: []string{"{{printf}}"}},
	{Name: "expected string", TmplName: "f", Data: "nil", Texts: []string{"{{printf 4}}"}},
	{Name: "wrong type", TmplName: "f", Data: "mapAnyX", Texts: []string{"{{printf .m}}"}},
	{Name: "invalid value", TmplName: "f", Data: "mapAnyX", Texts: []string{"{{printf .nope}}"}},
	{Name: "cannot assign nil", TmplName: "f", Data: "nil", Texts: []string{"{{printf nil}}"}},
	{Name: "call non function", TmplName: "f", Data: "mapAnyX", Texts: []string{"{{call .x}}"}},
	{Name: "if can't use", TmplName: "f", Data: "nil", Texts: []string{"{{if 1}}a{{end}}"}},
	{Name: "comments and trim", TmplName: "c", Data: "strs", Texts: []string{"a  {{- /* c */ -}}  b {{- range . }} {{.}} {{- end}}"}},
	{Name: "overflow int", TmplName: "c", Data: "nil", Texts: []string{"{{print 18446744073709551615}}"}},
	{Name: "huge int no value", TmplName: "c", Data: "nil", Texts: []string{"{{print 99999999999999999999}}"}},
	{Name: "chain on pipe", TmplName: "c", Data: "mapAnyX", Texts: []string{"{{(.m).k}} {{(index . \"m\").k}}"}},
	{Name: "print func", TmplName: "c", Data: "nil", Texts: []string{"{{print}}|{{println}}|{{html}}"}},
	{Name: "expected integer", TmplName: "a", Data: "nil", Funcs: true, Texts: []string{"{{intArg \"4\"}}"}},
	{Name: "literal conversions", TmplName: "a", Data: "nil", Funcs: true, Texts: []string{"{{intArg 4}} {{u8Arg 300}} {{f32Arg 0.1}} {{boolArg true}} {{cArg 2i}} {{strArg `x`}} {{ptrArg nil}}"}},
	{Name: "expected unsigned", TmplName: "a", Data: "nil", Funcs: true, Texts: []string{"{{u8Arg -1}}"}},
	{Name: "expected float", TmplName: "a", Data: "nil", Funcs: true, Texts: []string{"{{f32Arg 1}}"}},
	{Name: "expected bool", TmplName: "a", Data: "nil", Funcs: true, Texts: []string{"{{boolArg 1}}"}},
	{Name: "expected complex", TmplName: "a", Data: "nil", Funcs: true, Texts: []string{"{{cArg 1}}"}},
	{Name: "cannot handle", TmplName: "a", Data: "nil", Funcs: true, Texts: []string{"{{errArg 1}}"}},
	{Name: "json number wrong type", TmplName: "a", Data: "jsonNums", Funcs: true, Texts: []string{"{{strArg .n}}"}},
	{Name: "json number int arg", TmplName: "a", Data: "jsonNums", Funcs: true, Texts: []string{"{{intArg .n}}"}},
	{Name: "json numbers print", TmplName: "a", Data: "jsonNums", Texts: []string{"{{.n}} {{.f}} {{.big}} {{.l}} {{.}} {{.n.Int64}} {{.f.Float64}} {{.big.Int64}}"}},
	{Name: "json number methods error", TmplName: "a", Data: "jsonNums", Texts: []string{"{{.f.Int64}}"}},
	{Name: "error with percent", TmplName: "a", Data: "nil", Funcs: true, Texts: []string{"{{fail}}"}},
	{Name: "unicode columns in define", TmplName: "u", Data: "nil", Texts: []string{"ééé\n{{define \"d\"}}ü {{.X}}{{end}}{{template \"d\" 1}}"}},
	{Name: "finite recursion 2000", TmplName: "top", Data: "ints2000", Texts: []string{"{{define \"r\"}}{{if .}}{{template \"r\" (slice . 1)}}{{end}}{{end}}{{template \"r\" .}}done"}},
	{Name: "variable shadowing in with", TmplName: "v", Data: "strs", Texts: []string{"{{$x := 1}}{{with $x := 2}}{{$x}}{{$x = 3}}{{$x}}{{end}}{{$x}}"}},
	{Name: "range over nil and empty", TmplName: "v", Data: "mapAnyX", Texts: []string{"{{range .n}}x{{else}}nil{{end}} {{range .zz}}x{{else}}missing{{end}}"}},
	{Name: "dollar in template", TmplName: "c", Data: "strs", Texts: []string{"{{define \"x\"}}{{$}}{{end}}{{template \"x\" 3}}{{template \"x\"}}"}},
}

func main() {
	var out []tcase
	for _, c := range cases {
		t := template.New(c.TmplName).Delims(c.Delims[0], c.Delims[1])
		if c.Funcs {
			t.Funcs(funcs)
		}
		if c.MissingKey != "" {
			t.Option("missingkey=" + c.MissingKey)
		}
		var err error
		for _, text := range c.Texts {
			if _, err = t.Parse(text); err != nil {
				break
			}
		}
		if err == nil {
			var b strings.Builder
			if c.Exec != "" {
				err = t.ExecuteTemplate(&b, c.Exec, data[c.Data])
			} else {
				err = t.Execute(&b, data[c.Data])
			}
			c.Output = b.String()
			var ee template.ExecError
			if err != nil && !errors.As(err, &ee) && c.Exec == "" {
				fmt.Fprintln(os.Stderr, "not an ExecError:", c.Name)
			}
		} else {
			err = fmt.Errorf("PARSE %w", err)
		}
		if err != nil {
			c.Error = err.Error()
		}
		out = append(out, c)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(out)
}
