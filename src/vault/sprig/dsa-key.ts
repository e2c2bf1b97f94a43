// sprig's "DSA PRIVATE KEY" PEM block: asn1.Marshal of DSAKeyFormat{Version, P, Q, G, Y, X}
// (OpenSSL's traditional DSA layout). Node generates the key but exports DSA keys only as
// PKCS#8 / SPKI, so the numbers are read out of those DER structures and written again in
// sprig's layout. Only DER framing happens here; the key itself comes from node:crypto.

import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from '../lazy-require.js';

interface Tlv {
  readonly tag: number;
  readonly body: Buffer;
}

/** The DER elements of `buf` in order (one level). */
function elements(buf: Buffer): Tlv[] {
  const out: Tlv[] = [];
  let i = 0;
  while (i < buf.length) {
    const tag = buf[i++] as number;
    let len = buf[i++] as number;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + (buf[i++] as number);
    }
    out.push({ tag, body: buf.subarray(i, i + len) });
    i += len;
  }
  return out;
}

/** The element at `path` inside the outer SEQUENCE that `buf` holds. */
function child(buf: Buffer, ...path: number[]): Tlv {
  const root = elements(buf)[0];
  if (root === undefined) throw new Error('DSA key: empty DER');
  let cur: Tlv = root;
  for (const index of path) {
    const e = elements(cur.body)[index];
    if (e === undefined) throw new Error('DSA key: unexpected DER structure');
    cur = e;
  }
  return cur;
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function der(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

/** Go's pem.EncodeToMemory: base64 in 64-character lines. */
function pem(type: string, bytes: Buffer): string {
  const lines = bytes.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}

export function dsaPrivateKeyPEM(key: KeyObject): string {
  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  // PrivateKeyInfo { version, AlgorithmIdentifier { oid, Dss-Parms { p, q, g } }, OCTET STRING { INTEGER x } }
  const params = elements(child(pkcs8, 1, 1).body);
  const x = elements(child(pkcs8, 2).body)[0];
  // SubjectPublicKeyInfo { AlgorithmIdentifier, BIT STRING (0 unused bits) { INTEGER y } }
  const spki = nodeCrypto().createPublicKey(key).export({ type: 'spki', format: 'der' });
  const y = elements(child(spki, 1).body.subarray(1))[0];
  const [p, q, g] = params;
  if (!p || !q || !g || !x || !y) throw new Error('DSA key: unexpected DER structure');
  const ints = [Buffer.from([0]), p.body, q.body, g.body, y.body, x.body].map((b) => der(0x02, b));
  return pem('DSA PRIVATE KEY', der(0x30, Buffer.concat(ints)));
}
