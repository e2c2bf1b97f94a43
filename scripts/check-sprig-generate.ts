// `npm run check:sprig-generate` (needs Go): renders sprig's random and generating functions
// with vtpl and has Go judge the results (test/sprig-generate/main.go): bcrypt and htpasswd
// hashes against their password, encryptAES output through sprig's decryptAES, generated
// keys through crypto/x509. .ci/run runs it when Go is present.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { recordedClient, renderConsulTemplate } from '../src/vault/index.js';
import { root } from './oracle.js';

async function render(template: string): Promise<string> {
  return (await renderConsulTemplate({ template, client: recordedClient({}) })).output;
}

const password = 'pä$$ word:1';
const aesKey = 'the key';
const aesPlain = 'line one\nünïcode and 33 bytes........';

async function main(): Promise<number> {
  const q = JSON.stringify;
  const input = {
    password,
    bcrypt: await render(`{{ sprig_bcrypt ${q(password)} }}`),
    htUser: 'admin',
    htpasswd: await render(`{{ sprig_htpasswd "admin" ${q(password)} }}`),
    aesKey,
    aesPlain,
    aesCipher: await Promise.all([0, 1, 2].map(() => render(`{{ sprig_encryptAES ${q(aesKey)} ${q(aesPlain)} }}`))),
    keys: Object.fromEntries(await Promise.all(['rsa', 'ecdsa', 'ed25519', 'dsa'].map(async (t) => [t, await render(`{{ sprig_genPrivateKey ${q(t)} }}`)]))),
  };
  const r = spawnSync('go', ['run', '.'], { cwd: join(root, 'test', 'sprig-generate'), input: JSON.stringify(input), stdio: ['pipe', 'inherit', 'inherit'] });
  if (r.error) {
    console.error(`go: ${r.error.message} (this check needs Go on PATH)`);
    return 1;
  }
  return r.status ?? 1;
}

process.exitCode = await main();
