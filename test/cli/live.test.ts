// vtpl render/preview against a live Vault (the test server) and `vtpl record`.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VaultTestServer, startVaultServer } from '../vault-server/server.js';
import { pod, tempTree, vtpl } from './helpers.js';

const P = 'vault.hashicorp.com/';

let vault: VaultTestServer;

beforeAll(async () => {
  vault = await startVaultServer({ kubernetes: [{ role: 'web', jwt: 'k8s-jwt' }], appRoles: [{ roleId: 'rid', secretId: 'sid' }] });
  vault.kv2().put('web/config', '{"api_url":"https://api.example.com","max_connections":100,"timeout_seconds":2.50,"debug":false}');
  vault.kv2().put('other/flags', { empty: '', full: 'yes' });
  vault.kv2().put('web/old', { v: 'one' });
  vault.kv2().put('web/old', { v: 'two' });
  vault.kv1().put('legacy/smtp', '{"host":"smtp.example.com","port":587}');
  vault.deny.add('secret/data/web/private');
});

afterAll(() => vault.close());

const manifest = pod({
  [P + 'agent-inject']: 'true',
  [P + 'agent-inject-secret-config']: 'secret/web/config',
  [P + 'agent-inject-template-config']:
    '{{- with secret "secret/web/config" -}}\n{{ range $k, $v := .Data.data }}{{ $k }}={{ $v }}\n{{ end }}# version {{ .Data.metadata.version }}\n{{ end -}}\n',
  [P + 'agent-inject-secret-smtp']: 'kv/legacy/smtp',
  [P + 'agent-inject-secret-old']: 'secret/web/old?version=1',
  [P + 'agent-inject-template-old']: '{{ with secret "secret/web/old?version=1" }}{{ .Data.data.v }}{{ end }}',
  [P + 'agent-inject-template-list']: '{{ range secrets "secret/web" }}{{ . }}\n{{ end }}',
  [P + 'agent-inject-template-tls.pem']: '{{ with pkiCert "pki/issue/web" "common_name=web.svc" }}{{ .Cert }}{{ end }}',
  [P + 'agent-inject-default-template']: 'map',
});

