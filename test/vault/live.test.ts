// The live client (node-vault) against the test Vault server: logins, namespace, TLS,
// KV v1/v2, database creds, PKI, LIST, and consul-template's error texts.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConsulTemplate, recordedClient, type VaultClient } from '../../src/vault/index.js';
import { type LiveVaultClient, connectLiveVault } from '../../src/vault/live.js';
import { LiveConfigError, resolveLiveSettings } from '../../src/vault/live-config.js';
import { type VaultTestServer, startVaultServer } from '../vault-server/server.js';

const fixture = (n: string): string => readFileSync(new URL(`../vault-server/fixtures/${n}`, import.meta.url), 'utf8');
const NOENV = {};

let vault: VaultTestServer;
let dir: string;

beforeAll(async () => {
  vault = await startVaultServer({
    namespaces: ['team-a'],
    kubernetes: [
      { role: 'app', jwt: 'header.payload.sig' },
      { role: 'other', jwt: 'jwt-2', mount: 'k8s-east' },
    ],
    appRoles: [{ roleId: 'role-1', secretId: 'secret-1' }],
  });
  vault
    .kv2()
    .put('app/config', '{"api_url":"https://api.example.com","port":5432,"ratio":1.50,"big":12345678901234567890,"flags":["a","b"],"nested":{"x":true}}');
  vault.kv2().put('app/db', { user: 'app' });
  vault.kv2().put('app/old', { v: 'one' });
  vault.kv2().put('app/old', { v: 'two' });
  vault.kv2().put('app/gone', { v: 'deleted' });
  vault.kv2().delete('app/gone');
  vault.kv1().put('legacy/app', '{"user":"bob","timeout":2.50}');
  vault.kv2('team-a').put('app/config', { team: 'a' });
  vault.fail.add('secret/data/boom');
  vault.deny.add('secret/data/private');
  dir = mkdtempSync(join(tmpdir(), 'vtpl-live-'));
});

afterAll(() => vault.close());

/** The retry backoff does not wait in these tests (live-faults.test.ts checks its waits). */
const clock = { sleep: async (): Promise<void> => undefined, random: () => 0.5 };

const connect = (opts: Parameters<typeof connectLiveVault>[0] = {}): Promise<LiveVaultClient> =>
  connectLiveVault({ address: vault.url, env: NOENV, home: dir, clock, ...opts });

async function render(template: string, client: VaultClient): Promise<string> {
  return (await renderConsulTemplate({ template, client })).output;
}

