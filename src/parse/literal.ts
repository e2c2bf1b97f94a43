// Literal token text -> values, reproducing Go's strconv (ParseUint/ParseInt/ParseFloat with
// base 0, Unquote, UnquoteChar), fmt.Sscan of complex numbers, and node.go's newNumber.
//
// Why hand-written scanners and no grammar: every literal of every template passes through
// here, and a literal may be a megabyte (a PEM certificate in a manifest). An Earley parser
// (nearley) keeps a chart per input character and took quadratic time and memory on long
// literals: 16 KB cost seconds and a gigabyte. Go itself reads these with small loops
// (strconv.Unquote, UnquoteChar, lex.go's scanNumber), and a port of those loops is linear,
// reports exactly Go's errors, and is what a reader who knows the Go source expects to find.
// The number shape is defined once, in literal-syntax.ts, for the lexer and for this module;
// fmt's own float scanner (floatToken below) is a different Go function with a different
// language (it accepts "nan", "inf" and a 'p' exponent on decimals, and not 0o/0b), kept as
// a port of fmt because Go's complex parsing goes through it.
import { type NumberSyntax, splitNumber } from './literal-syntax.js';
import { quote, underscoreOK } from '../go/strconv/index.js';
import { bytesToString, runeAt, utf8Bytes } from '../go/unicode/utf8/index.js';

/** An error from a literal conversion; its message is the text of Go's error value. */
export class LiteralError extends Error {}

const syntaxError = 'invalid syntax';

// ---- quoted strings and character constants ----

/** One character read by unquoteChar: its value, whether it is a rune (not a single byte), and where the rest starts. */
interface Char {
  value: number;
  multibyte: boolean;
  next: number;
}

const simpleEscapes: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

function unhex(c: string): number {
  return /^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1;
}

/** utf8.ValidRune: not a surrogate half, not above U+10FFFF. */
const validRune = (r: number): boolean => r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);

/** strconv.UnquoteChar(s[i:], quote); null is ErrSyntax. */
function unquoteChar(s: string, i: number, quote: string): Char | null {
  if (i >= s.length) return null;
  const c = s[i];
  if (c === quote) return null;
  if (c.charCodeAt(0) >= 0x80) {
    const { r, size } = runeAt(s, i);
    return { value: r, multibyte: true, next: i + size };
  }
  if (c !== '\\') return { value: c.charCodeAt(0), multibyte: false, next: i + 1 };
  if (i + 1 >= s.length) return null;
  const e = s[i + 1];
  const rest = i + 2;
  const simple = simpleEscapes[e];
  if (simple !== undefined) return { value: simple, multibyte: false, next: rest };
  switch (e) {
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      if (rest + n > s.length) return null;
      let v = 0;
      for (let j = 0; j < n; j++) {
        const x = unhex(s[rest + j]);
        if (x < 0) return null;
        v = v * 16 + x;
      }
      // \x is a single byte, possibly not UTF-8; \u and \U must name a valid rune.
      if (e === 'x') return { value: v, multibyte: false, next: rest + n };
      return validRune(v) ? { value: v, multibyte: true, next: rest + n } : null;
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      let v = e.charCodeAt(0) - 48;
      if (rest + 2 > s.length) return null;
      for (let j = 0; j < 2; j++) {
        const x = s.charCodeAt(rest + j) - 48;
        if (x < 0 || x > 7) return null;
        v = (v << 3) | x;
      }
      return v > 255 ? null : { value: v, multibyte: false, next: rest + 2 };
    }
    case "'":
    case '"':
      return e === quote ? { value: e.charCodeAt(0), multibyte: false, next: rest } : null;
    default:
      return null;
  }
}

/**
 * The decoded text of a quoted literal. Go builds bytes: a \x or octal escape of 0x80 or
 * more is one raw byte, and the whole is then read as UTF-8. Until a raw byte occurs the text
 * is built by concatenation, which V8 keeps as a rope and copies once when it is first read:
 * for a 1 MB literal of 16,000 lines that is half the time of joining an array of its pieces.
 * toString reads a character of the rope, which makes V8 copy it then (not on the literal's first
 * use in an execute), so that parsing pays for the whole of its result, as Go's does.
 */
