// strconv's quote_test.go tables (Quote, QuoteToASCII, QuoteRune, CanBackquote) and
// IsPrint over every rune, compared with Go's (fixtures generated with the fmt ones).

import { describe, expect, it } from 'vitest';
import { canBackquote, isPrint, quote, quoteRune, quoteToASCII } from '../../../src/go/strconv/quote.js';
import { fixture } from '../../fmt/fixtures.js';
import { goString } from '../../../src/go/unicode/utf8/utf8.js';

interface Row {
  fn: 'quote' | 'quoteToASCII' | 'quoteRune' | 'quoteRuneToASCII' | 'canBackquote';
  in?: string;
  /** The input's bytes (base64) when they are not valid UTF-8: held with escapes. */
  inBytes?: string;
  r?: number;
  out: string;
}

function run(row: Row): string {
  const s = row.inBytes === undefined ? (row.in ?? '') : goString(Buffer.from(row.inBytes, 'base64'));
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
  it.each(fixture<Row[]>('quote-cases.json'))('$fn($in$inBytes$r) = $out', (row) => {
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

describe('escapes (invalid bytes held as U+DC80..U+DCFF)', () => {
  it('quote an escape as \\xNN and any other lone surrogate as the U+FFFD it stands for', () => {
    // Go: "\xff" and "\uFFFD" differ; a surrogate that is not an escape is EF BF BD in Go.
    expect(quote('a\uDCFF\uFFFD')).toBe('"a\\xff�"');
    expect(quoteToASCII('\uDC80é')).toBe('"\\x80\\u00e9"');
    expect(quote('\uD800x\uDC00')).toBe('"�x�"');
    expect(quoteToASCII('\uD800')).toBe('"\\ufffd"');
  });
  it('read U+D800 U+DC80 as the pair U+10080, not an escape', () => {
    expect(quote('\uD800\uDC80')).toBe(quote('\u{10080}'));
    expect(canBackquote('\uD800\uDC80')).toBe(true);
  });
  it('cannot backquote an escape, but can a real U+FFFD', () => {
    expect(canBackquote('a\uDCFF')).toBe(false);
    expect(canBackquote('a\uFFFD')).toBe(true);
    expect(canBackquote('a\uD800')).toBe(true); // U+FFFD in Go
  });
});
