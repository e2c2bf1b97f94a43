// Port of fmt/format.go: the raw formatter that pads and writes numbers, strings and
// bytes according to the flags, width and precision. Each of format.go's methods is a
// function of the flags here (same name) that returns the text the method appends. The
// Printer's verbs (print-verb.ts) and the fast paths of Sprintf (print-fast.ts) call those
// functions with the flags, so each rule is written once; Fmt keeps as methods (appending
// to its buffer) only those the Printer calls directly: padString, fmtInteger, fmtS, fmtBs,
// fmtBx and fmtQBytes.
// Widths count runes (code points) as Go does; bytes of a Go string are its UTF-8 bytes.

import { type FloatFormat, formatFloat } from './ftoa.js';
import { canBackquote, canBackquoteRunes, isPrint, quote, quoteRune, quoteRunes, quoteToASCII } from '../go/strconv/index.js';
import {
  bytesToString,
  decodeRunes,
  fromCharCodes,
  hasSurrogates,
  maxRune,
  runeCount,
  runeString,
  truncateRunes,
  utf8Bytes,
} from '../go/unicode/utf8/index.js';

export const ldigits = '0123456789abcdefx';
export const udigits = '0123456789ABCDEFX';

const uint64Mask = (1n << 64n) - 1n;
const maxInt64 = (1n << 63n) - 1n;
const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);
const maxRuneBig = BigInt(maxRune);

/**
 * Go's fmtFlags with the width and precision: what format.go's functions read. Both Fmt
 * (doPrintf's state) and a verb parsed once (PrintfVerb) have these fields.
 */
export interface FmtFlags {
  readonly widPresent: boolean;
  readonly precPresent: boolean;
  readonly minus: boolean;
  readonly plus: boolean;
  readonly sharp: boolean;
  readonly space: boolean;
  readonly zero: boolean;
  // For %+v and %#v, plusV/sharpV are set and plus/sharp cleared.
  readonly plusV: boolean;
  readonly sharpV: boolean;
  readonly wid: number;
  readonly prec: number;
}

/**
 * writePadding: n bytes of padding. `zero` is f.zero as the caller has it (format.go turns
 * it off around some calls); zero padding is allowed only to the left.
 */
function writePadding(f: FmtFlags, n: number, zero: boolean): string {
  return n <= 0 ? '' : repeated(zero && !f.minus ? '0' : ' ', n);
}

/** n spaces: padding without the zero flag. */
export function spaces(n: number): string {
  return repeated(' ', n);
}

/** n copies of c, from a table for the usual widths: String.prototype.repeat is a call into the runtime. */
function repeated(c: ' ' | '0', n: number): string {
  return n < tableSize ? (c === ' ' ? spaceTable : zeroTable)[n] : c.repeat(n);
}

const tableSize = 64;
const spaceTable = Array.from({ length: tableSize }, (_, n) => ' '.repeat(n));
const zeroTable = Array.from({ length: tableSize }, (_, n) => '0'.repeat(n));

/** s, whose printed width is `width`, padded on the left (!minus) or right (minus) to f.wid. */
export function padWidth(f: FmtFlags, s: string, width: number, zero: boolean): string {
  if (!f.widPresent || f.wid <= width) return s;
  const pad = writePadding(f, f.wid - width, zero);
  return f.minus ? s + pad : pad + s;
}

/** padString: s padded to the width, which counts runes. */
function padString(f: FmtFlags, s: string, zero: boolean): string {
  // A rune is at most two UTF-16 units: no need to count them when s is long enough.
  if (!f.widPresent || f.wid === 0 || s.length >= 2 * f.wid) return s;
  return padWidth(f, s, runeCount(s), zero);
}

/** padString of ASCII text, whose width is its length (no rune count). */
function padASCII(f: FmtFlags, s: string, zero: boolean): string {
  return padWidth(f, s, s.length, zero);
}

export function fmtBoolean(f: FmtFlags, v: boolean): string {
  return padASCII(f, v ? 'true' : 'false', f.zero);
}

/**
 * Formats a uint64 as "U+0078" or with sharp set as "U+0078 'x'". u is its bits, or (a
 * number) the value itself when it is a safe integer, as fmtMagnitude takes it.
 */