describe('vtpl render / preview --vault-addr', () => {
  it('render reads a live Vault with a token', async () => {
    const dir = tempTree({ 't.ctmpl': '{{ with secret "secret/web/config" }}{{ .Data.data.timeout_seconds }} {{ .Data.data.max_connections }}{{ end }}' });
    const r = await vtpl('render', join(dir, 't.ctmpl'), '--vault-addr', vault.url, '--token', 'root');
    expect(r.err).toBe('');
    expect(r.out).toBe('2.5 100');
    expect(r.code).toBe(0);
  });

  it('render logs in with kubernetes auth and with AppRole', async () => {
    const dir = tempTree({ 't.ctmpl': '{{ with secret "kv/legacy/smtp" }}{{ .Data.port }}{{ end }}', jwt: 'k8s-jwt\n' });
    const k = await vtpl('render', join(dir, 't.ctmpl'), '--vault-addr', vault.url, '--role', 'web', '--jwt', join(dir, 'jwt'));
    expect(k).toMatchObject({ code: 0, out: '587' });
    const a = await vtpl('render', join(dir, 't.ctmpl'), '--vault-addr', vault.url, '--role-id', 'rid', '--secret-id', 'sid');
    expect(a).toMatchObject({ code: 0, out: '587' });
    const bad = await vtpl('render', join(dir, 't.ctmpl'), '--vault-addr', vault.url, '--role-id', 'rid', '--secret-id', 'wrong');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('vtpl render: approle login failed: Error making API request.');
  });

  it('render reports missing secrets and Vault errors without recording hints', async () => {
    const dir = tempTree({ 'm.ctmpl': '{{ with secret "secret/web/nothing" }}x{{ end }}', 'p.ctmpl': '{{ with secret "secret/web/private" }}x{{ end }}' });
    const m = await vtpl('render', join(dir, 'm.ctmpl'), '--vault-addr', vault.url, '--token', 'root');
    expect(m.code).toBe(1);
    expect(m.err).toContain('vault.read(secret/web/nothing): no secret exists at secret/data/web/nothing');
    expect(m.err).toContain('  missing GET /v1/secret/data/web/nothing\n');
    expect(m.err).not.toContain('record it');
    const p = await vtpl('render', join(dir, 'p.ctmpl'), '--vault-addr', vault.url, '--token', 'root');
    expect(p.code).toBe(1);
    expect(p.err).toContain(`URL: GET ${vault.url}/v1/secret/data/web/private\nCode: 403. Errors:\n\n* permission denied`);
  });

  it('usage errors', async () => {
    const dir = tempTree({ 't.ctmpl': 'x', 'app.yaml': manifest });
    expect((await vtpl('render', join(dir, 't.ctmpl'), '--vault-addr', vault.url, '--responses', dir)).code).toBe(2);
    expect((await vtpl('render', join(dir, 't.ctmpl'), '--token', 'root')).code).toBe(2);
    expect((await vtpl('render', join(dir, 't.ctmpl'), '--vault-addr', vault.url, '--jwt', 'f')).code).toBe(2);
    expect((await vtpl('render', join(dir, 't.ctmpl'), '--vault-addr', vault.url, '--role', 'a', '--role-id', 'b')).code).toBe(2);
    expect((await vtpl('preview', join(dir, 'app.yaml'))).code).toBe(2);
    expect((await vtpl('preview', join(dir, 'app.yaml'), '--responses', dir, '--vault-addr', vault.url)).code).toBe(2);
  });

  it('preview renders every file from the live Vault', async () => {
    const dir = tempTree({ 'app.yaml': manifest });
    const r = await vtpl('preview', join(dir, 'app.yaml'), '--vault-addr', vault.url, '--token', 'root');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('api_url=https://api.example.com\ndebug=false\nmax_connections=100\ntimeout_seconds=2.5\n# version 1\n');
    expect(r.out).toContain('==> /vault/secrets/smtp');
    expect(r.out).toContain('host: smtp.example.com\nport: 587\n');
    expect(r.out).toContain('config\nold\n');
    expect(r.out).toContain('-----BEGIN CERTIFICATE-----');
  });
});

