// crypto/md5 Sum, in pure JS (the engine must run in a browser).

import { pad, rotl } from '../internal/index.js';

const S_MD5 = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K_MD5 = Uint32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32));

export function md5(msg: Uint8Array): Uint8Array {
  const v = pad(msg, true);
  const h = Uint32Array.from([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const m = new Uint32Array(16);
  for (let off = 0; off < v.byteLength; off += 64) {
    for (let i = 0; i < 16; i++) m[i] = v.getUint32(off + i * 4, true);
    let [a, b, c, d] = h;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const s = S_MD5[(i >> 4) * 4 + (i % 4)];
      const t = d;
      d = c;
      c = b;
      b = (b + rotl((a + f + K_MD5[i] + m[g]) >>> 0, s)) >>> 0;
      a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
  }
  const out = new Uint8Array(16);
  const ov = new DataView(out.buffer);
  h.forEach((x, i) => {
    ov.setUint32(i * 4, x, true);
  });
  return out;
}
