// encoding/base64 StdEncoding and URLEncoding (padded), with Go's decode errors.

import { GoError } from '../../errors/index.js';

const std = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export type Alphabet = 'std' | 'url';

export function encode(bytes: Uint8Array, alphabet: Alphabet = 'std', pad = true): string {
  const a = alphabet === 'std' ? std : url;
  let out = '';
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += a[(v >> 18) & 63] + a[(v >> 12) & 63] + a[(v >> 6) & 63] + a[v & 63];
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const v = (bytes[i] << 16) | (rest === 2 ? bytes[i + 1] << 8 : 0);
    out += a[(v >> 18) & 63] + a[(v >> 12) & 63];
    out += rest === 2 ? a[(v >> 6) & 63] + (pad ? '=' : '') : pad ? '==' : '';
  }
  return out;
}

/** base64.CorruptInputError.Error(). */
function corrupt(offset: number): GoError {
  return new GoError(`illegal base64 data at input byte ${offset}`);
}

/**
 * Encoding.Decode (port of decodeQuantum): returns the decoded bytes, or throws Go's
 * CorruptInputError. Newlines and carriage returns in the input are ignored.
 */
export function decode(src: Uint8Array, alphabet: Alphabet = 'std', pad = true): Uint8Array {
  const a = alphabet === 'std' ? std : url;
  const map = new Int16Array(256).fill(-1);
  for (let i = 0; i < a.length; i++) map[a.charCodeAt(i)] = i;
  const out: number[] = [];
  const isNL = (c: number): boolean => c === 0x0a || c === 0x0d;
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let err: GoError | undefined;
    for (let j = 0; j < 4; j++) {
      if (src.length === si) {
        if (j === 0) return Uint8Array.from(out);
        if (j === 1 || pad) throw corrupt(si - j);
        dlen = j;
        break;
      }
      const c = src[si++];
      const v = map[c];
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNL(c)) {
        j--;
        continue;
      }
      if (!pad || c !== 0x3d) throw corrupt(si - 1);
      if (j === 0 || j === 1) throw corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && isNL(src[si])) si++;
        if (si === src.length) throw corrupt(src.length);
        if (src[si] !== 0x3d) throw corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNL(src[si])) si++;
      if (si < src.length) err = corrupt(si);
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (err) throw err;
  }
  return Uint8Array.from(out);
}