class UnquoteBuffer {
  private done = '';
  private parts: (string | number)[] | null = null; // from the first raw byte on

  text(s: string): void {
    if (this.parts === null) this.done += s;
    else this.parts.push(s);
  }

  char(ch: Char): void {
    if (ch.value < 0x80 || ch.multibyte) this.text(String.fromCodePoint(ch.value));
    else {
      this.parts ??= [this.done];
      this.parts.push(ch.value);
    }
  }

  toString(): string {
    if (this.parts === null) {
      const s = this.done;
      if (s.length > 0) s.charCodeAt(0); // see above
      return s;
    }
    const chunks = this.parts.map((p) => (typeof p === 'number' ? p : utf8Bytes(p)));
    let total = 0;
    for (const c of chunks) total += typeof c === 'number' ? 1 : c.length;
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      if (typeof c === 'number') bytes[at++] = c;
      else {
        bytes.set(c, at);
        at += c.length;
      }
    }
    return bytesToString(bytes);
  }
}

/** The text of the escapes \a \b \f \n \r \t \v \\ and \" in "...", by the char code after the backslash. */
const simpleEscapeText: (string | undefined)[] = [];
for (const [e, v] of Object.entries(simpleEscapes)) simpleEscapeText[e.charCodeAt(0)] = String.fromCharCode(v);
simpleEscapeText[0x22] = '"';

/** The position of the first c in s from i on, or s.length if there is none. */
export function indexOrEnd(s: string, c: string, i: number): number {
  const at = s.indexOf(c, i);
  return at < 0 ? s.length : at;
}

/** strconv.Unquote for the string token kinds the lexer produces ("..." and `...`). */
export function unquote(s: string): string {
  if (s.length < 2) throw new LiteralError(syntaxError);
  const q = s[0];
  const end = s.indexOf(q, 1) + 1; // just past the first closing quote; escapes may move it
  if (end === 0) throw new LiteralError(syntaxError);
  if (q === '`') {
    // Raw strings: nothing may follow the closing quote; carriage returns are discarded.
    if (end !== s.length) throw new LiteralError(syntaxError);
    const body = s.slice(1, -1);
    return body.includes('\r') ? body.replaceAll('\r', '') : body;
  }
  if (q !== '"') throw new LiteralError(syntaxError);
  const head = s.slice(0, end);
  // Like Go, skip escape processing when there is nothing to unescape.
  if (!head.includes('\\') && !head.includes('\n')) {
    if (end !== s.length) throw new LiteralError(syntaxError);
    return s.slice(1, -1);
  }
  const out = new UnquoteBuffer();
  // Runs of plain characters are copied as slices, found with indexOf: the next quote,
  // backslash and newline are each searched again only once passed, so a long literal
  // costs a few native scans.
  let quotePos = indexOrEnd(s, q, 1);
  let backslash = indexOrEnd(s, '\\', 1);
  let newline = indexOrEnd(s, '\n', 1);
  let i = 1;
  for (;;) {
    const j = Math.min(quotePos, backslash, newline);
    if (j > i) out.text(s.slice(i, j));
    i = j;
    if (i === quotePos) break; // the closing quote, or the end of s
    if (i === newline) throw new LiteralError(syntaxError); // an unescaped newline
    const simple = simpleEscapeText[s.charCodeAt(i + 1)];
    if (simple !== undefined) {
      out.text(simple);
      i += 2;
    } else {
      const ch = unquoteChar(s, i, q);
      if (ch === null) throw new LiteralError(syntaxError);
      out.char(ch);
      i = ch.next;
    }
    if (quotePos < i) quotePos = indexOrEnd(s, q, i);
    backslash = indexOrEnd(s, '\\', i);
    if (newline < i) newline = indexOrEnd(s, '\n', i);
  }
  if (i + 1 !== s.length) throw new LiteralError(syntaxError); // no closing quote, or text after it
  return out.toString();
}

/** The rune of a character constant token such as 'a' or '\n' (newNumber's itemCharConstant case). */
export function charValue(token: string): number {
  if (token[0] !== "'") throw new LiteralError(`malformed character constant: ${token}`);
  const ch = unquoteChar(token, 1, "'");
  if (ch === null) throw new LiteralError(syntaxError);
  if (token.slice(ch.next) !== "'") throw new LiteralError(`malformed character constant: ${token}`);
  return ch.value;
}

