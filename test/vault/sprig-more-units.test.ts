// Unit checks for the pieces of sprig-more that templates cannot reach on their own:
// the primitive behind derivePassword (published test vectors), go-spew's
// byte-slice hexdump, and the slice capacities Sdump assumes.

import { describe, expect, it } from 'vitest';
import { scryptKey } from '../../src/go/x/crypto/scrypt/scrypt.js';
import { hexDump } from '../../src/vault/spew/hexdump.js';
import { appendedCap } from '../../src/vault/spew/capacity.js';
import { sdump } from '../../src/vault/spew/dump.js';
import { Value, sliceOf, uint8Type } from '../../src/value/index.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('scrypt (RFC 7914 section 12)', () => {
  it('N=16 r=1 p=1, empty password and salt', () => {
    expect(hex(scryptKey(new Uint8Array(), new Uint8Array(), 16, 1, 1, 64))).toBe(
      '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906',
    );
  });
  it('N=1024 r=8 p=16, "password" / "NaCl"', () => {
    const enc = new TextEncoder();
    expect(hex(scryptKey(enc.encode('password'), enc.encode('NaCl'), 1024, 8, 16, 64))).toBe(
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
    );
  });
});

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
