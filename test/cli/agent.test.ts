// `vtpl agent`: the command as a process (signals, exit codes, log formats) and --manifest.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VaultTestServer, startVaultServer } from '../vault-server/server.js';
import { pod, tempTree, vtpl } from './helpers.js';

const P = 'vault.hashicorp.com/';
const bin = new URL('../../bin/vtpl', import.meta.url).pathname;
let vault: VaultTestServer;

beforeAll(async () => {
  vault = await startVaultServer({ databaseRoles: ['my-app-db-role'] });
  vault.kv2().put('app', { greeting: 'hello' });
});
afterAll(() => vault.close());

function start(args: string[], env: Record<string, string> = {}): { child: ChildProcess; err: () => string; exit: Promise<number | null> } {
  let err = '';
  const child = spawn(process.execPath, [bin, 'agent', ...args], {
    env: { ...process.env, VAULT_ADDR: vault.url, VAULT_TOKEN: 'root', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, err: () => err, exit };
}

async function until(what: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

function config(dir: string, contents: string): string {
  const file = join(dir, 'agent.json');
  writeFileSync(file, JSON.stringify({ template: [{ contents, destination: join(dir, 'out', 'app.txt') }] }));
  return file;
}

describe('vtpl agent (process)', () => {
  it('SIGTERM stops it cleanly: exit 0, the file whole, no temporary file left', async () => {
    const dir = tempTree({});
    const a = start(['--config', config(dir, '{{ with secret "secret/app" }}{{ .Data.data.greeting }}{{ end }}')]);
    await until(() => existsSync(join(dir, 'out', 'app.txt')));
    a.child.kill('SIGTERM');
    expect(await a.exit).toBe(0);
    expect(readFileSync(join(dir, 'out', 'app.txt'), 'utf8')).toBe('hello');
    expect(readdirSync(join(dir, 'out'))).toEqual(['app.txt']);
    expect(a.err()).toContain('agent stopped: reason="received SIGTERM"');
  });

  it('SIGHUP re-reads the config and renders with it', async () => {
    const dir = tempTree({});
    const file = config(dir, 'one {{ with secret "secret/app" }}{{ .Data.data.greeting }}{{ end }}');
    const a = start(['--config', file, '--log-format', 'json']);
    await until(() => existsSync(join(dir, 'out', 'app.txt')));
    config(dir, 'two {{ with secret "secret/app" }}{{ .Data.data.greeting }}{{ end }}');
    a.child.kill('SIGHUP');
    await until(() => readFileSync(join(dir, 'out', 'app.txt'), 'utf8') === 'two hello');
    a.child.kill('SIGINT');
    expect(await a.exit).toBe(0);
    const records = a
      .err()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.some((r) => r['@message'] === 'reloading configuration')).toBe(true);
    expect(records.filter((r) => r['@message'] === 'rendered').map((r) => r.changed)).toEqual([true, true]);
    expect(records[0]).toMatchObject({ '@level': 'info', '@module': 'agent' });
  });

  it('exits 1 with the reason when the config cannot be used, 2 on usage errors', async () => {
    const bad = await vtpl('agent', '--config', 'no/such.hcl');
    expect(bad).toMatchObject({ code: 1, err: 'vtpl agent: cannot read config file no/such.hcl: no such file\n' });
    expect((await vtpl('agent')).code).toBe(2);
    expect((await vtpl('agent', '--config', 'x.hcl', '--pod', 'web')).code).toBe(2);
    expect((await vtpl('agent', '--config', 'x.hcl', '--log-format', 'xml')).code).toBe(2);
  });
});

describe('vtpl agent --manifest', () => {
  it("agent-pre-populate-only: renders the pod's files once under --out and exits 0; both files share one read", async () => {
    const dir = tempTree({
      'deploy.yaml': pod({
        [P + 'agent-inject']: 'true',
        [P + 'agent-pre-populate-only']: 'true',
        [P + 'agent-inject-template-db-creds']: '{{- with secret "database/creds/my-app-db-role" -}}export DB_USER="{{ .Data.username }}"{{- end }}',
        [P + 'agent-inject-template-user']: '{{ with secret "database/creds/my-app-db-role" }}{{ .Data.username }}{{ end }}',
        [P + 'agent-inject-perms-user']: '0400',
      }),
    });
    const before = vault.requests.filter((r) => r.path === 'database/creds/my-app-db-role').length;
    const r = await vtpl('agent', '--manifest', join(dir, 'deploy.yaml'), '--out', join(dir, 'out'), '--vault-addr', vault.url, '--token', 'root');
    expect(r.code).toBe(0);
    const user = readFileSync(join(dir, 'out', 'vault', 'secrets', 'user'), 'utf8');
    expect(readFileSync(join(dir, 'out', 'vault', 'secrets', 'db-creds'), 'utf8')).toBe(`export DB_USER="${user}"`);
    expect(vault.requests.filter((q) => q.path === 'database/creds/my-app-db-role').length - before).toBe(1);
    expect(r.err).toContain('exit_after_auth: every template rendered');
  });

  it('says why a pod gets no agent', async () => {
    const dir = tempTree({ 'deploy.yaml': pod({ [P + 'agent-inject']: 'false' }) });
    const r = await vtpl('agent', '--manifest', join(dir, 'deploy.yaml'), '--vault-addr', vault.url, '--token', 'root');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/agent-inject is "false", so the injector leaves this pod alone/);
  });
});
