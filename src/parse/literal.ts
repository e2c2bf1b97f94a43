// Literal token text -> values, reproducing Go's strconv (ParseUint/ParseInt/ParseFloat with
// base 0, Unquote, UnquoteChar), fmt.Sscan of complex numbers, and node.go's newNumber.
//
// Why nearley here but a hand port of parse.go for actions: a literal's syntax is a small
// context-free language whose only error is "invalid syntax", so a declarative grammar
// (grammar/literal.ne) states it best. Action parsing, by contrast, must fail with exactly
// Go's messages ("unexpected <end> in operand", "missing value for if", ...), and which
// message Go prints depends on the order in which its recursive-descent parser consumes
// tokens; only an exact port of parse.go reproduces that order.
import nearley from 'nearley';
import grammar from './literal-grammar.generated.js';
import type { Literal, NumberSyntax, Piece } from './literal-syntax.js';
import { quote } from '../go/strconv/index.js';
import { underscoreOK } from '../go/strconv/index.js';
import { bytesToString, utf8Bytes } from '../go/unicode/utf8/index.js';

/** An error from a literal conversion; its message is the text of Go's error value. */
export class LiteralError extends Error {}

const compiled = nearley.Grammar.fromCompiled(grammar as unknown as nearley.CompiledRules);

// An Earley parse costs tens of microseconds, and templates repeat the same few literals
// (0, 1, "%s"...), so results are memoized; the cache is bounded, as templates are untrusted.
const literalCache = new Map<string, Literal | null>();
const literalCacheLimit = 4096;

function parseLiteral(text: string): Literal | null {
  let lit = literalCache.get(text);
  if (lit === undefined) {
    lit = parseLiteralUncached(text);
    if (literalCache.size >= literalCacheLimit) literalCache.clear();
    literalCache.set(text, lit);
  }
  return lit;
}

function parseLiteralUncached(text: string): Literal | null {
  const parser = new nearley.Parser(compiled);
  try {
    parser.feed(text);
  } catch {
    return null;
  }
  const results = parser.results as Literal[];
  return results.length > 0 ? results[0] : null;
}

const syntaxError = 'invalid syntax';

// ---- quoted strings and character constants ----

/** Joins unquoted pieces. Byte escapes (\xff, \377) make a byte string, which is decoded as UTF-8. */
function joinPieces(pieces: readonly Piece[]): string {
  if (!pieces.some((p) => 'byte' in p)) {
    return pieces.map((p) => ('text' in p ? p.text : 'rune' in p ? String.fromCodePoint(p.rune) : '')).join('');
  }
  const bytes: number[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') bytes.push(...utf8Bytes(text));
    text = '';
  };
  for (const p of pieces) {
    if ('byte' in p) {
      flush();
      bytes.push(p.byte);
    } else text += 'text' in p ? p.text : String.fromCodePoint(p.rune);
  }
  flush();
  return bytesToString(bytes);
}

/** strconv.Unquote for the string token kinds the lexer produces ("..." and `...`). */
export function unquote(token: string): string {
  if (token.startsWith('`')) {
    // Raw strings: carriage returns are discarded from the value.
    if (token.length < 2 || !token.endsWith('`')) throw new LiteralError(syntaxError);
    return token.slice(1, -1).replaceAll('\r', '');
  }
  if (token.length < 2 || !token.startsWith('"') || !token.endsWith('"')) throw new LiteralError(syntaxError);
  // Like Go's unquote, skip escape processing when there is nothing to unescape.
  if (!token.includes('\\') && !token.includes('\n') && token.indexOf('"', 1) === token.length - 1) {
    return token.slice(1, -1);
  }
  const lit = parseLiteral(token);
  if (lit === null || lit.kind !== 'string') throw new LiteralError(syntaxError);
  return joinPieces(lit.pieces);
}

/** The rune of a character constant token such as 'a' or '\n' (strconv.UnquoteChar plus newNumber's tail check). */
export function charValue(token: string): number {
  const lit = parseLiteral(token);
  if (lit === null || lit.kind !== 'char') throw new LiteralError(syntaxError);
  if (lit.rest !== "'") throw new LiteralError(`malformed character constant: ${token}`);
  const u = lit.unit;
  return 'rune' in u ? u.rune : 'byte' in u ? u.byte : (u.text.codePointAt(0) ?? 0);
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

function numberSyntax(text: string): NumberSyntax | null {
  const lit = parseLiteral(text);
  return lit !== null && lit.kind === 'number' ? lit.syntax : null;
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

function emptyNumber(): NumberValue {
  return {
    isInt: false, isUint: false, isFloat: false, isComplex: false,
    int64: 0n, uint64: 0n, float64: 0, complex128: { re: 0, im: 0 },
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
  const syntax = numberSyntax(part);
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
  const syntax = numberSyntax(text);
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
      n.isFloat = true;
      n.float64 = f.value;
      const fi = asInt64(f.value);
      if (fi !== null) {
        n.isInt = true;
        n.int64 = fi;
      }
      const fu = asUint64(f.value);
      if (fu !== null) {
        n.isUint = true;
        n.uint64 = fu;
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new LiteralError(`illegal number syntax: ${quote(text)}`);
  return n;
}
