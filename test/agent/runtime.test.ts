// The agent runtime's lifecycle against the Vault test server, on a manual clock.

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pemsCert } from '../../src/vault/dependency/vault_pki.js';
import { type Harness, harness } from './harness.js';

const DB_TEMPLATE = '{{- with secret "database/creds/app" -}}export DB_USER="{{ .Data.username }}" DB_PASSWORD="{{ .Data.password }}"\n{{- end }}\n';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function dbConfig(url: string, dir: string, extra: Record<string, unknown> = {}, templates: unknown[] = []): unknown {
  return {
    vault: { address: url },
    template: [{ contents: DB_TEMPLATE, destination: join(dir, 'db-creds'), command: `echo ran >> ${join(dir, 'ran')}` }, ...templates],
    ...extra,
  };
}

const read = (p: string): string => readFileSync(p, 'utf8');
const lines = (p: string): number => {
  try {
    return read(p).split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
};
const user = (text: string): string => /DB_USER="([^"]+)"/.exec(text)?.[1] ?? '';

describe('leases', () => {
  it('renews a renewable lease without re-rendering: one read, the file and its mtime unchanged', async () => {
    h = await harness({ databaseRoles: [{ name: 'app', ttl: 60 }] }, ({ url, dir }) => dbConfig(url, dir));
    await h.agent.start();
    const file = join(h.dir, 'db-creds');
    const first = read(file);
    const mtime = statSync(file).mtimeMs;
    expect(first).toMatch(/^export DB_USER="v-token-app-[^"]+" DB_PASSWORD="[^"]+"\n$/);
    await h.advance(30 * 60_000);
    expect(h.vault.leases.renewals.length).toBeGreaterThan(20);
    expect(h.vault.requests.filter((r) => r.path === 'database/creds/app')).toHaveLength(1);
    expect(read(file)).toBe(first);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(lines(join(h.dir, 'ran'))).toBe(1);
    // The user in the file has held a live lease all along.
    const lease = [...h.vault.leases.active.entries()].find(([, l]) => l.username === user(first));
    expect(lease && h.vault.leases.valid(lease[0])).toBe(true);
  });

  it('replaces a lease at its max TTL: new credentials before the old expire, the file changes and the command runs once per change', async () => {
    h = await harness({ databaseRoles: [{ name: 'app', ttl: 60, maxTtl: 300 }] }, ({ url, dir }) => dbConfig(url, dir));
    await h.agent.start();
    const file = join(h.dir, 'db-creds');
    const seen = [user(read(file))];
    // Every 5 s of 20 minutes: the user in the file always has a live lease.
    for (let i = 0; i < 240; i++) {
      await h.advance(5000);
      const u = user(read(file));
      if (u !== seen[seen.length - 1]) seen.push(u);
      const lease = [...h.vault.leases.active.entries()].find(([, l]) => l.username === u);
      expect(lease && h.vault.leases.valid(lease[0]), `${u} at ${i * 5}s`).toBe(true);
    }
    // 20 minutes with a 5-minute max TTL: about four replacements.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.length).toBeLessThanOrEqual(6);
    expect(lines(join(h.dir, 'ran'))).toBe(seen.length);
    expect(h.vault.requests.filter((r) => r.path === 'database/creds/app')).toHaveLength(seen.length);
    expect(h.logs.some((l) => l.msg.startsWith('lease is not extended any more'))).toBe(true);
  });

  it('re-reads a non-renewable lease at lease_renewal_threshold (0.9 ± 5 %) of its duration', async () => {
    h = await harness({ databaseRoles: [{ name: 'app', ttl: 1000, renewable: false }] }, ({ url, dir }) => dbConfig(url, dir));
    await h.agent.start();
    const start = h.clock.now();
    const due = h.agent.nextWakeUps().get(join(h.dir, 'db-creds')) as number;
    expect(due - start).toBeGreaterThanOrEqual(850_000);
    expect(due - start).toBeLessThanOrEqual(950_000);
    await h.advance(due - start - 1);
    expect(h.vault.requests.filter((r) => r.path === 'database/creds/app')).toHaveLength(1);
    await h.advance(1);
    expect(h.vault.requests.filter((r) => r.path === 'database/creds/app')).toHaveLength(2);
    expect(lines(join(h.dir, 'ran'))).toBe(2);
  });

  it('re-reads a rotating static credential at ttl + 1s', async () => {
    h = await harness({ staticRoles: [{ name: 'static', username: 'app', rotationPeriod: 600 }] }, ({ url, dir }) => ({
      vault: { address: url },
      template: [{ contents: '{{ with secret "database/static-creds/static" }}{{ .Data.password }}{{ end }}', destination: join(dir, 'pw') }],
    }));
    await h.agent.start();
    const before = read(join(h.dir, 'pw'));
    expect(h.agent.nextWakeUps().get(join(h.dir, 'pw'))).toBe(h.clock.now() + 601_000);
    await h.advance(601_000);
    expect(read(join(h.dir, 'pw'))).not.toBe(before);
  });

  it('re-reads lease-less KV secrets at static_secret_render_interval (0.9 ± 5 % of it) and rewrites only what changed', async () => {
    h = await harness({}, ({ url, dir }) => ({
      vault: { address: url },
      template_config: { static_secret_render_interval: '1m' },
      template: [
        { contents: '{{ with secret "secret/app" }}{{ .Data.data.v }}{{ end }}', destination: join(dir, 'app'), command: `echo a >> ${join(dir, 'ran-a')}` },
        {
          contents: '{{ with secret "secret/other" }}{{ .Data.data.v }}{{ end }}',
          destination: join(dir, 'other'),
          command: `echo o >> ${join(dir, 'ran-o')}`,
        },
      ],
    }));
    h.vault.kv2().put('app', { v: 'one' });
    h.vault.kv2().put('other', { v: 'same' });
    await h.agent.start();
    await h.advance(5 * 60_000);
    expect(read(join(h.dir, 'app'))).toBe('one');
    expect(lines(join(h.dir, 'ran-a'))).toBe(1);
    const reads = h.vault.requests.filter((r) => r.path === 'secret/data/app').length;
    expect(reads).toBeGreaterThanOrEqual(5);
    expect(reads).toBeLessThanOrEqual(7);
    h.vault.kv2().put('app', { v: 'two' });
    await h.advance(60_000);
    expect(read(join(h.dir, 'app'))).toBe('two');
    expect(lines(join(h.dir, 'ran-a'))).toBe(2);
    expect(lines(join(h.dir, 'ran-o'))).toBe(1);
  });
});

