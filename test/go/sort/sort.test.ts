// go/sort: a port of Go's sort.Sort. Its exact order of equal elements is compared with Go
// through go-sockaddr's sorts (npm run check:sockaddr); here, that it sorts at all sizes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sort } from '../../../src/go/sort/index.js';

describe('go/sort (sort.Sort)', () => {
  it('sorts: every adjacent pair is in order, and nothing is lost', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (xs) => {
        const a = xs.map((v, i) => ({ v, i }));
        sort({
          len: a.length,
          less: (i, j) => a[i].v < a[j].v,
          swap: (i, j) => {
            [a[i], a[j]] = [a[j], a[i]];
          },
        });
        for (let k = 1; k < a.length; k++) expect(a[k - 1].v <= a[k].v).toBe(true);
        expect(a.map((x) => x.i).sort((p, q) => p - q)).toEqual(xs.map((_, i) => i));
      }),
    );
  });
});