export function fmtUnicode(f: FmtFlags, u: bigint | number): string {
  const prec = f.precPresent && f.prec > 4 ? f.prec : 4;
  const hex = formatBits(u, 16, udigits);
  const s = 'U+' + (prec > hex.length ? repeated('0', prec - hex.length) : '') + hex;
  if (f.sharp && u <= maxRune && isPrint(Number(u))) return padString(f, s + " '" + String.fromCodePoint(Number(u)) + "'", false);
  return padASCII(f, s, false);
}

/** Formats signed and unsigned integers; u holds the uint64 bits of the value. */
export function fmtInteger(f: FmtFlags, u: bigint, base: 2 | 8 | 10 | 16, isSigned: boolean, verb: string, digits: string): string {
  const negative = isSigned && u > maxInt64;
  if (negative) u = -u & uint64Mask;
  return fmtMagnitude(f, u <= maxSafe ? Number(u) : u, negative, base, verb, digits);
}

/**
 * fmtInteger of the integer whose magnitude is u and sign `negative`. A magnitude that is
 * a safe integer may be given as a number (printf's fast paths do, from an int without
 * a bigint's arithmetic); digits come from formatBits either way.
 */
export function fmtMagnitude(f: FmtFlags, u: number | bigint, negative: boolean, base: 2 | 8 | 10 | 16, verb: string, digits: string): string {
  // Two ways to ask for extra leading zero digits: %.3d or %03d.
  // If both are specified the zero flag is ignored and padding with spaces is used instead.
  let prec = 0;
  if (f.precPresent) {
    prec = f.prec;
    // Precision of 0 and value of 0 means "print nothing" but padding.
    if (prec === 0 && (u === 0 || u === 0n)) return writePadding(f, f.wid, false);
  } else if (f.zero && !f.minus && f.widPresent) {
    prec = f.wid;
    if (negative || f.plus || f.space) prec--; // leave room for sign
  }

  let num = formatBits(u, base, digits);
  if (prec > num.length) num = repeated('0', prec - num.length) + num;

  if (f.sharp) {
    if (base === 2) num = '0b' + num;
    else if (base === 8 && num[0] !== '0') num = '0' + num;
    else if (base === 16) num = '0' + digits[16] + num;
  }
  if (verb === 'O') num = '0o' + num;

  if (negative) num = '-' + num;
  else if (f.plus) num = '+' + num;
  else if (f.space) num = ' ' + num;

  // Left padding with zeros has already been handled like precision earlier
  // or the zero flag is ignored due to an explicitly set precision.
  return padASCII(f, num, false);
}

/**
 * The digits of u (at most 64 bits; as a number, a safe integer) in the base; hexadecimal
 * ones from `digits`. Go loops over the digits from the right; toString(2), (8) and (16)
 * are calls into the runtime that cost a few times as much. Here values of up to 32 bits
 * take their digits a few at a time from a table (one lookup for a byte's), larger ones
 * toString.
 */
function formatBits(u: bigint | number, base: 2 | 8 | 10 | 16, digits: string): string {
  if (typeof u === 'bigint') {
    if (u > maxSafe) {
      const s = u.toString(base);
      return digits === udigits ? s.toUpperCase() : s;
    }
    u = Number(u);
  }
  let n = u;
  if (base === 10) return String(n);
  if (n > 0xffffffff) {
    const s = n.toString(base);
    return digits === udigits ? s.toUpperCase() : s;
  }
  const t = digitTable(base, digits);
  const mask = (1 << t.bits) - 1;
  let s = '';
  while (n > mask) {
    s = t.padded[n & mask] + s;
    n >>>= t.bits;
  }
  return t.top[n] + s;
}

/** The digits of every value of `bits` bits in a base: padded with zeros to their count, and without leading zeros (top). */
interface DigitTable {
  readonly bits: number;
  readonly padded: readonly string[];
  readonly top: readonly string[];
}

/** The tables by base, and 17 for upper-case hexadecimal; made on first use. */
const digitTables: DigitTable[] = [];

function digitTable(base: 2 | 8 | 16, digits: string): DigitTable {
  const key = base === 16 && digits === udigits ? 17 : base;
  let table = digitTables[key];
  if (table === undefined) {
    // Binary digits eight at a time, octal three, hexadecimal two: 256 or 512 entries.
    const shift = base === 16 ? 4 : base === 8 ? 3 : 1;
    const count = base === 2 ? 8 : base === 8 ? 3 : 2;
    const padded: string[] = [];
    const top: string[] = [];
    for (let v = 0; v < 1 << (shift * count); v++) {
      let s = '';
      for (let k = count - 1; k >= 0; k--) s += digits[(v >> (k * shift)) & (base - 1)];
      padded.push(s);
      top.push(s.replace(/^0+(?=.)/, ''));
    }
    table = { bits: shift * count, padded, top };
    digitTables[key] = table;
  }
  return table;
}

