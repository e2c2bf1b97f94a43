// The digits fmtInteger and fmtUnicode print (format.ts's formatBits: table lookups for
// values of up to 32 bits, toString above) are the integer's digits in the base: checked
// against BigInt's toString at every power-of-two boundary of the uint64 range, in both
// the generic printer and the parsed-format fast path.

import { describe, expect, it } from 'vitest';
import { parsePrintf, sprintf, sprintfParsed } from '../../src/fmt/index.js';
import { Value, int64Type, uint64Type } from '../../src/value/index.js';

const values: bigint[] = [];
for (let k = 0n; k <= 64n; k++) for (const d of [-1n, 0n, 1n]) values.push(BigInt.asUintN(64, (1n << k) + d));
for (let x = 0x9e3779b97f4a7c15n, i = 0; i < 50; i++, x = BigInt.asUintN(64, x * 6364136223846793005n + 1442695040888963407n)) {
  values.push(x >> BigInt(i % 64));
}

const verbs: { verb: string; base: number; upper?: boolean }[] = [
  { verb: 'b', base: 2 },
  { verb: 'o', base: 8 },
  { verb: 'd', base: 10 },
  { verb: 'x', base: 16 },
  { verb: 'X', base: 16, upper: true },
];

function both(format: string, arg: Value): string {
  const parsed = parsePrintf(format);
  if (parsed === null) throw new Error(`format ${format} did not parse`);
  const generic = sprintf(format, [arg]);
  expect(sprintfParsed(parsed, [arg]), format).toBe(generic);
  return generic;
}

describe('integer digits', () => {
  for (const { verb, base, upper } of verbs) {
    it(`%${verb} of uint64 and int64 values`, () => {
      for (const u of values) {
        const digits = upper ? u.toString(base).toUpperCase() : u.toString(base);
        expect(both(`%${verb}`, new Value(uint64Type, u)), `${u}`).toBe(digits);
        const n = BigInt.asIntN(64, u);
        const signed = n < 0n ? `-${upper ? (-n).toString(base).toUpperCase() : (-n).toString(base)}` : digits;
        expect(both(`%${verb}`, new Value(int64Type, n)), `${n}`).toBe(signed);
      }
    });
  }
  it('%U of uint64 values', () => {
    for (const u of values) expect(both('%U', new Value(uint64Type, u)), `${u}`).toBe(`U+${u.toString(16).toUpperCase().padStart(4, '0')}`);
  });
});
