// Go's strings package (strings.go) over JS strings, rune-wise where Go works on runes
// (cutsets, splitting on ""), and unicode.IsSpace, which TrimSpace uses. The functions that
// put strings side by side (Replace, ReplaceAll, Repeat) return them joined as Go joins
// bytes: escapes that meet may be valid UTF-8 together (utf8.ts joined).

import { joined } from '../unicode/utf8/index.js';

import { withRuneErrors } from '../unicode/utf8/index.js';

function runes(s: string): string[] {
  return Array.from(s);
}

/** strings.Trim(s, cutset): strips leading and trailing runes contained in cutset. */
export function trim(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const cut = new Set(runes(cutset));
  const rs = runes(s);
  let i = 0;
  let j = rs.length;
  while (i < j && cut.has(rs[i])) i++;
  while (j > i && cut.has(rs[j - 1])) j--;
  return rs.slice(i, j).join('');
}

/** strings.TrimLeft(s, cutset). */
export function trimLeft(s: string, cutset: string): string {
  const cut = new Set(runes(cutset));
  const rs = runes(s);
  let i = 0;
  while (i < rs.length && cut.has(rs[i])) i++;
  return rs.slice(i).join('');
}

/** strings.TrimRight(s, cutset). */
export function trimRight(s: string, cutset: string): string {
  const cut = new Set(runes(cutset));
  const rs = runes(s);
  let j = rs.length;
  while (j > 0 && cut.has(rs[j - 1])) j--;
  return rs.slice(0, j).join('');
}

export function trimPrefix(s: string, prefix: string): string {
  return prefix !== '' && s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

export function trimSuffix(s: string, suffix: string): string {
  return suffix !== '' && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}

/** strings.Split: an empty separator splits after each rune; n < 0 means all. */
export function split(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const rs = runes(s);
    if (n < 0 || n >= rs.length) return rs;
    return [...rs.slice(0, n - 1), rs.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** strings.SplitN(s, sep, n). */
export function splitN(s: string, sep: string, n: number): string[] {
  return split(s, sep, n);
}

/** strings.Cut. */
export function cut(s: string, sep: string): { before: string; after: string; found: boolean } {
  const i = s.indexOf(sep);
  if (i < 0) return { before: s, after: '', found: false };
  return { before: s.slice(0, i), after: s.slice(i + sep.length), found: true };
}

/** strings.ReplaceAll (an empty old string inserts `repl` around every rune, as Go does). */
export function replaceAll(s: string, old: string, repl: string): string {
  if (old === '') {
    const rs = runes(s);
    return joined(repl + rs.map((r) => r + repl).join(''));
  }
  return joined(s.split(old).join(repl));
}

/** strings.Replace with a count (n < 0: all). */
export function replace(s: string, old: string, repl: string, n: number): string {
  if (n < 0) return replaceAll(s, old, repl);
  let out = '';
  let rest = s;
  for (let i = 0; i < n; i++) {
    if (old === '') {
      if (i === 0) {
        out += repl;
        continue;
      }
      const r = runes(rest)[0];
      if (r === undefined) break;
      out += r + repl;
      rest = rest.slice(r.length);
      continue;
    }
    const k = rest.indexOf(old);
    if (k < 0) break;
    out += rest.slice(0, k) + repl;
    rest = rest.slice(k + old.length);
  }
  return joined(out + rest);
}

/** strings.Repeat (count validated by the caller). */
export function repeat(s: string, count: number): string {
  return joined(s.repeat(count));
}

/**
 * strings.ToLower / ToUpper: Go maps rune by rune (no context-dependent rules such as final
 * sigma) with strings.Map, which writes U+FFFD for an invalid byte (an escape).
 */
export function toLower(s: string): string {
  return runes(withRuneErrors(s))
    .map((r) => mapCase(r, 'lower'))
    .join('');
}

export function toUpper(s: string): string {
  return runes(withRuneErrors(s))
    .map((r) => mapCase(r, 'upper'))
    .join('');
}

function mapCase(r: string, to: 'lower' | 'upper'): string {
  const m = to === 'lower' ? r.toLowerCase() : r.toUpperCase();
  // unicode.ToLower/ToUpper map one rune to one rune; JS may expand (ß -> SS, İ -> i̇).
  return Array.from(m).length === 1 ? m : r;
}

/** unicode.IsLetter-ish test used by title casing. */
export function isLetter(r: string): boolean {
  return /\p{L}/u.test(r);
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
