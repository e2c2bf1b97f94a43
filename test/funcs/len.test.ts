// len of a string is its UTF-8 byte count however it is reached: a literal (computed once
// per call site), a field read once, or the same long string read again and again (its
// count kept by the call site). The expected count comes from TextEncoder, not from vtpl.

import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Template } from '../../src/index.js';

const encoder = new TextEncoder();

/** A Go string literal for a well-formed s: JSON's escapes of control characters, quotes and backslashes are Go's too. */
function literal(s: string): string {
  return JSON.stringify(s);
}

// Lone surrogates cannot be written in a literal; they reach len through data only.
const wellFormed = fc.string({ unit: 'grapheme', maxLength: 40 });
const anyString = fc.string({ unit: 'binary', maxLength: 40 });

test('len of a literal, a field and a repeated long field agree with the UTF-8 byte count', () => {
  fc.assert(
    fc.property(wellFormed, anyString, fc.integer({ min: 0, max: 60 }), (lit, piece, repeat) => {
      // Long strings (past the call site's memo threshold) as well as short ones.
      const l = lit.repeat(repeat);
      const s = piece.repeat(repeat);
      const t = new Template('len').parse(`{{len ${literal(l)}}} {{len .s}} {{range .n}}{{len $.s}} {{end}}|{{range .list}}{{len .}} {{end}}`);
      const n = utf8Count(s);
      // One call site meets different strings in turn: the same one again, then others.
      const list = [s, s, `${s}é`, `é${s}`.slice(0, s.length), s];
      const counts = list.map((x) => `${utf8Count(x)} `).join('');
      expect(t.execute({ s, n: [1, 2, 3], list })).toBe(`${utf8Count(l)} ${n} ${n} ${n} ${n} |${counts}`);
    }),
    { numRuns: 150 },
  );
});

/** Bytes of s in UTF-8, a lone surrogate counting as U+FFFD (3 bytes), as TextEncoder encodes it. */
function utf8Count(s: string): number {
  return encoder.encode(s).length;
}
