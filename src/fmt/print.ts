// Port of fmt/print.go (Sprint, Sprintln, Sprintf) over vtpl Values.
//
// A Go `any` argument is a Value of its dynamic type, or null for a nil `any`.
// Addresses: Go prints the machine address of pointers, maps, slices, funcs and chans
// (%p, and %v of a pointer that is not shown as &{...}); ours have no address, so every
// non-nil one prints as the fixed fake address 0xc000010000 and nil ones as Go does.
// Types never implement fmt.Formatter; GoString, Error and String methods are honoured.

import { type GoType, Value, invalid, isIntKind, isUintKind, jsonNumberType, sliceOf, stringType, stringValue, uint8Type } from '../value/index.js';
import { Fmt, ldigits, udigits } from './format.js';
import { intFromArg, parseArgNumber, parsenum } from './printf-parse.js';
import type { PrintfFormat, PrintfVerb } from './printf-format.js';
import { fastVerb, newEpoch, plainMap } from './print-fast.js';
import { ppFmtBool, ppFmtFloat, ppFmtInteger, ppFmtString } from './print-verb.js';
import { sortedEntries } from './sort-keys.js';
import { joined, runeAt, runeString } from '../go/unicode/utf8/index.js';

const commaSpaceString = ', ';
const nilAngleString = '<nil>';
const nilParenString = '(nil)';
const nilString = 'nil';
const mapString = 'map[';
const percentBangString = '%!';
const missingString = '(MISSING)';
const badIndexString = '(BADINDEX)';
const panicString = '(PANIC=';
const extraString = '%!(EXTRA ';
const badWidthString = '%!(BADWIDTH)';
const badPrecString = '%!(BADPREC)';
const noVerbString = '%!(NOVERB)';
const invReflectString = '<invalid reflect.Value>';

/** What %p and %v print for any non-nil pointer-like value (see the file comment). */
const fakeAddress = 0xc000010000n;
const bytesType = sliceOf(uint8Type);

/** An argument as Go's `any` sees it: interfaces unwrapped, nil as null. */
export function toAny(v: Value): Value | null {
  while (v.kind === 'interface') {
    if (v.v === null) return null;
    v = v.v as Value;
  }
  return v.isValid() ? v : null;
}

/** Whether any flag, width or precision is set (fmt's state for a plain %v has none). */
function hasFlags(f: Fmt): boolean {
  return f.widPresent || f.precPresent || f.minus || f.plus || f.sharp || f.space || f.zero || f.plusV || f.sharpV;
}

/** The verbs for which handleMethods calls Error or String. */
const stringerVerbs: ReadonlySet<string> = new Set(['v', 's', 'x', 'X', 'q']);

function bytesOf(items: readonly Value[]): Uint8Array {
  const b = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) b[i] = Number(items[i].int());
  return b;
}

/** The message of something thrown by a method, as Go would print the panic value. */
function panicText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Thrown for a value method called through a nil pointer (a nil dereference in Go). */
class NilReceiver extends Error {}

/** The method `name` with signature `func() string`, if t has it. */
function stringMethod(t: GoType, name: MethodName): StringMethod | undefined {
  let methods = stringMethods.get(t);
  if (methods === undefined) {
    // Types do not change once made: their methods are looked up once.
    methods = { Error: findStringMethod(t, 'Error'), String: findStringMethod(t, 'String'), GoString: findStringMethod(t, 'GoString') };
    stringMethods.set(t, methods);
  }
  return methods[name];
}

type MethodName = 'Error' | 'String' | 'GoString';
type StringMethod = (recv: Value) => string;
const stringMethods = new WeakMap<GoType, Record<MethodName, StringMethod | undefined>>();

/**
 * stringMethod, looked up. A value method reached through a pointer gets the pointee as
 * receiver, as Go dereferences it.
 */
