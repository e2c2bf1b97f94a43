// Port of fmt/format.go: the raw formatter that pads and writes numbers, strings and
// bytes into a buffer according to the current flags, width and precision.
// Widths count runes (code points) as Go does; bytes of a Go string are its UTF-8 bytes.

import { type FloatFormat, formatFloat } from './ftoa.js';
import { canBackquote, canBackquoteRunes, isPrint, quote, quoteRune, quoteRunes, quoteToASCII } from '../go/strconv/index.js';
import { bytesToString, decodeRunes, maxRune, runeCount, runeString, truncateRunes, utf8Bytes } from '../go/unicode/utf8/index.js';

export const ldigits = '0123456789abcdefx';
export const udigits = '0123456789ABCDEFX';

const uint64Mask = (1n << 64n) - 1n;

export class Fmt {
  /** The output; V8 concatenation ropes keep appending linear. */
  buf = '';

  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  // For %+v and %#v, plusV/sharpV are set and plus/sharp cleared.
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

  /** Generates n bytes of padding. */
  writePadding(n: number): void {
    if (n <= 0) return;
    // Zero padding is allowed only to the left.
    this.buf += (this.zero && !this.minus ? '0' : ' ').repeat(n);
  }

  /** Appends s, padded on the left (!minus) or right (minus). */
  padString(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  /** padString of ASCII text, whose width is its length (no rune count). */
  padASCII(s: string): void {
    if (!this.widPresent || this.wid <= s.length) {
      this.buf += s;
      return;
    }
    const pad = (this.zero && !this.minus ? '0' : ' ').repeat(this.wid - s.length);
    this.buf += this.minus ? s + pad : pad + s;
  }

  fmtBoolean(v: boolean): void {
    this.padASCII(v ? 'true' : 'false');
  }

  /** Formats a uint64 as "U+0078" or with sharp set as "U+0078 'x'". */
  fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let tail = '';
    if (this.sharp && u <= BigInt(maxRune) && isPrint(Number(u))) tail = " '" + String.fromCodePoint(Number(u)) + "'";
    const hex = u.toString(16).toUpperCase();
    const s = 'U+' + '0'.repeat(Math.max(prec - hex.length, 0)) + hex + tail;
    const oldZero = this.zero;
    this.zero = false;
    this.padString(s);
    this.zero = oldZero;
  }

  /** Formats signed and unsigned integers; u holds the uint64 bits of the value. */
  fmtInteger(u: bigint, base: 2 | 8 | 10 | 16, isSigned: boolean, verb: string, digits: string): void {
    const negative = isSigned && u > 0x7fffffffffffffffn;
    if (negative) u = -u & uint64Mask;

    // Two ways to ask for extra leading zero digits: %.3d or %03d.
    // If both are specified the zero flag is ignored and padding with spaces is used instead.
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      // Precision of 0 and value of 0 means "print nothing" but padding.
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--; // leave room for sign
    }

    let num = u.toString(base);
    if (digits === udigits) num = num.toUpperCase();
    if (prec > num.length) num = '0'.repeat(prec - num.length) + num;

    if (this.sharp) {
      if (base === 2) num = '0b' + num;
      else if (base === 8 && num[0] !== '0') num = '0' + num;
      else if (base === 16) num = '0' + digits[16] + num;
    }
    if (verb === 'O') num = '0o' + num;

    if (negative) num = '-' + num;
    else if (this.plus) num = '+' + num;
    else if (this.space) num = ' ' + num;

