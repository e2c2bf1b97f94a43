// Go's encoding/base32 StdEncoding: EncodeToString and DecodeString.

import { bytesToString } from '../../unicode/utf8/index.js';

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** base32.StdEncoding.EncodeToString. */
export function base32Encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.subarray(i, i + 5);
    let bits = 0n;
    for (let j = 0; j < 5; j++) bits = (bits << 8n) | BigInt(chunk[j] ?? 0);
    const chars = [2, 4, 5, 7, 8][chunk.length - 1];
    for (let j = 0; j < 8; j++) out += j < chars ? base32Alphabet[Number((bits >> BigInt(35 - j * 5)) & 31n)] : '=';
  }
  return out;
}

/** base32.StdEncoding.DecodeString; errors as text, as sprig's b32dec returns them. */
export function base32Decode(s: string): string {
  const clean32 = s.replace(/[\r\n]/g, '');
  if (clean32.length % 8 !== 0) return `illegal base32 data at input byte ${Math.floor(clean32.length / 8) * 8}`;
  const out: number[] = [];
  for (let i = 0; i < clean32.length; i += 8) {
    const block = clean32.slice(i, i + 8);
    const pad = block.length - block.replace(/=+$/, '').length;
    let bits = 0n;
    for (let j = 0; j < 8; j++) {
      const c = block[j];
      const v = c === '=' && j >= 8 - pad ? 0 : base32Alphabet.indexOf(c);
      if (v < 0) return `illegal base32 data at input byte ${i + j}`;
      bits = (bits << 5n) | BigInt(v);
    }
    const n = [5, 4, 0, 3, 2, 0, 1][pad] ?? 0;
    if (n === 0) return `illegal base32 data at input byte ${i + 8 - pad}`;
    for (let j = 0; j < n; j++) out.push(Number((bits >> BigInt(32 - j * 8)) & 0xffn));
    if (pad > 0 && i + 8 < clean32.length) return `illegal base32 data at input byte ${i + 8}`;
  }
  return bytesToString(Uint8Array.from(out));
}
