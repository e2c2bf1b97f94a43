import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTime } from '../../../src/go/time/format.js';
import { parseInLocal } from '../../../src/go/time/parse.js';

// sprig toDate / mustToDate themselves are checked by conformance/consul/sprig-dates.json
// (expectations from the Go oracle), which test/conformance runs.

// Go documents that Parse reads back what Format wrote for layouts that carry every field
// (offsets in whole minutes, as most layouts drop offset seconds).
describe('time.Parse reads back time.Format', () => {
  const layouts = [
    '2006-01-02T15:04:05.999999999Z07:00',
    'Mon Jan _2 15:04:05.000000000 -0700 2006',
    'Monday, 02-January-2006 03:04:05.000000000PM -07:00:00',
    '2006 002 15 04 05,000000000 Z070000',
  ];
  it('round-trips instants and offsets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -62135596800, max: 253402300799 - 86400 }),
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.integer({ min: -1439, max: 1439 }).map((m) => m * 60),
        fc.constantFrom(...layouts),
        (sec, nsec, offset, layout) => {
          const t = { sec, nsec, offset, zone: '', loc: 'Fixed' } as const;
          const text = formatTime(t, layout);
          const r = parseInLocal(layout, text);
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.time.sec).toBe(sec);
            expect(r.time.nsec).toBe(nsec);
            expect(formatTime(r.time, layout)).toBe(text);
          }
        },
      ),
    );
  });
});
