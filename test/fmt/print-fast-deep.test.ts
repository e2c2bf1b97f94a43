// A map's kept %v text (plainMap in src/fmt/print-fast.ts) on values nested thousands
// deep, as a template builds with sprig_dict in a loop and sprig_set: printing again must
// keep no more than a fixed amount per level. Telling whether an inner map changed by
// comparing its text made V8 flatten both ropes and keep the copies, a full copy of the
// text below at every level: 23 MB retained at depth 3000 (maps of 2 and 1 entries in
// turn), 60 MB after a change to the deepest map. Measured as heap retained after a full
// GC, which does not depend on the machine's load.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parsePrintf, sprintf, sprintfParsed } from '../../src/fmt/index.js';
import { GoMap, Value, box, interfaceType, intType, mapOf, stringType, stringValue } from '../../src/value/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Bytes of heap in use after a full collection. */
function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const anyMap = mapOf(stringType, interfaceType);
const int = (n: number) => box(new Value(intType, BigInt(n)));

/** map[a:map[a:...map[x:1 y:2]... b:2] b:depth-1], a level of one entry where !two(level). */
function chain(depth: number, two: (level: number) => boolean): { top: Value; deepest: GoMap } {
  const deepest = new GoMap();
  deepest.set(stringValue('x'), int(1));
  deepest.set(stringValue('y'), int(2));
  let top = new Value(anyMap, deepest);
  for (let level = 1; level < depth; level++) {
    const m = new GoMap();
    m.set(stringValue('a'), box(top));
    if (two(level)) m.set(stringValue('b'), int(level));
    top = new Value(anyMap, m);
  }
  return { top, deepest };
}

const depth = 3000;
/** Far above what a linear cache keeps (well under 0.5 MB), far below the 23 MB and 60 MB. */
const limit = 3_000_000;
const parsed = parsePrintf('%v');
if (parsed === null) throw new Error('no format');
const printers: [string, (v: Value) => string][] = [
  ['sprintfParsed (fastVerb)', (v) => sprintfParsed(parsed, [v])],
  ['sprintf (Printer.printMap)', (v) => sprintf('%v', [v])],
];
const cases: [string, (level: number) => boolean, (deepest: GoMap) => void][] = [
  ['maps of 2 and 1 entries in turn, printed again', (level) => level % 2 === 0, () => {}],
  // The same length: the old texts compared equal up to the change, deep inside.
  ['maps of 2 entries, printed after a change to the deepest', () => true, (d) => d.set(stringValue('x'), int(9))],
];

describe(`a plain %v of maps nested ${depth} deep`, () => {
  for (const [printer, print] of printers) {
    for (const [name, two, change] of cases) {
      it(`${printer}: ${name} keeps no copy per level`, () => {
        const { top, deepest } = chain(depth, two);
        print(top);
        change(deepest);
        const fresh = chain(depth, two);
        change(fresh.deepest);
        const want = print(fresh.top);
        const before = heapUsed();
        const text = print(top);
        const retained = heapUsed() - before;
        expect(text).toBe(want);
        expect(retained).toBeLessThan(limit);
      });
    }
  }
});
