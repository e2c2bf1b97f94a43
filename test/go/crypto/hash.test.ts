import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5 } from '../../../src/go/crypto/md5/index.js';
import { sha1 } from '../../../src/go/crypto/sha1/index.js';
import { sha256 } from '../../../src/go/crypto/sha256/index.js';
import { hex } from '../../../src/go/encoding/hex/index.js';

// The pure-JS hashes must agree with Node's OpenSSL on every padding boundary.
describe('pure-JS hashes', () => {
  const e = new TextEncoder();
  for (const s of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'héllo wörld'.repeat(20)]) {
    it(`agree with node:crypto on ${s.length} chars`, () => {
      const b = e.encode(s);
      expect(hex(sha256(b))).toBe(createHash('sha256').update(b).digest('hex'));
      expect(hex(sha1(b))).toBe(createHash('sha1').update(b).digest('hex'));
      expect(hex(md5(b))).toBe(createHash('md5').update(b).digest('hex'));
    });
  }
});

describe('sha512 and adler32', () => {
  const e = new TextEncoder();
  for (const s of ['', 'abc', 'x'.repeat(111), 'y'.repeat(112), 'z'.repeat(300)]) {
    it(`sha512 agrees with node:crypto on ${s.length} chars`, async () => {
      const { sha512 } = await import('../../../src/go/crypto/sha512/index.js');
      expect(hex(sha512(e.encode(s)))).toBe(createHash('sha512').update(s).digest('hex'));
    });
  }
});
