// printf's path for formats of string verbs (src/fmt/printf-strings.ts) against the
// generic printer: where it takes the arguments it must print what sprintf prints (the
// Go-recorded rows of fmt-cases.json go through it too); `takes` says whether it does,
// so that a guard letting through a case it does not model, or refusing one it does, fails.

import { describe, expect, it } from 'vitest';
import { parsePrintf, sprintf, stringsPrintf } from '../../src/fmt/index.js';
import { Value, boolType, intType, interfaceType, jsonNumberType, stringValue } from '../../src/value/index.js';

const str = stringValue;
const num = (s: string) => new Value(jsonNumberType, s);

interface Row {
  readonly format: string;
  readonly args: readonly Value[];
  /** Whether the format is one of string verbs only (stringsPrintf is not null). */
  readonly stringVerbs: boolean;
  /** Whether it prints these arguments (else sprintfParsed does). */
  readonly takes: boolean;
}

const rows: Row[] = [
  { format: '%-20s = %q', args: [str('DATABASE_URL_0001'), str('tok+en/x')], stringVerbs: true, takes: true },
  { format: '%-20s = %q', args: [str('p@ss'), str('p@ss"w0rd\\x')], stringVerbs: true, takes: true },
  { format: '%-20s = %q', args: [str('clé-秘密'), str('clé-秘密 & <x>')], stringVerbs: true, takes: true },
  { format: '%-20s = %q', args: [str('k'), num('12.50')], stringVerbs: true, takes: true },
  { format: '%-20s = %q', args: [str('😀😀x'), str('\u00ad\u200b\x7f\t')], stringVerbs: true, takes: true },
  { format: '%-3s|%3s|%3q|%-3q|', args: [str('😀😀'), str('ab'), str(''), str('a')], stringVerbs: true, takes: true },
  { format: '%5v|%+v|% s|%-v|', args: [str('a'), str('b'), str('c'), num('1')], stringVerbs: true, takes: true },
  { format: '%+q %+3q', args: [str('plain'), str('überwachung')], stringVerbs: true, takes: true },
  { format: '%10s', args: [str('a-key-that-is-longer-than-twenty')], stringVerbs: true, takes: true },
  { format: 'text only', args: [], stringVerbs: true, takes: true },
  { format: 'a%sb%sc', args: [str(''), str('')], stringVerbs: true, takes: true },
  // Arguments it leaves to sprintfParsed: a count other than the verbs', other types, an interface.
  { format: '%-20s = %q', args: [str('k')], stringVerbs: true, takes: false },
  { format: '%-20s = %q', args: [str('k'), str('v'), str('extra')], stringVerbs: true, takes: false },
  { format: '%-20s = %q', args: [str('k'), new Value(intType, 12n)], stringVerbs: true, takes: false },
  { format: '%s', args: [new Value(boolType, true)], stringVerbs: true, takes: false },
  { format: '%s', args: [new Value(interfaceType, str('boxed'))], stringVerbs: true, takes: false },
  // Formats it does not take: precision, zero padding, Go syntax, backquotes, other verbs, %%.
  { format: '%.3s', args: [str('abcdef')], stringVerbs: false, takes: false },
  { format: '%05s', args: [str('ab')], stringVerbs: false, takes: false },
  { format: '%010q', args: [str('ab')], stringVerbs: false, takes: false },
  { format: '%#v', args: [str('ab')], stringVerbs: false, takes: false },
  { format: '%#q', args: [str('ab')], stringVerbs: false, takes: false },
  { format: '%x', args: [str('ab')], stringVerbs: false, takes: false },
  { format: '%s %d', args: [str('a'), new Value(intType, 1n)], stringVerbs: false, takes: false },
  { format: '%s%%', args: [str('a')], stringVerbs: false, takes: false },
];

describe('printf of string verbs prints what sprintf prints', () => {
  for (const row of rows) {
    it(`${row.format} of ${row.args.map((a) => JSON.stringify(String(a.v))).join(', ')}`, () => {
      const parsed = parsePrintf(row.format);
      if (parsed === null) throw new Error(`format ${row.format} did not parse`);
      const strings = stringsPrintf(parsed);
      expect(strings !== null).toBe(row.stringVerbs);
      const out = strings === null ? null : strings(row.args, 0);
      expect(out !== null).toBe(row.takes);
      if (out !== null) expect(out).toBe(sprintf(row.format, row.args));
    });
  }

  it('reads the arguments from `from` on (printf passes its format first)', () => {
    const parsed = parsePrintf('%s=%q');
    const strings = parsed === null ? null : stringsPrintf(parsed);
    expect(strings?.([str('%s=%q'), str('k'), str('v')], 1)).toBe('k="v"');
  });
});
