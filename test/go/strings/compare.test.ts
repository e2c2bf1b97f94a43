import { describe, expect, it } from 'vitest';
import { compareStrings } from '../../../src/go/strings/compare.js';

describe('compareStrings (strings.Compare, Go byte order)', () => {
  it('orders by code point, so astral runes sort above U+E000..U+FFFF', () => {
    // JS's < puts '\u{1F600}' (surrogates D83D...) before '\uFF01'; Go's bytes F0.. > EF..
    expect(compareStrings('\uFF01', '\u{1F600}')).toBe(-1);
    expect(compareStrings('\u{1F600}', '\uFF01')).toBe(1);
    expect(compareStrings('\u{1F600}', '\u{1F601}')).toBe(-1);
  });

  it('orders prefixes first and equal strings as 0', () => {
    expect(compareStrings('xy', 'xyz')).toBe(-1);
    expect(compareStrings('xyz', 'xy')).toBe(1);
    expect(compareStrings('é', 'é')).toBe(0);
    expect(compareStrings('b', 'a')).toBe(1);
  });

  it('reads a lone surrogate as U+FFFD', () => {
    expect(compareStrings('\uD800', '\uFFFD')).toBe(0);
    expect(compareStrings('\uD800', '\uE000')).toBe(1);
    expect(compareStrings('\uD800', '\u{10000}')).toBe(-1);
  });
});
