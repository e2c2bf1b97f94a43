// pkiCert reads its destination first and reuses the certificate there while it is still good
// (consul-template v0.42.1 dependency/vault_pki.go, VaultPKIQuery.Fetch): `render -o` and
// `preview --out` write that destination, so running them again must not issue a new one.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VaultTestServer, startVaultServer } from '../vault-server/server.js';
import { pod, tempTree, vtpl } from './helpers.js';

const P = 'vault.hashicorp.com/';
const TEMPLATE = '{{ with pkiCert "pki/issue/web" "common_name=web.svc" }}{{ .Cert }}{{ .Key }}{{ end }}';
const CA = readFileSync(new URL('../vault-server/fixtures/ca.pem', import.meta.url), 'utf8');

let vault: VaultTestServer;
beforeAll(async () => {
  vault = await startVaultServer();
});
afterAll(() => vault.close());

const issued = (): number => vault.requests.filter((q) => q.path === 'pki/issue/web').length;

describe('pkiCert reuses the certificate in its destination', () => {
  it('render -o: issues once, then reuses the file; a file without a good certificate makes it issue again', async () => {
    const dir = tempTree({ 't.ctmpl': TEMPLATE });
    const out = join(dir, 'tls.pem');
    const render = () => vtpl('render', join(dir, 't.ctmpl'), '--vault-addr', vault.url, '--token', 'root', '-o', out);
    const before = issued();
    expect(await render()).toMatchObject({ code: 0, err: '' });
    expect(issued()).toBe(before + 1);
    const first = readFileSync(out, 'utf8');
    expect(first).toContain('-----BEGIN CERTIFICATE-----');
    expect(first).toContain('PRIVATE KEY-----');

    expect(await render()).toMatchObject({ code: 0, err: '' });
    expect(issued()).toBe(before + 1);
    expect(readFileSync(out, 'utf8')).toBe(first);

    // Only a CA certificate there: no leaf, so it needs renewal (goodFor(nil) is false).
    writeFileSync(out, CA);
    expect(await render()).toMatchObject({ code: 0, err: '' });
    expect(issued()).toBe(before + 2);
    expect(readFileSync(out, 'utf8')).toBe(first);

    // Printed to stdout there is no destination file to reuse.
    expect((await vtpl('render', join(dir, 't.ctmpl'), '--vault-addr', vault.url, '--token', 'root')).out).toBe(first);
    expect(issued()).toBe(before + 3);
  });

  it('preview --out: the second run reuses what the first wrote', async () => {
    const dir = tempTree({ 'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-tls.pem']: TEMPLATE }) });
    const preview = () => vtpl('preview', join(dir, 'app.yaml'), '--vault-addr', vault.url, '--token', 'root', '--out', join(dir, 'out'));
    const before = issued();
    expect((await preview()).code).toBe(0);
    expect(issued()).toBe(before + 1);
    const second = await preview();
    expect(second.code).toBe(0);
    expect(second.out).toContain('unchanged (same bytes already there)');
    expect(issued()).toBe(before + 1);
  });
});
