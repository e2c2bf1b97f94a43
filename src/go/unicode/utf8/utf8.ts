// Go's unicode/utf8 over JS strings. Go strings are UTF-8 bytes; ours are UTF-16. These
// helpers give Go's rune and byte view of a JS string (a lone surrogate counts as one rune,
// U+FFFD, as Go treats an invalid byte) and convert between Go byte slices and JS strings.

import { GoPanic } from '../../errors/index.js';

export const runeError = 0xfffd;
export const maxRune = 0x10ffff;

const surrogate = /[\uD800-\uDFFF]/;
const encoder = new TextEncoder();
// fatal: invalid input throws, so bytesToString can fall back to Go's byte-by-byte reading;
// ignoreBOM: a leading U+FEFF is part of the string in Go, not a marker to drop.
const validDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether s has a UTF-16 surrogate (paired or not): without one, each unit of s is a rune. */
export function hasSurrogates(s: string): boolean {
  return surrogate.test(s);
}

/** utf8.RuneCountInString. */
export function runeCount(s: string): number {
  if (!surrogate.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
  }
  return n;
}

/** The code point at UTF-16 index i (lone surrogates read as U+FFFD) and its length in units. */
export function runeAt(s: string, i: number): { r: number; size: number } {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c >= 0xe000) return { r: c, size: 1 };
  if (c < 0xdc00 && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) return { r: ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000, size: 2 };
  }
  return { r: runeError, size: 1 };
}

/** The runes of s in order (lone surrogates as U+FFFD). */
export function* runesOf(s: string): Generator<number> {
  for (let i = 0; i < s.length; ) {
    const { r, size } = runeAt(s, i);
    yield r;
    i += size;
  }
}

/** The prefix of s holding its first n runes (fmt's truncateString, the %.Ns and %.Nq cut). */
export function truncateRunes(s: string, n: number): string {
  if (!surrogate.test(s)) return s.length <= n ? s : s.slice(0, n);
  let i = 0;
  for (let k = 0; k < n && i < s.length; k++) i += runeAt(s, i).size;
  return s.slice(0, i);
}

/** String(rune) in Go: invalid code points (surrogates, > U+10FFFF) become U+FFFD. */
export function runeString(r: number): string {
  if (r < 0 || r > maxRune || (r >= 0xd800 && r < 0xe000)) r = runeError;
  return String.fromCodePoint(r);
}

/** len(s) in Go: the number of bytes of s in UTF-8 (a lone surrogate counts as U+FFFD's 3). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** []byte(s): the UTF-8 bytes of s (TextEncoder also encodes a lone surrogate as U+FFFD). */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * Decodes bytes as Go's utf8.DecodeRune does: each byte of an invalid sequence is its
 * own rune, reported as -1 - byte so callers can tell it from a real U+FFFD.
 */
export function decodeRunes(b: ArrayLike<number>): number[] {
  const runes: number[] = [];
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      runes.push(c);
      i++;
      continue;
    }
    const { r, size } = decodeMultiByte(b, i);
    runes.push(size === 0 ? -1 - c : r);
    i += size === 0 ? 1 : size;
  }
  return runes;
}

/** One multi-byte sequence at i (first byte >= 0x80); size 0 when invalid. */
function decodeMultiByte(b: ArrayLike<number>, i: number): { r: number; size: number } {
  const c = b[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf): number => {
    const x = i + k < b.length ? b[i + k] : -1;
    return x >= lo && x <= hi ? x & 0x3f : -1;
  };
  if (c >= 0xc2 && c <= 0xdf) {
    const c1 = cont(1);
    return c1 < 0 ? { r: 0, size: 0 } : { r: ((c & 0x1f) << 6) | c1, size: 2 };
  }
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = cont(1, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf);
    const c2 = c1 < 0 ? -1 : cont(2);
    return c2 < 0 ? { r: 0, size: 0 } : { r: ((c & 0x0f) << 12) | (c1 << 6) | c2, size: 3 };
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = cont(1, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf);
    const c2 = c1 < 0 ? -1 : cont(2);
    const c3 = c2 < 0 ? -1 : cont(3);
    return c3 < 0 ? { r: 0, size: 0 } : { r: ((c & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, size: 4 };
  }
  return { r: 0, size: 0 };
}

/** The string of the UTF-16 codes, made a bounded number of arguments at a time. */
export function fromCharCodes(codes: ArrayLike<number>): string {
  if (codes.length <= codesPerCall) return String.fromCharCode.apply(null, codes as number[]);
  let s = '';
  for (let i = 0; i < codes.length; i += codesPerCall) s += String.fromCharCode.apply(null, Array.prototype.slice.call(codes, i, i + codesPerCall));
  return s;
}

/** Arguments per fromCharCode call: far below any engine's limit on a call's arguments. */
const codesPerCall = 8192;

/**
 * string(b) for a Go byte slice. A JS string cannot hold bytes that are not valid UTF-8,
 * so each invalid byte becomes U+FFFD, one per byte as Go's utf8.DecodeRune reads them.
 */
export function bytesToString(b: ArrayLike<number>): string {
  let ascii = true;
  for (let i = 0; i < b.length && ascii; i++) ascii = b[i] < 0x80;
  if (ascii) return fromCharCodes(b);
  try {
    return validDecoder.decode(b instanceof Uint8Array ? b : Uint8Array.from(b));
  } catch {
    // Not valid UTF-8: read it rune by rune below.
  }
  let s = '';
  for (const r of decodeRunes(b)) s += String.fromCodePoint(r < 0 ? runeError : r);
  return s;
}

/** A Go slice expression s[lo:hi] on bytes; out of range panics as Go does. */
export function sliceBytes(s: string, lo: number, hi?: number): string {
  const b = utf8Bytes(s);
  const h = hi ?? b.length;
  if (h < 0 || h > b.length) throw new GoPanic(`runtime error: slice bounds out of range [:${h}] with length ${b.length}`);
  if (lo < 0 || lo > h) throw new GoPanic(`runtime error: slice bounds out of range [${lo}:${h}]`);
  return bytesToString(b.subarray(lo, h));
}
