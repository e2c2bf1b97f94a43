// `npm run vault-test-server`: the project's Vault API test server on 127.0.0.1, set up for
// the db-creds walkthrough (README, examples/agent/): a database role my-app-db-role whose
// leases last 30 s and at most 2 min (so renewals and a replacement happen within minutes),
// AppRole auth (role_id/secret_id written as files next to the config), a KV v2 secret,
// token "root". It prints the address and the environment to use, and runs until Ctrl-C.
//
//   npm run vault-test-server -- [--port 8200] [--dir DIR] [--ttl 30] [--max-ttl 120]

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startVaultServer } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    dir: { type: 'string', default: 'examples/agent/run' },
    ttl: { type: 'string', default: '30' },
    'max-ttl': { type: 'string', default: '120' },
  },
});

const dir = resolve(values.dir as string);
mkdirSync(dir, { recursive: true });
const server = await startVaultServer({
  databaseRoles: [{ name: 'my-app-db-role', ttl: Number(values.ttl), maxTtl: Number(values['max-ttl']) }],
  appRoles: [{ roleId: 'my-app-role-id', secretId: 'my-app-secret-id' }],
  port: values.port === undefined ? undefined : Number(values.port),
});
server.kv2().put('my-app/config', { api_url: 'https://api.example.com', log_level: 'info' });
writeFileSync(join(dir, 'role-id'), 'my-app-role-id\n');
writeFileSync(join(dir, 'secret-id'), 'my-app-secret-id\n');
process.stdout.write(`Vault test server listening on ${server.url} (token: root)
  role_id file:   ${join(dir, 'role-id')}
  secret_id file: ${join(dir, 'secret-id')}
  database/creds/my-app-db-role: leases of ${values.ttl}s, max TTL ${values['max-ttl']}s
export VAULT_ADDR=${server.url}
`);
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
