// Fast paths of Sprintf with a parsed format: one verb of a common (verb, argument type,
// flags) combination printed straight into a string, as Printer.printArg would print it
// with the same flags, width and precision, but without a Printer, method lookup or
// uint64 arithmetic. Each returns null for anything else (a type with methods, a flag
// the path does not model, a bad verb, NaN...), and the caller then takes the generic
// path for that verb. The cases are those of config templates and printf-heavy ones:
// strings and json.Number (%s %v %q %x %X), bools (%t %v), integers (%d %v %b %o %x %X
// %U) and float64 (%f %e %g %v), with widths, precisions and the flags fmt.go reads.

import { type GoMap, type Value, jsonNumberType, stringType } from '../value/index.js';
import { quote, quoteToASCII, canBackquote } from '../go/strconv/index.js';
import { runeCount, truncateRunes, utf8Bytes } from '../go/unicode/utf8/index.js';
import { hexPairs, ldigits, udigits } from './format.js';
import { formatFloat } from './ftoa.js';
import type { PrintfVerb } from './printf-format.js';
import { sortedEntries } from './sort-keys.js';

/** What arg (a non-nil `any`) prints as under v, or null when the generic path must print it. */
export function fastVerb(v: PrintfVerb, arg: Value): string | null {
  const t = arg.type;
  // json.Number's String is its text, which handleMethods prints with fmtString, except
  // under %#v (GoString is not defined: printValue then quotes it as a string).
  if (t === stringType || (t === jsonNumberType && !(v.sharp && v.verb === 'v'))) return fastString(v, arg.v as string);
  if (t.methods.size !== 0) return null;
  switch (t.kind) {
    case 'bool':
      return v.verb === 't' || v.verb === 'v' ? padASCII(v, arg.v ? 'true' : 'false', v.zero) : null;
    case 'float64':
      return fastFloat(v, arg.v as number);
    case 'int':
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
      return fastInteger(v, arg.v as bigint, true);
    case 'uint':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'uintptr':
      return fastInteger(v, arg.v as bigint, false);
    case 'slice':
    case 'array':
    case 'map':
      // A plain %v or %#v: widths and flags would apply to every element.
      return v.verb === 'v' && !(v.plus || v.minus || v.space || v.zero || v.widPresent || v.precPresent) ? nestedValue(arg, v.sharp) : null;
    default:
      return null;
  }
}

/**
 * printValue of a value under a plain %v (sharpV false) or %#v, for strings, json.Number,
 * bools, integers, float64 and (nested) slices and maps of them, none with methods; null
 * for anything else in it. Elements are met as printValue meets them at depth > 0, where
 * handleMethods would run a String or Error method: types with methods are refused.
 */
function nestedValue(value: Value, sharpV: boolean): string | null {
  let t = value.type;
  if (t.kind === 'interface') {
    const e = value.v as Value | null;
    // A nil interface element: "<nil>"; %#v prints its type, left to the generic path.
    if (e === null) return sharpV ? null : '<nil>';
    value = e;
    t = e.type;
  }
  if (t === jsonNumberType || t === stringType) return sharpV ? quote(value.v as string) : (value.v as string);
  if (t.methods.size !== 0) return null;
  switch (t.kind) {
    case 'bool':
      return value.v ? 'true' : 'false';
    case 'int':
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
      return decimal(value.v as bigint);
    case 'uint':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'uintptr':
      // %#v of an unsigned integer is 0x hex.
      return sharpV ? null : decimal(value.v as bigint);
    case 'float64': {
      const x = value.v as number;
      return sharpV || !Number.isFinite(x) ? null : formatFloat(x, 'g', -1, 64);
    }
    case 'slice':
    case 'array':
      return t.elem?.kind === 'uint8' ? null : nestedList(value, sharpV);
    case 'map':
      return nestedMap(value, sharpV);
    default:
      return null;
  }
}

function decimal(n: bigint): string {
  return n <= maxSafe && n >= -maxSafe ? String(Number(n)) : n.toString();
}

/** printList under %v or %#v. */
function nestedList(value: Value, sharpV: boolean): string | null {
  if (sharpV && value.v === null) return null; // "[]T(nil)"
  const items = value.items();
  let out = sharpV ? value.type.str + '{' : '[';
  for (let i = 0; i < items.length; i++) {
    const s = nestedValue(items[i], sharpV);
    if (s === null) return null;
    if (i > 0) out += sharpV ? ', ' : ' ';
    out += s;
  }
  return out + (sharpV ? '}' : ']');
}

