// sprig's random and generating functions: what Node alone can check (ranges, alphabets,
// formats, round trips). Go judges hashes, ciphertexts and keys in scripts/check-sprig-generate.ts.
import { createPrivateKey } from 'node:crypto';
import bcryptjs from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { recordedClient, renderConsulTemplate } from '../../src/vault/index.js';

const render = async (template: string) => (await renderConsulTemplate({ template, client: recordedClient({}) })).output;

describe('random functions', () => {
  it('randInt stays in [min, max) and reaches both ends', async () => {
    const out = (await render('{{ range $i := loop 400 }}{{ sprig_randInt -2 3 }} {{ end }}')).trim().split(' ').map(Number);
    expect(new Set(out)).toEqual(new Set([-2, -1, 0, 1, 2]));
  });
  it('shuffle permutes the runes', async () => {
    const s = 'héllo wörld 😀';
    const out = await render(`{{ sprig_shuffle "${s}" }}`);
    expect([...out].sort()).toEqual([...s].sort());
    const many = await render(`{{ range $i := loop 20 }}{{ sprig_shuffle "abcdefgh" }} {{ end }}`);
    expect(new Set(many.trim().split(' ')).size).toBeGreaterThan(1);
  });
});

describe('hashes and ciphers', () => {
  it('bcrypt is a $2a$10$ hash of its input; htpasswd is user:bcrypt', async () => {
    const h = await render('{{ sprig_bcrypt "s3cret" }}');
    expect(h).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcryptjs.compareSync('s3cret', h)).toBe(true);
    const ht = await render('{{ sprig_htpasswd "admin" "s3cret" }}');
    expect(ht).toMatch(/^admin:\$2a\$10\$/);
    expect(bcryptjs.compareSync('s3cret', ht.slice('admin:'.length))).toBe(true);
  });
  it('encryptAES round-trips through decryptAES with a fresh IV each time', async () => {
    const out = await render(
      '{{ $c := sprig_encryptAES "key" "ünï" }}{{ $d := sprig_encryptAES "key" "ünï" }}{{ ne $c $d }} {{ sprig_decryptAES "key" $c }} {{ len $c }}',
    );
    expect(out).toBe('true ünï 44'); // base64 of 16 bytes of IV + one 16-byte block
  });
});

describe('genPrivateKey', () => {
  const cases: [string, string, string][] = [
    ['ecdsa', 'EC PRIVATE KEY', 'ec'],
    ['ed25519', 'PRIVATE KEY', 'ed25519'],
    ['dsa', 'DSA PRIVATE KEY', 'dsa'],
  ];
  for (const [typ, block, keyType] of cases) {
    it(`${typ}: one PEM block of type ${block}`, async () => {
      const pem = await render(`{{ sprig_genPrivateKey "${typ}" }}`);
      expect(pem).toMatch(new RegExp(`^-----BEGIN ${block}-----\\n([A-Za-z0-9+/=]{64}\\n)*[A-Za-z0-9+/=]{1,64}\\n-----END ${block}-----\\n$`));
      if (typ !== 'dsa') expect(createPrivateKey(pem).asymmetricKeyType).toBe(keyType);
    });
  }
});

describe('ago', () => {
  it('a Unix time in the past is a positive duration in whole seconds', async () => {
    expect(await render('{{ sprig_ago 0 }}')).toMatch(/^\d+h\d+m\d+s$/);
  });
});

describe('certificates', () => {
  it('genCA signs genSignedCert; fields as asked; the key matches', async () => {
    const { X509Certificate, createPrivateKey: key } = await import('node:crypto');
    const out = await render(
      '{{ $ca := sprig_genCA "my CA" 30 }}{{ $c := sprig_genSignedCert "web" (sprig_list "10.0.0.1") (sprig_list "web.svc") 7 $ca }}' +
        '{{ $ca.Cert | toJSON }}\n{{ $c.Cert | toJSON }}\n{{ $c.Key | toJSON }}',
    );
    const [caPem, leafPem, leafKey] = out.split('\n').map((l) => JSON.parse(l) as string) as [string, string, string];
    const ca = new X509Certificate(caPem);
    const leaf = new X509Certificate(leafPem);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toBe('CN=my CA');
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toBe('DNS:web.svc, IP Address:10.0.0.1');
    expect(leaf.checkPrivateKey(key(leafKey))).toBe(true);
    expect(Date.parse(leaf.validTo) - Date.parse(leaf.validFrom)).toBe(7 * 86_400_000);
  });
  it('genSelfSignedCertWithKey keeps the given key; buildCustomCert round-trips', async () => {
    const out = await render(
      '{{ $k := sprig_genPrivateKey "ecdsa" }}{{ $c := sprig_genSelfSignedCertWithKey "s" nil nil 1 $k }}{{ eq $c.Key $k }} ' +
        '{{ $b := sprig_buildCustomCert ($c.Cert | base64Encode) ($c.Key | base64Encode) }}{{ and (eq $b.Cert $c.Cert) (eq $b.Key $c.Key) }}',
    );
    expect(out).toBe('true true');
  });
});
