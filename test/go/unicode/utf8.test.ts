import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesToString,
  concat,
  decodeRunes,
  escapesMade,
  goString,
  isEscapeAt,
  joined,
  runeCount,
  truncateRunes,
  utf8Bytes,
  utf8Length,
  withRuneErrors,
} from '../../../src/go/unicode/utf8/utf8.js';

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['xyz', 3],
    ['héllo', 6],
    ['今日は', 9],
    ['\u{1F600}', 4],
    ['a\uD800', 4], // a lone surrogate stands for invalid UTF-8, written as U+FFFD
  ])('len %j = %i', (s, n) => {
    expect(utf8Length(s)).toBe(n);
    expect(utf8Bytes(s).length).toBe(n);
  });
});

describe('runes', () => {
  it('counts a surrogate pair as one rune and a lone surrogate as one', () => {
    expect(runeCount('a\u{1F600}b')).toBe(3);
    expect(runeCount('a\uDC00\uD800')).toBe(3);
  });

  it('cuts after whole runes', () => {
    expect(truncateRunes('\u{1F600}\u{1F600}x', 1)).toBe('\u{1F600}');
    expect(truncateRunes('abc', 5)).toBe('abc');
  });
});

describe('bytesToString (utf8.DecodeRune)', () => {
  it('keeps valid UTF-8, including a leading BOM', () => {
    expect(bytesToString(utf8Bytes('\uFEFFhé\u{1F600}'))).toBe('\uFEFFhé\u{1F600}');
  });

  it('reads each byte of an invalid sequence as its own U+FFFD', () => {
    // "€" is E2 82 AC; its first two bytes alone are two invalid runes in Go.
    expect(decodeRunes([0xe2, 0x82])).toEqual([-1 - 0xe2, -1 - 0x82]);
    expect(bytesToString([0x61, 0xe2, 0x82])).toBe('a\uFFFD\uFFFD');
    expect(bytesToString([0xed, 0xa0, 0x80])).toBe('\uFFFD\uFFFD\uFFFD'); // an encoded surrogate
  });
});

describe('escapes (docs/design/go-bytes.md)', () => {
  // Bytes biased towards lead and continuation bytes, so partial sequences are common.
  const pool = [0x41, 0x7f, 0x80, 0x82, 0xac, 0xbf, 0xc0, 0xc2, 0xc3, 0xa9, 0xdf, 0xe0, 0xe2, 0xed, 0xa0, 0xef, 0xbd, 0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xff, 0xfe];
  const bytes = fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) }), { maxLength: 12 })
    .map((a) => Uint8Array.from(a));

  it('goString then utf8Bytes gives the bytes back, and the string is canonical', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const s = goString(b);
        expect(utf8Bytes(s)).toEqual(b);
        expect(utf8Length(s)).toBe(b.length);
        expect(goString(utf8Bytes(s))).toBe(s);
      }),
      { numRuns: 20000 },
    );
  });

  it('segments as utf8.DecodeRune: an escape per invalid byte', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const runes = decodeRunes(b);
        const units = [...goString(b)].map((ch) => ch.codePointAt(0));
        expect(units).toEqual(runes.map((r) => (r < 0 ? 0xdc00 | (-1 - r) : r)));
      }),
      { numRuns: 5000 },
    );
  });

  it('concat and joined join bytes, as Go does', () => {
    fc.assert(
      fc.property(bytes, bytes, (a, b) => {
        const ab = Uint8Array.from([...a, ...b]);
        expect(concat(goString(a), goString(b))).toBe(goString(ab));
        expect(joined(goString(a) + goString(b))).toBe(goString(ab));
      }),
      { numRuns: 20000 },
    );
    expect(concat(goString([0xe2]), goString([0x82, 0xac]))).toBe('€');
  });

  it('holds an invalid byte as U+DC00 + byte', () => {
    expect(goString(Uint8Array.of(0xff))).toBe('\uDCFF');
    expect(goString(Uint8Array.of(0x61, 0xe2, 0x82))).toBe('a\uDCE2\uDC82');
    expect(goString(Uint8Array.of(0xed, 0xa0, 0x80))).toBe('\uDCED\uDCA0\uDC80'); // an encoded surrogate
    expect(escapesMade).toBe(true);
  });

  it('reads U+10080 (the pair D800 DC80) as a rune, not an escape', () => {
    expect(utf8Bytes('\u{10080}')).toEqual(Uint8Array.of(0xf0, 0x90, 0x82, 0x80));
    expect(isEscapeAt('\u{10080}', 1, 0xdc80)).toBe(false);
    expect(utf8Length('\u{10080}')).toBe(4);
  });

  it('writes other lone surrogates as U+FFFD', () => {
    expect(utf8Bytes('a\uD800')).toEqual(Uint8Array.of(0x61, 0xef, 0xbf, 0xbd));
    expect(utf8Bytes('\uDC7F')).toEqual(Uint8Array.of(0xef, 0xbf, 0xbd));
  });
});

describe('withRuneErrors ([]rune(s) as a string)', () => {
  it('makes every escape and other lone surrogate U+FFFD, and keeps pairs', () => {
    expect(withRuneErrors('a\uDCFF\uD800b\uDC00')).toBe('a\uFFFD\uFFFDb\uFFFD');
    expect(withRuneErrors('\uD800\uDC80')).toBe('\u{10080}');
    const s = 'plain é 今 \u{1F600}';
    expect(withRuneErrors(s)).toBe(s);
  });
});