describe('lists', () => {
  it('`secrets` (LIST) is polled every static_secret_render_interval, and a new key re-renders', async () => {
    h = await harness({}, ({ url, dir }) => ({
      vault: { address: url },
      template_config: { static_secret_render_interval: '2m' },
      template: [{ contents: '{{ range secrets "secret/apps" }}{{ . }} {{ end }}', destination: join(dir, 'apps') }],
    }));
    h.vault.kv2().put('apps/a', { v: 1 });
    await h.agent.start();
    expect(read(join(h.dir, 'apps'))).toBe('a ');
    expect(h.agent.nextWakeUps().get(join(h.dir, 'apps'))).toBe(h.clock.now() + 120_000);
    h.vault.kv2().put('apps/b', { v: 1 });
    await h.advance(119_999);
    expect(read(join(h.dir, 'apps'))).toBe('a ');
    await h.advance(1);
    expect(read(join(h.dir, 'apps'))).toBe('a b ');
  });
});

describe('certificates', () => {
  it("pkiCert: the next issue is due at 90 % of the certificate's lifetime", async () => {
    h = await harness({}, ({ url, dir }) => ({
      vault: { address: url },
      template: [{ contents: '{{ with pkiCert "pki/issue/web" "common_name=web.svc" }}{{ .Cert }}{{ end }}', destination: join(dir, 'tls.pem') }],
    }));
    await h.agent.start();
    const { cert } = pemsCert(readFileSync(new URL('../vault-server/fixtures/leaf.pem', import.meta.url), 'utf8'));
    const c = cert as NonNullable<typeof cert>;
    expect(h.agent.nextWakeUps().get(join(h.dir, 'tls.pem'))).toBe(c.notBefore + Math.trunc((c.notAfter - c.notBefore) * 0.9));
  });

  it('a certificate read with `secret` (no lease) is due at threshold of its expiration', async () => {
    h = await harness({}, ({ url, dir }) => ({
      vault: { address: url },
      template: [{ contents: '{{ with secret "pki/issue/web" "common_name=web.svc" }}{{ .Data.serial_number }}{{ end }}', destination: join(dir, 'serial') }],
    }));
    await h.agent.start();
    const base = 4949474282 - Math.trunc(h.clock.now() / 1000);
    const due = (h.agent.nextWakeUps().get(join(h.dir, 'serial')) as number) - h.clock.now();
    expect(due).toBeGreaterThanOrEqual(Math.trunc(base * 1000 * 0.85));
    expect(due).toBeLessThanOrEqual(Math.trunc(base * 1000 * 0.95));
  });
});

