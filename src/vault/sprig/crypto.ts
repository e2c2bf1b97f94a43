// The deterministic sprig crypto functions (crypto.go): sha1sum, sha256sum, sha512sum,
// adler32sum, derivePassword (Master Password's
// algorithm: scrypt then HMAC-SHA256) and decryptAES (AES-256-CBC, IV first, PKCS#7-style
// trailing pad byte). Go's panics on malformed ciphertext keep their runtime messages.
// The hashes, scrypt, HMAC and AES are node:crypto's (issue 13: no home-made crypto); sprig's
// checks and unpadding are ours. adler32 is a checksum Node lacks, so it stays in src/go.

import { GoPanic, type Value, stringValue, stringType, uint32Type } from '../../value/index.js';
import { bytesToString, utf8Bytes } from '../../go/unicode/utf8/index.js';
import { adler32 } from '../../go/hash/adler32/index.js';
import { S, fn, fnNoErr } from '../funcs/sig.js';
import { bytesOf, str1 } from './convert.js';
import { decode } from '../../go/encoding/base64/index.js';
import { nodeCrypto } from '../lazy-require.js';

const masterPasswordSeed = 'com.lyndir.masterpassword';

const passwordTypeTemplates: Record<string, readonly string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv',
    'CvcvCvcvnoCvcv',
    'CvcvCvcvCvcvno',
    'CvccnoCvcvCvcv',
    'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv',
    'CvcvCvccCvcvno',
    'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc',
    'CvcvCvcvCvccno',
    'CvccnoCvccCvcv',
    'CvccCvccnoCvcv',
    'CvccCvccCvcvno',
    'CvcvnoCvccCvcc',
    'CvcvCvccnoCvcc',
    'CvcvCvccCvccno',
    'CvccnoCvcvCvcc',
    'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const templateCharacters: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function uint32BE(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, false);
  return b;
}

function derivePassword(counter: number, passwordType: string, password: string, user: string, site: string): string {
  const templates = Object.hasOwn(passwordTypeTemplates, passwordType) ? passwordTypeTemplates[passwordType] : undefined;
  if (!templates) return `cannot find password template ${passwordType}`;
  const seed = utf8Bytes(masterPasswordSeed);
  const userBytes = utf8Bytes(user);
  const siteBytes = utf8Bytes(site);
  const salt = concat(seed, uint32BE(userBytes.length), userBytes);
  // N=32768, r=8 needs 128*r*(N+2) bytes, just over OpenSSL's default 32 MiB limit.
  const key = nodeCrypto().scryptSync(utf8Bytes(password), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 64 * 1024 * 1024 });
  const mac = nodeCrypto()
    .createHmac('sha256', key)
    .update(concat(seed, uint32BE(siteBytes.length), siteBytes, uint32BE(counter)))
    .digest();
  const temp = templates[mac[0] % templates.length];
  let out = '';
  for (let i = 0; i < temp.length; i++) {
    const chars = templateCharacters[temp[i]];
    out += chars[mac[i + 1] % chars.length];
  }
  return out;
}

function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const key = new Uint8Array(32);
  key.set(utf8Bytes(password).subarray(0, 32));
  const input = utf8Bytes(crypt64);
  const crypt = decode(input);
  // DecodeString's result has capacity DecodedLen(len(input)), which crypt[:16] may reach.
  const capacity = Math.floor(input.length / 4) * 3;
  if (capacity < 16) throw new GoPanic(`runtime error: slice bounds out of range [:16] with capacity ${capacity}`);
  if (crypt.length < 16) throw new GoPanic(`runtime error: slice bounds out of range [16:${crypt.length}]`);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new GoPanic('crypto/cipher: input not full blocks');
  if (body.length === 0) throw new GoPanic('runtime error: index out of range [-1]');
  // No auto-padding: sprig strips as many bytes as the last one says, unchecked, so a wrong key
  // yields garbage or the slice panic below where OpenSSL's PKCS#7 check would throw its own error.
  const decipher = nodeCrypto().createDecipheriv('aes-256-cbc', key, crypt.subarray(0, 16)).setAutoPadding(false);
  const decrypted = Buffer.concat([decipher.update(body), decipher.final()]);
  const end = decrypted.length - decrypted[decrypted.length - 1];
  if (end < 0) throw new GoPanic(`runtime error: slice bounds out of range [:${end}]`);
  return bytesToString(decrypted.subarray(0, end));
}

export const sprigCrypto = {
  sha512sum: str1((s) => nodeCrypto().createHash('sha512').update(bytesOf(s)).digest('hex')),
  sha1sum: str1((s) => nodeCrypto().createHash('sha1').update(bytesOf(s)).digest('hex')),
  adler32sum: str1((s) => String(adler32(bytesOf(s)))),
  sha256sum: str1((s) => nodeCrypto().createHash('sha256').update(bytesOf(s)).digest('hex')),
  derivePassword: fnNoErr([uint32Type, S, S, S, S], stringType, ([counter, type, password, user, site]) =>
    stringValue(derivePassword(Number(counter.int()), type.str(), password.str(), user.str(), site.str())),
  ),
  decryptAES: fn([S, S], stringType, ([password, crypt64]) => stringValue(decryptAES(password.str(), crypt64.str()))),
} satisfies Record<string, Value>;