/** printMap under %v or %#v; a map of scalars keeps its %v text until it changes. */
function nestedMap(value: Value, sharpV: boolean): string | null {
  const m = value.v as GoMap | null;
  if (m === null) return sharpV ? null : 'map[]';
  if (sharpV) {
    const entries = mapEntries(m, true);
    return entries === null ? null : value.type.str + '{' + entries + '}';
  }
  const entries = m.size > 1 ? m.derive(scalarEntries, scalarEntries) : null;
  if (entries !== null) return 'map[' + entries + ']';
  const all = mapEntries(m, false);
  return all === null ? null : 'map[' + all + ']';
}

/** The entries of m as printMap prints them between its brackets, in fmtsort's order. */
function mapEntries(m: GoMap, sharpV: boolean): string | null {
  const sorted = sortedEntries(m);
  let out = '';
  for (let i = 0; i < sorted.length; i++) {
    const key = nestedValue(sorted[i].key, sharpV);
    if (key === null) return null;
    const val = nestedValue(sorted[i].value, sharpV);
    if (val === null) return null;
    if (i > 0) out += sharpV ? ', ' : ' ';
    out += key + ':' + val;
  }
  return out;
}

/**
 * The entries of a map with string keys and scalar values (strings, json.Number, bools,
 * integers, float64, nil) as a plain %v prints them between "map[" and "]", which depends
 * on nothing but the entries; null for any other map. A Vault Agent pass prints the same
 * secret each time: the map keeps this text (GoMap.derive) until it changes.
 */
export function scalarEntries(this: void, m: GoMap): string | null {
  for (const e of m.entries.values()) {
    if (e.key.type !== stringType) return null;
    const k = e.value.type.kind === 'interface' ? (e.value.v as Value | null)?.type.kind : e.value.type.kind;
    if (k === 'map' || k === 'slice' || k === 'array') return null;
  }
  return mapEntries(m, false);
}

/** fmtString: %s %v %q %x %X of a string; %#v (quoted) is left to the generic path. */
function fastString(v: PrintfVerb, s: string): string | null {
  switch (v.verb) {
    case 'v':
      // %v (and %+v) of a string is fmtS.
      return v.sharp ? null : padRunes(v, v.precPresent ? truncateRunes(s, v.prec) : s);
    case 's':
      return padRunes(v, v.precPresent ? truncateRunes(s, v.prec) : s);
    case 'q': {
      // fmtQ: %#q is backquoted when it can be, %+q ASCII-only.
      const t = v.precPresent ? truncateRunes(s, v.prec) : s;
      if (v.sharp && canBackquote(t)) return padRunes(v, '`' + t + '`');
      return padRunes(v, v.plus ? quoteToASCII(t) : quote(t));
    }
    case 'x':
      return v.sharp || v.space ? null : hexString(v, s, ldigits);
    case 'X':
      return v.sharp || v.space ? null : hexString(v, s, udigits);
    default:
      return null;
  }
}

/** fmtSbx of s's UTF-8 bytes without the sharp and space flags: two digits a byte, padded. */
function hexString(v: PrintfVerb, s: string, digits: string): string {
  const hex = hexPairs(digits);
  let length = v.precPresent && v.prec < s.length ? v.prec : s.length;
  let out = '';
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      // Not ASCII: the string's UTF-8 bytes are not its code units.
      const b = utf8Bytes(s);
      length = v.precPresent && v.prec < b.length ? v.prec : b.length;
      out = '';
      for (let j = 0; j < length; j++) out += hex[b[j]];
      break;
    }
    out += hex[c];
  }
  if (length === 0) return v.widPresent ? padding(v, v.wid, v.zero) : '';
  return padWidth(v, out, 2 * length, v.zero);
}

/**
 * fmtInteger of a signed or unsigned integer for %d %v %b %o %x %X, and fmtUnicode for %U
 * of a non-negative one without #. n is the integer's value (not its uint64 bits).
 */
