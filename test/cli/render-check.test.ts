import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pod, tempTree, vaultBody, vtpl } from './helpers.js';

const EX = join(import.meta.dirname, '../../examples');
const P = 'vault.hashicorp.com/';

describe('vtpl render', () => {
  it('text mode decodes --data losslessly (json.Number)', async () => {
    const d = tempTree({
      't.tmpl': 'port={{ .port }} ratio={{ .ratio }} big={{ .big }}',
      'v.json': '{"port": 5432, "ratio": 1.50, "big": 12345678901234567890}',
    });
    const r = await vtpl('render', join(d, 't.tmpl'), '--data', join(d, 'v.json'));
    expect(r.err).toBe('');
    expect(r.out).toBe('port=5432 ratio=1.50 big=12345678901234567890');
    expect(r.code).toBe(0);
  });

  it('consul mode with recorded responses, custom delims', async () => {
    const d = tempTree({ 't.tmpl': '[[ with secret "kv/app" ]][[ .Data.user ]][[ end ]]', 'vault/kv/app.json': vaultBody('{"user":"bob"}') });
    const r = await vtpl('render', join(d, 't.tmpl'), '--responses', join(d, 'vault'), '--delims', '[[', ']]');
    expect(r.out).toBe('bob');
    expect(r.code).toBe(0);
  });

  it('consul mode: missing secret is exit 1 with the record command', async () => {
    const d = tempTree({ 't.tmpl': '{{ with secret "kv/none" }}{{ .Data }}{{ end }}', 'vault/_mounts.json': '{}' });
    const r = await vtpl('render', join(d, 't.tmpl'), '--responses', join(d, 'vault'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`vault read -format=json kv/none > ${join(d, 'vault')}/kv/none.json`);
  });

  it("missingkey=error in text mode gives Go's error", async () => {
    const d = tempTree({ 't.tmpl': '{{ .nope }}', 'v.json': '{}' });
    const r = await vtpl('render', join(d, 't.tmpl'), '--data', join(d, 'v.json'), '--missingkey', 'error');
    expect(r.code).toBe(1);
    expect(r.err).toBe('vtpl render: template: t.tmpl:1:3: executing "t.tmpl" at <.nope>: map has no entry for key "nope"\n');
  });

  it('consul mode --env, -o writes the file', async () => {
    const d = tempTree({ 't.tmpl': '{{ env "A" }}|{{ env "B" }}|{{ env "HOME" }}' });
    const out = join(d, 'sub/out.txt');
    const r = await vtpl('render', join(d, 't.tmpl'), '--mode', 'consul', '--env', 'A=1', '--env', 'B=x=y', '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(readFileSync(out, 'utf8')).toBe('1|x=y|');
  });

  it('-o is the destination pkiCert names its dependency by, as in Vault Agent (checked by test/e2e/errors.e2e.ts)', async () => {
    const d = tempTree({ 't.tmpl': '{{ with pkiCert "pki/issue/web" "common_name=a.svc" }}{{ .Cert }}{{ end }}', 'vault/_mounts.json': '{}' });
    const out = join(d, 'tls.pem');
    const r = await vtpl('render', join(d, 't.tmpl'), '--responses', join(d, 'vault'), '-o', out);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(`vtpl render: vault.pki(pki/issue/web->${out}): Error making API request.`);
    const stdout = await vtpl('render', join(d, 't.tmpl'), '--responses', join(d, 'vault'));
    expect(stdout.err.split('\n')[0]).toBe('vtpl render: vault.pki(pki/issue/web->): Error making API request.');
  });

  it('usage errors exit 2', async () => {
    const d = tempTree({ 't.tmpl': 'x', 'v.json': '{}' });
    expect((await vtpl('render', join(d, 't.tmpl'), '--mode', 'consul', '--data', join(d, 'v.json'))).code).toBe(2);
    expect((await vtpl('render', join(d, 't.tmpl'), '--missingkey', 'maybe')).code).toBe(2);
    expect((await vtpl('render', join(d, 't.tmpl'), '--mode', 'go')).code).toBe(2);
    expect((await vtpl('render')).code).toBe(2);
  });

  it('bad --data JSON is exit 1 with the decoder message', async () => {
    const d = tempTree({ 't.tmpl': 'x', 'v.json': '{"a":' });
    const r = await vtpl('render', join(d, 't.tmpl'), '--data', join(d, 'v.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^vtpl render: .*v\.json:1:6: /);
  });
});

describe('vtpl check', () => {
  it('the examples are clean and list what each template reads', async () => {
    const r = await vtpl('check', join(EX, 'deployment.yaml'), '--responses', join(EX, 'vault'));
    expect(r.out).toContain('reads  secret database/creds/my-app-db-role');
    expect(r.out).toContain('reads  pkiCert pki/issue/web "common_name=web.shop.svc" "ttl=24h"');
    expect(r.out).toMatch(/0 errors, 0 warnings/);
    expect(r.code).toBe(0);
  });

  it('warns about .Data.KEY on KV v2 (heuristic without --responses); exit 0, or 1 with --strict', async () => {
    const d = tempTree({
      'app.yaml': pod({
        [P + 'agent-inject']: 'true',
        [P + 'agent-inject-secret-cfg']: 'secret/data/app',
        [P + 'agent-inject-template-cfg']: '{{ with secret "secret/data/app" }}\npassword={{ .Data.password }}\n{{ end }}\n',
      }),
    });
    const r = await vtpl('check', join(d, 'app.yaml'));
    expect(r.code).toBe(0);
    expect((await vtpl('check', join(d, 'app.yaml'), '--strict')).code).toBe(1);
    expect(r.out).toContain(
      'warning: .Data.password reads .Data.password, but "secret/data/app" is a KV v2 secret (assumed: "secret/" is the default KV v2 mount',
    );
    expect(r.out).toContain('hint: use .Data.data.password');
    // positioned inside the YAML literal block: line 10 is "      password={{ .Data.password }}"
    expect(r.out).toMatch(/app\.yaml:10:19: warning/);
    expect(r.out).toContain(`      password={{ .Data.password }}\n${' '.repeat(20)}^`);
  });

  it('recorded mounts decide KV version', async () => {
    const d = tempTree({
      't.ctmpl': '{{ with secret "kv/app" }}{{ .Data.password }}{{ end }}',
      'v1/_mounts.json': '{"kv/": {"type": "kv", "options": {"version": "1"}}}',
      'v2/_mounts.json': '{"kv/": {"type": "kv", "options": {"version": "2"}}}',
    });
    expect((await vtpl('check', join(d, 't.ctmpl'), '--responses', join(d, 'v1'))).code).toBe(0);
    const v2 = await vtpl('check', join(d, 't.ctmpl'), '--responses', join(d, 'v2'), '--strict');
    expect(v2.code).toBe(1);
    expect(v2.out).toContain('recorded mount kv/ is kv version 2');
    expect(v2.out).toContain('t.ctmpl:1:30: warning');
  });

  it('warns about comparing Vault data with an int literal', async () => {
    const d = tempTree({ 't.ctmpl': '{{ with secret "db/config" }}{{ if eq .Data.port 5432 }}default{{ end }}{{ end }}' });
    const r = await vtpl('check', join(d, 't.ctmpl'), '--strict');
    expect(r.code).toBe(1);
    expect(r.out).toContain('eq compares Vault data (.Data.port) with the integer 5432');
    expect(r.out).toContain('hint: compare with a string: eq .Data.port "5432"');
  });

  it('parse errors point into the YAML with a caret', async () => {
    const d = tempTree({
      'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-x']: 'line one\n{{ if .X }}\nno end\n' }),
    });
    const r = await vtpl('check', join(d, 'app.yaml'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/app\.yaml:\d+:\d+: error: template: :\d+: unexpected EOF/);
    const j = JSON.parse((await vtpl('check', join(d, 'app.yaml'), '--json')).out) as { ok: boolean; problems: { severity: string; pos?: { line: number } }[] };
    expect(j.ok).toBe(false);
    expect(j.problems[0]!.severity).toBe('error');
  });

  it('maps a parse error line into a literal block', async () => {
    const d = tempTree({
      'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-x']: 'ok\n{{ nope }}\n' }),
    });
    const r = await vtpl('check', join(d, 'app.yaml'));
    expect(r.code).toBe(1);
    // template line 2 is file line 9 ("      {{ nope }}")
    expect(r.out).toContain('app.yaml:9:7: error: template: :2: function "nope" not defined');
    expect(r.out).toContain('      {{ nope }}\n        ^');
  });

  it('cross-checks agent-inject-secret paths against the template', async () => {
    const d = tempTree({
      'app.yaml': pod({
        [P + 'agent-inject']: 'true',
        [P + 'agent-inject-secret-db']: 'database/creds/app',
        [P + 'agent-inject-template-db']: '{{ with secret "database/creds/other" }}{{ .Data.username }}{{ end }}',
      }),
    });
    const r = await vtpl('check', join(d, 'app.yaml'), '--strict');
    expect(r.code).toBe(1);
    expect(r.out).toContain('vault.hashicorp.com/agent-inject-secret-db names "database/creds/app" but its template reads "database/creds/other"');
  });

  it('marks dynamic paths', async () => {
    const d = tempTree({ 't.ctmpl': '{{ $p := "kv/x" }}{{ with secret $p }}{{ .Data.v }}{{ end }}{{ range secrets "kv/" }}{{ . }}{{ end }}' });
    const r = await vtpl('check', join(d, 't.ctmpl'));
    expect(r.out).toContain('reads  secret <dynamic path: computed at render time>');
    expect(r.out).toContain('reads  secrets kv/');
    expect(r.code).toBe(0);
  });

  it('non-string annotation values and manifests without pods', async () => {
    const d = tempTree({
      'a.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    vault.hashicorp.com/agent-inject: true\n',
      'b.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n',
    });
    const a = await vtpl('check', join(d, 'a.yaml'));
    expect(a.code).toBe(1);
    expect(a.out).toContain('is a YAML boolean, not a string: quote it ("true")');
    const b = await vtpl('check', join(d, 'b.yaml'));
    expect(b.code).toBe(0);
    expect(b.out).toContain('skipped Service/s: kind Service has no pod template');
  });

  it('a directory means its YAML files', async () => {
    const r = await vtpl('check', EX);
    expect(r.out).toContain('deployment.yaml');
  });
});

describe('conventions', () => {
  it('--help has examples for every command', async () => {
    for (const cmd of ['preview', 'render', 'check']) {
      const r = await vtpl(cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Examples:');
    }
    expect((await vtpl('--help')).out).toContain('Examples:');
  });
  it('--no-color is accepted anywhere', async () => {
    const r = await vtpl('check', join(EX, 'deployment.yaml'), '--no-color');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('\x1b[');
  });
});
