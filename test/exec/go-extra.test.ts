// Template sets, options, errors and range/variable semantics, against
// expectations recorded from Go 1.26 (go-extra-tests.json).

import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { Template, TemplateError } from '../../src/index.js';
import { decodeJSON } from '../../src/go/encoding/json/index.js';
import {
  type FuncSig,
  type GoType,
  GoError,
  GoMap,
  Value,
  boolType,
  boolValue,
  complex128Type,
  errorType,
  float32Type,
  fromJS,
  goFunc,
  jsonNumber,
  uint8Type,
  intType,
  intValue,
  invalid,
  mapOf,
  namedType,
  ptrTo,
  sliceOf,
  stringType,
  stringValue,
  structOf,
  zeroOf,
} from '../../src/value/index.js';

interface Case {
  readonly name: string;
  readonly tmplName: string;
  readonly texts: readonly string[] | null;
  readonly exec?: string;
  readonly data: string;
  readonly missingkey?: string;
  readonly delims: readonly [string, string];
  readonly funcs?: boolean;
  readonly output: string;
  readonly error?: string;
}

const cases = JSON.parse(readFileSync(new URL('./go-extra-tests.json', import.meta.url), 'utf8')) as Case[];

function goMap(key: GoType, elem: GoType, entries: [Value, Value][]): Value {
  const m = new GoMap();
  for (const [k, v] of entries) m.set(k, v);
  return new Value(mapOf(key, elem), m);
}

const ints = (n: number): Value =>
  new Value(
    sliceOf(intType),
    Array.from({ length: n }, (_, i) => intValue(i)),
  );

// type Tree struct { Val int; Left, Right *Tree }, built as a recursive type.
const treeFields: { name: string; type: GoType }[] = [{ name: 'Val', type: intType }];
const TreeType = namedType({ str: 'main.Tree', underlying: structOf(treeFields) });
const treePtr = ptrTo(TreeType);
(TreeType.fields as { name: string; type: GoType; exported: boolean }[]).push(
  { name: 'Left', type: treePtr, exported: true },
  { name: 'Right', type: treePtr, exported: true },
);
function tree(val: number, left: Value | null = null, right: Value | null = null): Value {
  return new Value(treePtr, new Value(TreeType, [intValue(val), left ?? zeroOf(treePtr), right ?? zeroOf(treePtr)]));
}

const data: Record<string, Value> = {
  nil: invalid,
  int5: intValue(5),
  mapx99: goMap(stringType, intType, [[stringValue('x'), intValue(99)]]),
  mapAnyX: fromJS({ x: 'X', n: null, m: { k: 'v' } }),
  strs: new Value(sliceOf(stringType), ['a', 'b', 'c', 'd'].map(stringValue)),
  uniKeys: goMap(
    stringType,
    intType,
    (
      [
        ['b', 1],
        ['a', 2],
        ['\uffff', 3],
        ['\u{1F600}', 4],
        ['A', 5],
        ['', 6],
      ] as const
    ).map(([k, v]) => [stringValue(k), intValue(v)]),
  ),
  intKeys: goMap(
    intType,
    stringType,
    (
      [
        [10, 'ten'],
        [-1, 'minus'],
        [2, 'two'],
      ] as const
    ).map(([k, v]) => [intValue(k), stringValue(v)]),
  ),
  ints200: ints(200),
  ints2000: ints(2000),
  tree: tree(1, tree(2, tree(3, tree(4)), tree(5, tree(6))), tree(7, tree(8, tree(9)), tree(10, tree(11)))),
  jsonNums: fromJS({
    n: jsonNumber('4'),
    f: jsonNumber('1.50'),
    big: jsonNumber('12345678901234567890'),
    s: '4',
    l: [jsonNumber('1'), jsonNumber('2.5e3')],
  }),
  nested: fromJS({ a: [1, 'two', 3.5, true, null, { z: 1, y: [] }] }),
  // As the Go program's recordsJSON, decoded as it decodes it (UseNumber).
  records: decodeJSON(
    `{"items": [
 {"name": "item-abcdefgh", "id": 1000, "enabled": false, "owner": {"team": "team-0"}, "tags": []},
 {"name": "ïtém-ü€-longer-than-12", "id": 1001, "enabled": true, "owner": {"team": "team-1"}, "tags": ["web"]},
 {"name": "x", "id": 1002, "enabled": true, "owner": {"team": "a team of 13+"}, "tags": ["web", "db"]},
 {"name": "", "id": 0, "enabled": false, "owner": {}, "tags": ["web", "db", "cache 😀"], "n": null}
], "zero": 0, "one": 1}`,
    { useNumber: true },
  ),
};