// ---- numbers ----

type Parsed<T> = { ok: true; value: T } | { ok: false; range: boolean };
const syntaxFail = { ok: false, range: false } as const;
const rangeFail = { ok: false, range: true } as const;
const maxUint64 = (1n << 64n) - 1n;

/** strconv.ParseUint(text, 0, 64). */
function parseUint(n: NumberSyntax, text: string): Parsed<bigint> {
  if (text === '' || n.sign !== '' || n.imaginary || n.frac !== null || n.expMark !== null) return syntaxFail;
  let base: bigint;
  let digits: string;
  if (n.prefix !== '' && n.int !== '') {
    base = { b: 2n, o: 8n, x: 16n }[n.prefix[1].toLowerCase() as 'b' | 'o' | 'x'];
    digits = n.int;
  } else if (n.prefix !== '') {
    return syntaxFail; // "0x" alone is read as octal "0" followed by the invalid digit "x".
  } else if (n.int.startsWith('0')) {
    base = 8n;
    digits = n.int.slice(1);
  } else {
    base = 10n;
    digits = n.int;
  }
  let value = 0n;
  let underscores = false;
  for (const c of digits) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = BigInt(parseInt(c, 16));
    if (d >= base) return syntaxFail;
    value = value * base + d;
    if (value > maxUint64) return rangeFail;
  }
  if (underscores && !underscoreOK(text)) return syntaxFail;
  return { ok: true, value };
}

/** strconv.ParseInt(text, 0, 64). */
function parseInt64(n: NumberSyntax, text: string): Parsed<bigint> {
  const unsigned = parseUint({ ...n, sign: '' }, n.sign === '' ? text : text.slice(1));
  if (!unsigned.ok && !unsigned.range) return unsigned;
  const un = unsigned.ok ? unsigned.value : maxUint64;
  const cutoff = 1n << 63n;
  if (n.sign !== '-' && un >= cutoff) return rangeFail;
  if (n.sign === '-' && un > cutoff) return rangeFail;
  return { ok: true, value: n.sign === '-' ? -un : un };
}

const hasDigit = (s: string | null): boolean => s !== null && /[0-9a-fA-F]/.test(s);

