// examples/agent/local.hcl, the README walkthrough's config, run against the Vault test
// server as `npm run vault-test-server` sets it up (leases of 30 s, max TTL 2 min), on a
// manual clock: the file is written, kept while renewals extend the lease, and replaced
// (with the command run) when the lease reaches its max TTL.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAgentConfig } from '../../src/agent/config-file.js';
import { type Harness, harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('examples/agent/local.hcl', () => {
  it('renders db-creds, renews, and replaces the credentials when the lease runs out', async () => {
    h = await harness(
      {
        databaseRoles: [{ name: 'my-app-db-role', ttl: 30, maxTtl: 120 }],
        appRoles: [{ roleId: 'my-app-role-id', secretId: 'my-app-secret-id' }],
      },
      async ({ dir }) => {
        writeFileSync(join(dir, 'role-id'), 'my-app-role-id\n');
        writeFileSync(join(dir, 'secret-id'), 'my-app-secret-id\n');
        const text = readFileSync('examples/agent/local.hcl', 'utf8').replaceAll('examples/agent/run', dir);
        return { parsed: await parseAgentConfig(text, 'local.hcl') };
      },
    );
    await h.agent.start();
    const file = join(h.dir, 'db-creds');
    const first = readFileSync(file, 'utf8');
    expect(first).toMatch(/^export DB_USER="v-token-my-app-d-[A-Za-z0-9]+-\d+" DB_PASSWORD="[A-Za-z0-9-]+"\n$/);
    await h.advance(60_000);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(h.vault.leases.renewals.length).toBeGreaterThanOrEqual(2);
    await h.advance(60_000);
    const second = readFileSync(file, 'utf8');
    expect(second).not.toBe(first);
    expect(readFileSync(join(h.dir, 'app-reloads.log'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readFileSync(join(h.dir, 'vault-token'), 'utf8')).toMatch(/^hvs\./);
  });
});
