// exec_test.go's execTests table, run against expectations recorded from Go 1.26
// (go-exec-tests.json: output and exact error text of every row, produced by a
// Go program holding the same table, data and functions; see tval.ts).

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Template, TemplateError } from '../../src/index.js';
import { dataByDescriptor, testFuncs } from './tval.js';

interface Row {
  readonly name: string;
  readonly input: string;
  readonly data: string;
  readonly output: string;
  readonly error?: string;
}

const rows = JSON.parse(readFileSync(new URL('./go-exec-tests.json', import.meta.url), 'utf8')) as Row[];

/** Rows whose Go data this port cannot model, with the reason. */
function skipReason(row: Row): string | undefined {
  if (row.data.startsWith('iter.Seq')) return 'range over iter.Seq/Seq2 functions is not modelled';
  if (row.input.includes('.SICap 6 10') || row.input.includes('.SICap 10 11')) {
    return 'a slice capacity beyond its length (make([]int, 5, 10)) is not modelled';
  }
  if (!dataByDescriptor.has(row.data)) return `no Value for data ${row.data}`;
  return undefined;
}

function run(row: Row): { output?: string; error?: string } {
  const t = new Template(row.name).funcs(testFuncs);
  try {
    t.parse(row.input);
  } catch (e) {
    if (e instanceof TemplateError) return { error: `PARSE ${e.message}` };
    throw e;
  }
  try {
    return { output: t.execute(dataByDescriptor.get(row.data)) };
  } catch (e) {
    if (e instanceof TemplateError) return { error: e.message };
    throw e;
  }
}

describe('exec_test.go execTests', () => {
  rows.forEach((row, i) => {
    const reason = skipReason(row);
    const title = `${i} ${row.name}: ${row.input}`;
    if (reason !== undefined) {
      test.skip(`${title} (${reason})`, () => {});
      return;
    }
    test(title, () => {
      const got = run(row);
      if (row.error !== undefined) expect(got).toEqual({ error: row.error });
      else expect(got).toEqual({ output: row.output });
    });
  });
});
