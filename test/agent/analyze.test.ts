import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/index.js';
import { analyzeTrees, guessKvVersion, normalizeSecretPath } from '../../src/agent/analyze.js';

const any = () => true;
const analyze = (text: string, kv2 = (p: string) => guessKvVersion(p)) => analyzeTrees(parse('', text, '', '', any), kv2);

describe('secret reads', () => {
  it('finds literal paths of secret, secrets and pkiCert, with args', () => {
    const a = analyze(
      '{{ with secret "db/creds/x" }}{{ end }}{{ range secrets "kv/" }}{{ end }}{{ pkiCert "pki/issue/r" "common_name=a" }}{{ secret "kv/w" "a=b" }}',
    );
    expect(a.reads.map((r) => [r.fn, r.path, r.args])).toEqual([
      ['secret', 'db/creds/x', []],
      ['secrets', 'kv/', []],
      ['pkiCert', 'pki/issue/r', ['common_name=a']],
      ['secret', 'kv/w', ['a=b']],
    ]);
  });
  it('marks computed paths, follows pipelines', () => {
    const a = analyze('{{ secret (printf "kv/%s" "x") }}{{ "kv/piped" | secret }}{{ $p := "a" }}{{ secret $p }}');
    expect(a.reads.map((r) => r.path)).toEqual([undefined, 'kv/piped', undefined]);
  });
  it('looks inside define blocks and nested control structures', () => {
    const a = analyze('{{ define "x" }}{{ if true }}{{ with secret "kv/in-define" }}{{ end }}{{ end }}{{ end }}');
    expect(a.reads.map((r) => r.path)).toEqual(['kv/in-define']);
  });
});

describe('KV v2 .Data.KEY', () => {
  const codes = (t: string) => analyze(t).findings.map((f) => f.code);
  it('flags .Data.KEY under with, variables and chains', () => {
    expect(codes('{{ with secret "secret/data/app" }}{{ .Data.password }}{{ end }}')).toEqual(['kv2-data']);
    expect(codes('{{ with secret "secret/app" }}{{ .Data.password }}{{ end }}')).toEqual(['kv2-data']);
    expect(codes('{{ $s := secret "kv/data/app" }}{{ $s.Data.password }}')).toEqual(['kv2-data']);
    expect(codes('{{ (secret "secret/app").Data.password }}')).toEqual(['kv2-data']);
    expect(codes('{{ with secret "secret/app" }}{{ with .Data }}{{ .password }}{{ end }}{{ end }}')).toEqual(['kv2-data']);
  });
  it('accepts .Data.data / .Data.metadata and non-KV paths', () => {
    expect(codes('{{ with secret "secret/data/app" }}{{ .Data.data.password }}{{ .Data.metadata.version }}{{ end }}')).toEqual([]);
    expect(codes('{{ with secret "database/creds/r" }}{{ .Data.password }}{{ end }}')).toEqual([]);
  });
  it('uses the given KV verdict', () => {
    const a = analyzeTrees(parse('', '{{ with secret "kv/app" }}{{ .Data.k }}{{ end }}', '', '', any), () => ({ kv2: true, basis: 'recorded' }));
    expect(a.findings[0]!.message).toContain('(recorded)');
    expect(a.findings[0]!.pos).toBe('{{ with secret "kv/app" }}{{ '.length);
  });
});

describe('int comparisons', () => {
  const f = (t: string) =>
    analyze(t)
      .findings.filter((x) => x.code === 'int-compare')
      .map((x) => x.hint);
  it('flags eq/ne/lt... of Vault data with an int literal', () => {
    expect(f('{{ with secret "db/c" }}{{ if eq .Data.port 5432 }}{{ end }}{{ end }}')).toEqual(['compare with a string: eq .Data.port "5432"']);
    expect(f('{{ with secret "db/c" }}{{ if lt 3 .Data.n }}{{ end }}{{ end }}')).toHaveLength(1);
    expect(f('{{ if .Data.port | eq 5432 }}{{ end }}')).toHaveLength(1);
    expect(f('{{ with secret "db/c" }}{{ range $k, $v := .Data }}{{ if eq $v 1 }}{{ end }}{{ end }}{{ end }}')).toHaveLength(1);
  });
  it('leaves string and float comparisons and non-Vault values alone', () => {
    expect(f('{{ with secret "db/c" }}{{ if eq .Data.port "5432" }}{{ end }}{{ end }}')).toEqual([]);
    expect(f('{{ $n := 3 }}{{ if eq $n 3 }}{{ end }}')).toEqual([]);
    expect(f('{{ if eq (len "abc") 3 }}{{ end }}')).toEqual([]);
  });
});

describe('helpers', () => {
  it('normalizeSecretPath trims like consul-template', () => {
    expect(normalizeSecretPath(' /secret/data/app/ ')).toBe('secret/data/app');
    expect(normalizeSecretPath('secret/app?version=2')).toBe('secret/app');
  });
  it('guessKvVersion', () => {
    expect(guessKvVersion('secret/app')?.kv2).toBe(true);
    expect(guessKvVersion('kv/data/app')?.kv2).toBe(true);
    expect(guessKvVersion('database/creds/x')).toBeUndefined();
  });
});
