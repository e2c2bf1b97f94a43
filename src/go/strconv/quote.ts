// Port of strconv/quote.go (Quote, QuoteToASCII, QuoteRune, QuoteRuneToASCII,
// CanBackquote) and IsPrint, with IsPrint's tables from Go's isprint.go. Strings are
// walked as runes (see utf8.ts); an invalid byte (an escape in a string, -1 - byte from a
// byte slice) quotes as \xNN, like Go's.

import { isNotPrint16, isNotPrint32, isPrint16, isPrint32 } from './isprint.js';
import { isEscapeAt, maxRune, runeAt, runeError } from '../unicode/utf8/index.js';

/** Index of the first element >= x (sort.Search over a sorted table). */
function bsearch(a: Uint16Array | Uint32Array, x: number): number {
  let i = 0;
  let j = a.length;
  while (i < j) {
    const h = (i + j) >>> 1;
    if (a[h] < x) i = h + 1;
    else j = h;
  }
  return i;
}

function found(a: Uint16Array, x: number): boolean {
  const i = bsearch(a, x);
  return i < a.length && a[i] === x;
}

/** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020. */
export function isPrint(r: number): boolean {
  if (r <= 0xff) {
    if (r >= 0x20 && r <= 0x7e) return true;
    if (r >= 0xa1 && r <= 0xff) return r !== 0xad;
    return false;
  }
  if (r < 0x10000) {
    const i = bsearch(isPrint16, r);
    if (i >= isPrint16.length || r < isPrint16[i & ~1] || isPrint16[i | 1] < r) return false;
    return !found(isNotPrint16, r);
  }
  const i = bsearch(isPrint32, r);
  if (i >= isPrint32.length || r < isPrint32[i & ~1] || isPrint32[i | 1] < r) return false;
  if (r >= 0x20000) return true;
  return !found(isNotPrint32, r - 0x10000);
}

/** n (< 16^digits) as exactly `digits` lower-case hex digits. */
function hex(n: number, digits: number): string {
  return n.toString(16).padStart(digits, '0');
}

function escapedRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 0x5c) return '\\' + String.fromCharCode(r);
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r)) {
    return String.fromCodePoint(r);
  }
  switch (r) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (r > maxRune || (r >= 0xd800 && r < 0xe000)) r = runeError;
  return r < 0x10000 ? '\\u' + hex(r, 4) : '\\U' + hex(r, 8);
}

/** appendQuotedWith over runes; negative runes are invalid bytes (-1 - byte). */
export function quoteRunes(runes: Iterable<number>, quote: number, asciiOnly: boolean): string {
  let out = String.fromCharCode(quote);
  for (const r of runes) {
    out += r < 0 ? '\\x' + hex(-1 - r, 2) : escapedRune(r, quote, asciiOnly);
  }
  return out + String.fromCharCode(quote);
}

const plainASCII = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;

/** Whether s is printable ASCII without '"' or '\\': then Quote(s) and QuoteToASCII(s) are s between double quotes. */
export function quotesAsItself(s: string): boolean {
  return plainASCII.test(s);
}

/**
 * appendQuotedWith over a string, '"'-quoted: runs of characters that quote as
 * themselves are copied with one slice instead of rune by rune. An escape is an invalid
 * byte, which Go writes as \xNN (DecodeRune's width 1 and RuneError); any other lone
 * surrogate is U+FFFD (as runeAt reads it). Neither joins a run.
 */
function quoteString(s: string, asciiOnly: boolean): string {
  // The common case, checked natively: nothing to escape.
  if (quotesAsItself(s)) return '"' + s + '"';
  let out = '"';
  let start = 0; // start of the run not yet copied to out
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) {
      i++;
      continue;
    }
    let r = c;
    let size = 1;
    if (c >= 0xd800 && c < 0xe000) {
      if (isEscapeAt(s, i, c)) {
        if (i > start) out += s.slice(start, i);
        out += '\\x' + hex(c & 0xff, 2);
        start = ++i;
        continue;
      }
      ({ r, size } = runeAt(s, i));
    }
    if (!asciiOnly && r >= 0x80 && r !== runeError && isPrint(r)) {
      i += size; // prints as itself: its UTF-16 text is String.fromCodePoint(r)
      continue;
    }
    if (i > start) out += s.slice(start, i);
    out += escapedRune(r, 0x22, asciiOnly);
    i += size;
    start = i;
  }
  if (start < s.length) out += s.slice(start);
  return out + '"';
}

/** strconv.Quote. */
export function quote(s: string): string {
  return quoteString(s, false);
}

/** strconv.QuoteToASCII. */
export function quoteToASCII(s: string): string {
  return quoteString(s, true);
}

/** strconv.QuoteRune (QuoteRuneToASCII when asciiOnly). Invalid runes quote as U+FFFD. */
export function quoteRune(r: number, asciiOnly = false): string {
  if (r < 0 || r > maxRune || (r >= 0xd800 && r < 0xe000)) r = runeError;
  return "'" + escapedRune(r, 0x27, asciiOnly) + "'";
}

/** strconv.CanBackquote over runes (invalid bytes are negative). */
export function canBackquoteRunes(runes: Iterable<number>): boolean {
  for (const r of runes) {
    if (r < 0 || r === 0xfeff) return false;
    if ((r < 0x20 && r !== 0x09) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

/** strconv.CanBackquote: an escape is an invalid byte, which cannot be backquoted. */
export function canBackquote(s: string): boolean {
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (isEscapeAt(s, i, c)) return false;
    const { r, size } = runeAt(s, i);
    if (r === 0xfeff || (r < 0x20 && r !== 0x09) || r === 0x60 || r === 0x7f) return false;
    i += size;
  }
  return true;
}
