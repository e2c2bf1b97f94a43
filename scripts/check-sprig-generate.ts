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

/** The certificates to judge: what each template asks for, and its Cert and Key as vtpl made them. */
const certTemplates = [
  { name: 'rsa-ca', cn: 'vtpl CA', ips: [], dns: [], days: 30, isCA: true, signer: '', tpl: '$ca := sprig_genCA "vtpl CA" 30' },
  { name: 'ec-ca', cn: 'ec CA', ips: [], dns: [], days: 10, isCA: true, signer: '', tpl: '$ca := sprig_genCAWithKey "ec CA" 10 (sprig_genPrivateKey "ecdsa")' },
  {
    name: 'self-signed',
    cn: 'self.svc',
    ips: ['10.1.2.3', '::1'],
    dns: ['self.svc', 'self'],
    days: 2,
    isCA: false,
    signer: '',
    tpl: '$ca := sprig_genSelfSignedCert "self.svc" (sprig_list "10.1.2.3" "::1") (sprig_list "self.svc" "self") 2',
  },
];

async function certs(): Promise<object[]> {
  const fields = (v: string) => `{{ ${v}.Cert | toJSON }}\n{{ ${v}.Key | toJSON }}`;
  const out: object[] = [];
  for (const c of certTemplates) {
    const [cert, key] = (await render(`{{ ${c.tpl} }}${fields('$ca')}`)).split('\n').map((l) => JSON.parse(l) as string);
    out.push({ ...c, tpl: undefined, cert, key });
    // A leaf signed by each CA: RSA key for the RSA CA, Ed25519 key for the EC CA.
    if (!c.isCA) continue;
    const keyArg = c.name === 'rsa-ca' ? '' : ' (sprig_genPrivateKey "ed25519")';
    const fn = c.name === 'rsa-ca' ? 'sprig_genSignedCert' : 'sprig_genSignedCertWithKey';
    const ca = `(sprig_buildCustomCert ${JSON.stringify(Buffer.from(cert as string).toString('base64'))} ${JSON.stringify(Buffer.from(key as string).toString('base64'))})`;
    const [lc, lk] = (await render(`{{ $leaf := ${fn} "leaf.svc" (sprig_list "192.168.0.1") (sprig_list "leaf.svc") 5 ${ca}${keyArg} }}${fields('$leaf')}`))
      .split('\n')
      .map((l) => JSON.parse(l) as string);
    out.push({ name: `leaf-of-${c.name}`, cn: 'leaf.svc', ips: ['192.168.0.1'], dns: ['leaf.svc'], days: 5, isCA: false, signer: c.name, cert: lc, key: lk });
  }
  return out;
}

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
    certs: await certs(),
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