/** A correctly rounded float64 for mantissa * 2**exp (the hex float path of strconv). */
function scaleBinary(mantissa: bigint, exp: number): number {
  if (mantissa === 0n) return 0;
  const msb = mantissa.toString(2).length - 1 + exp;
  const lsb = Math.max(msb - 52, -1074);
  const shift = lsb - exp;
  let q: bigint;
  if (shift > 0) {
    const s = BigInt(shift);
    q = mantissa >> s;
    const rem = mantissa & ((1n << s) - 1n);
    const half = 1n << (s - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  } else q = mantissa << BigInt(-shift);
  // Multiplying by 2**lsb in two steps keeps each factor representable.
  return Number(q) * 2 ** Math.max(lsb, -1022) * 2 ** Math.min(lsb + 1022, 0);
}

/** strconv.ParseFloat(text, 64); syntax already describes text. */
function parseFloat64(n: NumberSyntax, text: string): Parsed<number> {
  const p = n.prefix.toLowerCase();
  if (n.imaginary || p === '0o' || p === '0b') return syntaxFail;
  if (p === '0x' && n.int === '' && n.frac === null && n.expMark === null) return syntaxFail; // "0x" is too short to be hex
  if (!hasDigit(n.int) && !hasDigit(n.frac)) return syntaxFail;
  if (p === '0x' && n.expMark === null) return syntaxFail; // hex mantissa needs a p exponent
  if (n.expMark !== null && !/^[0-9]/.test(n.expDigits)) return syntaxFail;
  if (text.includes('_') && !underscoreOK(text)) return syntaxFail;
  const clean = (s: string): string => s.replaceAll('_', '');
  let value: number;
  if (p === '0x') {
    const frac = clean(n.frac ?? '');
    const mantissa = BigInt('0x0' + clean(n.int) + frac);
    // Go caps the exponent it reads at 10000, which already means overflow or zero.
    const e = Math.min(Number(clean(n.expDigits)), 10000) * (n.expSign === '-' ? -1 : 1);
    value = scaleBinary(mantissa, e - 4 * frac.length);
    if (n.sign === '-') value = -value;
  } else {
    let s = n.sign + clean(n.int || '0');
    if (n.frac !== null) s += '.' + (clean(n.frac) || '0');
    if (n.expMark !== null) s += 'e' + n.expSign + clean(n.expDigits);
    value = Number(s);
  }
  if (!Number.isFinite(value)) return rangeFail;
  return { ok: true, value };
}

/** Go's float64 -> int64 conversion round-trips only for integral values in range. */
function asInt64(f: number): bigint | null {
  return Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63 ? BigInt(f) : null;
}

function asUint64(f: number): bigint | null {
  return Number.isInteger(f) && f >= 0 && f < 2 ** 64 ? BigInt(f) : null;
}

/** The values newNumber stores in a NumberNode. */
export interface NumberValue {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  complex128: { re: number; im: number };
}

/** The complex part of every number that is not complex: one object, not one per NumberNode a tree keeps. */
const noComplex: { re: number; im: number } = Object.freeze({ re: 0, im: 0 });

function emptyNumber(): NumberValue {
  return {
    isInt: false,
    isUint: false,
    isFloat: false,
    isComplex: false,
    int64: 0n,
    uint64: 0n,
    float64: 0,
    complex128: noComplex,
  };
}

/** NumberNode.simplifyComplex: a complex with zero imaginary part is also a float (maybe an integer). */
function simplifyComplex(n: NumberValue): void {
  n.isFloat = n.complex128.im === 0;
  if (n.isFloat) {
    n.float64 = n.complex128.re;
    const i = asInt64(n.float64);
    n.isInt = i !== null;
    if (i !== null) n.int64 = i;
    const u = asUint64(n.float64);
    n.isUint = u !== null;
    if (u !== null) n.uint64 = u;
  }
}

// fmt.Sscan(text, &complex128): fmt's own float token scanner, then strconv.ParseFloat per part.
const errComplex = 'syntax error scanning complex number';

function floatToken(s: string, i: number): number {
  const accept = (chars: string): boolean => {
    if (i < s.length && chars.includes(s[i])) {
      i++;
      return true;
    }
    return false;
  };
  if (accept('nN') && accept('aA') && accept('nN')) return i;
  accept('+-');
  if (accept('iI') && accept('nN') && accept('fF')) return i;
  let digits = '0123456789_';
  let exp = 'eEpP';
  if (accept('0') && accept('xX')) {
    digits = '0123456789aAbBcCdDeEfF_';
    exp = 'pP';
  }
  while (accept(digits));
  if (accept('.')) while (accept(digits));
  if (accept(exp)) {
    accept('+-');
    while (accept('0123456789_'));
  }
  return i;
}

function convertFloat(part: string): number {
  const syntax = splitNumber(part);
  const r = syntax === null ? syntaxFail : parseFloat64(syntax, part);
  if (r.ok) return r.value;
  const why = r.range ? 'value out of range' : syntaxError;
  throw new LiteralError(`strconv.ParseFloat: parsing ${quote(part)}: ${why}`);
}

function scanComplex(text: string): { re: number; im: number } {
  const realEnd = floatToken(text, 0);
  if (realEnd >= text.length || !'+-'.includes(text[realEnd])) throw new LiteralError(errComplex);
  const imagEnd = floatToken(text, realEnd + 1);
  if (text[imagEnd] !== 'i') throw new LiteralError(errComplex);
  const re = convertFloat(text.slice(0, realEnd));
  const im = convertFloat(text[realEnd] + text.slice(realEnd + 1, imagEnd));
  return { re, im };
}

export type NumberKind = 'number' | 'char' | 'complex';

/** newNumber's float case: f, and the integers it is exactly. */
function setFloat(n: NumberValue, f: number): void {
  n.isFloat = true;
  n.float64 = f;
  const fi = asInt64(f);
  if (fi !== null) {
    n.isInt = true;
    n.int64 = fi;
  }
  const fu = asUint64(f);
  if (fu !== null) {
    n.isUint = true;
    n.uint64 = fu;
  }
}

/** The position after the decimal digits from i on. */
function decimalRun(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  return i;
}

/**
 * Whether text is a decimal float without underscores: sign? digits [. digits] [e sign?
 * digits], with a digit before the exponent and a point or an exponent.
 */
function simpleFloat(text: string): boolean {
  const first = text.charCodeAt(0);
  let i = first === 0x2b || first === 0x2d ? 1 : 0; // + -
  const start = i;
  i = decimalRun(text, i);
  let digits = i - start;
  let point = false;
  if (text.charCodeAt(i) === 0x2e) {
    point = true;
    const from = i + 1;
    i = decimalRun(text, from);
    digits += i - from;
  }
  if (digits === 0) return false;
  if ((text.charCodeAt(i) | 0x20) === 0x65) {
    // e E
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    const from = i;
    i = decimalRun(text, i);
    return i > from && i === text.length;
  }
  return point && i === text.length;
}

/**
 * Whether text is a decimal integer of 1 to 15 digits, maybe signed, without underscores
 * or a leading 0 (octal): the numbers of nearly every template, each exactly a double.
 */
function smallDecimal(text: string): boolean {
  const first = text.charCodeAt(0);
  const start = first === 0x2b || first === 0x2d ? 1 : 0; // + -
  const digits = text.length - start;
  if (digits < 1 || digits > 15) return false;
  if (text.charCodeAt(start) === 0x30) return digits === 1;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** node.go's newNumber: the value of a number, character constant or complex token, in every form it fits. */
export function numberValue(text: string, kind: NumberKind): NumberValue {
  const n = emptyNumber();
  if (kind === 'char') {
    const r = charValue(text);
    n.int64 = BigInt(r);
    n.uint64 = BigInt(r);
    n.float64 = r; // odd but those are the rules.
    n.isInt = n.isUint = n.isFloat = true;
    return n;
  }
  if (kind === 'complex') {
    n.complex128 = scanComplex(text);
    n.isComplex = true;
    simplifyComplex(n);
    return n;
  }
  if (smallDecimal(text)) {
    // What the general path below finds for these, without its regexps and BigInt digit loop.
    const int = BigInt(Number(text)); // -0 is 0
    n.isInt = n.isFloat = true;
    n.int64 = int;
    n.float64 = Number(int);
    // ParseUint takes no sign; "-0" and "+0" are uints all the same (newNumber's -0 case).
    const first = text.charCodeAt(0);
    if ((first !== 0x2b && first !== 0x2d) || int === 0n) {
      n.isUint = true;
      n.uint64 = int;
    }
    return n;
  }
  if (simpleFloat(text)) {
    // Not an integer (it has a point or an exponent), so what ParseFloat finds: Number's
    // reading of the same decimal text, correctly rounded as Go's is.
    const f = Number(text);
    if (Number.isFinite(f)) {
      setFloat(n, f);
      return n;
    }
  }
  const syntax = splitNumber(text);
  if (syntax === null) throw new LiteralError(`illegal number syntax: ${quote(text)}`);
  // Imaginary constants can only be complex unless they are zero.
  if (syntax.imaginary) {
    const f = parseFloat64({ ...syntax, imaginary: false }, text.slice(0, -1));
    if (f.ok) {
      n.isComplex = true;
      n.complex128 = { re: 0, im: f.value };
      simplifyComplex(n);
      return n;
    }
  }
  // Do integer test first so we get 0x123 etc.
  const u = parseUint(syntax, text);
  if (u.ok) {
    n.isUint = true;
    n.uint64 = u.value;
  }
  const i = parseInt64(syntax, text);
  if (i.ok) {
    n.isInt = true;
    n.int64 = i.value;
    if (i.value === 0n) n.isUint = true; // in case of -0.
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseFloat64(syntax, text);
    if (f.ok) {
      // A float that looks like an integer is one too large to fit in an int.
      if (!/[.eEpP]/.test(text)) throw new LiteralError(`integer overflow: ${quote(text)}`);
      setFloat(n, f.value);
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new LiteralError(`illegal number syntax: ${quote(text)}`);
  return n;
}