    // Left padding with zeros has already been handled like precision earlier
    // or the zero flag is ignored due to an explicitly set precision.
    const oldZero = this.zero;
    this.zero = false;
    this.padASCII(num);
    this.zero = oldZero;
  }

  /** Truncates s to the precision, if present, counting runes. */
  truncateString(s: string): string {
    return this.precPresent ? truncateRunes(s, this.prec) : s;
  }

  fmtS(s: string): void {
    this.padString(this.truncateString(s));
  }

  /** Formats a byte slice as fmtS would format it as a string. */
  fmtBs(b: Uint8Array): void {
    this.fmtS(bytesToString(b));
  }

  fmtSx(s: string, digits: string): void {
    // An ASCII string is its own UTF-8 encoding.
    this.fmtSbx(asciiOnly.test(s) ? s : utf8Bytes(s), digits);
  }

  fmtBx(b: Uint8Array, digits: string): void {
    this.fmtSbx(b, digits);
  }

  /** Formats bytes (or an ASCII string's) as their hexadecimal encoding (fmtSbx). */
  fmtSbx(b: Uint8Array | string, digits: string): void {
    let length = b.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    // Width of the encoding, taking the sharp and space flags into account.
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) {
        width += 2;
      }
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    const prefix = '0' + digits[16];
    const hex = hexPairs(digits);
    let out = this.sharp ? prefix : '';
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += prefix;
      }
      out += hex[typeof b === 'string' ? b.charCodeAt(i) : b[i]];
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  /**
   * Formats a string as a double-quoted, escaped Go string constant; with sharp a
   * backquoted raw string when it has no control characters other than tab.
   */
  fmtQ(s: string): void {
    s = this.truncateString(s);
    if (this.sharp && canBackquote(s)) {
      this.padString('`' + s + '`');
      return;
    }
    this.padString(this.plus ? quoteToASCII(s) : quote(s));
  }

  /** fmtQ for string(b) of a byte slice, whose invalid bytes quote as \xNN. */
  fmtQBytes(b: Uint8Array): void {
    let runes = decodeRunes(b);
    if (this.precPresent && this.prec < runes.length) runes = runes.slice(0, this.prec);
    if (this.sharp && canBackquoteRunes(runes)) {
      this.padString('`' + runes.map((r) => String.fromCodePoint(r)).join('') + '`');
      return;
    }
    this.padString(quoteRunes(runes, 0x22, this.plus));
  }

  /** Formats an integer as a Unicode character; invalid ones print as U+FFFD. */
  fmtC(c: bigint): void {
    this.padString(runeString(c > BigInt(maxRune) ? -1 : Number(c)));
  }

  /** Formats an integer as a single-quoted, escaped Go character constant. */
  fmtQc(c: bigint): void {
    this.padString(quoteRune(c > BigInt(maxRune) ? -1 : Number(c), this.plus));
  }

  /** Formats a float (size 32 or 64) with a strconv verb and default precision. */
  fmtFloat(v: number, size: 32 | 64, verb: FloatFormat, prec: number): void {
    if (this.precPresent) prec = this.prec;
    // Format number, reserving space for a leading + sign if needed.
    let num = formatFloat(v, verb, prec, size);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    // space means to add a leading space instead of a "+" sign unless plus is set.
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    // Infinities and NaN don't look like numbers, so they are not padded with zeros.
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      // Remove sign before NaN if not asked for.
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.padString(num);
      this.zero = oldZero;
      return;
    }
    // The sharp flag forces printing a decimal point for non-binary formats
    // and retains trailing zeros, which we may need to restore.
    if (this.sharp && verb !== 'b') num = this.sharpFloat(num, verb, prec);
    // We want a sign if asked for and if the sign is not positive.
    if (this.plus || num[0] !== '+') {
      // If we're zero padding to the left we want the sign before the leading zeros.
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.padString(num);
      return;
    }
    // No sign to show and the number is positive; just print the unsigned number.
    this.padString(num.slice(1));
  }

  /** The %#g / %#e / %#x adjustment of fmtFloat (num starts with its sign). */
  private sharpFloat(num: string, verb: FloatFormat, prec: number): string {
    let digits = 0;
    if (verb === 'g' || verb === 'G' || verb === 'x') {
      digits = prec;
      // If no precision is set explicitly use a precision of 6.
      if (digits === -1) digits = 6;
    }
    let tail = '';
    let hasDecimalPoint = false;
    let sawNonzeroDigit = false;
    for (let i = 1; i < num.length; i++) {
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
      if (num.length === 2 && num[1] === '0') digits--;
      num += '.';
    }
    if (digits > 0) num += '0'.repeat(digits);
    return num + tail;
  }
}

const asciiOnly = /^[\x00-\x7f]*$/;
const hexPairTables = new Map<string, readonly string[]>();

/** The two-digit encodings of the 256 byte values in the given digits (ldigits or udigits). */
export function hexPairs(digits: string): readonly string[] {
  let table = hexPairTables.get(digits);
  if (table === undefined) {
    table = Array.from({ length: 256 }, (_, c) => digits[c >> 4] + digits[c & 0xf]);
    hexPairTables.set(digits, table);
  }
  return table;
}
