// printf's compiled formats (src/fmt/printf-compiled.ts) against the generic printer: each
// verb's printer prints some argument types itself and leaves the rest to printVerb, and
// either way must print what sprintf (doPrintf with a Printer) prints. The rows cross each
// printer's boundaries: the types it takes (string, json.Number, int, int64, bool, float64)
// against those it does not (named, sized and unsigned integers, float32, interfaces, nil),
// ints past the safe integers, negative ones under every base, and the flags each path reads.
// The Go-recorded rows of fmt-cases.json and the conformance corpus go through it too.

import { describe, expect, it } from 'vitest';
import { compilePrintf, parsePrintf, sprintf } from '../../src/fmt/index.js';
import {
  type Method,
  Value,
  boolType,
  box,
  float32Type,
  float64Type,
  int8Type,
  int64Type,
  intType,
  interfaceType,
  jsonNumberType,
  namedType,
  stringType,
  stringValue,
  uint64Type,
  uintType,
} from '../../src/value/index.js';

const str = stringValue;
const num = (s: string) => new Value(jsonNumberType, s);
const int = (n: bigint | number) => new Value(intType, BigInt(n));
const i64 = (n: bigint) => new Value(int64Type, n);
const i8 = (n: number) => new Value(int8Type, BigInt(n));
const uint = (n: number) => new Value(uintType, BigInt(n));
const u64 = (n: bigint) => new Value(uint64Type, n);
const f64 = (x: number) => new Value(float64Type, x);
const f32 = (x: number) => new Value(float32Type, x);
const bool = (b: boolean) => new Value(boolType, b);
const nilAny = new Value(interfaceType, null);

const stringMethod: Method = {
  name: 'String',
  sig: { params: [], variadic: false, results: [stringType] },
  call: (recv) => str(`<${String(recv.v)}>`),
};
/** type S string and type I int with String methods: printArg must call them. */
const stringer = namedType({ str: 'main.S', underlying: stringType, methods: [stringMethod] });
const intStringer = namedType({ str: 'main.I', underlying: intType, methods: [stringMethod] });
/** type N int without methods: printValue prints it as an int, but not by the int path. */
const namedInt = namedType({ str: 'main.N', underlying: intType });

const maxSafe = 2n ** 53n - 1n;

interface Row {
  readonly format: string;
  readonly args: readonly Value[];
}

