package main

// `vtpl-oracle bench` times real Go on the workloads of vtpl's benchmark
// (bench/ in the package), so both engines are measured on the same machine in
// the same run, with the same loop: warm up, then timed batches until the
// budget is spent.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"runtime/debug"
	"slices"
	"syscall"
	"text/template"
	"time"

	ct "github.com/hashicorp/consul-template/template"
)

// benchWorkload is a conformance case (no options) plus its time budget and
// number of timed rounds (0: benchRounds).
type benchWorkload struct {
	Case
	BudgetMs int `json:"budgetMs"`
	Rounds   int `json:"rounds"`
}

// measurement is one timed loop: Ops operations in Seconds (batch time only),
// in benchRounds rounds (or the workload's own number); OpsPerSec is the median round's, so a burst of load
// from elsewhere on the machine moves it less.
type measurement struct {
	Ops       int       `json:"ops"`
	Seconds   float64   `json:"seconds"`
	OpsPerSec float64   `json:"opsPerSec"`
	Rounds    []float64 `json:"rounds"`
}

const benchRounds = 5

type benchResult struct {
	Name   string  `json:"name"`
	Output *string `json:"output,omitempty"`
	Error  string  `json:"error,omitempty"`
	// For consul-template workloads, Parse is a render pass with an empty brain
	// (function map + parse; every `secret` is still missing) and Execute a
	// render pass with the brain filled (function map + parse + execute), as
	// consul-template's Template.Execute always parses.
	Parse         *measurement `json:"parse,omitempty"`
	Execute       *measurement `json:"execute,omitempty"`
	HeapPeakBytes uint64       `json:"heapPeakBytes"`
	MaxRSSBytes   int64        `json:"maxRSSBytes"`
}

type benchReport struct {
	GoVersion             string        `json:"goVersion"`
	ConsulTemplateVersion string        `json:"consulTemplateVersion"`
	Results               []benchResult `json:"results"`
}

// benchSubject is a workload made ready: its output, and one parse or execute per call.
type benchSubject struct {
	output  string
	parse   func() error
	execute func() error
}

// bench reads a JSON list of workloads and writes one JSON report.
func bench(in io.Reader, out io.Writer) error {
	var workloads []benchWorkload
	if err := json.NewDecoder(in).Decode(&workloads); err != nil {
		return err
	}
	report := benchReport{GoVersion: runtime.Version(), ConsulTemplateVersion: moduleVersion("github.com/hashicorp/consul-template")}
	for _, w := range workloads {
		report.Results = append(report.Results, benchOne(&w))
	}
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	return enc.Encode(report)
}

func benchOne(w *benchWorkload) benchResult {
	r := benchResult{Name: w.Name}
	var s *benchSubject
	var err error
	switch w.Mode {
	case "", "text/template":
		s, err = textSubject(&w.Case)
	case "consul-template":
		s, err = consulSubject(&w.Case)
	default:
		err = errors.New("unknown mode " + w.Mode)
	}
	if err != nil {
		r.Error = err.Error()
		return r
	}
	r.Output = &s.output
	budget := time.Duration(w.BudgetMs) * time.Millisecond
	if budget <= 0 {
		budget = time.Second
	}
	runtime.GC()
	var heapPeak uint64
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heapPeak = max(heapPeak, ms.HeapAlloc)
	}
	rounds := w.Rounds
	if rounds <= 0 {
		rounds = benchRounds
	}
	if r.Parse, err = measure(s.parse, budget, rounds, sample); err == nil {
		r.Execute, err = measure(s.execute, budget, rounds, sample)
	}
	if err != nil {
		r.Error = err.Error()
	}
	r.HeapPeakBytes = heapPeak
	r.MaxRSSBytes = maxRSS()
	return r
}

