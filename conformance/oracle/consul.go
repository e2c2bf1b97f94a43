package main

import (
	"errors"
	"sort"

	"github.com/hashicorp/consul-template/config"
	dep "github.com/hashicorp/consul-template/dependency"
	"github.com/hashicorp/consul-template/template"
)

// The runner sets these package-wide values from its config before any fetch
// (manager/runner.go); Vault Agent leaves them at consul-template's defaults.
// Without them pkiCert treats every certificate as due for renewal.
func init() {
	dep.SetVaultDefaultLeaseDuration(config.DefaultVaultLeaseDuration)
	dep.SetVaultLeaseRenewalThreshold(config.DefaultLeaseRenewalThreshold)
}

// maxPasses bounds the render/fetch loop (each pass can discover dependencies
// nested in data fetched by the previous one).
const maxPasses = 20

// runConsulTemplate renders a case as Vault Agent does: consul-template's own
// Template.Execute against a Brain, fetching each missing dependency with its real
// Fetch from the fake Vault, until a pass has nothing missing.
func runConsulTemplate(c *Case) (Result, error) {
	if c.TemplateName != nil && *c.TemplateName != "" {
		return Result{}, unfillable("templateName %q: consul-template always names its template \"\" (template.New(\"\"))", *c.TemplateName)
	}
	if hasData(c.Data) {
		return Result{}, unfillable("data: consul-template always executes with dot = nil")
	}
	var errMissingKey bool
	switch mk := c.Options.Missingkey; mk {
	case "", "default", "zero":
	case "error":
		errMissingKey = true
	default:
		return Result{}, unfillable("options.missingkey %q: consul-template has only zero and error", mk)
	}
	input := &template.NewTemplateInput{Contents: c.Template, ErrMissingKey: errMissingKey}
	if c.Options.Delims != nil {
		input.LeftDelim, input.RightDelim = c.Options.Delims[0], c.Options.Delims[1]
	}
	tmpl, err := template.NewTemplate(input)
	if err != nil {
		return failure(err), nil
	}

	f := &fetcher{c: c}
	defer f.close()
	brain := template.NewBrain()
	exec := &template.ExecuteInput{Brain: brain, Env: envList(c.Env)}
	for pass := 0; pass < maxPasses; pass++ {
		res, err := tmpl.Execute(exec)
		if err != nil {
			return failure(err), nil
		}
		if res.Missing.Len() == 0 {
			return output(string(res.Output)), nil
		}
		for _, d := range res.Missing.List() {
			data, err := f.fetch(d)
			var notFillable *unfillableError
			if errors.As(err, &notFillable) {
				return Result{}, err
			}
			if err != nil {
				return failure(err), nil
			}
			brain.Remember(d, data)
		}
	}
	return Result{}, unfillable("dependencies still missing after %d passes", maxPasses)
}

// envList is the ExecuteInput.Env form ("K=V") of the case's env, in a fixed order.
func envList(env map[string]string) []string {
	list := make([]string, 0, len(env))
	for k, v := range env {
		list = append(list, k+"="+v)
	}
	sort.Strings(list)
	return list
}

// fetcher runs dependency fetches for one case; the Vault client is made on the
// first fetch, since most cases never talk to Vault.
type fetcher struct {
	c          *Case
	clients    *dep.ClientSet
	unregister func()
}

// fetch calls d's real Fetch. Each dependency object is fetched once and is
// new, so Fetch never waits (only later fetches sleep or renew).
func (f *fetcher) fetch(d dep.Dependency) (any, error) {
	if d.Type() != dep.TypeVault {
		return nil, unfillable("dependency %s needs Consul, Nomad or the file system, which the oracle does not provide", d)
	}
	if f.clients == nil {
		server := theVaultServer()
		token, unregister, err := server.register(f.c)
		if err != nil {
			return nil, err
		}
		f.unregister = unregister
		clients, err := server.newClients(token)
		if err != nil {
			return nil, unfillable("vault client: %v", err)
		}
		f.clients = clients
	}
	data, _, err := d.Fetch(f.clients, &dep.QueryOptions{})
	return data, err
}

func (f *fetcher) close() {
	if f.clients != nil {
		f.clients.Stop()
	}
	if f.unregister != nil {
		f.unregister()
	}
}
