// Global setup of the end-to-end suite: configures the dev Vault that scripts/e2e/run.sh started
// (KV v1 and v2 data, the database secrets engine against the PostgreSQL it started, PKI,
// AppRole) and writes what the tests need to $VTPL_E2E_WORK/setup.json.

import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { E, type Setup, psql, vaultOk } from './env.js';

/** Rotation within seconds: a database lease lives DB_TTL s and can be renewed up to DB_MAX_TTL s. */
const DB_TTL = 4;
const DB_MAX_TTL = 12;

const APP_POLICY = `
path "secret/data/*" { capabilities = ["read"] }
path "secret/metadata/*" { capabilities = ["read", "list"] }
path "secret/data/private/*" { capabilities = ["deny"] }
path "kv/*" { capabilities = ["read", "list"] }
path "database/creds/*" { capabilities = ["read"] }
path "pki/issue/*" { capabilities = ["create", "update"] }
`;
const DB_POLICY = 'path "database/creds/*" { capabilities = ["read"] }\n';

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

/** A service-account token shaped as Kubernetes issues them (RS256; Vault only parses it, TokenReview vouches for it). */
function serviceAccountJwt(namespace: string, name: string, uid: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const head = b64url(JSON.stringify({ alg: 'RS256', kid: 'e2e' }));
  const body = b64url(
    JSON.stringify({
      iss: 'kubernetes/serviceaccount',
      sub: `system:serviceaccount:${namespace}:${name}`,
      'kubernetes.io/serviceaccount/namespace': namespace,
      'kubernetes.io/serviceaccount/service-account.name': name,
      'kubernetes.io/serviceaccount/service-account.uid': uid,
      'kubernetes.io/serviceaccount/secret.name': `${name}-token`,
    }),
  );
  const sig = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey);
  return `${head}.${body}.${b64url(sig)}`;
}

/**
 * The Kubernetes TokenReview API, as much of it as Vault's kubernetes auth calls
 * (POST /apis/authentication.k8s.io/v1/tokenreviews): the one service-account token it knows
 * is authenticated as system:serviceaccount:shop:web, any other is not.
 */