function findStringMethod(t: GoType, name: MethodName): StringMethod | undefined {
  const m = t.methods.get(name);
  if (m?.sig.params.length !== 0 || m.sig.results.length !== 1) return undefined;
  const r = m.sig.results[0];
  if (r.kind !== 'string' || r.name !== 'string') return undefined;
  if (t.kind === 'ptr' && t.elem?.methods.get(name) === m) {
    return (recv) => {
      if (recv.isNil()) throw new NilReceiver('invalid memory address or nil pointer dereference');
      return m.call(recv.elem(), []).str();
    };
  }
  return (recv) => m.call(recv, []).str();
}

class Printer {
  readonly fmt = new Fmt();

  /** The current argument as `any` (null when nil or when printing a reflect value). */
  private arg: Value | null = null;
  /** The current reflect value (invalid when printing an `any`). */
  private value: Value = invalid;
  private reordered = false;
  private goodArgNum = true;
  private panicking = false;
  private erroring = false;

  get out(): string {
    return this.fmt.buf;
  }

  private badVerb(verb: string): void {
    this.erroring = true;
    this.fmt.buf += percentBangString + verb + '(';
    if (this.arg !== null) {
      this.fmt.buf += this.arg.type.str + '=';
      this.printArg(this.arg, 'v');
    } else if (this.value.isValid()) {
      this.fmt.buf += this.value.type.str + '=';
      this.printValue(this.value, 'v', 0, true);
    } else {
      this.fmt.buf += nilAngleString;
    }
    this.fmt.buf += ')';
    this.erroring = false;
  }

  /** Appends the text of a print-verb.ts function, or the bad verb it has none for. */
  private append(s: string | null, verb: string): void {
    if (s === null) this.badVerb(verb);
    else this.fmt.buf += s;
  }

  private fmtBool(v: boolean, verb: string): void {
    this.append(ppFmtBool(this.fmt, verb, v), verb);
  }

  /** Formats a uint64 in hexadecimal, with or without a leading 0x. */
  private fmt0x64(v: bigint, leading0x: boolean): void {
    const sharp = this.fmt.sharp;
    this.fmt.sharp = leading0x;
    this.fmt.fmtInteger(v, 16, false, 'v', ldigits);
    this.fmt.sharp = sharp;
  }

  /** v holds the uint64 bits of the integer. */
  private fmtInteger(v: bigint, isSigned: boolean, verb: string): void {
    const text = ppFmtInteger(this.fmt, verb, v, isSigned);
    // ppFmtInteger leaves one 'v' to the Printer: %#v of an unsigned integer, printed as 0x...
    if (text === null && verb === 'v') this.fmt0x64(v, true);
    else this.append(text, verb);
  }

  private fmtFloat(v: number, size: 32 | 64, verb: string): void {
    this.append(ppFmtFloat(this.fmt, verb, v, size), verb);
  }

  private fmtComplex(re: number, im: number, size: 32 | 64, verb: string): void {
    switch (verb) {
      case 'v':
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
      case 'f':
      case 'F':
      case 'e':
      case 'E': {
        const oldPlus = this.fmt.plus;
        this.fmt.buf += '(';
        this.fmtFloat(re, size, verb);
        // Imaginary part always has a sign.
        this.fmt.plus = true;
        this.fmtFloat(im, size, verb);
        this.fmt.buf += 'i)';
        this.fmt.plus = oldPlus;
        break;
      }
      default:
        this.badVerb(verb);
    }
  }

  private fmtString(v: string, verb: string): void {
    this.append(ppFmtString(this.fmt, verb, v), verb);
  }

  /** v is null for a nil slice. */
  private fmtBytes(v: Uint8Array | null, verb: string, typeString: string): void {
    const f = this.fmt;
    switch (verb) {
      case 'v':
      case 'd':
        if (f.sharpV) {
          f.buf += typeString;
          if (v === null) {
            f.buf += nilParenString;
            return;
          }
          f.buf += '{';
          for (let i = 0; i < v.length; i++) {
            if (i > 0) f.buf += commaSpaceString;
            this.fmt0x64(BigInt(v[i]), true);
          }
          f.buf += '}';
        } else {
          f.buf += '[';
          for (let i = 0; i < (v?.length ?? 0); i++) {
            if (i > 0) f.buf += ' ';
            f.fmtInteger(BigInt((v as Uint8Array)[i]), 10, false, verb, ldigits);
          }
          f.buf += ']';
        }
        break;
      case 's':
        f.fmtBs(v ?? new Uint8Array(0));
        break;
      case 'x':
        f.fmtBx(v ?? new Uint8Array(0), ldigits);
        break;
      case 'X':
        f.fmtBx(v ?? new Uint8Array(0), udigits);
        break;
      case 'q':
        f.fmtQBytes(v ?? new Uint8Array(0));
        break;
      default: {
        const items = v === null ? null : Array.from(v, (c) => new Value(uint8Type, BigInt(c)));
        this.printValue(new Value(bytesType, items), verb, 0, true);
      }
    }
  }

