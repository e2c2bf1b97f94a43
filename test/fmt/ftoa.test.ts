// strconv.FormatFloat: Go's ftoa_test.go table, plus random values through every
// format whose expectations Go's FormatFloat produced (fixtures/README.md).

import { describe, expect, it } from 'vitest';
import { type FloatFormat, formatFloat } from '../../src/fmt/index.js';
import { floatFromBits } from './decode.js';
import { fixture } from './fixtures.js';

interface Row {
  bits: string;
  fmt: FloatFormat;
  prec: number;
  size: 32 | 64;
  out: string;
}

describe('ftoa_test.go ftoatests', () => {
  const rows = fixture<Row[]>('ftoa-cases.json');
  it.each(rows.map((r) => [floatFromBits(r.bits), r.fmt, r.prec, r.size, r.out] as const))('FormatFloat(%d, %s, %d, %d) = %s', (f, fmt, prec, size, out) => {
    expect(formatFloat(f, fmt, prec, size)).toBe(out);
  });
});

function mismatches(rows: readonly Row[]): string[] {
  const bad: string[] = [];
  for (const r of rows) {
    const got = formatFloat(floatFromBits(r.bits), r.fmt, r.prec, r.size);
    if (got !== r.out) bad.push(`${r.bits} ${r.fmt} ${r.prec} ${r.size}: got ${got} want ${r.out}`);
  }
  return bad;
}

describe('FormatFloat against Go on random values', () => {
  it('every format and precision (4000 values)', () => {
    expect(mismatches(fixture<Row[]>('ftoa-random.json'))).toEqual([]);
  });
  it('%f of values halfway between two results (ties round to even)', () => {
    expect(mismatches(fixture<Row[]>('ftoa-ties.json'))).toEqual([]);
  });
  it('shortest float64 and float32 (10000 bit patterns)', () => {
    expect(mismatches(fixture<Row[]>('ftoa-shortest.json'))).toEqual([]);
  });
});