function fastInteger(v: PrintfVerb, n: bigint, isSigned: boolean): string | null {
  let base: 2 | 8 | 10 | 16;
  // %v moves + and # to plusV and sharpV, which fmtInteger does not read; %#v of an
  // unsigned integer is 0x hex (fmt0x64), left to the generic path.
  let plus = v.plus;
  let sharp = v.sharp;
  switch (v.verb) {
    case 'v':
      if (sharp && !isSigned) return null;
      plus = sharp = false;
      base = 10;
      break;
    case 'd':
      base = 10;
      break;
    case 'b':
      base = 2;
      break;
    case 'o':
      base = 8;
      break;
    case 'x':
    case 'X':
      base = 16;
      break;
    case 'U':
      return sharp || n < 0n ? null : fastUnicode(v, n);
    default:
      return null;
  }
  const negative = n < 0n;
  const u = negative ? -n : n;
  // Two ways to ask for extra leading zero digits: %.3d or %03d; with both the zero flag
  // is ignored and the padding is spaces.
  let prec = 0;
  if (v.precPresent) {
    prec = v.prec;
    // Precision 0 and value 0 print nothing but the padding.
    if (prec === 0 && u === 0n) return padding(v, v.wid, false);
  } else if (v.zero && !v.minus && v.widPresent) {
    prec = v.wid;
    if (negative || plus || v.space) prec--; // leave room for the sign
  }
  let num = u <= maxSafe ? Number(u).toString(base) : u.toString(base);
  if (v.verb === 'X') num = num.toUpperCase();
  if (prec > num.length) num = '0'.repeat(prec - num.length) + num;
  if (sharp) {
    if (base === 2) num = '0b' + num;
    else if (base === 8 && num[0] !== '0') num = '0' + num;
    else if (base === 16) num = (v.verb === 'X' ? '0X' : '0x') + num;
  }
  if (negative) num = '-' + num;
  else if (plus) num = '+' + num;
  else if (v.space) num = ' ' + num;
  // Zero padding is done above as precision, or ignored with an explicit precision.
  return padASCII(v, num, false);
}

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

/** fmtUnicode without #: "U+0078", at least four hex digits (more with a larger precision). */
function fastUnicode(v: PrintfVerb, u: bigint): string {
  const prec = v.precPresent && v.prec > 4 ? v.prec : 4;
  const hex = (u <= maxSafe ? Number(u).toString(16) : u.toString(16)).toUpperCase();
  const s = 'U+' + (prec > hex.length ? '0'.repeat(prec - hex.length) : '') + hex;
  return padASCII(v, s, false);
}

/**
 * fmtFloat of a float64 for %f %F %e %E %g %G %v without the +, space, # and 0 flags (whose
 * sign and padding rules the generic path keeps), and not of an infinity or NaN.
 */
function fastFloat(v: PrintfVerb, x: number): string | null {
  if (v.plus || v.space || v.sharp || v.zero || !Number.isFinite(x)) return null;
  let num: string;
  switch (v.verb) {
    case 'v':
    case 'g':
      num = formatFloat(x, 'g', v.precPresent ? v.prec : -1, 64);
      break;
    case 'G':
      num = formatFloat(x, 'G', v.precPresent ? v.prec : -1, 64);
      break;
    case 'f':
    case 'F':
      num = formatFloat(x, 'f', v.precPresent ? v.prec : 6, 64);
      break;
    case 'e':
    case 'E':
      num = formatFloat(x, v.verb, v.precPresent ? v.prec : 6, 64);
      break;
    default:
      return null;
  }
  return padASCII(v, num, false);
}

/** padString: s padded to the width in runes, on the right with -, else on the left. */
function padRunes(v: PrintfVerb, s: string): string {
  if (!v.widPresent || v.wid === 0 || s.length >= 2 * v.wid) return s; // a rune is at most 2 units
  return padWidth(v, s, runeCount(s), v.zero);
}

/** padString of ASCII text, whose width is its length. */
function padASCII(v: PrintfVerb, s: string, zero: boolean): string {
  if (!v.widPresent || v.wid <= s.length) return s;
  return padWidth(v, s, s.length, zero);
}

/** s, whose printed width is `width`, padded to v's width. */
function padWidth(v: PrintfVerb, s: string, width: number, zero: boolean): string {
  if (!v.widPresent || v.wid <= width) return s;
  const pad = padding(v, v.wid - width, zero);
  return v.minus ? s + pad : pad + s;
}

/** writePadding: n spaces, or zeros when zero padding is asked for and allowed (on the left only). */
function padding(v: PrintfVerb, n: number, zero: boolean): string {
  return n <= 0 ? '' : (zero && !v.minus ? '0' : ' ').repeat(n);
}
