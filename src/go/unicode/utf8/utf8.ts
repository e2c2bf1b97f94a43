// Go's unicode/utf8 over JS strings. Go strings are bytes; ours are UTF-16. Valid UTF-8 is
// held as its text. A byte that Go's utf8.DecodeRune reads as invalid (RuneError, width 1) is
// held as the lone surrogate U+DC00 + byte, an "escape" (U+DC80..U+DCFF, Python's
// surrogateescape; docs/design/go-bytes.md). Go strings never hold a surrogate code point, so
// no Go text collides with an escape, and each byte stays one UTF-16 unit. Any other lone
// surrogate reads as U+FFFD, as Go reads an invalid byte.

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

/**
 * Whether s is well-formed UTF-16 (no lone surrogate, so no escape). isWellFormed is answered
 * in constant time for one-byte strings; the regex stands in on engines without it (browsers
 * before 2023), with the same result.
 */
export const isWellFormed: (s: string) => boolean =
  typeof String.prototype.isWellFormed === 'function' ? (s) => s.isWellFormed() : (s) => !loneSurrogate.test(s);

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * s as Go's []rune(s) and strings.Map read it, back as a string: each escape (an invalid
 * byte) and any other lone surrogate becomes U+FFFD. For the functions that map runes
 * (ToUpper, Title, SwapCase...), which write RuneError where Go's decoder met a bad byte.
 * s itself, without a scan past isWellFormed, when it holds no lone surrogate.
 */
export const withRuneErrors: (s: string) => string =
  typeof String.prototype.toWellFormed === 'function'
    ? (s) => (isWellFormed(s) ? s : s.toWellFormed())
    : (s) => (isWellFormed(s) ? s : s.replace(new RegExp(loneSurrogate.source, 'g'), '\uFFFD'));

/** Whether unit c, at index i of s, is an escape: U+DC80..U+DCFF not the low half of a pair. */
export function isEscapeAt(s: string, i: number, c: number): boolean {
  if (c < 0xdc80 || c > 0xdcff) return false;
  return i === 0 || (s.charCodeAt(i - 1) & 0xfc00) !== 0xd800;
}

/** The index of the first escape in s, or -1 (at once when s has no lone surrogate). */
export function firstEscape(s: string): number {
  if (isWellFormed(s)) return -1;
  for (let i = 0; i < s.length; i++) if (isEscapeAt(s, i, s.charCodeAt(i))) return i;
  return -1;
}

/** The escape holding byte b (0x80..0xFF). */
export function escapeOf(b: number): string {
  return String.fromCharCode(0xdc00 | b);
}

/** len(s) in Go: the number of bytes of s (an escape is its byte, another lone surrogate U+FFFD's 3). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if ((c & 0xf800) !== 0xd800) n += 3;
    else if (c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += c >= 0xdc80 && c <= 0xdcff ? 1 : 3;
  }
  return n;
}

/** []byte(s): escapes are their byte, pairs 4 bytes, any other lone surrogate U+FFFD. */
export function utf8Bytes(s: string): Uint8Array {
  // Without a lone surrogate there is no escape, and TextEncoder is exact.
  if (isWellFormed(s)) return encoder.encode(s);
  const out = new Uint8Array(s.length * 3);
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out[at++] = c;
    else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
    } else if ((c & 0xf800) !== 0xd800) {
      out[at++] = 0xe0 | (c >> 12);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const r = ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00) + 0x10000;
      out[at++] = 0xf0 | (r >> 18);
      out[at++] = 0x80 | ((r >> 12) & 0x3f);
      out[at++] = 0x80 | ((r >> 6) & 0x3f);
      out[at++] = 0x80 | (r & 0x3f);
    } else if (c >= 0xdc80 && c <= 0xdcff)
      out[at++] = c & 0xff; // an escape (a pair was taken above)
    else {
      out[at++] = 0xef;
      out[at++] = 0xbf;
      out[at++] = 0xbd;
    }
  }
  return out.subarray(0, at);
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
 * goString below is its successor, which keeps those bytes as escapes.
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

/**
 * Set the first time goString makes an escape, never reset. Joins of strings (concat) only
 * look at their boundaries once it is set, so a process that never decoded invalid bytes pays
 * one read of it.
 */
export let escapesMade = false;

/** string(b): valid UTF-8 decodes to its text; each byte Go reads as invalid becomes its escape. */
export function goString(b: ArrayLike<number>): string {
  let ascii = true;
  for (let i = 0; i < b.length && ascii; i++) ascii = b[i] < 0x80;
  if (ascii) return fromCharCodes(b);
  const u = b instanceof Uint8Array ? b : Uint8Array.from(b);
  try {
    return validDecoder.decode(u);
  } catch {
    // Not valid UTF-8: runs of valid bytes are decoded together, invalid bytes one by one.
  }
  escapesMade = true;
  let s = '';
  let start = 0;
  for (let i = 0; i < u.length; ) {
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    const n = decodeMultiByte(u, i).size;
    if (n > 0) {
      i += n;
      continue;
    }
    if (i > start) s += validDecoder.decode(u.subarray(start, i));
    s += escapeOf(u[i]);
    start = ++i;
  }
  if (start < u.length) s += validDecoder.decode(u.subarray(start));
  return s;
}

/**
 * a + b as Go joins bytes. Escapes ending a and starting b may together be valid UTF-8
 * (E2 | 82 AC is "€"), so up to 3 escapes each side of the join are decoded again. Anything
 * else is a plain JS concatenation: a substring of a canonical string is canonical.
 */
export function concat(a: string, b: string): string {
  if (!escapesMade || a === '' || b === '') return a + b;
  const last = a.length - 1;
  if (!isEscapeAt(a, last, a.charCodeAt(last)) || !isEscapeAt(b, 0, b.charCodeAt(0))) return a + b;
  let i = last;
  while (i > 0 && last - i < 3 && isEscapeAt(a, i - 1, a.charCodeAt(i - 1))) i--;
  let j = 0;
  while (j + 1 < b.length && j < 3 && isEscapeAt(b, j + 1, b.charCodeAt(j + 1))) j++;
  return a.slice(0, i) + goString(utf8Bytes(a.slice(i) + b.slice(0, j + 1))) + b.slice(j + 1);
}

/**
 * A string built by joining pieces with JS concatenation, made canonical: escapes that joined
 * into valid UTF-8 become its text. Free until escapesMade, then one isWellFormed test (constant
 * time on one-byte strings) for results without a lone surrogate.
 */
export function joined(s: string): string {
  if (!escapesMade || isWellFormed(s)) return s;
  return goString(utf8Bytes(s));
}

/** A Go slice expression s[lo:hi] on bytes; out of range panics as Go does. */
export function sliceBytes(s: string, lo: number, hi?: number): string {
  const b = utf8Bytes(s);
  const h = hi ?? b.length;
  if (h < 0 || h > b.length) throw new GoPanic(`runtime error: slice bounds out of range [:${h}] with length ${b.length}`);
  if (lo < 0 || lo > h) throw new GoPanic(`runtime error: slice bounds out of range [${lo}:${h}]`);
  return bytesToString(b.subarray(lo, h));
}
