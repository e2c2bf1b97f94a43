// The number parsing of fmt/print.go's doPrintf: widths, precisions, * arguments
// and explicit argument indexes such as %[2]d.

import { type Value, isIntKind, isUintKind } from '../value/index.js';

/** tooLarge reports whether the magnitude of the integer is too large to be used as a formatting width or precision. */
function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

/** parsenum converts ASCII to integer. isnum is false if there were no digits or on overflow. */
export function parsenum(s: string, start: number, end: number): { num: number; isnum: boolean; newi: number } {
  if (start >= end) return { num: 0, isnum: false, newi: end };
  let num = 0;
  let isnum = false;
  let newi = start;
  for (; newi < end && s.charCodeAt(newi) >= 0x30 && s.charCodeAt(newi) <= 0x39; newi++) {
    if (tooLarge(num)) return { num: 0, isnum: false, newi: end }; // Overflow; crazy long number most likely.
    num = num * 10 + (s.charCodeAt(newi) - 0x30);
    isnum = true;
  }
  return { num, isnum, newi };
}

/** intFromArg gets the argNum'th element of a as an int for * width or precision. */
export function intFromArg(a: readonly (Value | null)[], argNum: number): { num: number; isInt: boolean; argNum: number } {
  if (argNum >= a.length) return { num: 0, isInt: false, argNum };
  const v = a[argNum];
  let num = 0;
  let isInt = false;
  if (v !== null && (isIntKind(v.kind) || (isUintKind(v.kind) && v.int() <= 0x7fffffffffffffffn))) {
    const n = v.int();
    if (n <= 1000000n && n >= -1000000n) {
      num = Number(n);
      isInt = true;
    } else {
      // tooLarge: the value is cleared.
      return { num: 0, isInt: false, argNum: argNum + 1 };
    }
  }
  return { num, isInt, argNum: argNum + 1 };
}

/**
 * parseArgNumber returns the value of the bracketed number, minus 1 (explicit argument
 * numbers are one-indexed but we want zero-indexed), and the length of the bracketed expression.
 */
export function parseArgNumber(format: string): { index: number; wid: number; ok: boolean } {
  // There must be at least 3 bytes: [n].
  if (format.length < 3) return { index: 0, wid: 1, ok: false };
  for (let i = 1; i < format.length; i++) {
    if (format[i] === ']') {
      const { num, isnum, newi } = parsenum(format, 1, i);
      if (!isnum || newi !== i) return { index: 0, wid: i + 1, ok: false };
      return { index: num - 1, wid: i + 1, ok: true }; // arg numbers are one-indexed and skip paren.
    }
  }
  return { index: 0, wid: 1, ok: false };
}