describe('vtpl render over HTTPS', () => {
  const fixture = (n: string): string => new URL(`../vault-server/fixtures/${n}`, import.meta.url).pathname;
  let tlsVault: VaultTestServer;
  beforeAll(async () => {
    tlsVault = await startVaultServer({ tls: { key: readFileSync(fixture('server.key'), 'utf8'), cert: readFileSync(fixture('server.pem'), 'utf8') } });
    tlsVault.kv1().put('app', { ok: 'yes' });
  });
  afterAll(() => tlsVault.close());

  it('--ca-cert verifies, --skip-verify skips, an unknown CA fails', async () => {
    const dir = tempTree({ 't.ctmpl': '{{ with secret "kv/app" }}{{ .Data.ok }}{{ end }}' });
    const t = join(dir, 't.ctmpl');
    expect(await vtpl('render', t, '--vault-addr', tlsVault.url, '--token', 'root', '--ca-cert', fixture('ca.pem'))).toMatchObject({ code: 0, out: 'yes' });
    expect(await vtpl('render', t, '--vault-addr', tlsVault.url, '--token', 'root', '--skip-verify')).toMatchObject({ code: 0, out: 'yes' });
    const bad = await vtpl('render', t, '--vault-addr', tlsVault.url, '--token', 'root');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('x509: certificate signed by unknown authority');
    const missing = await vtpl('render', t, '--vault-addr', tlsVault.url, '--token', 'root', '--ca-cert', join(dir, 'nope.pem'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('vtpl render: cannot read CA certificate');
  });
});

describe('vtpl record', () => {
  it('records what the templates read; preview from the recording equals preview against live', async () => {
    const dir = tempTree({ 'app.yaml': manifest });
    const out = join(dir, 'recorded');
    const rec = await vtpl('record', join(dir, 'app.yaml'), '--vault-addr', vault.url, '--token', 'root', '--out', out, '--include-writes');
    expect(rec.err).toBe('');
    expect(rec.code).toBe(0);
    const files = (readdirSync(out, { recursive: true }) as string[]).filter((f) => statSync(join(out, f)).isFile()).sort();
    expect(files).toEqual([
      '_mounts.json',
      'kv/legacy/smtp.json',
      'pki/issue/web.put.json',
      'secret/data/web/config.json',
      'secret/data/web/old?version=1.json',
      'secret/metadata/web.list.json',
    ]);
    for (const f of files) expect(statSync(join(out, f)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(out, 'secret/data/web/config.json'), 'utf8')).toContain('"timeout_seconds": 2.5\n');
    const mounts = JSON.parse(readFileSync(join(out, '_mounts.json'), 'utf8')) as Record<string, { type: string; options: unknown }>;
    expect(mounts['secret/']).toMatchObject({ type: 'kv', options: { version: '2' } });
    expect(mounts['kv/']).toMatchObject({ type: 'kv', options: { version: '1' } });

    const live = await vtpl('preview', join(dir, 'app.yaml'), '--vault-addr', vault.url, '--token', 'root');
    const recorded = await vtpl('preview', join(dir, 'app.yaml'), '--responses', out);
    expect(recorded.code).toBe(0);
    expect(recorded.out).toBe(live.out);
  });

  it('--redact keeps keys, numbers and booleans; templates still render', async () => {
    const dir = tempTree({ 'app.yaml': manifest });
    const out = join(dir, 'redacted');
    const rec = await vtpl('record', join(dir, 'app.yaml'), '--vault-addr', vault.url, '--token', 'root', '--out', out, '--redact', '--include-writes');
    expect(rec.code).toBe(0);
    const body = readFileSync(join(out, 'secret/data/web/config.json'), 'utf8');
    expect(body).toContain('"api_url": "REDACTED"');
    expect(body).toContain('"timeout_seconds": 2.5\n');
    expect(body).toContain('"debug": false');
    expect(body).toContain('"version": 1');
    expect(readFileSync(join(out, 'secret/metadata/web.list.json'), 'utf8')).toContain('"config"');
    const tmpl = tempTree({ 't.ctmpl': '{{ with secret "secret/web/config" }}{{ range $k, $v := .Data.data }}{{ $k }}={{ $v }};{{ end }}{{ end }}' });
    const r = await vtpl('render', join(tmpl, 't.ctmpl'), '--responses', out);
    expect(r.out).toBe('api_url=REDACTED;debug=false;max_connections=100;timeout_seconds=2.5;');
  });

  it('--redact keeps an empty string empty, so `if` still takes the same branch', async () => {
    const t =
      '{{ with secret "secret/other/flags" }}{{ if .Data.data.empty }}empty is set{{ else }}empty is unset{{ end }}, full={{ .Data.data.full }}{{ end }}';
    const dir = tempTree({ 'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-flags']: t }), 't.ctmpl': t });
    const out = join(dir, 'redacted');
    expect((await vtpl('record', join(dir, 'app.yaml'), '--vault-addr', vault.url, '--token', 'root', '--out', out, '--redact')).code).toBe(0);
    expect(readFileSync(join(out, 'secret/data/other/flags.json'), 'utf8')).toContain('"empty": ""');
    expect(await vtpl('render', join(dir, 't.ctmpl'), '--responses', out)).toMatchObject({ code: 0, out: 'empty is unset, full=REDACTED' });
  });

  it('--redact also covers wrap_info and secret values repeated in warnings', async () => {
    // Vault answers a response-wrapped read with wrap_info.token, a token that unwraps the secret.
    const body =
      '{"request_id":"r","lease_id":"","renewable":false,"lease_duration":0,"data":{"password":"hunter2-pw"},' +
      '"wrap_info":{"token":"hvs.CAESIwrapping","accessor":"wrap-acc","ttl":300,"creation_time":"2026-01-01T00:00:00Z","creation_path":"kv/app","wrapped_accessor":""},' +
      '"warnings":["the value hunter2-pw was read through a deprecated path"],"auth":null}';
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/v1/sys/internal/ui/mounts/')) res.writeHead(404).end('{"errors":[]}');
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const dir = tempTree({ 'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-app']: 'kv/app' }) });
      const out = join(dir, 'redacted');
      expect((await vtpl('record', join(dir, 'app.yaml'), '--vault-addr', url, '--token', 'root', '--out', out, '--redact')).code).toBe(0);
      const text = readFileSync(join(out, 'kv/app.json'), 'utf8');
      for (const secret of ['hunter2-pw', 'hvs.CAESIwrapping', 'wrap-acc']) expect(text).not.toContain(secret);
      expect(text).toContain('"the value REDACTED was read through a deprecated path"');
      expect(text).toContain('"wrapped_accessor": ""');
    } finally {
      server.close();
    }
  });

  it('--max-response-size caps a response; a bad size is a usage error', async () => {
    const dir = tempTree({ 'app.yaml': manifest });
    const small = await vtpl(
      'record',
      join(dir, 'app.yaml'),
      '--vault-addr',
      vault.url,
      '--token',
      'root',
      '--out',
      join(dir, 'r'),
      '--max-response-size',
      '64',
    );
    expect(small.code).toBe(1);
    expect(small.out).toContain('the response body is larger than 64 bytes (VTPL_MAX_RESPONSE_SIZE or --max-response-size raise the limit)');
    const bad = await vtpl(
      'record',
      join(dir, 'app.yaml'),
      '--vault-addr',
      vault.url,
      '--token',
      'root',
      '--out',
      join(dir, 'r'),
      '--max-response-size',
      'big',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('could not parse --max-response-size: "big"');
  });

  it('records dynamic creds once, reports failures, computed paths and refused writes, merges _mounts.json', async () => {
    const dir = tempTree({
      'app.yaml': pod({
        [P + 'agent-inject']: 'true',
        [P + 'agent-inject-secret-db']: 'database/creds/app',
        [P + 'agent-inject-template-db']: '{{ with secret "database/creds/app" }}{{ .Data.username }}{{ end }}{{ with secret "database/creds/app" }}{{ end }}',
        [P + 'agent-inject-secret-private']: 'secret/web/private',
        [P + 'agent-inject-template-dyn']: '{{ with secret (printf "secret/%s" "x") }}{{ end }}',
        [P + 'agent-inject-template-write']: '{{ with secret "transit/encrypt/k" "plaintext=aGk=" }}{{ end }}',
      }),
      'recorded/_mounts.json': '{"old/": {"type": "kv", "options": null}}',
    });
    const out = join(dir, 'recorded');
    const rec = await vtpl('record', join(dir, 'app.yaml'), '--vault-addr', vault.url, '--token', 'root', '--out', out);
    expect(rec.code).toBe(1);
    expect(rec.out).toContain(
      `error: ${join(dir, 'app.yaml')}: Pod/app: /vault/secrets/private: vault.read(secret/web/private): vault.read(secret/web/private): Error making API request.`,
    );
    // The computed path is read as the render builds it (and Vault has nothing there).
    expect(rec.out).toContain(`error: ${join(dir, 'app.yaml')}: Pod/app: /vault/secrets/dyn: vault.read(secret/x): no secret exists at secret/data/x`);
    expect(rec.out).toContain(`error: ${join(dir, 'app.yaml')}: Pod/app: /vault/secrets/write: vault.write(transit/encrypt/k -> `);
    expect(rec.out).toContain('PUT transit/encrypt/k writes to Vault: not done without --include-writes');
    expect(vault.requests.filter((q) => q.path === 'transit/encrypt/k')).toEqual([]);
    const creds = JSON.parse(readFileSync(join(out, 'database/creds/app.json'), 'utf8')) as {
      lease_id: string;
      renewable: boolean;
      data: { username: string };
    };
    expect(creds.lease_id).toMatch(/^database\/creds\/app\//);
    expect(creds.renewable).toBe(true);
    expect(vault.requests.filter((q) => q.path === 'database/creds/app').length).toBe(1);
    expect(Object.keys(JSON.parse(readFileSync(join(out, '_mounts.json'), 'utf8')) as object).sort()).toEqual(['database/', 'old/', 'secret/']);
    const all = readdirSync(out, { recursive: true }) as string[];
    expect(all.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('takes VAULT_ADDR / VAULT_TOKEN from the environment', async () => {
    const dir = tempTree({ 'app.yaml': manifest });
    const saved = { addr: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN };
    process.env.VAULT_ADDR = vault.url;
    process.env.VAULT_TOKEN = 'root';
    try {
      const rec = await vtpl('record', join(dir, 'app.yaml'), '--out', join(dir, 'r'), '--include-writes');
      expect(rec.code).toBe(0);
    } finally {
      for (const [k, v] of [
        ['VAULT_ADDR', saved.addr],
        ['VAULT_TOKEN', saved.token],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe('VAULT_* from the environment for preview and render; token hints for record', () => {
  const withEnv = async (vars: Record<string, string | undefined>, f: () => Promise<void>) => {
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    for (const [k, v] of Object.entries(vars))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    try {
      await f();
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  };
  it('preview and render use VAULT_ADDR / VAULT_TOKEN when no --responses is given', async () => {
    const dir = tempTree({ 'app.yaml': manifest, 't.ctmpl': '{{ with secret "kv/legacy/smtp" }}{{ .Data.port }}{{ end }}' });
    await withEnv({ VAULT_ADDR: vault.url, VAULT_TOKEN: 'root' }, async () => {
      const p = await vtpl('preview', join(dir, 'app.yaml'));
      expect(p.out).toContain('==> /vault/secrets/smtp');
      expect(p.err).toBe('');
      expect(await vtpl('render', join(dir, 't.ctmpl'))).toMatchObject({ code: 0, out: '587' });
    });
  });
  it('record explains where the token comes from on a 403', async () => {
    const dir = tempTree({ 'app.yaml': manifest, home: '' });
    await withEnv({ VAULT_ADDR: vault.url, VAULT_TOKEN: 'not-a-token' }, async () => {
      const r = await vtpl('record', join(dir, 'app.yaml'), '--out', join(dir, 'r'));
      expect(r.code).toBe(1);
      expect(r.out).toContain('hint: Vault refused the token (403). The token comes from --token, else VAULT_TOKEN, else ~/.vault-token');
    });
  });
});

describe('vtpl record: the leases it creates', () => {
  const dbPod = pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-db']: 'database/creds/app' });
  it('lists them without --revoke, revokes them with it', async () => {
    const dir = tempTree({ 'app.yaml': dbPod });
    const kept = await vtpl('record', join(dir, 'app.yaml'), '--vault-addr', vault.url, '--token', 'root', '--out', join(dir, 'a'));
    expect(kept.code).toBe(0);
    const id = /created 1 lease\(s\) in Vault \(live credentials\): (\S+);/.exec(kept.out)?.[1];
    expect(id).toMatch(/^database\/creds\/app\//);
    expect(vault.leases.active.has(id as string)).toBe(true);

    const revoked = await vtpl('record', join(dir, 'app.yaml'), '--vault-addr', vault.url, '--token', 'root', '--out', join(dir, 'b'), '--revoke');
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain('revoked 1 of 1 lease(s) the recording created');
    const creds = JSON.parse(readFileSync(join(dir, 'b/database/creds/app.json'), 'utf8')) as { lease_id: string };
    expect(vault.leases.active.has(creds.lease_id)).toBe(false);
  });
});