const rows: Row[] = [
  // The config rows: %-20s = %q.
  { format: '%-20s = %q', args: [str('DATABASE_URL_0001'), str('tok+en/x')] },
  { format: '%-20s = %q', args: [str('p@ss'), str('p@ss"w0rd\\x')] },
  { format: '%-20s = %q', args: [str('clé-秘密'), str('clé-秘密 & <x>')] },
  { format: '%-20s = %q', args: [str('k'), num('12.50')] },
  { format: '%-20s = %q', args: [str('😀😀x'), str('\u00ad\u200b\x7f\t')] },
  { format: '%-3s|%3s|%3q|%-3q|', args: [str('😀😀'), str('ab'), str(''), str('a')] },
  { format: '%5v|%+v|% s|%-v|', args: [str('a'), str('b'), str('c'), num('1')] },
  { format: '%10s', args: [str('a-key-that-is-longer-than-twenty')] },
  // Strings under every verb and flag the printers read.
  { format: '%-18.18s|%.2s|%.0s|%5.1s|', args: [str('überwachung-überwachung'), str('😀x😀'), str('abc'), str('😀😀')] },
  { format: '%05s|%-05s|%05q|%-05q|', args: [str('ab'), str('ab'), str('ab'), str('ab')] },
  { format: '%+q|%+3q|%+q|%+.3q|', args: [str('plain'), str('überwachung'), str('😀\n'), str('überwachung')] },
  { format: '%#q|%#q|%#+q|%#-8q|', args: [str('back`tick'), str('raw "text"'), str('ü'), str('a')] },
  { format: '%x|%X|%.2x|%10x|%-10x|%010x|%5x|', args: [str('id-0123'), str('ü'), str('abc'), str('ab'), str('ab'), str('ab'), str('')] },
  { format: '%#x|% x|%# X|%-#8x|% #.2x|', args: [str('ab'), str('ab'), str('aü'), str('ab'), str('abc')] },
  { format: '%#v|%#v|%-#12v|', args: [str('quoted'), str('back`tick\n'), str('é')] },
  { format: '%d|%t|%U|%T|%b|%08b|', args: [str('a'), str('b'), str('c'), str('d'), str('e'), str('f')] },
  // json.Number: a string under the string verbs (its String), a bad verb under the others.
  { format: '%s|%10v|%q|%x|%#v|%d|%06d|%t|', args: [num('1.25'), num('1e3'), num('42'), num('42'), num('42'), num('42'), num('7'), num('1')] },
  // ints and int64s: every base, signs, zero padding against precision, %U, plain %d and %v.
  { format: '%d|%v|%+v|% v|%5v|%-5v|%05v|', args: [int(-42), int(42), int(3), int(3), int(-3), int(3), int(-3)] },
  { format: '%06d|%06d|%+06d|% 06d|%-06d|%8.3d|%08.3d|', args: [int(42), int(-42), int(42), int(42), int(42), int(-7), int(7)] },
  { format: '%.0d|%5.0d|%.0x|%+.0d|', args: [int(0), int(0), int(0), int(0)] },
  { format: '%08b|%08b|%#b|%b|%-9b|', args: [int(5), int(-5), int(5), int(0), int(-2)] },
  { format: '%o|%#o|%#o|%O|%#O|%o|', args: [int(8), int(8), int(0), int(8), int(-8), int(-8)] },
  { format: '%x|%X|%#X|%#x|%08x|% x|', args: [int(255), int(-255), int(255), int(-255), int(-255), int(255)] },
  { format: '%U|%U|%.6U|%-8U|%08U|%#U|%#U|%#-12U|', args: [int(0x1f600), int(65), int(65), int(65), int(65), int(65), int(0x1f600), int(0xe9)] },
  { format: '%#U|%#.8U|%U|%U|%#U|', args: [int(7), int(0x110000), int(-1), int(0), int(0xd800)] },
  { format: '%c|%q|%+q|%s|%t|%f|', args: [int(65), int(65), int(0xe9), int(65), int(1), int(1)] },
  { format: '%d|%d|%x|%b|%U|%o|', args: [int(maxSafe), int(-maxSafe), int(maxSafe), int(maxSafe), int(maxSafe), int(-maxSafe)] },
  { format: '%d|%d|%x|%b|%U|%o|', args: [int(maxSafe + 1n), int(-maxSafe - 1n), int(maxSafe + 2n), int(maxSafe + 1n), int(maxSafe + 1n), int(-maxSafe - 2n)] },
  { format: '%d|%x|%X|%+d|%020d|%U|', args: [i64(-(2n ** 63n)), i64(-(2n ** 63n)), i64(2n ** 63n - 1n), i64(7n), i64(-(2n ** 63n)), i64(-1n)] },
  // Integers of other types: sized, unsigned, named, with a String method.
  { format: '%d|%x|%v|%#v|%d|%b|', args: [i8(-128), uint(255), u64(2n ** 64n - 1n), uint(3), new Value(namedInt, 7n), new Value(namedInt, -7n)] },
  { format: '%d|%v|%s|%x|', args: [new Value(intStringer, 7n), new Value(intStringer, 7n), new Value(intStringer, 7n), new Value(intStringer, 7n)] },
  // bools.
  { format: '%t|%-7t|%7t|%07t|%v|%5v|%d|%s|', args: [bool(true), bool(false), bool(true), bool(true), bool(false), bool(true), bool(true), bool(false)] },
  // float64 under each float verb; float32 and non-floats fall back.
  {
    format: '%5.1f%%|%8.3f|%.0f|%-10.2f|%e|%E|%g|%G|',
    args: [f64(99.5), f64(12.3456789), f64(2.5), f64(-1.005), f64(6.02214076e23), f64(1e-7), f64(0.000001), f64(1e-20)],
  },
  { format: '%F|%+f|% f|%08.2f|%#g|%+.2e|%#.0f|%v|', args: [f64(1.5), f64(1.5), f64(1.5), f64(-1.5), f64(1), f64(12345.678), f64(3), f64(1e21)] },
  {
    format: '%f|%08.2f|%-8v|%+v|% v|%e|',
    args: [f64(Number.POSITIVE_INFINITY), f64(Number.NEGATIVE_INFINITY), f64(Number.NaN), f64(Number.NaN), f64(Number.NaN), f64(-0)],
  },
  { format: '%f|%e|%g|%f|%e|%g|', args: [f32(0.1), f32(1e20), f32(1e-7), int(1), str('x'), bool(true)] },
  // Interfaces, nil, types with methods.
  { format: '%s|%d|%v|%t|%x|', args: [box(str('boxed')), box(int(1)), box(bool(true)), box(bool(false)), box(int(255))] },
  { format: '%s|%d|%v|%q|%f|', args: [nilAny, nilAny, nilAny, nilAny, nilAny] },
  { format: '%s|%q|%v|%x|', args: [new Value(stringer, 'x'), new Value(stringer, 'y'), new Value(stringer, 'z'), new Value(stringer, 'w')] },
  // Percent signs, missing and extra arguments, no verbs, a verb left open.
  { format: '%%|%d%%|%%%s', args: [int(1), str('a')] },
  { format: '%s %d', args: [str('a')] },
  { format: '%s', args: [str('a'), int(1), str('b')] },
  { format: 'text only', args: [] },
  { format: 'no verbs', args: [int(1)] },
  { format: 'a%sb%sc', args: [str(''), str('')] },
  { format: '%d %', args: [int(1)] },
  { format: '%!', args: [int(1)] },
  { format: '%z|%w|%p', args: [int(1), str('x'), int(2)] },
];

describe("printf's compiled formats print what sprintf prints", () => {
  for (const row of rows) {
    it(`${row.format} of ${row.args.map((a) => JSON.stringify(String(a.v))).join(', ')}`, () => {
      const parsed = parsePrintf(row.format);
      if (parsed === null) throw new Error(`format ${row.format} did not parse`);
      expect(compilePrintf(parsed)(row.args, 0)).toBe(sprintf(row.format, row.args));
    });
  }

  it('reads the arguments from `from` on (printf passes its format first)', () => {
    const parsed = parsePrintf('%s=%q %d');
    const printf = parsed === null ? null : compilePrintf(parsed);
    expect(printf?.([str('%s=%q %d'), str('k'), str('v'), int(-1)], 1)).toBe('k="v" -1');
    expect(printf?.([str('%s=%q %d'), str('k')], 1)).toBe('k=%!q(MISSING) %!d(MISSING)');
  });
});
