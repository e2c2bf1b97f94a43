package main

import (
	"bytes"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain sets up the process as main does: no environment, no logging.
func TestMain(m *testing.M) {
	pinLocalToUTC()
	os.Clearenv()
	log.SetOutput(io.Discard)
	os.Exit(m.Run())
}

// examples.json beside the oracle was produced by real Go: filling a copy
// without expectations must give the very same file.
func TestFillReproducesExamples(t *testing.T) {
	original, err := os.ReadFile("../examples.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "examples.json")
	if err := os.WriteFile(path, original, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := readCorpus(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.cases) != 8 {
		t.Fatalf("examples.json has %d cases, want 8", len(f.cases))
	}
	for i, c := range f.cases {
		f.cases[i] = c.withResult(Result{})
	}
	if err := os.WriteFile(path, f.encode(), 0o644); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(f.encode(), []byte(`"want`)) {
		t.Fatal("expectations were not stripped")
	}
	if !fill([]string{path}, 5*time.Second, io.Discard) {
		t.Fatal("fill reported unfillable cases")
	}
	filled, _ := os.ReadFile(path)
	if !bytes.Equal(filled, original) {
		t.Fatalf("filled file differs from examples.json:\n%s", filled)
	}
	if !check([]string{path}, 5*time.Second, io.Discard) {
		t.Fatal("check found differences")
	}
}

func TestConsulTemplateVaultBehaviour(t *testing.T) {
	kv2 := `"mounts":{"secret/":{"type":"kv","options":{"version":"2"}}}`
	tests := []struct{ name, line, want, wantError string }{
		{"read 404 on kv2", `{"mode":"consul-template","template":"{{ with secret \"secret/foo\" }}x{{ end }}",` + kv2 + `}`,
			"", "vault.read(secret/foo): no secret exists at secret/data/foo"},
		{"list kv2 (sent as GET ?list=true)", `{"mode":"consul-template","template":"{{ range secrets \"secret/\" }}{{ . }},{{ end }}",` + kv2 +
			`,"vault":{"LIST secret/metadata":{"data":{"keys":["b","a/"]}}}}`, "a/,b,", ""},
		{"nested dependency needs a second pass", `{"mode":"consul-template","template":"{{ with secret \"kv/a\" }}{{ with secret .Data.next }}{{ .Data.v }}{{ end }}{{ end }}",` +
			`"vault":{"kv/a":{"data":{"next":"kv/b"}},"kv/b":{"data":{"v":1.50}}}}`, "1.50", ""},
		{"env comes only from the case", `{"mode":"consul-template","template":"{{ env \"A\" }}|{{ env \"PATH\" }}","env":{"A":"1"}}`, "1|", ""},
		{"parse error", `{"mode":"consul-template","template":"{{ if }}"}`, "", "parse: template: :1: missing value for if"},
	}
	for _, tt := range tests {
		r, err := runCase([]byte(tt.line), 5*time.Second)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if tt.wantError != "" {
			if r.WantError == nil || *r.WantError != tt.wantError {
				t.Errorf("%s: got %s %q, want error %q", tt.name, r.kind(), r.text(), tt.wantError)
			}
		} else if r.Want == nil || *r.Want != tt.want {
			t.Errorf("%s: got %s %q, want %q", tt.name, r.kind(), r.text(), tt.want)
		}
	}
}

func TestBatchOneLinePerCase(t *testing.T) {
	in := strings.NewReader(`{"template":"<{{ .a }}>","data":{"a":"&"}}` + "\n" + `{"template":"{{ .a.b }}","data":{"a":1}}` + "\nnot json\n")
	var out bytes.Buffer
	if err := batch(in, &out, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	want := []string{
		`{"want":"<&>"}`,
		`{"wantError":"template: case:1:5: executing \"case\" at <.a.b>: can't evaluate field b in type interface {}"}`,
	}
	if len(lines) != 3 || lines[0] != want[0] || lines[1] != want[1] || !strings.HasPrefix(lines[2], `{"unfillable":"bad case JSON`) {
		t.Fatalf("got %q", lines)
	}
}

// A result JSON cannot carry (here invalid UTF-8, which Go's encoder would turn
// into U+FFFD) must leave the case without any expectation.
func TestUnstorableOutputIsUnfillable(t *testing.T) {
	r, err := runCase([]byte(`{"template":"{{ slice \"é\" 0 1 }}"}`), 5*time.Second)
	if err == nil || r.Want != nil || r.WantError != nil {
		t.Fatalf("got %+v, %v; want no expectation and an error", r, err)
	}
}