/** Truncates s to the precision, if present, counting runes. */
function truncateString(f: FmtFlags, s: string): string {
  return f.precPresent ? truncateRunes(s, f.prec) : s;
}

export function fmtS(f: FmtFlags, s: string): string {
  if (f.precPresent && !hasSurrogates(s)) {
    // Each unit a rune: cut and measured by length, with one scan for surrogates, not two.
    if (s.length > f.prec) s = s.slice(0, f.prec);
    return padWidth(f, s, s.length, f.zero);
  }
  return padString(f, truncateString(f, s), f.zero);
}

/** Formats a byte slice as fmtS would format it as a string. */
function fmtBs(f: FmtFlags, b: Uint8Array): string {
  return fmtS(f, bytesToString(b));
}

export function fmtSx(f: FmtFlags, s: string, digits: string): string {
  return fmtSbx(f, s, null, digits);
}

function fmtBx(f: FmtFlags, b: Uint8Array, digits: string): string {
  return fmtSbx(f, '', b, digits);
}

/** Formats a string's UTF-8 bytes (b null) or a byte slice b as their hexadecimal encoding. */
function fmtSbx(f: FmtFlags, s: string, b: Uint8Array | null, digits: string): string {
  let length = b === null ? s.length : b.length;
  if (f.precPresent && f.prec < length) length = f.prec;
  // Width of the encoding, taking the sharp and space flags into account.
  let width = 2 * length;
  if (width > 0) {
    if (f.space) {
      if (f.sharp) width *= 2;
      width += length - 1;
    } else if (f.sharp) {
      width += 2;
    }
  } else {
    return f.widPresent ? writePadding(f, f.wid, f.zero) : '';
  }
  // The characters are collected as codes and made one flat string: concatenating two
  // digits at a time made a rope node per few bytes (three times as slow for an id of 12).
  const x = digits.charCodeAt(16);
  const codes = new Array<number>(width);
  let at = 0;
  if (f.sharp) {
    codes[at++] = 0x30;
    codes[at++] = x;
  }
  for (let i = 0; i < length; i++) {
    let c: number;
    if (b === null) {
      // The string's characters are its bytes while they are ASCII (up to the precision,
      // which then counts bytes as well); past a non-ASCII one, start over on its bytes.
      c = s.charCodeAt(i);
      if (c >= 0x80) return fmtSbx(f, '', utf8Bytes(s), digits);
    } else {
      c = b[i];
    }
    if (f.space && i > 0) {
      codes[at++] = 0x20;
      if (f.sharp) {
        codes[at++] = 0x30;
        codes[at++] = x;
      }
    }
    codes[at++] = digits.charCodeAt(c >> 4);
    codes[at++] = digits.charCodeAt(c & 0xf);
  }
  // Padding to the left uses the zero flag; to the right it is spaces.
  return padWidth(f, fromCharCodes(codes), width, f.zero);
}

/**
 * Formats a string as a double-quoted, escaped Go string constant; with sharp a
 * backquoted raw string when it has no control characters other than tab.
 */
export function fmtQ(f: FmtFlags, s: string): string {
  s = truncateString(f, s);
  if (f.sharp && canBackquote(s)) return padString(f, '`' + s + '`', f.zero);
  return padString(f, f.plus ? quoteToASCII(s) : quote(s), f.zero);
}

/** fmtQ for string(b) of a byte slice, whose invalid bytes quote as \xNN. */
function fmtQBytes(f: FmtFlags, b: Uint8Array): string {
  let runes = decodeRunes(b);
  if (f.precPresent && f.prec < runes.length) runes = runes.slice(0, f.prec);
  if (f.sharp && canBackquoteRunes(runes)) return padString(f, '`' + runes.map((r) => String.fromCodePoint(r)).join('') + '`', f.zero);
  return padString(f, quoteRunes(runes, 0x22, f.plus), f.zero);
}

/** Formats an integer (uint64 bits) as a Unicode character; invalid ones print as U+FFFD. */
export function fmtC(f: FmtFlags, c: bigint): string {
  return padString(f, runeString(c > maxRuneBig ? -1 : Number(c)), f.zero);
}

