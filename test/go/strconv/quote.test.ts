// strconv's quote_test.go tables (Quote, QuoteToASCII, QuoteRune, CanBackquote) and
// IsPrint over every rune, compared with Go's (fixtures generated with the fmt ones).

import { describe, expect, it } from 'vitest';
import { canBackquote, isPrint, quote, quoteRune, quoteToASCII } from '../../../src/go/strconv/quote.js';
import { fixture } from '../../fmt/fixtures.js';

interface Row {
  fn: 'quote' | 'quoteToASCII' | 'quoteRune' | 'quoteRuneToASCII' | 'canBackquote';
  in?: string;
  r?: number;
  out: string;
}

function run(row: Row): string {
  const s = row.in ?? '';
  const r = row.r ?? 0;
  switch (row.fn) {
    case 'quote':
      return quote(s);
    case 'quoteToASCII':
      return quoteToASCII(s);
    case 'quoteRune':
      return quoteRune(r);
    case 'quoteRuneToASCII':
      return quoteRune(r, true);
    case 'canBackquote':
      return String(canBackquote(s));
  }
}

describe('quote_test.go', () => {
  it.each(fixture<Row[]>('quote-cases.json'))('$fn($in$r) = $out', (row) => {
    expect(run(row)).toBe(row.out);
  });
});

describe('IsPrint', () => {
  it('agrees with Go for every rune', () => {
    const ranges: [number, number][] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (!isPrint(c)) continue;
      const last = ranges[ranges.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else ranges.push([c, c]);
    }
    expect(ranges).toEqual(fixture<[number, number][]>('isprint-ranges.json'));
  });
});
