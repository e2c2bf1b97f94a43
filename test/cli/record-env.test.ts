// `vtpl record` renders the templates as preview/render do (same --env) against the Vault API
// test server, so it records what a real render reads: paths built at run time, plus the
// literal paths of branches not taken; writes only with --include-writes.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VaultTestServer, startVaultServer } from '../vault-server/server.js';
import { pod, tempTree, vtpl } from './helpers.js';

const P = 'vault.hashicorp.com/';

let vault: VaultTestServer;
beforeAll(async () => {
  vault = await startVaultServer();
  vault.kv2().put('web/db', { password: 'web-pw' });
  vault.kv2().put('prod/db', { password: 'prod-pw' });
  vault.kv2().put('dev/db', { password: 'dev-pw' });
});
afterAll(() => vault.close());

const live = (): string[] => ['--vault-addr', vault.url, '--token', 'root'];
const record = (dir: string, ...rest: string[]) => vtpl('record', join(dir, 'app.yaml'), ...live(), '--out', join(dir, 'rec'), ...rest);
const requests = (path: string) => vault.requests.filter((q) => q.path === path).length;

describe('vtpl record --env', () => {
  it('reads a path built from env as the render builds it; preview from the recording equals live', async () => {
    const t = '{{ with secret (printf "secret/%s/db" (env "APP")) }}{{ .Data.data.password }}{{ end }}';
    const dir = tempTree({ 'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-db']: t }) });
    const rec = await record(dir, '--env', 'APP=web');
    expect(rec.out).not.toContain('error:');
    expect(rec.code).toBe(0);
    expect(readFileSync(join(dir, 'rec/secret/data/web/db.json'), 'utf8')).toContain('"password": "web-pw"');
    const offline = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'rec'), '--env', 'APP=web');
    const online = await vtpl('preview', join(dir, 'app.yaml'), ...live(), '--env', 'APP=web');
    expect(offline.code).toBe(0);
    expect(offline.out).toContain('web-pw');
    expect(offline.out).toBe(online.out);
  });

  it('also reads the literal paths of branches the render did not take; a failure there is only noted', async () => {
    const t =
      '{{ if eq (env "TIER") "prod" }}{{ with secret "secret/prod/db" }}{{ .Data.data.password }}{{ end }}' +
      '{{ else if eq (env "TIER") "qa" }}{{ with secret "secret/qa/db" }}{{ .Data.data.password }}{{ end }}' +
      '{{ else }}{{ with secret "secret/dev/db" }}{{ .Data.data.password }}{{ end }}{{ end }}';
    const dir = tempTree({ 'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-db']: t }) });
    const rec = await record(dir, '--env', 'TIER=dev');
    expect(rec.code).toBe(0);
    expect(existsSync(join(dir, 'rec/secret/data/dev/db.json'))).toBe(true);
    expect(existsSync(join(dir, 'rec/secret/data/prod/db.json'))).toBe(true);
    expect(rec.out).toContain(
      `skipped: ${join(dir, 'app.yaml')}: Pod/app: /vault/secrets/db: not recorded (a part of the template this render did not reach): vault.read(secret/qa/db): no secret exists at secret/data/qa/db`,
    );
    const prod = await vtpl('preview', join(dir, 'app.yaml'), '--responses', join(dir, 'rec'), '--env', 'TIER=prod');
    expect(prod.out).toContain('prod-pw');
  });

  it('a malformed --env is a usage error', async () => {
    const dir = tempTree({ 'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-db']: 'secret/web/db' }) });
    expect((await record(dir, '--env', 'APP')).code).toBe(2);
  });

  it('reads a dependency once for all pods', async () => {
    const dbPod = pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-db']: 'database/creds/app' });
    const dir = tempTree({ 'app.yaml': dbPod, 'other.yaml': dbPod });
    const before = requests('database/creds/app');
    const rec = await vtpl('record', join(dir, 'app.yaml'), join(dir, 'other.yaml'), ...live(), '--out', join(dir, 'rec'), '--revoke');
    expect(rec.code).toBe(0);
    expect(requests('database/creds/app')).toBe(before + 1);
  });
});

describe('vtpl record: writes', () => {
  const tls = '{{ with pkiCert "pki/issue/web" "common_name=web.svc" }}{{ .Cert }}{{ end }}';

  it('refuses pkiCert and secret k=v without --include-writes, naming the template and the path', async () => {
    const dir = tempTree({
      'app.yaml': pod({
        [P + 'agent-inject']: 'true',
        [P + 'agent-inject-template-tls.pem']: tls,
        [P + 'agent-inject-template-token']: '{{ with secret (printf "auth/token/%s" (env "OP")) "ttl=1h" }}{{ .Auth.ClientToken }}{{ end }}',
      }),
    });
    const before = requests('pki/issue/web');
    const rec = await record(dir, '--env', 'OP=create');
    expect(rec.code).toBe(1);
    expect(rec.out).toContain(
      `error: ${join(dir, 'app.yaml')}: Pod/app: /vault/secrets/tls.pem: vault.pki(pki/issue/web->/vault/secrets/tls.pem): PUT pki/issue/web writes to Vault: not done without --include-writes`,
    );
    expect(rec.out).toContain(`error: ${join(dir, 'app.yaml')}: Pod/app: /vault/secrets/token: vault.write(auth/token/create -> `);
    expect(rec.out).toContain('PUT auth/token/create writes to Vault: not done without --include-writes');
    expect(requests('pki/issue/web')).toBe(before);
    expect(requests('auth/token/create')).toBe(0);
  });

  it('--include-writes performs the writes the render makes, and none it does not reach', async () => {
    const t = `${tls}{{ if env "ROTATE" }}{{ with secret "transit/encrypt/k" "plaintext=aGk=" }}{{ end }}{{ end }}`;
    const dir = tempTree({ 'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-tls.pem']: t }) });
    const before = requests('pki/issue/web');
    const rec = await record(dir, '--include-writes');
    expect(rec.code).toBe(0);
    expect(requests('pki/issue/web')).toBe(before + 1);
    expect(readFileSync(join(dir, 'rec/pki/issue/web.put.json'), 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
    expect(requests('transit/encrypt/k')).toBe(0);
    expect(rec.out).toContain(
      `skipped: ${join(dir, 'app.yaml')}: Pod/app: /vault/secrets/tls.pem: secret "transit/encrypt/k" with arguments writes to Vault and the render did not reach it: not done`,
    );
  });
});
