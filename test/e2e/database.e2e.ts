// The database-credentials scenario end to end: vtpl renders database/creds/my-app-db-role from a
// real Vault, PostgreSQL accepts the rendered credentials, and once the lease is gone Vault has
// dropped the role so the same credentials no longer log in.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_YAML, E, psql, setup, tempDir, vtpl } from './env.js';

const CREDS = /^export DB_USER="([^"]+)"\nexport DB_PASSWORD="([^"]+)"$/;

/** Polls until check() holds or the deadline passes; returns whether it held. */
async function eventually(check: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return check();
}

describe('database credentials from a real Vault and PostgreSQL', () => {
  it('vtpl preview renders live credentials that log in and read a table; they stop working once the lease ends', async () => {
    const s = setup();
    const out = tempDir('db');
    const r = await vtpl('preview', APP_YAML, '--vault-addr', E.addr, '--role-id', s.roleId, '--secret-id', s.secretId, '--out', out);
    expect(r.code, r.err).toBe(0);
    const file = readFileSync(join(out, 'shop/deployment-web/vault/secrets/myappdb.txt'), 'utf8');
    const m = CREDS.exec(file);
    expect(m, `rendered:\n${file}\nstderr:\n${r.err}`).not.toBeNull();
    const [, user, password] = m as RegExpExecArray;
    expect(user).toMatch(/^v-approle-my-app-d-/);

    const ok = await psql(user, password, 'SELECT id, name FROM products ORDER BY id');
    expect(ok.err).toBe('');
    expect(ok.out).toBe('1|teapot\n2|kettle\n');

    // Nobody renews this lease: Vault revokes it after default_ttl (well before max_ttl) and drops the role.
    const gone = await eventually(async () => (await psql(user, password, 'SELECT 1')).code !== 0, s.dbMaxTtl + 20);
    expect(gone).toBe(true);
    const after = await psql(user, password, 'SELECT 1');
    expect(after.err).toMatch(/password authentication failed for user|role ".*" does not exist/);
    const roles = await psql('postgres', E.pgPassword, `SELECT count(*) FROM pg_roles WHERE rolname = '${user}'`);
    expect(roles.out).toBe('0\n');
  });

  it("vtpl render with the injector's template prints exactly the two export lines", async () => {
    const s = setup();
    const dir = tempDir('db-render');
    const tmpl = join(dir, 'db.ctmpl');
    writeFileSync(
      tmpl,
      '{{- with secret "database/creds/my-app-db-role" -}}\nexport DB_USER="{{ .Data.username }}"\nexport DB_PASSWORD="{{ .Data.password }}"\n{{- end -}}\n',
    );
    const r = await vtpl('render', tmpl, '--vault-addr', E.addr, '--role-id', s.dbRoleId, '--secret-id', s.dbSecretId);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [, user, password] = CREDS.exec(r.out) as RegExpExecArray;
    expect((await psql(user, password, 'SELECT count(*) FROM products')).out).toBe('2\n');
  });
});
