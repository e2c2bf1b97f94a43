// Converting JS data as the template reads it must be invisible: every text/template case
// of the conformance corpus renders the same with its data as plain JS data (the public
// API's lazy views) and as the same data converted up front into Go values; a case that
// nests {{template}} calls to Go's limit renders its plain JS data as Go does, on a big stack.

import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { type ConformanceCase, corpusFiles, loadCases } from '../../src/cli/conformance-cases.js';
import { ranOutOfStack } from '../../src/cli/conformance-stack.js';
import { Template } from '../../src/index.js';
import {
  GoMap,
  Value,
  box,
  float64Value,
  intValue,
  invalid,
  mapStringInterfaceType,
  sliceInterfaceType,
  stringValue,
  boolValue,
} from '../../src/value/index.js';

/** JSON.parse's output as Go values, all at once: the mapping fromJS documents. */
function eager(data: unknown): Value {
  if (data === null) return invalid;
  switch (typeof data) {
    case 'string':
      return stringValue(data);
    case 'boolean':
      return boolValue(data);
    case 'number':
      return Number.isSafeInteger(data) ? intValue(data) : float64Value(data);
  }
  if (Array.isArray(data))
    return new Value(
      sliceInterfaceType,
      data.map((x) => box(eager(x))),
    );
  const m = new GoMap();
  for (const [k, v] of Object.entries(data as object)) m.set(stringValue(k), box(eager(v)));
  return new Value(mapStringInterfaceType, m);
}

function outcome(c: { template: string; templateName?: string; delims?: readonly [string, string]; missingkey?: string }, dot: unknown): string {
  try {
    const t = new Template(c.templateName ?? 'case');
    if (c.delims) t.delims(c.delims[0], c.delims[1]);
    if (c.missingkey && c.missingkey !== 'default') t.option(`missingkey=${c.missingkey}`);
    return `output ${t.parse(c.template).execute(dot)}`;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // Where the JS stack runs out (how deep, and in which node: a template call or an
    // expression) varies with what V8 has compiled so far, not with the data's form.
    return ranOutOfStack(message) ? 'error: the JavaScript stack ran out' : `error ${message}`;
  }
}

const root = new URL('../../conformance/', import.meta.url).pathname;

/**
 * Go allows 100,000 nested {{template}} calls; this thread's JS stack does not hold them, and
 * where it runs out depends on what V8 has compiled so far (under vitest's module runner it
 * once failed with a TypeError instead of the engine's stack error). Such a case runs its plain
 * JS data on a worker with a 256 MB stack, as the vtpl command does, against Go's own outcome.
 * The worker loads the built engine (`npm test` builds first), as go-extra.test.ts's does.
 */
function lazyOnLargeStack(c: ConformanceCase): Promise<string> {
  const engine = new URL('../../dist/src/index.js', import.meta.url).href;
  const code = `
    const { parentPort, workerData: c } = require('node:worker_threads');
    import(${JSON.stringify(engine)}).then(({ Template }) => {
      try {
        const t = new Template(c.templateName ?? 'case');
        if (c.delims) t.delims(c.delims[0], c.delims[1]);
        if (c.missingkey && c.missingkey !== 'default') t.option('missingkey=' + c.missingkey);
        parentPort.postMessage('output ' + t.parse(c.template).execute(JSON.parse(c.dataJSON)));
      } catch (e) {
        parentPort.postMessage('error ' + (e instanceof Error ? e.message : String(e)));
      }
    });`;
  const { template, templateName, delims, missingkey, dataJSON } = c;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { template, templateName, delims, missingkey, dataJSON }, resourceLimits: { stackSizeMb: 256 } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

describe('plain JS data renders as the same data converted up front', () => {
  const cases = corpusFiles([root]).flatMap((file) => loadCases(file, root).filter((c) => c.mode === 'text/template' && c.dataJSON !== undefined));

  it('covers the corpus', () => {
    expect(cases.length).toBeGreaterThan(500);
  });

  it.each(cases.map((c) => [`${c.file.slice(root.length)}: ${c.name}`, c] as const))('%s', async (_, c) => {
    if (c.wantError?.includes('exceeded maximum template depth')) {
      expect(await lazyOnLargeStack(c)).toBe(`error ${c.wantError}`);
      return;
    }
    const js: unknown = JSON.parse(c.dataJSON as string);
    expect(outcome(c, js)).toBe(outcome(c, eager(JSON.parse(c.dataJSON as string))));
  });
});
