import { describe, expect, it } from 'vitest';
import { bytesToString, decodeRunes, runeCount, truncateRunes, utf8Bytes, utf8Length } from '../../../src/go/unicode/utf8/utf8.js';

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
