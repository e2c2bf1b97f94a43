// Error paths a real Vault produces, each met by real `vault agent` and by vtpl: a path the
// policy does not grant (403), a KV v2 version that does not exist, a template that fails on the
// real data, error_on_missing_key, a sealed Vault, a stopped Vault (nothing listens on its port).
// vtpl must fail with the error Vault Agent exits with for the same cause, and neither may write
// a file.

import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givingUp } from '../../src/vault/retry.js';
import { E, type AgentRun, agentRuntimeError, cleanEnv, run, setup, tempDir, track, vaultAgent, vtpl } from './env.js';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A second dev Vault of our own, to seal without disturbing the other tests. */
async function startDevVault(): Promise<{ addr: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const addr = `http://127.0.0.1:${port}`;
  const child = spawn(E.vaultBin, ['server', '-dev', `-dev-listen-address=127.0.0.1:${port}`, '-dev-root-token-id=seal-root'], {
    env: cleanEnv(),
    stdio: 'ignore',
  });
  track(child.pid);
  const closed = new Promise<void>((r) => child.on('close', () => r()));
  for (let i = 0; i < 100; i++) {
    if ((await run(E.vaultBin, ['status'], { env: cleanEnv({ VAULT_ADDR: addr }) })).code === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    addr,
    stop: async () => {
      child.kill('SIGTERM');
      await closed;
    },
  };
}

/**
 * A known difference, kept visible: Vault Agent's auto-auth login is not retried by vault/api
 * (its auth handler backs off by itself) and its error has no suffix; vtpl retries a login like
 * any request (VAULT_MAX_RETRIES, default 2) and says so after the error.
 */
const LOGIN_RETRIED = givingUp(3);

interface Both {
  readonly agent: AgentRun;
  readonly vtpl: { code: number | null; err: string; wrote: boolean; out: string };
}

/** Runs one template through vault agent (AppRole) and `vtpl render -o` with the same role. */
async function both(template: string, opts: { addr?: string; roleId?: string; secretId?: string; errorOnMissingKey?: boolean } = {}): Promise<Both> {
  const s = setup();
  const agent = await vaultAgent([{ contents: template, destination: 'out.txt', errorOnMissingKey: opts.errorOnMissingKey }], opts);
  const dir = tempDir('err');
  writeFileSync(join(dir, 't.ctmpl'), template);
  const out = join(dir, 'out.txt');
  const r = await vtpl(
    'render',
    join(dir, 't.ctmpl'),
    '--vault-addr',
    opts.addr ?? E.addr,
    '--role-id',
    opts.roleId ?? s.roleId,
    '--secret-id',
    opts.secretId ?? s.secretId,
    '-o',
    out,
    ...(opts.errorOnMissingKey ? ['--missingkey', 'error'] : []),
  );
  return { agent, vtpl: { code: r.code, err: r.err, wrote: existsSync(out), out } };
}

function expectNothingWritten(b: Both): void {
  expect(b.agent.code).not.toBe(0);
  expect(b.agent.files.size).toBe(0);
  expect(b.vtpl.code).toBe(1);
  expect(b.vtpl.wrote).toBe(false);
}

/**
 * vtpl's message is Vault Agent's error, after vtpl's own prefix ("vtpl render: ", plus
 * "approle login failed: " for a login) where the agent says "template server: " for a
 * template; trailing newlines aside, and vtpl may add hint lines after it.
 */
function expectSameError(b: Both, vtplPrefix: string, agentPrefix: string, hint = ''): void {
  const agent = agentRuntimeError(b.agent);
  expect(agent, b.agent.out + b.agent.err).toBeDefined();
  expect((agent as string).startsWith(agentPrefix)).toBe(true);
  // pkiCert names its dependency by the destination: the agent's file and vtpl's -o differ.
  const cause = (agent as string).slice(agentPrefix.length).trimEnd().replaceAll(join(b.agent.outDir, 'out.txt'), b.vtpl.out);
  expect(b.vtpl.err.trimEnd()).toBe(`vtpl render: ${vtplPrefix}${cause}${hint}`);
}

describe('error paths of a real Vault: vtpl vs vault agent', () => {
  it('403: the policy does not grant the path', async () => {
    const b = await both('{{ with secret "secret/private/key" }}{{ .Data.data.k }}{{ end }}');
    expectNothingWritten(b);
    expectSameError(b, '', 'template server: ');
  });

  it('403 on a listing: secrets of a folder the policy does not list', async () => {
    const b = await both('{{ range secrets "kv/other" }}{{ . }}{{ end }}', { roleId: setup().dbRoleId, secretId: setup().dbSecretId });
    expectNothingWritten(b);
    expectSameError(b, '', 'template server: ');
  });

  it('a database role that does not exist', async () => {
    const b = await both('{{ with secret "database/creds/no-such-role" }}{{ .Data.username }}{{ end }}');
    expectNothingWritten(b);
    expectSameError(b, '', 'template server: ');
  });

  it('pkiCert with a common name the role does not allow', async () => {
    const b = await both('{{ with pkiCert "pki/issue/web" "common_name=evil.example.com" }}{{ .Cert }}{{ end }}');
    expectNothingWritten(b);
    expectSameError(b, '', 'template server: ');
  });

  it('a KV v2 version that does not exist', async () => {
    const b = await both('{{ with secret "secret/web/config?version=99" }}{{ .Data.data.api_url }}{{ end }}');
    expectNothingWritten(b);
    expectSameError(b, '', 'template server: ', ' (Vault Agent would keep retrying and never write this file)\n  missing GET /v1/secret/data/web/config');
  });

  it('a template that fails on real data: KV v1 numbers are json.Number, which gt does not compare with int', async () => {
    const b = await both('{{ with secret "kv/legacy/numbers" }}{{ if gt .Data.i 5 }}big{{ end }}{{ end }}');
    expectNothingWritten(b);
    expectSameError(b, '', 'template server: (dynamic): ');
  });

  it('error_on_missing_key (the error-on-missing-key annotation) and a key the secret lacks', async () => {
    const b = await both('{{ with secret "kv/legacy/smtp" }}{{ .Data.user }}{{ end }}', { errorOnMissingKey: true });
    expectNothingWritten(b);
    expectSameError(b, '', 'template server: (dynamic): ');
  });

  describe('a sealed Vault', () => {
    let sealed: { addr: string; stop: () => Promise<void> };
    beforeAll(async () => {
      sealed = await startDevVault();
      const r = await run(E.vaultBin, ['operator', 'seal'], { env: cleanEnv({ VAULT_ADDR: sealed.addr, VAULT_TOKEN: 'seal-root' }) });
      expect(r.code, r.err).toBe(0);
    });
    afterAll(async () => {
      await sealed?.stop();
    });

    it('login and reads fail with 503 Vault is sealed', async () => {
      const b = await both('{{ with secret "secret/web/config" }}{{ .Data.data.api_url }}{{ end }}', { addr: sealed.addr });
      expectNothingWritten(b);
      expectSameError(b, 'approle login failed: ', '', `\n\n${LOGIN_RETRIED}`);
    });
  });

  it('a stopped Vault: nothing listens on its port', async () => {
    const addr = `http://127.0.0.1:${await freePort()}`;
    const b = await both('{{ with secret "secret/web/config" }}{{ .Data.data.api_url }}{{ end }}', { addr });
    expectNothingWritten(b);
    expectSameError(b, 'approle login failed: ', '', ` ${LOGIN_RETRIED}`);
  });
});
