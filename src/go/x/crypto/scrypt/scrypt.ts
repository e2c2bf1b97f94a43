// golang.org/x/crypto/scrypt.Key (with PBKDF2-HMAC-SHA256), for sprig's derivePassword.

import { hmacSha256 } from '../../../crypto/hmac/index.js';

/** PBKDF2 with HMAC-SHA256. */
function pbkdf2(password: Uint8Array, salt: Uint8Array, iter: number, keyLen: number): Uint8Array {
  const out = new Uint8Array(keyLen);
  const block = new Uint8Array(salt.length + 4);
  block.set(salt);
  for (let i = 1, off = 0; off < keyLen; i++, off += 32) {
    new DataView(block.buffer).setUint32(salt.length, i, false);
    let u = hmacSha256(password, block);
    const t = u.slice();
    for (let n = 1; n < iter; n++) {
      u = hmacSha256(password, u);
      for (let k = 0; k < 32; k++) t[k] ^= u[k];
    }
    out.set(t.subarray(0, Math.min(32, keyLen - off)), off);
  }
  return out;
}

const rotl = (a: number, b: number): number => (a << b) | (a >>> (32 - b));

/** salsaXOR: tmp ^= in; tmp = salsa20/8(tmp); out = tmp (no allocation: it runs millions of times). */
function salsaXOR(tmp: Uint32Array, input: Uint32Array, inOff: number, out: Uint32Array, outOff: number): void {
  const w0 = tmp[0] ^ input[inOff],
    w1 = tmp[1] ^ input[inOff + 1],
    w2 = tmp[2] ^ input[inOff + 2],
    w3 = tmp[3] ^ input[inOff + 3];
  const w4 = tmp[4] ^ input[inOff + 4],
    w5 = tmp[5] ^ input[inOff + 5],
    w6 = tmp[6] ^ input[inOff + 6],
    w7 = tmp[7] ^ input[inOff + 7];
  const w8 = tmp[8] ^ input[inOff + 8],
    w9 = tmp[9] ^ input[inOff + 9],
    w10 = tmp[10] ^ input[inOff + 10],
    w11 = tmp[11] ^ input[inOff + 11];
  const w12 = tmp[12] ^ input[inOff + 12],
    w13 = tmp[13] ^ input[inOff + 13],
    w14 = tmp[14] ^ input[inOff + 14],
    w15 = tmp[15] ^ input[inOff + 15];
  let x0 = w0,
    x1 = w1,
    x2 = w2,
    x3 = w3,
    x4 = w4,
    x5 = w5,
    x6 = w6,
    x7 = w7;
  let x8 = w8,
    x9 = w9,
    x10 = w10,
    x11 = w11,
    x12 = w12,
    x13 = w13,
    x14 = w14,
    x15 = w15;
  for (let i = 0; i < 8; i += 2) {
    x4 ^= rotl(x0 + x12, 7);
    x8 ^= rotl(x4 + x0, 9);
    x12 ^= rotl(x8 + x4, 13);
    x0 ^= rotl(x12 + x8, 18);
    x9 ^= rotl(x5 + x1, 7);
    x13 ^= rotl(x9 + x5, 9);
    x1 ^= rotl(x13 + x9, 13);
    x5 ^= rotl(x1 + x13, 18);
    x14 ^= rotl(x10 + x6, 7);
    x2 ^= rotl(x14 + x10, 9);
    x6 ^= rotl(x2 + x14, 13);
    x10 ^= rotl(x6 + x2, 18);
    x3 ^= rotl(x15 + x11, 7);
    x7 ^= rotl(x3 + x15, 9);
    x11 ^= rotl(x7 + x3, 13);
    x15 ^= rotl(x11 + x7, 18);
    x1 ^= rotl(x0 + x3, 7);
    x2 ^= rotl(x1 + x0, 9);
    x3 ^= rotl(x2 + x1, 13);
    x0 ^= rotl(x3 + x2, 18);
    x6 ^= rotl(x5 + x4, 7);
    x7 ^= rotl(x6 + x5, 9);
    x4 ^= rotl(x7 + x6, 13);
    x5 ^= rotl(x4 + x7, 18);
    x11 ^= rotl(x10 + x9, 7);
    x8 ^= rotl(x11 + x10, 9);
    x9 ^= rotl(x8 + x11, 13);
    x10 ^= rotl(x9 + x8, 18);
    x12 ^= rotl(x15 + x14, 7);
    x13 ^= rotl(x12 + x15, 9);
    x14 ^= rotl(x13 + x12, 13);
    x15 ^= rotl(x14 + x13, 18);
  }
  // Uint32Array stores reduce the sums modulo 2^32.
  out[outOff] = tmp[0] = x0 + w0;
  out[outOff + 1] = tmp[1] = x1 + w1;
  out[outOff + 2] = tmp[2] = x2 + w2;
  out[outOff + 3] = tmp[3] = x3 + w3;
  out[outOff + 4] = tmp[4] = x4 + w4;
  out[outOff + 5] = tmp[5] = x5 + w5;
  out[outOff + 6] = tmp[6] = x6 + w6;
  out[outOff + 7] = tmp[7] = x7 + w7;
  out[outOff + 8] = tmp[8] = x8 + w8;
  out[outOff + 9] = tmp[9] = x9 + w9;
  out[outOff + 10] = tmp[10] = x10 + w10;
  out[outOff + 11] = tmp[11] = x11 + w11;
  out[outOff + 12] = tmp[12] = x12 + w12;
  out[outOff + 13] = tmp[13] = x13 + w13;
  out[outOff + 14] = tmp[14] = x14 + w14;
  out[outOff + 15] = tmp[15] = x15 + w15;
}

