import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pod, tempTree, vaultBody, vtpl } from './helpers.js';

const EX = join(import.meta.dirname, '../../examples');
const P = 'vault.hashicorp.com/';

describe('vtpl preview', () => {
  it('renders the examples exactly', async () => {
    const r = await vtpl('preview', join(EX, 'deployment.yaml'), '--responses', join(EX, 'vault'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('==> /vault/secrets/myappdb.txt  mode 0644 (Vault Agent default)');
    expect(r.out).toContain(
      'export DB_USER="v-kubernet-my-app-d-Qx81Jm2sTgW0Yp3kLzNf-1716294093"\nexport DB_PASSWORD="A1a-4qmDzkLx7TfPbRv9"\n\\ No newline at end of file',
    );
    expect(r.out).toContain('==> /vault/secrets/app/config.properties  mode 0440');
    expect(r.out).toContain('api_url=https://api.shop.example.com\nfeature_flags=checkout-v2,search\nmax_connections=100\ntimeout_seconds=2.5\n# version 3\n');
    expect(r.out).toContain('after render the agent runs (not run here): kill -HUP $(pidof nginx)');
    expect(r.out).toContain('==> /vault/secrets/token  mode 0640');
    expect(r.out).toContain('<VAULT TOKEN');
    expect(r.out).toMatch(/-----BEGIN CERTIFICATE-----/);
    // CronJob with the json default template
    expect(r.out).toContain('==> /vault/secrets/smtp  mode 0644 (Vault Agent default)  from default json template');
    expect(r.out).toContain('{"data":{"host":"smtp.example.com","password":"s3cr3t-smtp","port":587,"user":"reports@example.com"},"metadata":{');
    expect(r.out).toContain('skipped ConfigMap/web-settings: kind ConfigMap has no pod template');
  });

  it('--json gives every file with path, mode, reads and content', async () => {
    const r = await vtpl('preview', join(EX, 'deployment.yaml'), '--responses', join(EX, 'vault'), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      ok: boolean;
      manifests: { pods: { label: string; files: { destination: string; mode: string; reads: { fn: string; path?: string }[]; content?: string }[] }[] }[];
    };
    expect(doc.ok).toBe(true);
    const web = doc.manifests[0]!.pods[0]!;
    expect(web.label).toBe('Deployment/web');
    const db = web.files.find((f) => f.destination === '/vault/secrets/myappdb.txt')!;
    expect(db.reads).toEqual([{ fn: 'secret', path: 'database/creds/my-app-db-role', args: [] }]);
    expect(db.content).toBe('export DB_USER="v-kubernet-my-app-d-Qx81Jm2sTgW0Yp3kLzNf-1716294093"\nexport DB_PASSWORD="A1a-4qmDzkLx7TfPbRv9"');
  });

  it('--out writes every file atomically with its mode', async () => {
    const out = tempTree({});
    const r = await vtpl('preview', join(EX, 'deployment.yaml'), '--responses', join(EX, 'vault'), '--out', out);
    expect(r.code).toBe(0);
    const cfg = join(out, 'shop/deployment-web/vault/secrets/app/config.properties');
    expect(statSync(cfg).mode & 0o777).toBe(0o440);
    expect(readFileSync(cfg, 'utf8')).toMatch(/^api_url=/);
    expect(statSync(join(out, 'shop/deployment-web/vault/secrets/myappdb.txt')).mode & 0o777).toBe(0o644);
    expect(existsSync(join(out, 'shop/cronjob-nightly-report/vault/secrets/smtp'))).toBe(true);
    expect(existsSync(join(out, 'shop/deployment-web/vault/secrets/token'))).toBe(false); // placeholder only
    const all = readdirSync(out, { recursive: true }) as string[];
    expect(all.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a missing secret says how to record it and writes nothing', async () => {
    const dir = tempTree({
      'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-db']: 'database/creds/app' }),
      'vault/other.json': vaultBody('{}'),
    });
    const out = join(dir, 'out');
    const r = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'), '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toContain('not written:');
    expect(r.out).toContain('missing GET /v1/database/creds/app; record it with:');
    expect(r.out).toContain(`vault read -format=json database/creds/app > ${join(dir, 'vault')}/database/creds/app.json`);
    expect(existsSync(join(out, 'pod-app/vault/secrets/db'))).toBe(false);
  });

  it('template errors are reported per file (Go text), exit 1', async () => {
    const dir = tempTree({
      'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-x']: '{{ .Data.x }' }),
      'vault/_mounts.json': '{}',
    });
    const r = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/not written: \S*app\.yaml:\d+:\d+: parse: template: :1: /);
  });

  it('pods without agent-inject are reported, not rendered', async () => {
    const dir = tempTree({ 'app.yaml': pod({ [P + 'agent-inject-secret-db']: 'x' }), 'vault/x.json': vaultBody('{}') });
    const r = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('nothing injected: annotation vault.hashicorp.com/agent-inject is absent');
  });

  it('invalid annotations make the pod an error', async () => {
    const dir = tempTree({
      'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-default-template']: 'xml', [P + 'agent-inject-secret-a']: 'x' }),
      'vault/x.json': vaultBody('{"a":"1"}'),
    });
    const r = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('error: invalid default template type: xml');
  });

  it('template files come from --template-dir', async () => {
    const dir = tempTree({
      'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-a']: 'kv/a', [P + 'agent-inject-template-file-a']: '/vault/configs/a.ctmpl' }),
      'tpl/a.ctmpl': '{{ with secret "kv/a" }}{{ .Data.v }}{{ end }}\n',
      'vault/kv/a.json': vaultBody('{"v":"hello"}'),
    });
    const r = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'), '--template-dir', join(dir, 'tpl'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('==> /vault/secrets/a');
    expect(r.out).toContain('hello\n');
    const missingDir = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'));
    expect(missingDir.code).toBe(1);
    expect(missingDir.out).toContain('pass --template-dir DIR');
  });

  it('malformed YAML: file:line:col on stderr, no stack trace, exit 1', async () => {
    const dir = tempTree({ 'bad.yaml': 'kind: Pod\nmetadata:\n  annotations: {a: 1\n', 'vault/x.json': '{}' });
    const r = await vtpl('preview', join(dir, 'bad.yaml'), '--responses', join(dir, 'vault'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^vtpl preview: ${join(dir, 'bad.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('usage errors exit 2', async () => {
    expect((await vtpl('preview', join(EX, 'deployment.yaml'))).code).toBe(2);
    expect((await vtpl('preview')).code).toBe(2);
    expect((await vtpl('preview', 'x.yaml', '--responses', 'd', '--bogus')).code).toBe(2);
    expect((await vtpl('nonsense')).code).toBe(2);
  });

  it('a missing manifest file is exit 1 with a plain message', async () => {
    const r = await vtpl('preview', '/nonexistent/x.yaml', '--responses', join(EX, 'vault'));
    expect(r.code).toBe(1);
    expect(r.err).toBe('vtpl preview: cannot read /nonexistent/x.yaml: no such file or directory\n');
  });

  it('default map template, delimiters and error-on-missing-key annotations, unrecorded LIST', async () => {
    const d = tempTree({
      'p.yaml': `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: p2
    annotations:
      vault.hashicorp.com/agent-inject: "true"
      vault.hashicorp.com/agent-inject-secret-KV: "secret/web/config"
      vault.hashicorp.com/agent-inject-secret-strict: "db/creds/r"
      vault.hashicorp.com/agent-inject-template-strict: "[[ with secret \\"db/creds/r\\" ]][[ .Data.nope ]][[ end ]]"
      vault.hashicorp.com/agent-template-left-delim-strict: "[["
      vault.hashicorp.com/agent-template-right-delim-strict: "]]"
      vault.hashicorp.com/error-on-missing-key-strict: "true"
      vault.hashicorp.com/agent-inject-template-list: "{{ range secrets \\"kv/\\" }}{{ . }}{{ end }}"
`,
      'vault/_mounts.json': '{"secret/": {"type": "kv", "options": {"version": "2"}}}',
      'vault/secret/data/web/config.json': vaultBody('{"data":{"b":"2","a":1.50},"metadata":{"custom_metadata":null,"version":3}}'),
      'vault/db/creds/r.json': vaultBody('{"user":"alice"}'),
    });
    const r = await vtpl('preview', join(d, 'p.yaml'), '--responses', join(d, 'vault'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      '==> /vault/secrets/kv  mode 0644 (Vault Agent default)  from default map template for vault.hashicorp.com/agent-inject-secret-KV\n' +
        '    reads: secret secret/web/config\n' +
        'data: map[a:1.50 b:2]\nmetadata: map[custom_metadata:<nil> version:3]\n\n',
    );
    expect(r.out).toMatch(/not written: execute: template: :1:\d+: executing "" at <.Data.nope>: map has no entry for key "nope"/);
    expect(r.out).toContain('note: LIST /v1/kv has no recording');
    expect(r.out).toContain('(empty file)');
  });
});