const sig = (param: GoType, result: GoType): FuncSig => ({ params: [param], variadic: false, results: [result] });
const identity = (t: GoType): Value => goFunc(sig(t, t), ([v]) => v);

/** The Go program's FuncMap for cases with "funcs". */
const funcs = {
  intArg: identity(intType),
  u8Arg: identity(uint8Type),
  f32Arg: identity(float32Type),
  boolArg: identity(boolType),
  cArg: identity(complex128Type),
  strArg: identity(stringType),
  ptrArg: goFunc(sig(ptrTo(intType), boolType), ([p]) => boolValue(p.isNil())),
  errArg: goFunc(sig(errorType, stringType), () => stringValue('e')),
  fail: goFunc({ params: [], variadic: false, results: [stringType, errorType] }, () => {
    throw new GoError('it failed: 100%');
  }),
};

function run(c: Case): { output?: string; error?: string } {
  const t = new Template(c.tmplName).delims(c.delims[0], c.delims[1]);
  if (c.funcs) t.funcs(funcs);
  if (c.missingkey) t.option(`missingkey=${c.missingkey}`);
  try {
    for (const text of c.texts ?? []) t.parse(text);
  } catch (e) {
    if (e instanceof TemplateError && e.kind === 'parse') return { error: `PARSE ${e.message}` };
    throw e;
  }
  try {
    return { output: c.exec ? t.executeTemplate(c.exec, data[c.data]) : t.execute(data[c.data]) };
  } catch (e) {
    if (e instanceof TemplateError && e.kind === 'exec') return { error: e.message };
    throw e;
  }
}

/**
 * Go's stacks grow; this thread's does not. A case that ran out of JavaScript stack here (the
 * engine says so) runs again on a worker with a 256 MB stack, as the vtpl command does; only
 * cases without Go-typed data or functions can be sent there.
 */
async function runOnLargeStack(c: Case): Promise<{ output?: string; error?: string }> {
  if (c.data !== 'nil' || c.funcs || c.exec) throw new Error(`${c.name}: cannot be sent to a worker`);
  const engine = new URL('../../dist/src/index.js', import.meta.url).href;
  const code = `
    const { parentPort, workerData: c } = require('node:worker_threads');
    import(${JSON.stringify(engine)}).then(({ Template, TemplateError }) => {
      const t = new Template(c.tmplName).delims(c.delims[0], c.delims[1]);
      if (c.missingkey) t.option('missingkey=' + c.missingkey);
      try {
        for (const text of c.texts ?? []) t.parse(text);
        parentPort.postMessage({ output: t.execute(null) });
      } catch (e) {
        parentPort.postMessage(e instanceof TemplateError ? { error: e.message } : { thrown: String(e) });
      }
    });`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: c, resourceLimits: { stackSizeMb: 256 } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

describe('Go-recorded template behaviour', () => {
  for (const c of cases) {
    test(c.name, async () => {
      let got = run(c);
      if (got.error?.includes('the JavaScript stack ran out')) got = await runOnLargeStack(c);
      if (c.error !== undefined) expect(got).toEqual({ error: c.error });
      else expect(got).toEqual({ output: c.output });
    });
  }
});
