import { describe, expect, it } from 'vitest';
import { compareStrings, utf8Length } from '../../src/funcs/utf8.js';

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['xyz', 3],
    ['héllo', 6],
    ['今日は', 9],
    ['\u{1F600}', 4],
  ])('len %j = %i', (s, n) => {
    expect(utf8Length(s)).toBe(n);
  });
});

describe('compareStrings (Go byte order)', () => {
  it('orders by code point, so astral runes sort above U+E000..U+FFFF', () => {
    // JS's < puts '\u{1F600}' (surrogates D83D...) before '\uFF01'; Go's bytes F0.. > EF..
    expect(compareStrings('\uFF01', '\u{1F600}')).toBe(-1);
    expect(compareStrings('\u{1F600}', '\uFF01')).toBe(1);
  });

  it('orders prefixes first and equal strings as 0', () => {
    expect(compareStrings('xy', 'xyz')).toBe(-1);
    expect(compareStrings('xyz', 'xy')).toBe(1);
    expect(compareStrings('é', 'é')).toBe(0);
  });
});
