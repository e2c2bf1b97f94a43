// Go's strings.Compare and strings.TrimSpace over JS strings.

import { runeAt } from '../unicode/utf8/utf8.js';

/**
 * strings.Compare: -1, 0 or 1 by the strings' UTF-8 bytes, which is code point order.
 * UTF-16 units order the same way except that surrogates (U+10000 and up) sort below
 * U+E000..U+FFFF, so from the first difference involving a surrogate whole runes are
 * compared; a lone surrogate reads as U+FFFD, like the invalid byte it stands for.
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
    const ra = runeAt(a, ia);
    const rb = runeAt(b, ib);
    if (ra.r !== rb.r) return sign(ra.r - rb.r);
    ia += ra.size;
    ib += rb.size;
  }
  return sign(a.length - ia - (b.length - ib));
}

function sign(d: number): number {
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** unicode.IsSpace. */
export function isSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
}

/**
 * strings.TrimSpace. Every space rune is a single UTF-16 unit outside the surrogate
 * range, so scanning units trims exactly the runes Go trims, without splitting s into runes.
 */
export function trimSpace(s: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && isSpace(s.charCodeAt(i))) i++;
  while (j > i && isSpace(s.charCodeAt(j - 1))) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}
