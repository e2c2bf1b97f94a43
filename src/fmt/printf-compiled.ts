// Sprintf of a format known when the template is compiled ({{ printf "%-20s = %q" $k $v }}):
// each verb gets a printer chosen once by its verb and flags. It prints the commonest
// arguments (strings and json.Number, ints, bools, float64s: the basic types, without
// methods) by format.ts's functions directly, lists and maps under a plain %v or %#v by
// fastVerb's path for them, and every other argument as sprintfParsed does (printVerb:
// fastVerb, else a Printer for that one argument). So what fastVerb
// decides per call (toAny, the type's kind, print-verb.ts's switch on the verb, the
// bigint arithmetic of an integer's sign) is decided once, or skipped for an int that is
// a safe integer, and no rule of fmt is written twice: a printer only chooses which of
// format.ts's functions prints its argument. A call whose argument count is not the
// verbs' (%!(MISSING), %!(EXTRA ...)) is sprintfParsed's.

import { type GoType, type Value, boolType, float64Type, int64Type, intType, jsonNumberType, stringType } from '../value/index.js';
import { quotesAsItself } from '../go/strconv/index.js';
import { joined } from '../go/unicode/utf8/index.js';
import { type FmtFlags, fmtBoolean, fmtMagnitude, fmtQ, fmtS, fmtSx, fmtUnicode, ldigits, padWidth, udigits } from './format.js';
import { printVerb, sprintfParsed } from './print.js';
import { listOrMapText, newEpoch } from './print-fast.js';
import { ppFmtFloat } from './print-verb.js';
import type { PrintfFormat, PrintfVerb } from './printf-format.js';

/** Sprintf of a format parsed once, of args from index `from` on. */
export type CompiledPrintf = (args: readonly Value[], from: number) => string;

/** What Sprintf prints for one verb of the format and its argument. */
export type VerbPrinter = (arg: Value) => string;

/** The format's Sprintf, printing each verb's argument by the printer made for the verb. */
export function compilePrintf(format: PrintfFormat): CompiledPrintf {
  const printers: VerbPrinter[] = [];
  // texts[i] is the text before printer i's, texts[n] the text after the last one.
  const texts: string[] = [];
  let text = '';
  for (const v of format) {
    text += v.text;
    if (v.verb === '') break; // trailing text
    if (v.verb === '%') {
      // Percent does not absorb operands and ignores the width and precision.
      text += '%';
      continue;
    }
    texts.push(text);
    text = '';
    printers.push(verbPrinter(v));
  }
  texts.push(text);
  const n = printers.length;
  return (args, from) => {
    if (args.length - from !== n) return sprintfParsed(format, args, from);
    newEpoch();
    let out = texts[0];
    for (let i = 0; i < n; i++) out += printers[i](args[from + i]) + texts[i + 1];
    // Pieces join as bytes (print.ts sprintf).
    return joined(out);
  };
}

/** The printer of verb v: its own path for the arguments it has one for, printVerb's for the rest. */
export function verbPrinter(v: PrintfVerb): VerbPrinter {
  const other: VerbPrinter = (arg) => printVerb(v, arg);
  // Each printer is a closure of its own literal whose checks call module functions, which
  // V8 can inline, rather than closures passed in, which it calls.
  switch (v.verb) {
    case 's':
      return v.widPresent || v.precPresent
        ? (arg) => (isStringText(arg.type) ? fmtS(v, arg.v as string) : other(arg))
        : (arg) => (isStringText(arg.type) ? (arg.v as string) : other(arg));
    case 'v':
      // %#v prints strings quoted and ints of some types in hexadecimal: left to fastVerb,
      // but for its lists and maps.
      return v.sharpV ? (listsAndMaps(v) ? (arg) => listOrMap(arg, true, other) : other) : valuePrinter(v, other);
    case 'q':
      return v.sharp || v.precPresent
        ? (arg) => (isStringText(arg.type) ? fmtQ(v, arg.v as string) : other(arg))
        : (arg) => (isStringText(arg.type) ? quoted(v, arg.v as string) : other(arg));
    case 'x':
    case 'X': {
      const digits = v.verb === 'x' ? ldigits : udigits;
      return (arg) => {
        const t = arg.type;
        if (isStringText(t)) return fmtSx(v, arg.v as string, digits);
        return isInt(t) ? integer(v, arg, 16, v.verb, digits, other) : other(arg);
      };
    }
    case 'd':
      return (arg) => (isInt(arg.type) ? integer(v, arg, 10, 'd', ldigits, other) : other(arg));
    case 'b':
      return (arg) => (isInt(arg.type) ? integer(v, arg, 2, 'b', ldigits, other) : other(arg));
    case 'o':
    case 'O':
      return (arg) => (isInt(arg.type) ? integer(v, arg, 8, v.verb, ldigits, other) : other(arg));
    case 'U':
      return (arg) => (isInt(arg.type) ? unicode(v, arg, other) : other(arg));
    case 't':
      return (arg) => (arg.type === boolType ? fmtBoolean(v, arg.v as boolean) : other(arg));
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const verb = v.verb;
      // ppFmtFloat has a text for each of these verbs.
      return (arg) => (arg.type === float64Type ? (ppFmtFloat(v, verb, arg.v as number, 64) as string) : other(arg));
    }
    default:
      return other;
  }
}