  private fmtPointer(value: Value, verb: string): void {
    switch (value.kind) {
      case 'chan':
      case 'func':
      case 'map':
      case 'ptr':
      case 'slice':
        break;
      default:
        this.badVerb(verb);
        return;
    }
    const u = value.isNil() ? 0n : fakeAddress;
    const f = this.fmt;
    switch (verb) {
      case 'v':
        if (f.sharpV) {
          f.buf += '(' + value.type.str + ')(';
          if (u === 0n) f.buf += nilString;
          else this.fmt0x64(u, true);
          f.buf += ')';
        } else if (u === 0n) {
          f.padString(nilAngleString);
        } else {
          this.fmt0x64(u, !f.sharp);
        }
        break;
      case 'p':
        this.fmt0x64(u, !f.sharp);
        break;
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        this.fmtInteger(u, false, verb);
        break;
      default:
        this.badVerb(verb);
    }
  }

  /**
   * Runs a String/Error/GoString method of arg and prints its result (as fmtString with
   * the verb, or with fmtS for GoString); a panic prints as %!v(PANIC=String method: ...).
   */
  private callMethod(verb: string, method: MethodName, call: StringMethod, arg: Value): void {
    let s: string;
    try {
      s = call(arg);
    } catch (err) {
      const current = this.arg;
      if (current !== null && current.kind === 'ptr' && current.isNil()) {
        this.fmt.buf += nilAngleString;
        return;
      }
      if (this.panicking) throw err;
      const f = this.fmt;
      const saved = { ...f };
      f.clearflags();
      f.buf += percentBangString + verb + panicString + method + ' method: ';
      this.panicking = true;
      this.printArg(stringValue(panicText(err)), 'v');
      this.panicking = false;
      f.buf += ')';
      restoreFlags(f, saved);
      return;
    }
    if (method === 'GoString') this.fmt.fmtS(s);
    else this.fmtString(s, verb);
  }

  private handleMethods(verb: string): boolean {
    if (this.erroring) return false;
    const arg = this.arg;
    if (verb === 'w') {
      // Only Errorf wraps errors; Sprintf reports %w as a bad verb.
      this.badVerb(verb);
      return true;
    }
    if (arg === null || arg.type.methods.size === 0) return false;
    // json.Number holds every number of decoded JSON: its String returns its text and
    // cannot panic, so it needs neither the method lookup nor the guard (nor has GoString).
    if (arg.type === jsonNumberType) {
      if (this.fmt.sharpV || !stringerVerbs.has(verb)) return false;
      this.fmtString(arg.str(), verb);
      return true;
    }
    if (this.fmt.sharpV) {
      const goString = stringMethod(arg.type, 'GoString');
      if (goString) {
        this.callMethod(verb, 'GoString', goString, arg);
        return true;
      }
      return false;
    }
    switch (verb) {
      case 'v':
      case 's':
      case 'x':
      case 'X':
      case 'q': {
        const errorM = stringMethod(arg.type, 'Error');
        if (errorM) {
          this.callMethod(verb, 'Error', errorM, arg);
          return true;
        }
        const stringM = stringMethod(arg.type, 'String');
        if (stringM) {
          this.callMethod(verb, 'String', stringM, arg);
          return true;
        }
      }
    }
    return false;
  }