async function renderError(template: string, client: VaultClient): Promise<string> {
  try {
    await renderConsulTemplate({ template, client });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('rendered without error');
}

/** A recorded client holding exactly the bodies the live server gives for these requests. */
async function recordedFrom(live: VaultClient, reads: string[], mounts: string[], lists: string[] = []): Promise<VaultClient> {
  const responses = new Map<string, string>();
  for (const p of reads) responses.set(p, (await live.read(p)).body);
  for (const p of lists) responses.set(`LIST ${p}`, (await live.list(p)).body);
  const table = new Map<string, string>();
  for (const m of mounts) {
    const info = JSON.parse((await live.mountInfo(m)).body) as { data: { path: string } };
    table.set(info.data.path, JSON.stringify(info.data));
  }
  return recordedClient({ responses, mounts: table });
}

describe('live Vault client over node-vault', () => {
  it('token auth: explicit, VAULT_TOKEN, ~/.vault-token; no token is permission denied', async () => {
    expect(await render('{{ with secret "secret/app/db" }}{{ .Data.data.user }}{{ end }}', await connect({ token: 'root' }))).toBe('app');
    expect(await render('{{ with secret "secret/app/db" }}{{ .Data.data.user }}{{ end }}', await connect({ env: { VAULT_TOKEN: 'root' } }))).toBe('app');
    writeFileSync(join(dir, '.vault-token'), 'root\n');
    const fromFile = await connect();
    expect(fromFile.token).toBe('root');
    expect(vault.requests.length).toBeGreaterThan(0);
    const err = await renderError('{{ with secret "secret/app/db" }}{{ .Data.data.user }}{{ end }}', await connect({ token: 'nope' }));
    expect(err).toBe(
      `vault.read(secret/app/db): vault.read(secret/app/db): Error making API request.\n\nURL: GET ${vault.url}/v1/secret/app/db\nCode: 403. Errors:\n\n* permission denied`,
    );
  });

  it('kubernetes auth posts role + JWT (file, trimmed) to auth/<mount>/login', async () => {
    const jwt = join(dir, 'sa-token');
    writeFileSync(jwt, 'header.payload.sig\n');
    const c = await connect({ kubernetes: { role: 'app', jwtFile: jwt } });
    expect(c.token).toMatch(/^hvs\./);
    expect(vault.tokenInfo(c.token)?.policies).toEqual(['default', 'app']);
    const login = vault.requests.find((r) => r.path === 'auth/kubernetes/login' && r.token === undefined);
    expect(login?.body).toEqual({ role: 'app', jwt: 'header.payload.sig' });
    expect(await render('{{ with secret "secret/app/db" }}{{ .Data.data.user }}{{ end }}', c)).toBe('app');
    const last = vault.requests.at(-1);
    expect(last?.token).toBe(c.token);

    writeFileSync(jwt, 'jwt-2');
    const east = await connect({ kubernetes: { role: 'other', jwtFile: jwt, mountPath: 'k8s-east' } });
    expect(east.token).toMatch(/^hvs\./);
    await expect(connect({ kubernetes: { role: 'app', jwtFile: jwt } })).rejects.toThrow(
      `kubernetes login failed: Error making API request.\n\nURL: PUT ${vault.url}/v1/auth/kubernetes/login\nCode: 403. Errors:\n\n* permission denied`,
    );
    await expect(connect({ kubernetes: { role: 'app', jwtFile: join(dir, 'absent') } })).rejects.toThrow(/cannot read service account token/);
  });

  it('AppRole auth', async () => {
    const c = await connect({ appRole: { roleId: 'role-1', secretId: 'secret-1' } });
    expect(c.token).toMatch(/^hvs\./);
    expect(vault.requests.find((r) => r.path === 'auth/approle/login')).toMatchObject({ method: 'PUT', body: { role_id: 'role-1', secret_id: 'secret-1' } });
    await expect(connect({ appRole: { roleId: 'role-1', secretId: 'bad' } })).rejects.toThrow(/Code: 400\. Errors:\n\n\* invalid role or secret ID/);
  });

  it('sends X-Vault-Namespace (option or VAULT_NAMESPACE)', async () => {
    const t = '{{ with secret "secret/app/config" }}{{ .Data.data }}{{ end }}';
    expect(await render(t, await connect({ token: 'root', namespace: 'team-a' }))).toBe('map[team:a]');
    expect(vault.requests.at(-1)?.namespace).toBe('team-a');
    expect(await render(t, await connect({ env: { VAULT_TOKEN: 'root', VAULT_NAMESPACE: 'team-a' } }))).toBe('map[team:a]');
  });

  it('KV v2 and v1 render exactly as from recorded responses of the same data', async () => {
    const live = await connect({ token: 'root' });
    const t = [
      '{{ with secret "secret/app/config" }}{{ .Data.data.port }} {{ .Data.data.ratio }} {{ .Data.data.big }} {{ .Data.data.flags }} {{ .Data.data.nested }}',
      '{{ .Data.data | toJSON }}\n{{ .Data.metadata.version }} {{ .LeaseDuration }} {{ .Renewable }}{{ end }}',
      '{{ with secret "secret/app/old?version=1" }}{{ .Data.data.v }}{{ end }}',
      '{{ with secret "kv/legacy/app" }}{{ .Data.user }} {{ .Data.timeout }} {{ .LeaseDuration }}{{ end }}',
    ].join('\n');
    const out = await render(t, live);
    expect(out).toBe(
      // KV v2 answers its float64s (as real Vault does), KV v1 the literals as written.
      '5432 1.5 12345678901234567000 [a b] map[x:true]\n{"api_url":"https://api.example.com","big":12345678901234567000,"flags":["a","b"],"nested":{"x":true},"port":5432,"ratio":1.5}\n1 0 false\none\nbob 2.50 2764800',
    );
    const recorded = await recordedFrom(live, ['secret/data/app/config', 'kv/legacy/app'], ['secret/app/config', 'kv/legacy/app']);
    const versioned = (await live.read('secret/data/app/old', new Map([['version', ['1']]]))).body;
    const withVersion = recordedClient({
      responses: new Map([
        ['secret/data/app/config', (await live.read('secret/data/app/config')).body],
        ['secret/data/app/old?version=1', versioned],
        ['kv/legacy/app', (await live.read('kv/legacy/app')).body],
      ]),
      mounts: { 'secret/': '{"type":"kv","options":{"version":"2"}}', 'kv/': '{"type":"kv","options":{"version":"1"}}' },
    });
    expect(await render(t, withVersion)).toBe(out);
    const simple = '{{ with secret "secret/app/config" }}{{ range $k, $v := .Data.data }}{{ $k }}={{ $v }}\n{{ end }}{{ end }}';
    expect(await render(simple, recorded)).toBe(await render(simple, live));
  });

  it('the default map template on KV v2 prints data and metadata', async () => {
    const live = await connect({ token: 'root' });
    const out = await render('{{ with secret "secret/app/db" }}{{ range $k, $v := .Data }}{{ $k }}: {{ $v }}\n{{ end }}{{ end }}', live);
    expect(out).toMatch(
      /^data: map\[user:app\]\nmetadata: map\[created_time:\d{4}-\d\d-\d\dT[\d:.]+Z custom_metadata:<nil> deletion_time: destroyed:false version:1\]\n$/,
    );
  });

  it('database creds: a fresh lease per render', async () => {
    const live = await connect({ token: 'root' });
    const t = '{{ with secret "database/creds/app" }}{{ .Data.username }}|{{ .Data.password }}|{{ .LeaseID }}|{{ .LeaseDuration }}|{{ .Renewable }}{{ end }}';
    const a = (await render(t, live)).split('|');
    const b = (await render(t, live)).split('|');
    expect(a[0]).toMatch(/^v-token-app-[A-Za-z0-9]{20}-\d+$/);
    expect(a[2]).toMatch(/^database\/creds\/app\/[A-Za-z0-9]{24}$/);
    expect(a.slice(3)).toEqual(['3600', 'true']);
    expect(a[0]).not.toBe(b[0]);
    expect(vault.leases.active.has(a[2] as string)).toBe(true);
  });

  it('pkiCert issues through PUT', async () => {
    const live = await connect({ token: 'root' });
    const out = await render('{{ with pkiCert "pki/issue/web" "common_name=web.shop.svc" }}{{ .Cert }}{{ .Key }}{{ .CA }}{{ end }}', live);
    expect(out).toBe(`${fixture('leaf.pem')}${fixture('leaf.key')}${fixture('ca.pem')}`);
    expect(vault.requests.at(-1)).toMatchObject({ method: 'PUT', path: 'pki/issue/web', body: { common_name: 'web.shop.svc' } });
  });

  it('LIST (GET ?list=true, as vault/api sends it) on KV v2 metadata and KV v1', async () => {
    const live = await connect({ token: 'root' });
    expect(await render('{{ range secrets "secret/app" }}{{ . }},{{ end }}', live)).toBe('config,db,gone,old,');
    expect(vault.requests.at(-1)).toMatchObject({ method: 'GET', path: 'secret/metadata/app', query: 'list=true' });
    expect(await render('{{ range secrets "kv/" }}{{ . }},{{ end }}', live)).toBe('legacy/,');
    expect(await render('{{ secrets "secret/nothing" }}', live)).toBe('[]');
  });

  it("errors read exactly as consul-template's: 404, deleted, 403, 500, 503 (vtpl adds that retries ran out)", async () => {
    const live = await connect({ token: 'root' });
    const u = vault.url;
    expect(await renderError('{{ with secret "secret/missing" }}{{ end }}', live)).toBe('vault.read(secret/missing): no secret exists at secret/data/missing');
    expect(await renderError('{{ with secret "secret/app/gone" }}{{ end }}', live)).toBe(
      'vault.read(secret/app/gone): no secret exists at secret/data/app/gone',
    );
    expect(await renderError('{{ with secret "nomount/x" }}{{ end }}', live)).toBe('vault.read(nomount/x): no secret exists at nomount/x');
    expect(await renderError('{{ with secret "secret/private" }}{{ end }}', live)).toBe(
      `vault.read(secret/private): vault.read(secret/private): Error making API request.\n\nURL: GET ${u}/v1/secret/data/private\nCode: 403. Errors:\n\n* permission denied`,
    );
    expect(await renderError('{{ with secret "secret/boom" }}{{ end }}', live)).toBe(
      `vault.read(secret/boom): vault.read(secret/boom): Error making API request.\n\nURL: GET ${u}/v1/secret/data/boom\nCode: 500. Errors:\n\n* internal error\n\n(giving up after 3 attempt(s))`,
    );
    vault.sealed = true;
    try {
      expect(await renderError('{{ with secret "secret/app/config" }}{{ end }}', live)).toBe(
        `vault.read(secret/app/config): vault.read(secret/app/config): Error making API request.\n\nURL: GET ${u}/v1/secret/app/config\nCode: 503. Errors:\n\n* Vault is sealed\n\n(giving up after 3 attempt(s))`,
      );
      expect(await renderError('{{ range secrets "secret/app" }}{{ end }}', live)).toBe(
        `vault.list(secret/app): Error making API request.\n\nURL: GET ${u}/v1/secret/app?list=true\nCode: 503. Errors:\n\n* Vault is sealed\n\n(giving up after 3 attempt(s))`,
      );
    } finally {
      vault.sealed = false;
    }
  });

  it("a refused connection reads like net/http's error", async () => {
    const live = await connectLiveVault({ address: 'http://127.0.0.1:1', token: 'root', env: NOENV, home: dir, clock });
    expect(await renderError('{{ with secret "secret/x" }}{{ end }}', live)).toBe(
      'vault.read(secret/x): vault.read(secret/x): Get "http://127.0.0.1:1/v1/secret/x": dial tcp 127.0.0.1:1: connect: connection refused (giving up after 3 attempt(s))',
    );
  });

  it('a refused login names PUT, the method vault/api (and so Vault Agent) logs in with', async () => {
    await expect(connectLiveVault({ address: 'http://127.0.0.1:1', appRole: { roleId: 'r', secretId: 's' }, env: NOENV, home: dir })).rejects.toThrow(
      'approle login failed: Put "http://127.0.0.1:1/v1/auth/approle/login": dial tcp 127.0.0.1:1: connect: connection refused',
    );
  });

  it("a Vault that does not answer times out after VAULT_CLIENT_TIMEOUT (vault/api: the context's error)", async () => {
    vault.stall.add('secret/data/slow');
    const live = await connectLiveVault({ address: vault.url, env: { VAULT_TOKEN: 'root', VAULT_CLIENT_TIMEOUT: '200ms' }, home: dir });
    expect(await renderError('{{ with secret "secret/slow" }}{{ end }}', live)).toBe(
      'vault.read(secret/slow): vault.read(secret/slow): context deadline exceeded',
    );
  });

  it('settings: VAULT_ADDR, VAULT_SKIP_VERIFY parsing, VAULT_CACERT', () => {
    expect(resolveLiveSettings({ env: { VAULT_ADDR: 'http://v:8200/' }, home: dir }).address).toBe('http://v:8200');
    expect(resolveLiveSettings({ env: {}, home: dir }).address).toBe('https://127.0.0.1:8200');
    expect(resolveLiveSettings({ env: { VAULT_SKIP_VERIFY: 'true' }, home: dir }).transport.skipVerify).toBe(true);
    expect(resolveLiveSettings({ env: { VAULT_SKIP_VERIFY: 'false' }, home: dir }).transport.skipVerify).toBe(false);
    expect(() => resolveLiveSettings({ env: { VAULT_SKIP_VERIFY: 'yes' }, home: dir })).toThrow(LiveConfigError);
    expect(() => resolveLiveSettings({ address: 'ftp://x', env: {}, home: dir })).toThrow(/invalid Vault address/);
  });
});

describe('live Vault over HTTPS', () => {
  let tlsVault: VaultTestServer;
  beforeAll(async () => {
    tlsVault = await startVaultServer({ tls: { key: fixture('server.key'), cert: fixture('server.pem') } });
    tlsVault.kv2().put('app', { tls: 'yes' });
  });
  afterAll(() => tlsVault.close());
  const t = '{{ with secret "secret/app" }}{{ .Data.data.tls }}{{ end }}';
  const ca = new URL('../vault-server/fixtures/ca.pem', import.meta.url).pathname;

  it('verifies against --ca-cert / VAULT_CACERT', async () => {
    expect(await render(t, await connectLiveVault({ address: tlsVault.url, token: 'root', caCert: ca, env: NOENV, home: dir }))).toBe('yes');
    expect(await render(t, await connectLiveVault({ address: tlsVault.url, env: { VAULT_TOKEN: 'root', VAULT_CACERT: ca }, home: dir }))).toBe('yes');
  });

  it('an unknown CA fails unless verification is skipped', async () => {
    const untrusted = await connectLiveVault({ address: tlsVault.url, token: 'root', env: NOENV, home: dir });
    expect(await renderError(t, untrusted)).toBe(
      `vault.read(secret/app): vault.read(secret/app): Get "${tlsVault.url}/v1/secret/app": tls: failed to verify certificate: x509: certificate signed by unknown authority`,
    );
    expect(await render(t, await connectLiveVault({ address: tlsVault.url, token: 'root', skipVerify: true, env: NOENV, home: dir }))).toBe('yes');
    expect(await render(t, await connectLiveVault({ address: tlsVault.url, env: { VAULT_TOKEN: 'root', VAULT_SKIP_VERIFY: '1' }, home: dir }))).toBe('yes');
  });
});
