// Sprintf of a parsed format whose verbs all print strings (a config template's
// {{ printf "%-20s = %q" $k $v }}), for string and json.Number arguments: each verb's
// text is built here, padded and quoted as fmtS and fmtQ do, without sprintfParsed's
// per-verb dispatch (toAny, fastVerb, ppFmtString, truncateString, padString), which
// cost as much as the quoting itself on config-1000. Any other argument (or count of
// them) is left to sprintfParsed, which prints every case.

import { type Value, jsonNumberType, stringType } from '../value/index.js';
import { quotesAsItself } from '../go/strconv/index.js';
import { runeCount } from '../go/unicode/utf8/index.js';
import { fmtQ, spaces } from './format.js';
import type { PrintfFormat, PrintfVerb } from './printf-format.js';

/**
 * The format's Sprintf of args[from...], or null unless they are exactly one string or
 * json.Number per verb (then sprintfParsed prints them).
 */
export type StringsPrintf = (args: readonly Value[], from: number) => string | null;

/** The StringsPrintf of format, or null when one of its verbs does not print a string by itself. */
export function stringsPrintf(format: PrintfFormat): StringsPrintf | null {
  const verbs = format.filter((v) => v.verb !== '');
  if (!verbs.every(printsString)) return null;
  // parsePrintf ends the verbs with an entry of the trailing text only, if there is any.
  const trailing = verbs.length < format.length ? format[format.length - 1].text : '';
  const n = verbs.length;
  return (args, from) => {
    if (args.length - from !== n) return null;
    let out = '';
    for (let i = 0; i < n; i++) {
      const arg = args[from + i];
      // A json.Number prints its text (its String method) under %s, %v and %q, as fastVerb says.
      if (arg.type !== stringType && arg.type !== jsonNumberType) return null;
      const v = verbs[i];
      out += v.text + stringVerb(v, arg.v as string);
    }
    return out + trailing;
  };
}

/**
 * Whether pp.fmtString prints a string under v with fmtS (%s, %v) or fmtQ (%q), and
 * without precision or zero padding, the cases stringVerb prints. %#v is fmtQ under
 * Go syntax and %#q may backquote: those are left out.
 */
function printsString(v: PrintfVerb): boolean {
  if (v.precPresent || v.zero) return false;
  switch (v.verb) {
    case 's':
      return true;
    case 'v':
      return !v.sharpV;
    case 'q':
      return !v.sharp;
    default:
      return false;
  }
}

/** fmtS or fmtQ of s under a verb printsString accepts. */
function stringVerb(f: PrintfVerb, s: string): string {
  if (f.verb === 'q') {
    // strconv.Quote (or QuoteToASCII under %+q: the same here) is s between quotes, two
    // runes more, unless s has something to escape; fmtQ does the rest.
    return quotesAsItself(s) ? padded(f, '"' + s + '"', s.length + 2) : fmtQ(f, s);
  }
  // padString: a rune is at most two UTF-16 units, so a long enough s is not counted.
  return padded(f, s, f.widPresent && s.length < 2 * f.wid ? runeCount(s) : f.wid);
}

/** s, `width` runes wide, padded with spaces to f's width: on the right under minus, else on the left. */
function padded(f: PrintfVerb, s: string, width: number): string {
  if (!f.widPresent || f.wid <= width) return s;
  return f.minus ? s + spaces(f.wid - width) : spaces(f.wid - width) + s;
}