function blockMix(tmp: Uint32Array, input: Uint32Array, out: Uint32Array, r: number): void {
  tmp.set(input.subarray((2 * r - 1) * 16, 2 * r * 16));
  for (let i = 0; i < 2 * r; i += 2) {
    salsaXOR(tmp, input, i * 16, out, i * 8);
    salsaXOR(tmp, input, i * 16 + 16, out, i * 8 + r * 16);
  }
}

function smix(b: Uint8Array, bOff: number, r: number, n: number, v: Uint32Array, x: Uint32Array, y: Uint32Array): void {
  const tmp = new Uint32Array(16);
  const R = 32 * r;
  const dv = new DataView(b.buffer, b.byteOffset + bOff, 128 * r);
  for (let i = 0; i < R; i++) x[i] = dv.getUint32(i * 4, true);
  for (let i = 0; i < n; i += 2) {
    v.set(x, i * R);
    blockMix(tmp, x, y, r);
    v.set(y, (i + 1) * R);
    blockMix(tmp, y, x, r);
  }
  // integer(): the low 32 bits suffice, N being far below 2^32.
  const last = (2 * r - 1) * 16;
  for (let i = 0; i < n; i += 2) {
    let j = (x[last] & (n - 1)) * R;
    for (let k = 0; k < R; k++) x[k] ^= v[j + k];
    blockMix(tmp, x, y, r);
    j = (y[last] & (n - 1)) * R;
    for (let k = 0; k < R; k++) y[k] ^= v[j + k];
    blockMix(tmp, y, x, r);
  }
  for (let i = 0; i < R; i++) dv.setUint32(i * 4, x[i], true);
}

/** scrypt.Key for valid parameters (N a power of two > 1, r and p > 0). */
export function scryptKey(password: Uint8Array, salt: Uint8Array, n: number, r: number, p: number, keyLen: number): Uint8Array {
  const b = pbkdf2(password, salt, 1, p * 128 * r);
  const x = new Uint32Array(32 * r);
  const y = new Uint32Array(32 * r);
  const v = new Uint32Array(32 * n * r);
  for (let i = 0; i < p; i++) smix(b, i * 128 * r, r, n, v, x, y);
  return pbkdf2(password, b, 1, keyLen);
}
