// What a new user meets around preview and render: rejected pods, namespaces, clear errors, exit codes.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordCommand } from '../../src/agent/preview.js';
import { pod, tempTree, vaultBody, vtpl } from './helpers.js';

const P = 'vault.hashicorp.com/';

function withNamespace(manifest: string, ns: string): string {
  return manifest.replace('  name: app\n', `  name: app\n  namespace: ${ns}\n`);
}

describe('preview: pods the injector rejects', () => {
  it('agent-inject-default-template: yaml is an error and no file is rendered', async () => {
    const dir = tempTree({
      'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-default-template']: 'yaml', [P + 'agent-inject-secret-a']: 'x' }),
      'vault/x.json': vaultBody('{"a":"1"}'),
    });
    const r = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('error: invalid default template type: yaml');
    expect(r.out).not.toContain('==> /vault/secrets/a');
  });
  it('an invalid perms value is an error for the pod, with no files', async () => {
    const dir = tempTree({
      'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-a']: 'x', [P + 'agent-inject-perms-a']: '0999' }),
      'vault/x.json': vaultBody('{"a":"1"}'),
    });
    const r = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('agent-inject-perms-a: "0999" is not an octal file mode');
    expect(r.out).not.toContain('==> /vault/secrets/a');
  });
  it('agent-configmap is reported', async () => {
    const dir = tempTree({
      'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-configmap']: 'web-agent', [P + 'agent-inject-secret-a']: 'x' }),
      'vault/x.json': vaultBody('{"a":"1"}'),
    });
    const r = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'));
    expect(r.out).toContain(
      'warning: vault.hashicorp.com/agent-configmap: the agent takes its whole configuration (templates included) from ConfigMap "web-agent"',
    );
  });
});

describe('preview: namespaces, nothing to preview, broken files', () => {
  it('the namespace is in the pod header and in the --out folder', async () => {
    const dir = tempTree({
      'app.yaml': withNamespace(pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-a']: 'x' }), 'shop'),
      'vault/x.json': vaultBody('{"a":"1"}'),
    });
    const out = join(dir, 'out');
    const r = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'), '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# Pod/app in namespace shop (');
    expect(readdirSync(join(out, 'shop', 'pod-app', 'vault', 'secrets'))).toEqual(['a']);
    expect((await vtpl('preview', '--help')).out).toContain('DIR/[<namespace>/]<kind>-<name>/<destination>');
  });
  it('an empty directory or a manifest without pods exits 1 and says so', async () => {
    const dir = tempTree({ 'empty/readme.txt': 'x', 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n', 'vault/x.json': vaultBody('{}') });
    const e = await vtpl('preview', join(dir, 'empty'), '--responses', join(dir, 'vault'));
    expect(e.code).toBe(1);
    expect(e.err).toContain('nothing to preview');
    const s = await vtpl('preview', join(dir, 'svc.yaml'), '--responses', join(dir, 'vault'));
    expect(s.code).toBe(1);
    expect(s.err).toContain('nothing to preview: no pod templates in');
  });
  it('a malformed file keeps its context line; the other files are still previewed', async () => {
    const dir = tempTree({
      'k8s/a.yaml': 'kind: Pod\nmetadata:\n  name: [x\n  annotations: {}\n',
      'k8s/b.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-a']: 'x' }),
      'vault/x.json': vaultBody('{"a":"1"}'),
    });
    const r = await vtpl('preview', join(dir, 'k8s'), '--responses', join(dir, 'vault'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('==> /vault/secrets/a');
    expect(r.err).toMatch(/a\.yaml:4:3: [^\n]*\]\n {4}annotations: \{\}\n {4}\^\n/);
  });
});

describe('usage errors exit 2', () => {
  it('--env FOO, --vault-addr not-a-url, --default-template yaml', async () => {
    const dir = tempTree({ 'app.yaml': pod({ [P + 'agent-inject']: 'true' }), 't.ctmpl': 'x', 'vault/x.json': vaultBody('{}') });
    const env = await vtpl('render', join(dir, 't.ctmpl'), '--mode', 'consul', '--env', 'FOO');
    expect(env.code).toBe(2);
    expect(env.err).toContain('--env wants KEY=VALUE, got "FOO"');
    const addr = await vtpl('render', join(dir, 't.ctmpl'), '--vault-addr', 'not-a-url', '--token', 't');
    expect(addr.code).toBe(2);
    expect(addr.err).toContain('--vault-addr must be an http:// or https:// URL');
    const dt = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'), '--default-template', 'yaml');
    expect(dt.code).toBe(2);
  });
});

describe('render: saying how to give what is missing', () => {
  it('a template that reads Vault, with neither --responses nor an address', async () => {
    const dir = tempTree({ 't.ctmpl': '{{ with secret "kv/a" }}{{ .Data.v }}{{ end }}' });
    const saved = process.env.VAULT_ADDR;
    delete process.env.VAULT_ADDR;
    try {
      const r = await vtpl('render', join(dir, 't.ctmpl'));
      expect(r.code).toBe(1);
      expect(r.err).toContain(
        'reads Vault (secret/secrets/pkiCert): give recorded responses with --responses DIR, or a live Vault with --vault-addr URL (or VAULT_ADDR',
      );
    } finally {
      if (saved !== undefined) process.env.VAULT_ADDR = saved;
    }
  });
  it('a consul-template function in text mode', async () => {
    const dir = tempTree({ 't.tmpl': '{{ env "HOME" }}' });
    const r = await vtpl('render', join(dir, 't.tmpl'), '--mode', 'text');
    expect(r.code).toBe(1);
    expect(r.err).toContain('env is a consul-template function: render as Vault Agent does with --mode consul');
  });
  it('--data JSON errors name the file and line:col', async () => {
    const dir = tempTree({ 't.tmpl': 'x', 'v.json': '{\n  "a": 1,\n  "b": }' });
    const r = await vtpl('render', join(dir, 't.tmpl'), '--data', join(dir, 'v.json'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`vtpl render: ${join(dir, 'v.json')}:3:8: invalid character '}' looking for beginning of value\n`);
  });
});

describe('record commands', () => {
  it('never print [object Object] for structured write data', () => {
    const cmd = recordCommand({ method: 'PUT', path: 'transit/encrypt/k', data: { batch_input: [{ plaintext: 'YQ==' }], n: 1 } }, 'rec');
    expect(cmd).not.toContain('[object Object]');
    expect(cmd).toContain(`'batch_input=[{"plaintext":"YQ=="}]' n=1`);
  });
});

describe('preview: parse errors point into the manifest', () => {
  it('as check does: file:line:col of the template line inside the YAML block', async () => {
    const dir = tempTree({
      'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-x']: 'ok\n{{ nope }}\n' }),
      'vault/x.json': vaultBody('{}'),
    });
    const r = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`not written: ${join(dir, 'app.yaml')}:9:7: parse: template: :2: function "nope" not defined`);
  });
});