async function startTokenReview(jwt: string, uid: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => {
      body += d;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/apis/authentication.k8s.io/v1/tokenreviews') {
        res.writeHead(404).end();
        return;
      }
      const token = (JSON.parse(body) as { spec?: { token?: string } }).spec?.token;
      const status =
        token === jwt
          ? {
              authenticated: true,
              user: { username: 'system:serviceaccount:shop:web', uid, groups: ['system:serviceaccounts', 'system:serviceaccounts:shop'] },
            }
          : { authenticated: false };
      res
        .writeHead(201, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ kind: 'TokenReview', apiVersion: 'authentication.k8s.io/v1', metadata: {}, spec: { token }, status }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

export default async function configure(): Promise<() => void> {
  // KV v2 is mounted at secret/ by the dev server; KV v1 at kv/.
  await vaultOk('POST', 'sys/mounts/kv', { type: 'kv', options: { version: '1' } });
  // Raw JSON bodies with number literals: KV v2 stores them through float64 (2.50 comes back as
  // 2.5, 12345678901234567890 as 12345678901234567000), KV v1 keeps the text as written.
  await vaultOk(
    'POST',
    'secret/data/web/config',
    '{"data":{"api_url":"https://api.shop.example.com","max_connections":100,"timeout_seconds":2.50,"debug":false,"ratio":1e3,"big":12345678901234567890,"tags":["checkout-v2","search"],"limits":{"cpu":"500m","replicas":3},"nothing":null}}',
  );
  await vaultOk(
    'POST',
    'secret/data/web/config',
    '{"data":{"api_url":"https://api.shop.example.com","max_connections":120,"timeout_seconds":2.50,"debug":true,"ratio":1e3,"tags":["checkout-v2","search"],"limits":{"cpu":"500m","replicas":3},"nothing":null}}',
  );
  await vaultOk('POST', 'secret/data/web/feature-flags', '{"data":{"checkout":"on","search":"off"}}');
  await vaultOk('POST', 'secret/data/web/nested/deep', '{"data":{"k":"v"}}');
  await vaultOk('POST', 'secret/data/private/key', '{"data":{"k":"hidden"}}');
  await vaultOk('POST', 'kv/legacy/smtp', '{"host":"smtp.example.com","port":587,"tls":true,"password":"s3cr3t-smtp"}');
  await vaultOk('POST', 'kv/legacy/numbers', '{"ratio":2.50,"e":1e3,"big":12345678901234567890,"neg":-0.0,"i":7}');
  await vaultOk('POST', 'kv/legacy/ldap', '{"url":"ldaps://ldap.example.com"}');

  // PostgreSQL: a table the dynamic role may read.
  const t = await psql(
    'postgres',
    E.pgPassword,
    "CREATE TABLE products (id int PRIMARY KEY, name text); INSERT INTO products VALUES (1, 'teapot'), (2, 'kettle');",
  );
  if (t.code !== 0) throw new Error(`creating the table failed: ${t.err}`);
  await vaultOk('POST', 'sys/mounts/database', { type: 'database' });
  await vaultOk('POST', 'database/config/postgres', {
    plugin_name: 'postgresql-database-plugin',
    connection_url: `postgresql://{{username}}:{{password}}@127.0.0.1:${E.pgPort}/postgres?sslmode=disable`,
    username: 'postgres',
    password: E.pgPassword,
    allowed_roles: '*',
    verify_connection: true,
  });
  await vaultOk('POST', 'database/roles/my-app-db-role', {
    db_name: 'postgres',
    creation_statements: [
      `CREATE ROLE "{{name}}" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{{name}}";`,
    ],
    default_ttl: `${DB_TTL}s`,
    max_ttl: `${DB_MAX_TTL}s`,
  });

  await vaultOk('POST', 'sys/mounts/pki', { type: 'pki', config: { max_lease_ttl: '87600h' } });
  await vaultOk('POST', 'pki/root/generate/internal', { common_name: 'vtpl e2e root', ttl: '87600h', key_type: 'ec', key_bits: 256 });
  await vaultOk('POST', 'pki/roles/web', { allowed_domains: 'svc', allow_subdomains: true, max_ttl: '72h', key_type: 'ec', key_bits: 256 });

  await vaultOk('PUT', 'sys/policies/acl/app', { policy: APP_POLICY });
  await vaultOk('PUT', 'sys/policies/acl/db-only', { policy: DB_POLICY });
  await vaultOk('POST', 'sys/auth/approle', { type: 'approle' });
  const login = async (role: string, policy: string): Promise<[string, string]> => {
    await vaultOk('POST', `auth/approle/role/${role}`, { token_policies: [policy], token_ttl: '1h', token_max_ttl: '4h' });
    const id = (await vaultOk('GET', `auth/approle/role/${role}/role-id`)).data as { role_id: string };
    const sec = (await vaultOk('POST', `auth/approle/role/${role}/secret-id`)).data as { secret_id: string };
    return [id.role_id, sec.secret_id];
  };
  const [roleId, secretId] = await login('app', 'app');
  const [dbRoleId, dbSecretId] = await login('db-only', 'db-only');

  // Kubernetes auth, the injector's path, against a local TokenReview endpoint.
  const uid = randomUUID();
  const jwt = serviceAccountJwt('shop', 'web', uid);
  const jwtPath = join(E.work, 'k8s', 'token');
  mkdirSync(join(E.work, 'k8s'));
  writeFileSync(jwtPath, jwt);
  const tokenReview = await startTokenReview(jwt, uid);
  await vaultOk('POST', 'sys/auth/kubernetes', { type: 'kubernetes' });
  await vaultOk('POST', 'auth/kubernetes/config', { kubernetes_host: tokenReview.url, disable_local_ca_jwt: true });
  await vaultOk('POST', 'auth/kubernetes/role/web', {
    bound_service_account_names: ['web'],
    bound_service_account_namespaces: ['shop'],
    token_policies: ['app'],
    token_ttl: '1h',
  });

  const s: Setup = { roleId, secretId, dbRoleId, dbSecretId, dbMaxTtl: DB_MAX_TTL, k8sRole: 'web', jwtPath };
  writeFileSync(join(E.work, 'setup.json'), JSON.stringify(s));
  return () => tokenReview.close();
}
