// Rows of Go's fmt_test.go tables (fmtTests, reorderTests, startests, panictests) whose
// values we can model, plus extra cases whose expectations came from running Go.

import { describe, expect, it } from 'vitest';
import { compilePrintf, parsePrintf, sprint, sprintf, sprintfParsed, sprintln } from '../../src/fmt/index.js';
import type { Value } from '../../src/value/index.js';
import { type AnyDesc, Unsupported, anyValue } from './decode.js';
import { fixture } from './fixtures.js';

interface Row {
  src: string;
  fn: 'sprintf' | 'sprint' | 'sprintln';
  fmt?: string;
  args: AnyDesc[];
  out: string;
}

const rows = fixture<Row[]>('fmt-cases.json');

function run(row: Row, args: Value[]): string {
  switch (row.fn) {
    case 'sprintf':
      return sprintf(row.fmt ?? '', args);
    case 'sprint':
      return sprint(args);
    case 'sprintln':
      return sprintln(args);
  }
}

/**
 * Rows where vtpl knowingly differs from Go, keyed by Go's expected output. They run as
 * it.fails, so a fix elsewhere makes them report and get removed from this list.
 */
const knownDeviations: Record<string, string> = {
  'map[NaN:1 NaN:1]': 'GoMap (src/value) keeps a single entry for all NaN keys',
};

const bySrc = new Map<string, Row[]>();
for (const r of rows) bySrc.set(r.src, [...(bySrc.get(r.src) ?? []), r]);

for (const [src, list] of bySrc) {
  describe(src, () => {
    list.forEach((row, i) => {
      const name = `#${i} ${row.fn}(${JSON.stringify(row.fmt ?? '')}) => ${JSON.stringify(row.out)}`;
      let args: Value[];
      try {
        args = row.args.map(anyValue);
      } catch (e) {
        // Values with a fmt.Formatter (or other unmodelled) method are skipped;
        // any other failure to rebuild the value fails the row.
        if (e instanceof Unsupported) it.skip(`${name} [${e.message}]`, () => {});
        else
          it(name, () => {
            throw e;
          });
        return;
      }
      const deviation = knownDeviations[row.out];
      (deviation ? it.fails : it)(deviation ? `${name} [known: ${deviation}]` : name, () => {
        expect(run(row, args)).toBe(row.out);
        // A template's literal format is parsed once (parsePrintf) and must print the same.
        const parsed = row.fn === 'sprintf' ? parsePrintf(row.fmt ?? '') : null;
        if (parsed !== null) expect(sprintfParsed(parsed, args)).toBe(row.out);
        // So must printf's compiled format (a printer per verb).
        if (parsed !== null) expect(compilePrintf(parsed)(args, 0)).toBe(row.out);
      });
    });
  });
}