/** Formats an integer (uint64 bits) as a single-quoted, escaped Go character constant. */
export function fmtQc(f: FmtFlags, c: bigint): string {
  return padString(f, quoteRune(c > maxRuneBig ? -1 : Number(c), f.plus), f.zero);
}

/**
 * Formats a float (size 32 or 64) with a strconv verb and default precision. Go builds
 * the number with a sign in front ('+' when it has none) and cuts it off again; the sign
 * is kept apart here, which saves two copies of the text.
 */
export function fmtFloat(f: FmtFlags, v: number, size: 32 | 64, verb: FloatFormat, prec: number): string {
  if (f.precPresent) prec = f.prec;
  // Format number, reserving space for a leading + sign if needed.
  let num = formatFloat(v, verb, prec, size);
  let sign = '+';
  if (num[0] === '-' || num[0] === '+') {
    sign = num[0];
    num = num.slice(1);
  }
  // space means to add a leading space instead of a "+" sign unless plus is set.
  if (f.space && sign === '+' && !f.plus) sign = ' ';
  // Infinities and NaN don't look like numbers, so they are not padded with zeros.
  if (num[0] === 'I' || num[0] === 'N') {
    // Remove sign before NaN if not asked for.
    if (num[0] === 'N' && !f.space && !f.plus) return padASCII(f, num, false);
    return padASCII(f, sign + num, false);
  }
  // The sharp flag forces printing a decimal point for non-binary formats
  // and retains trailing zeros, which we may need to restore.
  if (f.sharp && verb !== 'b') num = sharpFloat(num, verb, prec);
  // We want a sign if asked for and if the sign is not positive.
  if (f.plus || sign !== '+') {
    // If we're zero padding to the left we want the sign before the leading zeros.
    if (f.zero && !f.minus && f.widPresent && f.wid > num.length + 1) return sign + writePadding(f, f.wid - num.length - 1, true) + num;
    return padASCII(f, sign + num, f.zero);
  }
  // No sign to show and the number is positive; just print the unsigned number.
  return padASCII(f, num, f.zero);
}

/** The %#g / %#e / %#x adjustment of fmtFloat, of the number without its sign. */
function sharpFloat(num: string, verb: FloatFormat, prec: number): string {
  let digits = 0;
  if (verb === 'g' || verb === 'G' || verb === 'x') {
    digits = prec;
    // If no precision is set explicitly use a precision of 6.
    if (digits === -1) digits = 6;
  }
  let tail = '';
  let hasDecimalPoint = false;
  let sawNonzeroDigit = false;
  for (let i = 0; i < num.length; i++) {
    const c = num[i];
    if (c === '.') {
      hasDecimalPoint = true;
      continue;
    }
    if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      tail = num.slice(i);
      num = num.slice(0, i);
      break;
    }
    if (c !== '0') sawNonzeroDigit = true;
    // Count significant digits after the first non-zero digit.
    if (sawNonzeroDigit) digits--;
  }
  if (!hasDecimalPoint) {
    // Leading digit 0 should contribute once to digits.
    if (num === '0') digits--;
    num += '.';
  }
  if (digits > 0) num += repeated('0', digits);
  return num + tail;
}

/** Go's fmt: the flags doPrintf sets for a verb, and the output its methods append to. */
export class Fmt implements FmtFlags {
  /** The output; V8 concatenation ropes keep appending linear. */
  buf = '';

  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;

  wid = 0;
  prec = 0;

  clearflags(): void {
    this.widPresent = this.precPresent = this.minus = this.plus = this.sharp = false;
    this.space = this.zero = this.plusV = this.sharpV = false;
    this.wid = 0;
    this.prec = 0;
  }

  padString(s: string): void {
    this.buf += padString(this, s, this.zero);
  }

  fmtInteger(u: bigint, base: 2 | 8 | 10 | 16, isSigned: boolean, verb: string, digits: string): void {
    this.buf += fmtInteger(this, u, base, isSigned, verb, digits);
  }

  fmtS(s: string): void {
    this.buf += fmtS(this, s);
  }

  fmtBs(b: Uint8Array): void {
    this.buf += fmtBs(this, b);
  }

  fmtBx(b: Uint8Array, digits: string): void {
    this.buf += fmtBx(this, b, digits);
  }

  fmtQBytes(b: Uint8Array): void {
    this.buf += fmtQBytes(this, b);
  }
}
