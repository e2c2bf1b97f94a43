// The test Vault server answers as Vault's HTTP API documents it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VaultTestServer, startVaultServer } from './server.js';

let vault: VaultTestServer;

beforeAll(async () => {
  vault = await startVaultServer({
    namespaces: ['team-a'],
    kubernetes: [{ role: 'app', jwt: 'sa-jwt' }],
    appRoles: [{ roleId: 'rid', secretId: 'sid' }],
  });
  vault.kv2().put('app/config', '{"password":"p@ss","port":5432,"ratio":1.50}');
  vault.kv1().put('app/legacy', { user: 'bob' });
});

afterAll(() => vault.close());

async function call(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; ns?: string } = {},
): Promise<{ status: number; text: string; json: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (opts.token !== '') headers['X-Vault-Token'] = opts.token ?? 'root';
  if (opts.ns) headers['X-Vault-Namespace'] = opts.ns;
  const res = await fetch(`${vault.url}/v1/${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('test Vault server', () => {
  it("KV v2 read has Vault's envelope; numbers read back as float64s (1.50 as 1.5), as real KV v2 answers", async () => {
    const r = await call('GET', 'secret/data/app/config');
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(['request_id', 'lease_id', 'renewable', 'lease_duration', 'data', 'wrap_info', 'warnings', 'auth', 'mount_type']);
    expect(r.text).toContain('"data":{"data":{"password":"p@ss","port":5432,"ratio":1.5},"metadata":{"created_time":"');
    expect(r.text).toMatch(/"custom_metadata":null,"deletion_time":"","destroyed":false,"version":1}/);
    expect(r.json.mount_type).toBe('kv');
  });

  it('KV v2 numbers are what Vault 1.21.4 answers (its float64s); KV v1 keeps the literals', async () => {
    const written = '{"a":1e3,"b":-0.0,"c":12345678901234567890,"d":1.5e-7,"e":1e21,"f":[1.0,{"x":0.10}],"s":"2.50"}';
    vault.kv2().put('app/num', written);
    vault.kv1().put('numbers', written);
    // The real server's answer to the same write (keys written in order here, as Vault sorts them).
    expect((await call('GET', 'secret/data/app/num')).text).toContain(
      '{"data":{"a":1000,"b":-0,"c":12345678901234567000,"d":1.5e-7,"e":1e+21,"f":[1,{"x":0.1}],"s":"2.50"}',
    );
    expect((await call('GET', 'kv/numbers')).text).toContain(`"data":${written}`);
  });

  // The bodies a real Vault 1.21.4 (`vault server -dev`, KV v1 mounted at kv/) sent for these very
  // requests, recorded with curl (only request_id and created_time vary; they are masked below).
  // encoding/json writes maps with sorted keys and <, >, & and U+2028 escaped; KV v1 keeps number
  // literals, KV v2 turns them into float64s; and Vault's 404 message quotes the path with %q.
  const realVault = {
    writeBody: '{"zeta":"a<b&c>d","alpha":"x\\u2028y","mid":{"z":1,"b":[1.50,"<"],"a":null},"n":1e3}',
    kv2Write:
      '{"request_id":"R","lease_id":"","renewable":false,"lease_duration":0,"data":{"created_time":"T","custom_metadata":null,"deletion_time":"","destroyed":false,"version":1},"wrap_info":null,"warnings":null,"auth":null,"mount_type":"kv"}\n',
    kv2Read:
      '{"request_id":"R","lease_id":"","renewable":false,"lease_duration":0,"data":{"data":{"alpha":"x\\u2028y","mid":{"a":null,"b":[1.5,"\\u003c"],"z":1},"n":1000,"zeta":"a\\u003cb\\u0026c\\u003ed"},"metadata":{"created_time":"T","custom_metadata":null,"deletion_time":"","destroyed":false,"version":1}},"wrap_info":null,"warnings":null,"auth":null,"mount_type":"kv"}\n',
    kv1Read:
      '{"request_id":"R","lease_id":"","renewable":false,"lease_duration":2764800,"data":{"alpha":"x\\u2028y","mid":{"a":null,"b":[1.50,"\\u003c"],"z":1},"n":1e3,"zeta":"a\\u003cb\\u0026c\\u003ed"},"wrap_info":null,"warnings":null,"auth":null,"mount_type":"kv"}\n',
    noHandler: '{"errors":["no handler for route \\"nomount/a\\u003cb\\". route entry not found."]}\n',
  };
  const masked = (text: string): string => text.replace(/"request_id":"[^"]*"/, '"request_id":"R"').replace(/"created_time":"[^"]*"/g, '"created_time":"T"');
  const raw = async (method: string, path: string, body?: string): Promise<string> =>
    (await fetch(`${vault.url}/v1/${path}`, { method, headers: { 'X-Vault-Token': 'root' }, body })).text();

  it("answers byte for byte as real Vault: sorted keys, HTML-escaped strings, Vault's number literals", async () => {
    expect(masked(await raw('POST', 'secret/data/app/html', `{"data":${realVault.writeBody}}`))).toBe(realVault.kv2Write);
    expect(masked(await raw('GET', 'secret/data/app/html'))).toBe(realVault.kv2Read);
    expect(await raw('POST', 'kv/html', realVault.writeBody)).toBe('');
    expect(masked(await raw('GET', 'kv/html'))).toBe(realVault.kv1Read);
    expect(await raw('GET', 'nomount/a%3Cb')).toBe(realVault.noHandler);
  });

  it('KV v2 metadata lists versions in Go map order ("10" before "2"), as Vault does', async () => {
    for (let i = 1; i <= 10; i++) vault.kv2().put('app/many', { v: i });
    const versions = (await call('GET', 'secret/metadata/app/many')).text.replace(/.*"versions":\{/, '');
    expect([...versions.matchAll(/"(\d+)":\{/g)].map((m) => m[1])).toEqual(['1', '10', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('KV v2 versions, metadata, list, delete and destroy', async () => {
    vault.kv2().put('ver/x', { n: 'one' });
    vault.kv2().put('ver/x', { n: 'two' });
    expect((await call('GET', 'secret/data/ver/x?version=1')).text).toContain('{"n":"one"}');
    expect((await call('GET', 'secret/data/ver/x')).text).toContain('"version":2');
    const md = await call('GET', 'secret/metadata/ver/x');
    expect((md.json.data as Record<string, unknown>).current_version).toBe(2);
    expect(Object.keys((md.json.data as { versions: object }).versions)).toEqual(['1', '2']);
    const list = await call('LIST', 'secret/metadata/');
    expect((list.json.data as { keys: string[] }).keys).toEqual(['app/', 'ver/']);
    expect((await call('GET', 'secret/metadata/ver?list=true')).json.data).toEqual({ keys: ['x'] });
    expect(await call('LIST', 'secret/metadata/none')).toMatchObject({ status: 404, text: '{"errors":[]}\n' });

    await call('PUT', 'secret/delete/ver/x', { body: { versions: [2] } });
    const deleted = await call('GET', 'secret/data/ver/x');
    expect(deleted.status).toBe(404);
    const meta = deleted.json.data as { data: unknown; metadata: { deletion_time: string } };
    expect(meta.data).toBeNull();
    expect(meta.metadata.deletion_time).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    await call('PUT', 'secret/destroy/ver/x', { body: { versions: [1] } });
    const destroyed = await call('GET', 'secret/data/ver/x?version=1');
    expect(destroyed.status).toBe(404);
    expect(destroyed.text).toContain('"deletion_time":"","destroyed":true');
  });

  it('KV v2 write through the API and a path outside data/ warns with 404', async () => {
    const w = await call('POST', 'secret/data/new', { body: { data: { a: 'b' } } });
    expect(w.json.data).toMatchObject({ version: 1, destroyed: false });
    const bad = await call('GET', 'secret/new');
    expect(bad.status).toBe(404);
    expect(bad.json.warnings).toEqual([expect.stringContaining('Invalid path for a versioned K/V secrets engine')]);
  });

  it('KV v1 read, list and write', async () => {
    const r = await call('GET', 'kv/app/legacy');
    expect(r.json).toMatchObject({ lease_duration: 2764800, data: { user: 'bob' }, mount_type: 'kv' });
    expect((await call('LIST', 'kv/app')).json.data).toEqual({ keys: ['legacy'] });
    expect((await call('PUT', 'kv/app/other', { body: { x: 1 } })).status).toBe(204);
    expect((await call('GET', 'kv/app/other')).json.data).toEqual({ x: 1 });
  });

  it('mount info, 404s and unknown routes', async () => {
    const m = await call('GET', 'sys/internal/ui/mounts/secret/app/config');
    expect(m.json.data).toMatchObject({ path: 'secret/', type: 'kv', options: { version: '2' } });
    expect((await call('GET', 'sys/internal/ui/mounts/kv/x')).json.data).toMatchObject({ path: 'kv/', options: { version: '1' } });
    expect((await call('GET', 'sys/internal/ui/mounts/nope/x')).status).toBe(403);
    expect(await call('GET', 'secret/data/missing')).toMatchObject({ status: 404, text: '{"errors":[]}\n' });
    expect((await call('GET', 'nope/x')).json).toEqual({ errors: ['no handler for route "nope/x". route entry not found.'] });
  });

  it('database creds are fresh per read and leases renew and revoke', async () => {
    const a = await call('GET', 'database/creds/app');
    const b = await call('GET', 'database/creds/app');
    expect(a.json).toMatchObject({ renewable: true, lease_duration: 3600, mount_type: 'database' });
    expect(a.json.lease_id).toMatch(/^database\/creds\/app\/[A-Za-z0-9]{24}$/);
    expect(a.json.lease_id).not.toBe(b.json.lease_id);
    expect((a.json.data as { username: string }).username).not.toBe((b.json.data as { username: string }).username);
    const renewed = await call('PUT', 'sys/leases/renew', { body: { lease_id: a.json.lease_id, increment: 60 } });
    expect(renewed.json).toMatchObject({ lease_id: a.json.lease_id, renewable: true, lease_duration: 60 });
    expect((await call('PUT', 'sys/leases/revoke', { body: { lease_id: a.json.lease_id } })).status).toBe(204);
    expect((await call('PUT', 'sys/leases/renew', { body: { lease_id: a.json.lease_id } })).json).toEqual({ errors: ['lease not found'] });
    expect((await call('GET', 'database/creds/nobody')).json).toEqual({ errors: ['unknown role: nobody'] });
  });

  it('PKI issue', async () => {
    const r = await call('PUT', 'pki/issue/web', { body: { common_name: 'web.shop.svc' } });
    const d = r.json.data as Record<string, unknown>;
    expect(Object.keys(d)).toEqual(['ca_chain', 'certificate', 'expiration', 'issuing_ca', 'private_key', 'private_key_type', 'serial_number']);
    expect(d.certificate).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----$/);
    expect(d.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('tokens, logins and lookup-self', async () => {
    expect(await call('GET', 'secret/data/app/config', { token: '' })).toMatchObject({ status: 403, text: '{"errors":["permission denied"]}\n' });
    expect((await call('GET', 'secret/data/app/config', { token: 'bogus' })).status).toBe(403);
    const k = await call('PUT', 'auth/kubernetes/login', { token: '', body: { role: 'app', jwt: 'sa-jwt' } });
    const auth = k.json.auth as { client_token: string; policies: string[] };
    expect(auth.client_token).toMatch(/^hvs\./);
    expect(auth.policies).toEqual(['default', 'app']);
    const self = await call('GET', 'auth/token/lookup-self', { token: auth.client_token });
    expect(self.json.data).toMatchObject({ id: auth.client_token, policies: ['default', 'app'], ttl: 3600 });
    expect((await call('PUT', 'auth/kubernetes/login', { token: '', body: { role: 'app', jwt: 'wrong' } })).status).toBe(403);
    expect((await call('PUT', 'auth/kubernetes/login', { token: '', body: { role: 'x', jwt: 'sa-jwt' } })).json).toEqual({ errors: ['invalid role name "x"'] });
    const a = await call('PUT', 'auth/approle/login', { token: '', body: { role_id: 'rid', secret_id: 'sid' } });
    expect((a.json.auth as { client_token: string }).client_token).toMatch(/^hvs\./);
    expect((await call('PUT', 'auth/approle/login', { token: '', body: { role_id: 'rid', secret_id: 'no' } })).status).toBe(400);
  });

  it('namespaces have their own data', async () => {
    vault.kv2('team-a').put('app/config', { team: 'a' });
    expect((await call('GET', 'secret/data/app/config', { ns: 'team-a' })).text).toContain('{"team":"a"}');
    expect((await call('GET', 'secret/data/app/config', { ns: 'team-a/' })).text).toContain('{"team":"a"}');
    expect((await call('GET', 'secret/data/app/config', { ns: 'other' })).status).toBe(403);
    expect(vault.requests.at(-2)?.namespace).toBe('team-a/');
  });

  it('failure modes: 500, deny, sealed', async () => {
    vault.fail.add('secret/data/boom');
    vault.deny.add('secret/data/private');
    expect(await call('GET', 'secret/data/boom')).toMatchObject({ status: 500, text: '{"errors":["internal error"]}\n' });
    expect((await call('GET', 'secret/data/private/x')).status).toBe(403);
    vault.sealed = true;
    try {
      expect(await call('GET', 'secret/data/app/config')).toMatchObject({ status: 503, text: '{"errors":["Vault is sealed"]}\n' });
    } finally {
      vault.sealed = false;
    }
  });
});