describe('one brain for all templates', () => {
  it('two templates sharing database/creds/app get the same credentials from one read', async () => {
    h = await harness({ databaseRoles: [{ name: 'app', ttl: 60, maxTtl: 120 }] }, ({ url, dir }) =>
      dbConfig(url, dir, {}, [{ contents: '{{ with secret "database/creds/app" }}{{ .Data.username }}{{ end }}', destination: join(dir, 'user') }]),
    );
    await h.agent.start();
    expect(user(read(join(h.dir, 'db-creds')))).toBe(read(join(h.dir, 'user')));
    expect(h.vault.requests.filter((r) => r.path === 'database/creds/app')).toHaveLength(1);
    await h.advance(5 * 60_000);
    expect(user(read(join(h.dir, 'db-creds')))).toBe(read(join(h.dir, 'user')));
    const reads = h.vault.requests.filter((r) => r.path === 'database/creds/app').length;
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(lines(join(h.dir, 'ran'))).toBe(reads);
  });
});

describe('failures', () => {
  it('retries a 500 with backoff (250ms, 500ms, 1s) and recovers', async () => {
    h = await harness({}, ({ url, dir }) => ({
      vault: { address: url },
      template: [{ contents: '{{ with secret "secret/app" }}{{ .Data.data.v }}{{ end }}', destination: join(dir, 'app') }],
    }));
    h.vault.kv2().put('app', { v: 'ok' });
    h.vault.fault('secret/data/app', 500, 3);
    const started = h.agent.start();
    await h.advance(2000);
    await started;
    expect(read(join(h.dir, 'app'))).toBe('ok');
    expect(h.logs.filter((l) => l.msg === 'fetch failed; retrying').map((l) => l.fields.retry_in)).toEqual(['250ms', '500ms', '1s']);
  });

  it('retries a reset connection, and a Vault that never answers (client timeout), then recovers', async () => {
    h = await harness(
      {},
      ({ url, dir }) => ({
        vault: { address: url },
        template: [{ contents: '{{ with secret "secret/app" }}{{ .Data.data.v }}{{ end }}', destination: join(dir, 'app') }],
      }),
      { env: { VAULT_TOKEN: 'root', VAULT_CLIENT_TIMEOUT: '300ms', VAULT_MAX_RETRIES: '0', PATH: process.env.PATH } },
    );
    h.vault.kv2().put('app', { v: 'ok' });
    h.vault.fault('secret/data/app', 'reset', 1);
    h.vault.fault('secret/data/app', 'hang', 1);
    const started = h.agent.start();
    await h.advance(2000);
    await started;
    expect(read(join(h.dir, 'app'))).toBe('ok');
    const errors = h.logs.filter((l) => l.msg === 'fetch failed; retrying').map((l) => String(l.fields.error));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/: EOF$|connection reset by peer/);
    expect(errors[1]).toContain('context deadline exceeded');
  });

  it('without exit_on_retry_failure, exhausted retries restart the runner after a backoff, and it recovers', async () => {
    h = await harness({}, ({ url, dir }) => ({
      vault: { address: url, retry: { num_retries: 1 } },
      template: [{ contents: '{{ with secret "secret/app" }}{{ .Data.data.v }}{{ end }}', destination: join(dir, 'app') }],
    }));
    h.vault.kv2().put('app', { v: 'ok' });
    h.vault.fault('secret/data/app', 500, 3);
    const started = h.agent.start();
    await h.advance(5000);
    await started;
    expect(read(join(h.dir, 'app'))).toBe('ok');
    expect(h.logs.find((l) => l.msg === 'template server error; restarting the runner')?.fields.restart_in).toBe('1s');
    expect(h.vault.requests.filter((r) => r.path === 'secret/data/app')).toHaveLength(4);
  });

  it('token_file auth: reads the token file and asks Vault how long the token lives', async () => {
    h = await harness(
      {},
      ({ url, dir }) => {
        writeFileSync(join(dir, 'token'), 'root\n');
        return {
          vault: { address: url },
          auto_auth: { method: [{ type: 'token_file', config: { token_file_path: join(dir, 'token') } }] },
          template: [{ contents: '{{ with secret "secret/app" }}{{ .Data.data.v }}{{ end }}', destination: join(dir, 'app') }],
        };
      },
      { env: { PATH: process.env.PATH } },
    );
    h.vault.kv2().put('app', { v: 'ok' });
    await h.agent.start();
    expect(read(join(h.dir, 'app'))).toBe('ok');
    expect(h.vault.requests.some((r) => r.path === 'auth/token/lookup-self' && r.token === 'root')).toBe(true);
  });

  it('exit_on_retry_failure: exits 1 after the configured attempts, writing nothing', async () => {
    h = await harness({}, ({ url, dir }) => ({
      vault: { address: url, retry: { num_retries: 2 } },
      template_config: { exit_on_retry_failure: true },
      template: [{ contents: '{{ with secret "secret/app" }}{{ .Data.data.v }}{{ end }}', destination: join(dir, 'app') }],
    }));
    h.vault.kv2().put('app', { v: 'ok' });
    h.vault.fault('secret/data/app', 503);
    const started = h.agent.start().catch((e: Error) => e.message);
    await h.advance(10_000);
    const exit = await h.agent.done;
    expect(exit.code).toBe(1);
    expect(exit.reason).toContain('template server: ');
    expect(exit.reason).toContain('Code: 503');
    expect(await started).toContain('Vault is sealed');
    expect(h.vault.requests.filter((r) => r.path === 'secret/data/app')).toHaveLength(3);
    expect(() => statSync(join(h?.dir as string, 'app'))).toThrow();
  });

  it('a 403 makes the agent authenticate again (AppRole) and read everything with the new token', async () => {
    h = await harness({ appRoles: [{ roleId: 'rid', secretId: 'sid' }] }, ({ url, dir }) => {
      writeFileSync(join(dir, 'role-id'), 'rid\n');
      writeFileSync(join(dir, 'secret-id'), 'sid\n');
      return {
        vault: { address: url },
        auto_auth: {
          method: [{ type: 'approle', config: { role_id_file_path: join(dir, 'role-id'), secret_id_file_path: join(dir, 'secret-id') } }],
          sink: [{ type: 'file', config: { path: join(dir, 'token') } }],
        },
        template_config: { static_secret_render_interval: '1m' },
        template: [{ contents: '{{ with secret "secret/app" }}{{ .Data.data.v }}{{ end }}', destination: join(dir, 'app') }],
      };
    });
    h.vault.kv2().put('app', { v: 'ok' });
    await h.agent.start();
    const logins = () => h?.vault.requests.filter((r) => r.path === 'auth/approle/login').length;
    expect(logins()).toBe(1);
    const token1 = read(join(h.dir, 'token'));
    expect(token1).toMatch(/^hvs\./);
    // remove_secret_id_file_after_reading defaults to true.
    expect(() => statSync(join(h?.dir as string, 'secret-id'))).toThrow();
    h.vault.fault('secret/data/app', 403, 1);
    await h.advance(60_000);
    expect(logins()).toBe(2);
    expect(read(join(h.dir, 'token'))).not.toBe(token1);
    expect(read(join(h.dir, 'app'))).toBe('ok');
    expect(h.logs.some((l) => l.msg === 'permission denied; authenticating again')).toBe(true);
  });

  it('several 403s at once make one new login', async () => {
    h = await harness({ appRoles: [{ roleId: 'rid', secretId: 'sid' }] }, ({ url, dir }) => {
      writeFileSync(join(dir, 'role-id'), 'rid\n');
      writeFileSync(join(dir, 'secret-id'), 'sid\n');
      return {
        vault: { address: url },
        auto_auth: {
          method: [
            {
              type: 'approle',
              config: { role_id_file_path: join(dir, 'role-id'), secret_id_file_path: join(dir, 'secret-id'), remove_secret_id_file_after_reading: false },
            },
          ],
        },
        template: ['a', 'b', 'c'].map((n) => ({ contents: `{{ with secret "secret/${n}" }}{{ .Data.data.v }}{{ end }}`, destination: join(dir, n) })),
      };
    });
    for (const n of ['a', 'b', 'c']) h.vault.kv2().put(n, { v: n });
    h.vault.fault('secret/data/', 403, 3);
    const started = h.agent.start();
    await h.advance(1000);
    await started;
    expect(h.vault.requests.filter((r) => r.path === 'auth/approle/login')).toHaveLength(2);
    expect(['a', 'b', 'c'].map((n) => read(join(h?.dir as string, n)))).toEqual(['a', 'b', 'c']);
  });

  it('renews the auth token before it expires, and logs in again at its max TTL', async () => {
    h = await harness({ kubernetes: [{ role: 'web', jwt: 'k8s-jwt' }], tokenTtl: 600, tokenMaxTtl: 1800 }, ({ url, dir }) => {
      writeFileSync(join(dir, 'jwt'), 'k8s-jwt\n');
      return {
        vault: { address: url },
        auto_auth: { method: [{ type: 'kubernetes', mount_path: 'auth/kubernetes', config: { role: 'web', token_path: join(dir, 'jwt') } }] },
        template: [{ contents: '{{ with secret "secret/app" }}{{ .Data.data.v }}{{ end }}', destination: join(dir, 'app') }],
      };
    });
    h.vault.kv2().put('app', { v: 'ok' });
    await h.agent.start();
    await h.advance(25 * 60_000);
    const renewals = h.vault.requests.filter((r) => r.path === 'auth/token/renew-self').length;
    expect(renewals).toBeGreaterThanOrEqual(2);
    expect(h.vault.requests.filter((r) => r.path === 'auth/kubernetes/login')).toHaveLength(1);
    await h.advance(10 * 60_000);
    expect(h.vault.requests.filter((r) => r.path === 'auth/kubernetes/login')).toHaveLength(2);
    // Every request carried a token that was alive when it was sent.
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('commands and logs', () => {
  it('a failing command is logged with its status and output; the runner restarts and the agent goes on', async () => {
    h = await harness({}, ({ url, dir }) => ({
      vault: { address: url },
      template_config: { static_secret_render_interval: '1m' },
      template: [{ contents: '{{ with secret "secret/app" }}{{ .Data.data.v }}{{ end }}', destination: join(dir, 'app'), command: 'echo boom >&2; exit 3' }],
    }));
    h.vault.kv2().put('app', { v: 'one' });
    await h.agent.start();
    const failed = h.logs.find((l) => l.msg === 'command failed');
    expect(failed?.fields).toMatchObject({ status: 3, output: 'boom', error: 'command exited with a non-zero exit status' });
    expect(h.logs.find((l) => l.msg === 'template server error; restarting the runner')?.fields.error).toContain(
      'failed to execute command "echo boom >&2; exit 3"',
    );
    h.vault.kv2().put('app', { v: 'two' });
    await h.advance(60_000);
    expect(read(join(h.dir, 'app'))).toBe('two');
  });

  it('a command failing after every change backs the restarts off (1s, 2s, 4s...) instead of spinning', async () => {
    // Each restart reads new credentials, the file changes, and the command fails again.
    h = await harness({ databaseRoles: [{ name: 'app', ttl: 3600 }] }, ({ url, dir }) => ({
      vault: { address: url },
      template: [{ contents: DB_TEMPLATE, destination: join(dir, 'db-creds'), command: 'exit 1' }],
    }));
    await h.agent.start();
    await h.advance(20_000);
    const waits = h.logs.filter((l) => l.msg === 'template server error; restarting the runner').map((l) => l.fields.restart_in);
    expect(waits.slice(0, 4)).toEqual(['1s', '2s', '4s', '8s']);
  });

  it('with exit_on_retry_failure, a failing command stops the agent with exit code 1 (as consul-template fails the runner)', async () => {
    h = await harness({}, ({ url, dir }) => ({
      vault: { address: url },
      template_config: { exit_on_retry_failure: true },
      template: [{ contents: '{{ with secret "secret/app" }}{{ .Data.data.v }}{{ end }}', destination: join(dir, 'app'), command: 'exit 1' }],
    }));
    h.vault.kv2().put('app', { v: 'one' });
    await h.agent.start().catch(() => undefined);
    const exit = await h.agent.done;
    expect(exit.code).toBe(1);
    expect(exit.reason).toBe(`template server: failed to execute command "exit 1" for ${join(h.dir, 'app')}: command exited with a non-zero exit status`);
    expect(read(join(h.dir, 'app'))).toBe('one');
  });

  it('runs a command shared by templates that changed together once, after all of them are written', async () => {
    h = await harness({ databaseRoles: [{ name: 'app', ttl: 60, renewable: false }] }, ({ url, dir }) => ({
      vault: { address: url },
      template: ['user', 'password'].map((f) => ({
        contents: `{{ with secret "database/creds/app" }}{{ .Data.${f} }}{{ end }}`,
        destination: join(dir, f),
        command: `cat ${join(dir, 'user')} ${join(dir, 'password')} >/dev/null && echo ok >> ${join(dir, 'ran')}`,
      })),
    }));
    await h.agent.start();
    expect(lines(join(h.dir, 'ran'))).toBe(1);
    await h.advance(60_000);
    expect(h.vault.requests.filter((r) => r.path === 'database/creds/app')).toHaveLength(2);
    expect(lines(join(h.dir, 'ran'))).toBe(2);
  });

  it('logs a line per render (destination, changed, next wake-up and why) and never a secret value', async () => {
    h = await harness({ databaseRoles: [{ name: 'app', ttl: 60, maxTtl: 120 }] }, ({ url, dir }) => dbConfig(url, dir));
    await h.agent.start();
    await h.advance(5 * 60_000);
    const renders = h.logs.filter((l) => l.msg === 'rendered');
    expect(renders.length).toBeGreaterThanOrEqual(2);
    expect(renders[0].fields).toMatchObject({
      destination: join(h.dir, 'db-creds'),
      changed: true,
      next: '0s',
      why: 'renew lease of vault.read(database/creds/app)',
    });
    const text = JSON.stringify(h.logs);
    for (const [, l] of h.vault.leases.active) expect(text).not.toContain(l.username as string);
    expect(text).not.toMatch(/DB_PASSWORD|hvs\./);
  });
});

describe('template options', () => {
  it('source, perms, delimiters, error_on_missing_key and backup reach the render and the write', async () => {
    h = await harness({}, ({ url, dir }) => {
      writeFileSync(join(dir, 'app.tpl'), '[[ with secret "secret/app" ]][[ .Data.data.v ]][[ end ]]');
      return {
        vault: { address: url },
        template_config: { static_secret_render_interval: '1m' },
        template: [
          { source: join(dir, 'app.tpl'), destination: join(dir, 'out', 'app'), perms: '0600', left_delimiter: '[[', right_delimiter: ']]', backup: true },
          { contents: '{{ with secret "secret/app" }}{{ .Data.data.nope }}{{ end }}', destination: join(dir, 'strict'), error_on_missing_key: true },
        ],
      };
    });
    h.vault.kv2().put('app', { v: 'one' });
    const started = h.agent.start().catch(() => 'never rendered');
    await h.advance(60_000);
    expect(read(join(h.dir, 'out', 'app'))).toBe('one');
    expect(statSync(join(h.dir, 'out', 'app')).mode & 0o777).toBe(0o600);
    h.vault.kv2().put('app', { v: 'two' });
    await h.advance(60_000);
    expect(read(join(h.dir, 'out', 'app'))).toBe('two');
    expect(read(join(h.dir, 'out', 'app.bak'))).toBe('one');
    expect(() => statSync(join(h?.dir as string, 'strict'))).toThrow();
    const restarts = h.logs.filter((l) => l.msg === 'template server error; restarting the runner');
    expect(restarts[0].fields.error).toContain('map has no entry for key "nope"');
    // The runner is never healthy (one template always fails): Vault Agent's 1s..5m backoff grows.
    expect(restarts.slice(0, 4).map((l) => l.fields.restart_in)).toEqual(['1s', '2s', '4s', '8s']);
    void started;
  });
});

describe('exit_after_auth', () => {
  it('renders every template once, then stops with code 0', async () => {
    h = await harness({}, ({ url, dir }) => ({
      vault: { address: url },
      exit_after_auth: true,
      template: [{ contents: 'x{{ with secret "secret/app" }}{{ .Data.data.v }}{{ end }}', destination: join(dir, 'app') }],
    }));
    h.vault.kv2().put('app', { v: '1' });
    await h.agent.start();
    expect(await h.agent.done).toEqual({ code: 0, reason: 'exit_after_auth: every template rendered' });
    expect(read(join(h.dir, 'app'))).toBe('x1');
    expect(h.clock.size).toBe(0);
  });
});
