// `vtpl record --out DIR` names files after Vault paths: a symbolic link inside DIR is not
// followed out of it.
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VaultTestServer, startVaultServer } from '../vault-server/server.js';
import { pod, tempTree, vtpl } from './helpers.js';

const P = 'vault.hashicorp.com/';
let vault: VaultTestServer;

beforeAll(async () => {
  vault = await startVaultServer({});
  vault.kv1().put('legacy/smtp', '{"host":"smtp.example.com"}');
});
afterAll(() => vault.close());

describe('vtpl record --out', () => {
  it('refuses to write through a symbolic link leading out of DIR', async () => {
    const dir = tempTree({ 'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-smtp']: 'kv/legacy/smtp' }) });
    const out = join(dir, 'recorded');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'kv'));
    const r = await vtpl('record', join(dir, 'app.yaml'), '--vault-addr', vault.url, '--token', 'root', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`vtpl record: cannot record kv/legacy/smtp.json: ${join(out, 'kv')} is a symbolic link to ${elsewhere}, outside ${out}\n`);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
