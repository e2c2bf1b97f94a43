// time.Time formatting against Go (cases/time.json was printed by a Go program with TZ=UTC,
// the zone of the Vault Agent container).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatTime, parseRFC3339, timeJSON, timeString } from '../../../src/go/time/format.js';

type Row = { time: string; sec: number; nsec: number; layout: string; want: string } | { parse: string; string: string; json: string };

const rows = JSON.parse(readFileSync(new URL('../../vault/cases/time.json', import.meta.url), 'utf8')) as Row[];

describe('Go time formatting', () => {
  for (const r of rows) {
    if ('layout' in r) {
      it(`${r.time} ${JSON.stringify(r.layout)}`, () => {
        expect(formatTime({ sec: r.sec, nsec: r.nsec, offset: 0, zone: 'UTC', loc: 'UTC' }, r.layout)).toBe(r.want);
      });
    } else {
      it(`parse ${r.parse}`, () => {
        const t = parseRFC3339(r.parse);
        expect(t).toBeDefined();
        if (!t) return;
        expect(timeString(t)).toBe(r.string);
        expect(`"${timeJSON(t)}"`).toBe(r.json);
      });
    }
  }
});