/** Whether a value of type t prints as its text (string), or as the text its String returns (json.Number), under the string verbs. */
function isStringText(t: GoType): boolean {
  return t === stringType || t === jsonNumberType;
}

/** Whether t is int or int64, whose values the integer paths print (a bigint in v). */
function isInt(t: GoType): boolean {
  return t === intType || t === int64Type;
}

/** %v without #: strings, json.Numbers, ints, bools, and without flags lists and maps, here; the rest by other. */
function valuePrinter(f: PrintfVerb, other: VerbPrinter): VerbPrinter {
  const plainString = !(f.widPresent || f.precPresent);
  // fmtInteger prints a decimal as its digits without a width, a precision or a sign flag.
  const plainInt = !(f.widPresent || f.precPresent || f.plus || f.space);
  const lists = listsAndMaps(f);
  return (arg) => {
    const t = arg.type;
    if (isStringText(t)) return plainString ? (arg.v as string) : fmtS(f, arg.v as string);
    if (isInt(t)) return plainInt ? String(arg.v as bigint) : integer(f, arg, 10, 'v', ldigits, other);
    if (t === boolType) return fmtBoolean(f, arg.v as boolean);
    return lists ? listOrMap(arg, false, other) : other(arg);
  };
}

/** Whether fastVerb prints lists and maps under f: a plain %v or %#v (a width or flag would apply to every element). */
function listsAndMaps(f: FmtFlags): boolean {
  return !(f.plusV || f.minus || f.space || f.zero || f.widPresent || f.precPresent);
}

/** A slice, array or map of a type without methods under a plain %v or %#v (sharpV) as fastVerb prints it; anything else by other. */
function listOrMap(arg: Value, sharpV: boolean, other: VerbPrinter): string {
  const t = arg.type;
  const k = t.kind;
  if ((k === 'slice' || k === 'map' || k === 'array') && t.methods.size === 0) {
    const text = listOrMapText(arg, sharpV);
    if (text !== null) return text;
  }
  return other(arg);
}

/**
 * fmtQ under %q and %+q (without # or a precision): strconv.Quote (and QuoteToASCII) of
 * printable ASCII without '"' or '\\' is the string between quotes, two runes more, as
 * wide as it is long.
 */
function quoted(f: FmtFlags, s: string): string {
  return quotesAsItself(s) ? padWidth(f, '"' + s + '"', s.length + 2, f.zero) : fmtQ(f, s);
}

/** The largest integer a number holds exactly, the bound of the ints printed from a number. */
const maxSafe = Number.MAX_SAFE_INTEGER;

/**
 * fmtInteger of an int (arg) in the base, from its value as a number when it is a safe
 * integer (without the sign-and-magnitude arithmetic on its uint64 bits), else by other.
 */
function integer(f: FmtFlags, arg: Value, base: 2 | 8 | 10 | 16, verb: string, digits: string, other: VerbPrinter): string {
  const x = Number(arg.v as bigint);
  if (x < 0) return x < -maxSafe ? other(arg) : fmtMagnitude(f, -x, true, base, verb, digits);
  return x > maxSafe ? other(arg) : fmtMagnitude(f, x, false, base, verb, digits);
}

/** fmtUnicode of a non-negative int that is a safe integer; other ints (a negative one is its uint64 bits) by other. */
function unicode(f: FmtFlags, arg: Value, other: VerbPrinter): string {
  const x = Number(arg.v as bigint);
  return x >= 0 && x <= maxSafe ? fmtUnicode(f, x) : other(arg);
}