  printArg(arg: Value | null, verb: string): void {
    this.arg = arg;
    this.value = invalid;
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.fmt.padString(nilAngleString);
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') {
      this.fmt.fmtS(arg.type.str);
      return;
    }
    if (verb === 'p') {
      this.fmtPointer(arg, 'p');
      return;
    }
    if (arg.type === bytesType) {
      this.fmtBytes(arg.isNil() ? null : bytesOf(arg.items()), verb, '[]byte');
      return;
    }
    if (!this.handleMethods(verb)) this.printValue(arg, verb, 0, true);
  }

  /**
   * printValue formats a value that is not handled as an `any`. canInterface is false
   * below unexported struct fields, where Go cannot call methods.
   */
  private printValue(value: Value, verb: string, depth: number, canInterface: boolean): void {
    if (depth > 0 && value.isValid() && canInterface) {
      this.arg = toAny(value);
      if (this.handleMethods(verb)) return;
    }
    this.arg = null;
    this.value = value;
    const f = this.fmt;
    const k = value.kind;
    switch (k) {
      case 'invalid':
        if (depth === 0) f.buf += invReflectString;
        else if (verb === 'v') f.buf += nilAngleString;
        else this.badVerb(verb);
        return;
      case 'bool':
        this.fmtBool(value.bool(), verb);
        return;
      case 'float32':
        this.fmtFloat(value.float(), 32, verb);
        return;
      case 'float64':
        this.fmtFloat(value.float(), 64, verb);
        return;
      case 'complex64':
        this.fmtComplex(value.complex().re, value.complex().im, 32, verb);
        return;
      case 'complex128':
        this.fmtComplex(value.complex().re, value.complex().im, 64, verb);
        return;
      case 'string':
        this.fmtString(value.str(), verb);
        return;
      case 'map':
        this.printMap(value, verb, depth, canInterface);
        return;
      case 'struct':
        this.printStruct(value, verb, depth, canInterface);
        return;
      case 'interface': {
        const elem = value.elem();
        if (!elem.isValid()) {
          if (f.sharpV) f.buf += value.type.str + nilParenString;
          else f.buf += nilAngleString;
        } else {
          this.printValue(elem, verb, depth + 1, canInterface);
        }
        return;
      }
      case 'array':
      case 'slice':
        this.printList(value, verb, depth, canInterface);
        return;
      case 'ptr':
        // Pointer to array or slice or struct? OK at top level but not embedded (avoid loops).
        if (depth === 0 && !value.isNil()) {
          const a = value.elem();
          if (a.kind === 'array' || a.kind === 'slice' || a.kind === 'struct' || a.kind === 'map') {
            f.buf += '&';
            this.printValue(a, verb, depth + 1, canInterface);
            return;
          }
        }
        this.fmtPointer(value, verb);
        return;
      case 'chan':
      case 'func':
        this.fmtPointer(value, verb);
        return;
    }
    if (isIntKind(k)) this.fmtInteger(BigInt.asUintN(64, value.int()), true, verb);
    else if (isUintKind(k)) this.fmtInteger(value.int(), false, verb);
    else f.buf += '?' + value.type.str + '?';
  }

  private printMap(value: Value, verb: string, depth: number, canInterface: boolean): void {
    const f = this.fmt;
    const m = value.map();
    if (f.sharpV) {
      f.buf += value.type.str;
      if (m === null) {
        f.buf += nilParenString;
        return;
      }
      f.buf += '{';
    } else {
      // A plain %v of a map prints the same text every time: the map keeps it while it
      // prints the same (a Vault Agent pass prints the same secret each time).
      if (m !== null && m.size > 1 && verb === 'v' && canInterface && !hasFlags(f)) {
        const text = plainMap(m);
        if (text !== null) {
          f.buf += text;
          return;
        }
      }
      f.buf += mapString;
    }
    if (m !== null) {
      const sorted = sortedEntries(m);
      for (let i = 0; i < sorted.length; i++) {
        if (i > 0) f.buf += f.sharpV ? commaSpaceString : ' ';
        this.printValue(sorted[i].key, verb, depth + 1, canInterface);
        f.buf += ':';
        this.printValue(sorted[i].value, verb, depth + 1, canInterface);
      }
    }
    f.buf += f.sharpV ? '}' : ']';
  }

  private printStruct(value: Value, verb: string, depth: number, canInterface: boolean): void {
    const f = this.fmt;
    if (f.sharpV) f.buf += value.type.str;
    f.buf += '{';
    const fields = value.type.fields ?? [];
    const vals = value.items();
    for (let i = 0; i < fields.length; i++) {
      if (i > 0) f.buf += f.sharpV ? commaSpaceString : ' ';
      if ((f.plusV || f.sharpV) && fields[i].name !== '') f.buf += fields[i].name + ':';
      // getField: a non-nil interface field prints as its dynamic value.
      let fv = vals[i];
      if (fv.kind === 'interface' && !fv.isNil()) fv = fv.elem();
      this.printValue(fv, verb, depth + 1, canInterface && fields[i].exported);
    }
    f.buf += '}';
  }

  private printList(value: Value, verb: string, depth: number, canInterface: boolean): void {
    const f = this.fmt;
    const t = value.type;
    if ((verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') && t.elem?.kind === 'uint8') {
      this.fmtBytes(value.isNil() ? null : bytesOf(value.items()), verb, t.str);
      return;
    }
    const items = value.items();
    if (f.sharpV) {
      f.buf += t.str;
      if (value.kind === 'slice' && value.isNil()) {
        f.buf += nilParenString;
        return;
      }
      f.buf += '{';
      for (let i = 0; i < items.length; i++) {
        if (i > 0) f.buf += commaSpaceString;
        this.printValue(items[i], verb, depth + 1, canInterface);
      }
      f.buf += '}';
    } else {
      f.buf += '[';
      for (let i = 0; i < items.length; i++) {
        if (i > 0) f.buf += ' ';
        this.printValue(items[i], verb, depth + 1, canInterface);
      }
      f.buf += ']';
    }
  }

  // ---- Printf ------------------------------------------------------------

  private argNumber(argNum: number, format: string, i: number, numArgs: number): { argNum: number; i: number; found: boolean } {
    if (format.length <= i || format[i] !== '[') return { argNum, i, found: false };
    this.reordered = true;
    const { index, wid, ok } = parseArgNumber(format.slice(i));
    if (ok && 0 <= index && index < numArgs) return { argNum: index, i: i + wid, found: true };
    this.goodArgNum = false;
    return { argNum, i: i + wid, found: ok };
  }

  doPrintf(format: string, a: readonly (Value | null)[]): void {
    const f = this.fmt;
    const end = format.length;
    let argNum = 0; // we process one argument per non-trivial format
    let afterIndex = false; // previous item in format was an index like [3].
    this.reordered = false;
    formatLoop: for (let i = 0; i < end; ) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format.charCodeAt(i) !== 0x25) i++;
      if (i > lasti) f.buf += format.slice(lasti, i);
      if (i >= end) break; // done processing format string
      i++; // Process one verb

      f.clearflags();
      simpleFormat: for (; i < end; i++) {
        const c = format[i];
        switch (c) {
          case '#':
            f.sharp = true;
            break;
          case '0':
            f.zero = true;
            break;
          case '+':
            f.plus = true;
            break;
          case '-':
            f.minus = true;
            break;
          case ' ':
            f.space = true;
            break;
          default:
            // Fast path for common case of ascii lower case simple verbs without precision or width or argument indices.
            if (c >= 'a' && c <= 'z' && argNum < a.length) {
              if (c === 'v' || c === 'w') {
                f.sharpV = f.sharp;
                f.sharp = false;
                f.plusV = f.plus;
                f.plus = false;
              }
              this.printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simpleFormat;
        }
      }

      // Do we have an explicit argument index?
      ({ argNum, i, found: afterIndex } = this.argNumber(argNum, format, i, a.length));

      // Do we have width?
      if (i < end && format[i] === '*') {
        i++;
        ({ num: f.wid, isInt: f.widPresent, argNum } = intFromArg(a, argNum));
        if (!f.widPresent) f.buf += badWidthString;
        // We have a negative width, so take its value and ensure that the minus flag is set.
        if (f.wid < 0) {
          f.wid = -f.wid;
          f.minus = true;
          f.zero = false; // Do not pad with zeros to the right.
        }
        afterIndex = false;
      } else {
        ({ num: f.wid, isnum: f.widPresent, newi: i } = parsenum(format, i, end));
        if (afterIndex && f.widPresent) this.goodArgNum = false; // "%[3]2d"
      }

      // Do we have precision?
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false; // "%[3].2d"
        ({ argNum, i, found: afterIndex } = this.argNumber(argNum, format, i, a.length));
        if (i < end && format[i] === '*') {
          i++;
          ({ num: f.prec, isInt: f.precPresent, argNum } = intFromArg(a, argNum));
          // Negative precision arguments don't make sense
          if (f.prec < 0) {
            f.prec = 0;
            f.precPresent = false;
          }
          if (!f.precPresent) f.buf += badPrecString;
          afterIndex = false;
        } else {
          ({ num: f.prec, isnum: f.precPresent, newi: i } = parsenum(format, i, end));
          if (!f.precPresent) {
            f.prec = 0;
            f.precPresent = true;
          }
        }
      }

      if (!afterIndex) ({ argNum, i, found: afterIndex } = this.argNumber(argNum, format, i, a.length));

      if (i >= end) {
        f.buf += noVerbString;
        break;
      }

      const { r, size } = runeAt(format, i);
      const verb = runeString(r);
      i += size;

      if (verb === '%') {
        // Percent does not absorb operands and ignores f.wid and f.prec.
        f.buf += '%';
      } else if (!this.goodArgNum) {
        f.buf += percentBangString + verb + badIndexString;
      } else if (argNum >= a.length) {
        // No argument left over to print for the current verb.
        f.buf += percentBangString + verb + missingString;
      } else {
        if (verb === 'v' || verb === 'w') {
          // Go syntax
          f.sharpV = f.sharp;
          f.sharp = false;
          // Struct-field syntax
          f.plusV = f.plus;
          f.plus = false;
        }
        this.printArg(a[argNum], verb);
        argNum++;
      }
    }

    // Check for extra arguments unless the call accessed the arguments
    // out of order, in which case it's too expensive to detect if they've all been used.
    if (!this.reordered && argNum < a.length) this.extraArgs(a, argNum);
  }

  /** %!(EXTRA type=value, ...) for the arguments from argNum on that no verb used. */
  private extraArgs(a: readonly (Value | null)[], argNum: number): void {
    const f = this.fmt;
    f.clearflags();
    f.buf += extraString;
    for (let k = argNum; k < a.length; k++) {
      if (k > argNum) f.buf += commaSpaceString;
      const arg = a[k];
      if (arg === null) {
        f.buf += nilAngleString;
      } else {
        f.buf += arg.type.str + '=';
        this.printArg(arg, 'v');
      }
    }
    f.buf += ')';
  }

  /** What printArg prints for one verb of a format parsed by parsePrintf (doPrintf's flags set as it sets them). */
  printVerb(v: PrintfVerb, arg: Value | null): string {
    const f = this.fmt;
    f.buf = '';
    f.wid = v.wid;
    f.widPresent = v.widPresent;
    f.prec = v.prec;
    f.precPresent = v.precPresent;
    f.minus = v.minus;
    f.space = v.space;
    f.zero = v.zero;
    f.sharp = v.sharp;
    f.plus = v.plus;
    f.sharpV = v.sharpV;
    f.plusV = v.plusV;
    this.printArg(arg, v.verb);
    return f.buf;
  }

  /** What doPrintf appends for the arguments from argNum on that no verb used. */
  extraText(a: readonly (Value | null)[], argNum: number): string {
    this.fmt.buf = '';
    this.extraArgs(a, argNum);
    return this.fmt.buf;
  }

  doPrint(a: readonly (Value | null)[]): void {
    let prevString = false;
    for (let argNum = 0; argNum < a.length; argNum++) {
      const arg = a[argNum];
      const isString = arg !== null && arg.kind === 'string';
      // Add a space between two non-string arguments.
      if (argNum > 0 && !isString && !prevString) this.fmt.buf += ' ';
      this.printArg(arg, 'v');
      prevString = isString;
    }
  }

  doPrintln(a: readonly (Value | null)[]): void {
    for (let argNum = 0; argNum < a.length; argNum++) {
      if (argNum > 0) this.fmt.buf += ' ';
      this.printArg(a[argNum], 'v');
    }
    this.fmt.buf += '\n';
  }
}

