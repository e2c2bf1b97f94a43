// Go's strings.Compare (strings/compare.go) over JS strings.

import { isEscapeAt, runeAt, utf8Bytes } from '../unicode/utf8/index.js';

/**
 * strings.Compare: -1, 0 or 1 by the strings' UTF-8 bytes, which is code point order.
 * UTF-16 units order the same way except that surrogates (U+10000 and up) sort below
 * U+E000..U+FFFF, so from the first difference involving a surrogate whole runes are
 * compared; a lone surrogate reads as U+FFFD, like the invalid byte it stands for, except
 * an escape, which is a byte (utf8.ts): from the first one the rest compare as bytes.
 */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return sign(a.length - b.length);
  const ca = a.charCodeAt(i);
  const cb = b.charCodeAt(i);
  if (ca < 0xd800 && cb < 0xd800) return sign(ca - cb);
  // Step back to the start of the rune when the difference is in a low surrogate.
  if (i > 0) {
    const prev = a.charCodeAt(i - 1);
    if (prev >= 0xd800 && prev < 0xdc00) i--;
  }
  let ia = i;
  let ib = i;
  while (ia < a.length && ib < b.length) {
    // An escape's byte may equal the lead byte of a rune on the other side (E2 against
    // "€", E2 82 AC), so runes no longer decide: the bytes do.
    if (isEscapeAt(a, ia, a.charCodeAt(ia)) || isEscapeAt(b, ib, b.charCodeAt(ib))) return compareBytes(utf8Bytes(a.slice(ia)), utf8Bytes(b.slice(ib)));
    const ra = runeAt(a, ia);
    const rb = runeAt(b, ib);
    if (ra.r !== rb.r) return sign(ra.r - rb.r);
    ia += ra.size;
    ib += rb.size;
  }
  return sign(a.length - ia - (b.length - ib));
}

/** bytes.Compare. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return sign(a[i] - b[i]);
  return sign(a.length - b.length);
}

function sign(d: number): number {
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}
