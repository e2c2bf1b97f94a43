// A printf format parsed once, for a format that is a constant (a template's
// {{printf "%-20s = %q" ...}}): doPrintf's scan of the format, done ahead of the
// arguments. Formats whose parsing depends on the arguments (`*` widths, `[n]`
// indexes) are not compiled; doPrintf runs them as before.

import { runeAt, runeString } from '../go/unicode/utf8/index.js';
import type { FmtFlags } from './format.js';
import { parsenum } from './printf-parse.js';

/**
 * One verb with its flags, width and precision as doPrintf leaves them in fmt before
 * printArg: for %v (and %w) plus and sharp moved to plusV and sharpV.
 */
export interface PrintfVerb extends FmtFlags {
  /** The text before the verb. */
  readonly text: string;
  /** The verb ('%' prints itself and takes no argument); '' after the last verb: only text follows. */
  readonly verb: string;
}

/** A parsed format: its verbs in order; the last entry may be trailing text only (verb ''). */
export type PrintfFormat = readonly PrintfVerb[];

const noVerbString = '%!(NOVERB)';

/**
 * parsePrintf: the format's verbs, or null when parsing it needs the arguments.
 * The result reproduces doPrintf's reading of the format exactly: flags, a width,
 * a precision ("%.f" has precision 0), a verb of any rune, and %!(NOVERB) at the end.
 */
export function parsePrintf(format: string): PrintfFormat | null {
  if (format.includes('*') || format.includes('[')) return null;
  const verbs: PrintfVerb[] = [];
  const end = format.length;
  let text = '';
  for (let i = 0; i < end; ) {
    const lasti = i;
    while (i < end && format.charCodeAt(i) !== 0x25) i++;
    if (i > lasti) text += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    let minus = false;
    let plus = false;
    let sharp = false;
    let space = false;
    let zero = false;
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#':
          sharp = true;
          break;
        case '0':
          zero = true;
          break;
        case '+':
          plus = true;
          break;
        case '-':
          minus = true;
          break;
        case ' ':
          space = true;
          break;
        default:
          break flags;
      }
    }
    const w = parsenum(format, i, end);
    i = w.newi;
    let prec = 0;
    let precPresent = false;
    if (i + 1 < end && format[i] === '.') {
      i++;
      const p = parsenum(format, i, end);
      i = p.newi;
      prec = p.num;
      precPresent = true; // "%.f" has precision 0
    }
    if (i >= end) {
      text += noVerbString;
      break;
    }
    const { r, size } = runeAt(format, i);
    i += size;
    const verb = runeString(r);
    verbs.push(printfVerb(text, verb, { minus, plus, sharp, space, zero, wid: w.num, widPresent: w.isnum, prec, precPresent }));
    text = '';
  }
  if (text !== '') verbs.push(printfVerb(text, '', noWrittenFlags));
  return verbs;
}

/** The flags of a verb as written in the format. */
type WrittenFlags = Omit<FmtFlags, 'plusV' | 'sharpV'>;

export const noWrittenFlags: WrittenFlags = {
  minus: false,
  plus: false,
  sharp: false,
  space: false,
  zero: false,
  wid: 0,
  widPresent: false,
  prec: 0,
  precPresent: false,
};

/**
 * A verb with the flags doPrintf sets for it: Go syntax (%#v) and struct-field syntax (%+v)
 * are flags of their own. Every PrintfVerb is made here, so that all have one shape for
 * format.ts's functions to read.
 */
export function printfVerb(text: string, verb: string, f: WrittenFlags): PrintfVerb {
  const v = verb === 'v' || verb === 'w';
  return {
    text,
    verb,
    minus: f.minus,
    plus: f.plus && !v,
    sharp: f.sharp && !v,
    space: f.space,
    zero: f.zero,
    plusV: f.plus && v,
    sharpV: f.sharp && v,
    wid: f.wid,
    widPresent: f.widPresent,
    prec: f.prec,
    precPresent: f.precPresent,
  };
}