type FlagState = Pick<Fmt, 'widPresent' | 'precPresent' | 'minus' | 'plus' | 'sharp' | 'space' | 'zero' | 'plusV' | 'sharpV'>;

/** Restores the flags saved before printing a panic (width and precision are not flags). */
function restoreFlags(f: Fmt, saved: FlagState): void {
  f.widPresent = saved.widPresent;
  f.precPresent = saved.precPresent;
  f.minus = saved.minus;
  f.plus = saved.plus;
  f.sharp = saved.sharp;
  f.space = saved.space;
  f.zero = saved.zero;
  f.plusV = saved.plusV;
  f.sharpV = saved.sharpV;
}

// Sprint and Sprintf join their pieces as Go joins bytes: escapes ending one piece and
// starting the next may make valid UTF-8 together (%s%s of "\xe2" and "\x82\xac" is "€"), so
// each result is made canonical once, by joined (free until the process made an escape). One
// verb's text needs nothing: the strings within it are apart ([a b], map[k:v], {a b}).

export function sprintf(format: string, args: readonly Value[]): string {
  newEpoch();
  const p = new Printer();
  p.doPrintf(format, args.map(toAny));
  return joined(p.out);
}

/**
 * sprintf with a format parsed once by parsePrintf, of args from index `from` on. Each
 * verb's output depends only on its flags and argument, so the common ones are printed
 * by fastVerb into one string, and a Printer is made only for a verb it leaves (and for
 * left-over arguments).
 */
