// check's findings predict what Go does at render time. The predictions are compared with
// what real consul-template produced for the same templates (conformance/consul/check-predictions.json,
// filled by the oracle), so a changed message cannot drift from Go.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/index.js';
import { analyzeTrees } from '../../src/agent/analyze.js';

interface Case {
  name: string;
  template: string;
  want?: string;
  wantError?: string;
}
const cases = JSON.parse(readFileSync(join(import.meta.dirname, '../../conformance/consul/check-predictions.json'), 'utf8')) as Case[];
const byName = (n: string) => cases.find((c) => c.name === n) as Case;
const kv2 = () => ({ kv2: true, basis: 'recorded' });
const analyze = (text: string) =>
  analyzeTrees(
    parse('', text, '', '', () => true),
    kv2,
  );
/** The quoted text in a finding message: what it says Go will print. */
const quoted = (m: string) => /fails with "([^"]*)"/.exec(m)?.[1];

describe('predictions match real consul-template', () => {
  it('KV v2: .Data.Data.api_key hints .Data.data.api_key and predicts the nil pointer error', () => {
    const c = byName('kv2-data-Data-field');
    const [f] = analyze(c.template).findings;
    expect(f?.hint).toBe('use .Data.data.api_key');
    expect(c.wantError).toContain(quoted(f!.message));
  });
  it('KV v2: .Data.password hints .Data.data.password and predicts <no value>', () => {
    const c = byName('kv2-data-top-field');
    const [f] = analyze(c.template).findings;
    expect(f?.hint).toBe('use .Data.data.password');
    expect(f?.message).toContain(`prints ${c.want}`);
  });
  for (const name of ['secret-lowercase-data-field', 'secret-misspelt-field', 'secret-field-via-variable']) {
    it(`fields a secret lacks are errors (${name})`, () => {
      const c = byName(name);
      const found = analyze(c.template).findings;
      expect(found.map((f) => [f.code, f.severity])).toEqual([['no-field', 'error']]);
      expect(c.wantError).toContain(quoted(found[0]!.message));
    });
  }
  for (const name of ['range-over-secret', 'range-over-secret-vars']) {
    it(`range over a secret is an error (${name})`, () => {
      const c = byName(name);
      const found = analyze(c.template).findings;
      expect(found.map((f) => [f.code, f.severity])).toEqual([['range-secret', 'error']]);
      const predicted = quoted(found[0]!.message)!.replace('{...}', '');
      expect(c.wantError).toContain(predicted);
    });
  }
});

describe('other findings', () => {
  const codes = (t: string) => analyze(t).findings.map((f) => f.code);
  it('secret with arguments is a write; the hint shows the read form', () => {
    const [f] = analyze('{{ with secret "secret/app" "version=1" }}{{ end }}').findings;
    expect(f?.code).toBe('secret-write');
    expect(f?.hint).toContain('secret "secret/app?version=1"');
    expect(codes('{{ with secret "secret/app?version=1" }}{{ .Data.data.x }}{{ end }}')).toEqual([]);
  });
  it('valid secret fields and .Data are not flagged', () => {
    const kv1 = (t: string) =>
      analyzeTrees(
        parse('', t, '', '', () => true),
        () => ({ kv2: false, basis: 'recorded' }),
      ).findings;
    expect(kv1('{{ with secret "db/creds/r" }}{{ .LeaseID }}{{ .LeaseDuration }}{{ .Renewable }}{{ .Data.username }}{{ end }}')).toEqual([]);
    expect(kv1('{{ range $k, $v := (secret "db/creds/r").Data }}{{ $k }}{{ end }}')).toEqual([]);
  });
  it('functions needing Consul, Nomad, a file, a command or the interfaces', () => {
    const found = analyze('{{ key "a" }}{{ service "web" }}{{ file "/x" }}{{ plugin "p" }}{{ sockaddr "GetPrivateIP" }}{{ nomadVar "v" }}').findings;
    expect(found.map((f) => f.code)).toEqual(Array(6).fill('needs-service'));
    expect(found.map((f) => f.message.split(':')[0])).toEqual([
      'key queries Consul',
      'service queries Consul',
      'file reads a local file inside the Vault Agent container',
      'plugin runs a command inside the Vault Agent container',
      'sockaddr reads the network interfaces of the pod',
      'nomadVar queries Nomad',
    ]);
  });
});