// measure warms op up for a quarter of the budget while finding a batch size
// that takes about a fiftieth of it, then runs timed batches in `rounds`
// rounds until the budget is spent. sample runs between batches, outside the
// timed part.
func measure(op func() error, budget time.Duration, rounds int, sample func()) (*measurement, error) {
	target := budget / 50
	batch := 1
	var warm time.Duration
	for {
		t, err := timeBatch(op, batch)
		if err != nil {
			return nil, err
		}
		warm += t
		if t < target {
			batch *= 2
		} else if warm >= budget/4 {
			break
		}
	}
	m := &measurement{}
	for range rounds {
		var spent time.Duration
		ops := 0
		for spent < budget/time.Duration(rounds) {
			t, err := timeBatch(op, batch)
			if err != nil {
				return nil, err
			}
			spent += t
			ops += batch
			sample()
		}
		m.Ops += ops
		m.Seconds += spent.Seconds()
		m.Rounds = append(m.Rounds, float64(ops)/spent.Seconds())
	}
	sorted := slices.Sorted(slices.Values(m.Rounds))
	m.OpsPerSec = sorted[len(sorted)/2]
	return m, nil
}

func timeBatch(op func() error, n int) (time.Duration, error) {
	start := time.Now()
	for range n {
		if err := op(); err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}

// textSubject: parse is template.New(name).Parse(text); execute runs the parsed
// template with dot = data (json.Number numbers) into a reused buffer.
func textSubject(c *Case) (*benchSubject, error) {
	if c.Options.Delims != nil || c.Options.Missingkey != "" {
		return nil, errors.New("bench: options are not supported")
	}
	name := "case"
	if c.TemplateName != nil {
		name = *c.TemplateName
	}
	dot, err := decodeData(c.Data)
	if err != nil {
		return nil, err
	}
	t, err := template.New(name).Parse(c.Template)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, dot); err != nil {
		return nil, err
	}
	return &benchSubject{
		output: buf.String(),
		parse: func() error {
			_, err := template.New(name).Parse(c.Template)
			return err
		},
		execute: func() error {
			buf.Reset()
			return t.Execute(&buf, dot)
		},
	}, nil
}

// consulSubject renders with consul-template's Template.Execute against a brain
// filled once from the workload's recorded Vault responses, as runConsulTemplate
// fills it.
func consulSubject(c *Case) (*benchSubject, error) {
	if c.Options.Delims != nil || c.Options.Missingkey != "" {
		return nil, errors.New("bench: options are not supported")
	}
	tmpl, err := ct.NewTemplate(&ct.NewTemplateInput{Contents: c.Template})
	if err != nil {
		return nil, err
	}
	env := envList(c.Env)
	brain, err := fillBrain(c, tmpl, env)
	if err != nil {
		return nil, err
	}
	full := &ct.ExecuteInput{Brain: brain, Env: env}
	empty := &ct.ExecuteInput{Brain: ct.NewBrain(), Env: env}
	res, err := tmpl.Execute(full)
	if err != nil {
		return nil, err
	}
	return &benchSubject{
		output: string(res.Output),
		parse: func() error {
			_, err := tmpl.Execute(empty)
			return err
		},
		execute: func() error {
			_, err := tmpl.Execute(full)
			return err
		},
	}, nil
}

// fillBrain fetches every dependency the template reports missing from the fake
// Vault until a pass has nothing missing.
func fillBrain(c *Case, tmpl *ct.Template, env []string) (*ct.Brain, error) {
	f := &fetcher{c: c}
	defer f.close()
	brain := ct.NewBrain()
	for range maxPasses {
		res, err := tmpl.Execute(&ct.ExecuteInput{Brain: brain, Env: env})
		if err != nil {
			return nil, err
		}
		if res.Missing.Len() == 0 {
			return brain, nil
		}
		for _, d := range res.Missing.List() {
			data, err := f.fetch(d)
			if err != nil {
				return nil, err
			}
			brain.Remember(d, data)
		}
	}
	return nil, unfillable("dependencies still missing after %d passes", maxPasses)
}

// maxRSS is the process's peak resident set size so far (Linux reports KiB).
func maxRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return int64(ru.Maxrss) * 1024
}

func moduleVersion(path string) string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == path {
				return m.Version
			}
		}
	}
	return ""
}
