// print.go's choice of format.go function for a verb and a value of a basic kind
// (pp.fmtBool, pp.fmtInteger, pp.fmtFloat, pp.fmtString) as functions of the flags that
// return the text, or null where the Printer does something else: a bad verb, and %#v
// of an unsigned integer (fmt0x64). The Printer and Sprintf's fast paths (print-fast.ts)
// both print through them.

import { type FmtFlags, fmtBoolean, fmtC, fmtFloat, fmtInteger, fmtQ, fmtQc, fmtS, fmtSx, fmtUnicode, ldigits, udigits } from './format.js';

/** pp.fmtBool. */
export function ppFmtBool(f: FmtFlags, verb: string, v: boolean): string | null {
  return verb === 't' || verb === 'v' ? fmtBoolean(f, v) : null;
}

/** pp.fmtInteger of u, the integer's uint64 bits. */
export function ppFmtInteger(f: FmtFlags, verb: string, u: bigint, isSigned: boolean): string | null {
  switch (verb) {
    case 'v':
      return f.sharpV && !isSigned ? null : fmtInteger(f, u, 10, isSigned, verb, ldigits);
    case 'd':
      return fmtInteger(f, u, 10, isSigned, verb, ldigits);
    case 'b':
      return fmtInteger(f, u, 2, isSigned, verb, ldigits);
    case 'o':
    case 'O':
      return fmtInteger(f, u, 8, isSigned, verb, ldigits);
    case 'x':
      return fmtInteger(f, u, 16, isSigned, verb, ldigits);
    case 'X':
      return fmtInteger(f, u, 16, isSigned, verb, udigits);
    case 'c':
      return fmtC(f, u);
    case 'q':
      return fmtQc(f, u);
    case 'U':
      return fmtUnicode(f, u);
    default:
      return null;
  }
}

/** pp.fmtFloat: the strconv format and default precision of each float verb. */
export function ppFmtFloat(f: FmtFlags, verb: string, v: number, size: 32 | 64): string | null {
  switch (verb) {
    case 'v':
      return fmtFloat(f, v, size, 'g', -1);
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X':
      return fmtFloat(f, v, size, verb, -1);
    case 'f':
    case 'e':
    case 'E':
      return fmtFloat(f, v, size, verb, 6);
    case 'F':
      return fmtFloat(f, v, size, 'f', 6);
    default:
      return null;
  }
}

/** pp.fmtString. */
export function ppFmtString(f: FmtFlags, verb: string, v: string): string | null {
  switch (verb) {
    case 'v':
      return f.sharpV ? fmtQ(f, v) : fmtS(f, v);
    case 's':
      return fmtS(f, v);
    case 'x':
      return fmtSx(f, v, ldigits);
    case 'X':
      return fmtSx(f, v, udigits);
    case 'q':
      return fmtQ(f, v);
    default:
      return null;
  }
}
