// The runtime against real leases: an agent that keeps database/creds/my-app-db-role valid
// (default_ttl 4 s, max_ttl 12 s) across rotations, renews leases (visible in Vault's lease
// API), and replaces a revoked lease. The same checks run on real `vault agent` (the reference:
// they must hold there) and on `vtpl agent --config` with the very same config file.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E, REPO, agentConfig, cleanEnv, psql, run, track, vaultApi, vaultCli } from './env.js';

const CREDS = /^export DB_USER="([^"]+)"\nexport DB_PASSWORD="([^"]+)"$/;
const TEMPLATE =
  '{{- with secret "database/creds/my-app-db-role" -}}\nexport DB_USER="{{ .Data.username }}"\nexport DB_PASSWORD="{{ .Data.password }}"\n{{- end -}}\n';
const ROLE_PREFIX = 'database/creds/my-app-db-role/';

interface Seen {
  readonly user: string;
  readonly password: string;
  readonly loggedIn: boolean;
}

/** Lease ids Vault holds for the role, with their last renewal (null when never renewed). */
async function leases(): Promise<Map<string, string | null>> {
  const list = await vaultApi('LIST', `sys/leases/lookup/${ROLE_PREFIX}`);
  const keys = (list.json.data as { keys?: string[] } | undefined)?.keys ?? [];
  const out = new Map<string, string | null>();
  for (const k of keys) {
    const l = await vaultApi('PUT', 'sys/leases/lookup', { lease_id: ROLE_PREFIX + k });
    if (l.status === 200) out.set(ROLE_PREFIX + k, (l.json.data as { last_renewal: string | null }).last_renewal);
  }
  return out;
}

/**
 * Runs an agent on the config until `rotations` credentials after the first were rendered (or
 * the time is up); every new credential must log in at once. Then revokes the live lease and
 * waits for a replacement. Returns what was seen.
 */
async function lifecycle(
  cmd: string,
  args: (config: string) => string[],
): Promise<{ seen: Seen[]; renewed: boolean; replacedAfterRevoke: boolean; firstStillLogsIn: boolean; log: string }> {
  const c = agentConfig([{ contents: TEMPLATE, destination: 'db-creds' }], { keepRunning: true, retries: 2 });
  const child = spawn(cmd, args(c.configPath), { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  track(child.pid);
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    log += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    log += d;
  });
  const exited = new Promise<void>((r) => child.on('close', () => r()));
  const file = join(c.outDir, 'db-creds');
  const seen: Seen[] = [];
  let renewed = false;
  const observe = async (): Promise<void> => {
    if (!existsSync(file)) return;
    const m = CREDS.exec(readFileSync(file, 'utf8'));
    if (!m || seen.some((s) => s.user === m[1])) return;
    const ok = await psql(m[1], m[2], 'SELECT count(*) FROM products');
    seen.push({ user: m[1], password: m[2], loggedIn: ok.code === 0 && ok.out === '2\n' });
  };
  try {
    const end = Date.now() + 90_000;
    while (Date.now() < end && seen.length < 3 && child.exitCode === null) {
      await observe();
      if (!renewed) renewed = [...(await leases()).values()].some((r) => r !== null);
      await new Promise((r) => setTimeout(r, 500));
    }
    // Revoke every live lease of the role: the agent must notice and read new credentials.
    const before = seen.length;
    for (const id of (await leases()).keys()) await vaultCli(['lease', 'revoke', id]);
    const end2 = Date.now() + 60_000;
    while (Date.now() < end2 && seen.length === before && child.exitCode === null) {
      await observe();
      await new Promise((r) => setTimeout(r, 500));
    }
    // The first credentials' lease reached its max TTL long ago: Vault dropped that role.
    const first = seen[0];
    const firstStillLogsIn = first !== undefined && (await psql(first.user, first.password, 'SELECT 1')).code === 0;
    return { seen, renewed, replacedAfterRevoke: seen.length > before, firstStillLogsIn, log };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function expectLifecycle(r: Awaited<ReturnType<typeof lifecycle>>): void {
  expect(r.seen.length, r.log).toBeGreaterThanOrEqual(4); // the first, two rotations, the revoke's replacement
  expect(
    r.seen.filter((s) => !s.loggedIn),
    r.log,
  ).toEqual([]);
  expect(r.renewed).toBe(true);
  expect(r.replacedAfterRevoke).toBe(true);
  expect(r.firstStillLogsIn).toBe(false);
}

/** Certificates Vault's PKI has issued so far. */
async function issuedCerts(): Promise<number> {
  const r = await vaultApi('LIST', 'pki/certs');
  return ((r.json.data as { keys?: string[] } | undefined)?.keys ?? []).length;
}

/**
 * Renders a pkiCert template twice into the same folder (exit_after_auth): consul-template's
 * pkiCert reads the destination first and keeps a certificate that is still good, so the second
 * run must write the same bytes and make Vault issue nothing.
 */
async function reusesCertificate(cmd: string, args: (config: string) => string[]): Promise<{ same: boolean; issuedBySecond: number; log: string }> {
  const tmpl = { contents: '{{ with pkiCert "pki/issue/web" "common_name=reuse.shop.svc" "ttl=1h" }}{{ .Cert }}{{ .Key }}{{ end }}', destination: 'tls.pem' };
  const first = agentConfig([tmpl]);
  const r1 = await run(cmd, args(first.configPath), { env: cleanEnv() });
  const before = readFileSync(join(first.outDir, 'tls.pem'), 'utf8');
  const issued = await issuedCerts();
  const second = agentConfig([tmpl], { outDir: first.outDir });
  const r2 = await run(cmd, args(second.configPath), { env: cleanEnv() });
  return {
    same: readFileSync(join(first.outDir, 'tls.pem'), 'utf8') === before,
    issuedBySecond: (await issuedCerts()) - issued,
    log: r1.out + r1.err + r2.out + r2.err,
  };
}

describe('an agent against real leases', () => {
  it('real vault agent keeps credentials valid across rotations and replaces a revoked lease (the reference)', async () => {
    expectLifecycle(await lifecycle(E.vaultBin, (config) => ['agent', `-config=${config}`]));
  });

  it('vtpl agent --config does the same, with the same config file', async () => {
    expectLifecycle(await lifecycle(process.execPath, (config) => [join(REPO, 'bin/vtpl'), 'agent', '--config', config]));
  });

  it('real vault agent keeps a still-valid certificate it finds at the destination (the reference)', async () => {
    const r = await reusesCertificate(E.vaultBin, (config) => ['agent', `-config=${config}`]);
    expect(r.same, r.log).toBe(true);
    expect(r.issuedBySecond).toBe(0);
  });

  it('vtpl agent --config keeps it too', async () => {
    const r = await reusesCertificate(process.execPath, (config) => [join(REPO, 'bin/vtpl'), 'agent', '--config', config]);
    expect(r.same, r.log).toBe(true);
    expect(r.issuedBySecond).toBe(0);
  });
});
