import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStrings } from '../../../src/go/strings/compare.js';
import { goString, utf8Bytes } from '../../../src/go/unicode/utf8/utf8.js';

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

describe('compareStrings with escapes (invalid bytes)', () => {
  const bytes = (...b: number[]): string => goString(Uint8Array.from(b));

  it('orders an escape as its byte: docs/design/go-bytes/cases.json, sortAlpha and lt', () => {
    // sprig_list "\xe2" "€" "\xe2a" "\xe2\x82" "\U00010080" "\uFFFD" | sprig_sortAlpha, in Go's order.
    const sorted = [bytes(0xe2), '\u20ac', bytes(0xe2, 0x61), bytes(0xe2, 0x82), '\u{10080}', '\uFFFD'].sort(compareStrings);
    expect(sorted).toEqual([bytes(0xe2), bytes(0xe2, 0x61), bytes(0xe2, 0x82), '\u20ac', '\uFFFD', '\u{10080}']);
    // lt "\xe2a" "€", lt "\xe2\x82" "€", lt "\xc3" "é", lt "\U00010080" "\xf0", gt "\xff" "\U0010FFFF": true true true false true
    expect(compareStrings(bytes(0xe2, 0x61), '\u20ac')).toBe(-1);
    expect(compareStrings(bytes(0xe2, 0x82), '\u20ac')).toBe(-1);
    expect(compareStrings(bytes(0xc3), '\u00e9')).toBe(-1);
    expect(compareStrings('\u{10080}', bytes(0xf0))).toBe(1);
    expect(compareStrings(bytes(0xff), '\u{10FFFF}')).toBe(1);
    // lt (base64Decode "/w==") "\uFFFD": false
    expect(compareStrings(bytes(0xff), '\uFFFD')).toBe(1);
  });

  it("equals bytes.Compare of the strings' bytes", () => {
    // Short byte strings over a small alphabet, so that prefixes, shared lead bytes and
    // sequences that are valid UTF-8 only in part are common.
    const alphabet = [0x41, 0x61, 0x7f, 0x80, 0x82, 0xa9, 0xac, 0xbf, 0xc3, 0xe2, 0xed, 0xef, 0xf0, 0x90, 0xf4, 0xff];
    const byteString = fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }).map((b) => goString(Uint8Array.from(b)));
    fc.assert(
      fc.property(byteString, byteString, (a, b) => {
        const x = utf8Bytes(a);
        const y = utf8Bytes(b);
        let want = Math.sign(x.length - y.length);
        for (let i = 0; i < Math.min(x.length, y.length); i++) {
          if (x[i] !== y[i]) {
            want = Math.sign(x[i] - y[i]);
            break;
          }
        }
        expect(compareStrings(a, b)).toBe(want);
      }),
      { numRuns: 20000 },
    );
  });
});