export function sprintfParsed(format: PrintfFormat, args: readonly Value[], from = 0): string {
  newEpoch();
  let out = '';
  let argNum = from;
  let p: Printer | null = null;
  for (const v of format) {
    out += v.text;
    const verb = v.verb;
    if (verb === '') break; // trailing text
    if (verb === '%') {
      // Percent does not absorb operands and ignores the width and precision.
      out += '%';
      continue;
    }
    if (argNum >= args.length) {
      out += percentBangString + verb + missingString;
      continue;
    }
    const arg = toAny(args[argNum++]);
    const fast = arg === null ? null : fastVerb(v, arg);
    if (fast !== null) {
      out += fast;
      continue;
    }
    p ??= new Printer();
    out += p.printVerb(v, arg);
  }
  if (argNum < args.length) {
    p ??= new Printer();
    out += p.extraText(args.slice(from).map(toAny), argNum - from);
  }
  return joined(out);
}

/**
 * What Sprintf prints for one verb of a parsed format and its argument: fastVerb's text, or
 * a Printer's. Printf's compiled formats (printf-compiled.ts) print here every (verb,
 * argument) pair they have no path of their own for. The caller starts the epoch.
 */
export function printVerb(v: PrintfVerb, arg: Value): string {
  const a = toAny(arg);
  return (a === null ? null : fastVerb(v, a)) ?? new Printer().printVerb(v, a);
}

export function sprint(args: readonly Value[]): string {
  newEpoch();
  // One string or json.Number prints as its text (with %v a json.Number's String is its text).
  if (args.length === 1) {
    const a = toAny(args[0]);
    if (a !== null && (a.type === stringType || a.type === jsonNumberType)) return a.str();
  }
  const p = new Printer();
  p.doPrint(args.map(toAny));
  return joined(p.out);
}

/** Sprintln: its operands are separated by spaces, and no value prints two strings side by side, so no escapes meet. */
export function sprintln(args: readonly Value[]): string {
  newEpoch();
  const p = new Printer();
  p.doPrintln(args.map(toAny));
  return p.out;
}
