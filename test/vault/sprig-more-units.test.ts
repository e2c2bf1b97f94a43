// Unit checks for the pieces of sprig-more that templates cannot reach on their own:
// go-spew's byte-slice hexdump and the slice capacities Sdump assumes.

import { describe, expect, it } from 'vitest';
import { hexDump } from '../../src/vault/spew/hexdump.js';
import { appendedCap } from '../../src/vault/spew/capacity.js';
import { sdump } from '../../src/vault/spew/dump.js';
import { Value, sliceOf, uint8Type } from '../../src/value/index.js';

describe('go-spew byte slices', () => {
  // Expected strings: encoding/hex.Dump and spew.Sdump output printed by Go.
  it('hexDump matches encoding/hex.Dump', () => {
    const data = Array.from('0123456789abcdefXYZ\n\u00ff', (c) => c.charCodeAt(0));
    expect(hexDump(data)).toBe(
      '00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n' +
        '00000010  58 59 5a 0a ff                                    |XYZ..|\n',
    );
  });
  it('Sdump hexdumps a []uint8 inside its braces', () => {
    const b = new Value(
      sliceOf(uint8Type),
      [0x41, 0x42].map((n) => new Value(uint8Type, BigInt(n))),
    );
    expect(sdump([b])).toBe('([]uint8) (len=2 cap=2) {\n 00000000  41 42                                             |AB|\n}\n');
  });
});

describe('capacity of JSON-decoded []interface{}', () => {
  it('follows append growth and malloc size classes', () => {
    // Expected: cap() of json.Unmarshal'd arrays of these lengths, printed by Go 1.26.
    const lengths = [0, 1, 2, 3, 5, 9, 17, 256, 257, 513, 1000, 3000];
    expect(lengths.map(appendedCap)).toEqual([0, 1, 2, 4, 8, 16, 32, 303, 303, 591, 1023, 3584]);
  });
});
