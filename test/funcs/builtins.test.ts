import { describe, expect, it } from 'vitest';
import { builtins } from '../../src/funcs/index.js';
import { goCases } from './go-cases.js';
import { evaluate } from './harness.js';

// Go's reflect.Type strings of the funcs.go builtins.
const signatures: Record<string, string> = {
  and: 'func(reflect.Value, ...reflect.Value) reflect.Value',
  or: 'func(reflect.Value, ...reflect.Value) reflect.Value',
  call: 'func(reflect.Value, ...reflect.Value) reflect.Value',
  index: 'func(reflect.Value, ...reflect.Value) (reflect.Value, error)',
  slice: 'func(reflect.Value, ...reflect.Value) (reflect.Value, error)',
  len: 'func(reflect.Value) (int, error)',
  not: 'func(reflect.Value) bool',
  eq: 'func(reflect.Value, ...reflect.Value) (bool, error)',
  ne: 'func(reflect.Value, reflect.Value) (bool, error)',
  lt: 'func(reflect.Value, reflect.Value) (bool, error)',
  le: 'func(reflect.Value, reflect.Value) (bool, error)',
  gt: 'func(reflect.Value, reflect.Value) (bool, error)',
  ge: 'func(reflect.Value, reflect.Value) (bool, error)',
  html: 'func(...interface {}) string',
  js: 'func(...interface {}) string',
  urlquery: 'func(...interface {}) string',
  print: 'func(...interface {}) string',
  println: 'func(...interface {}) string',
  printf: 'func(string, ...interface {}) string',
};

describe('builtins()', () => {
  it("has exactly Go's builtins with Go's signatures", () => {
    const got = Object.fromEntries([...builtins()].map(([name, fn]) => [name, fn.type.str]));
    expect(got).toEqual(signatures);
  });

  it('is one shared map', () => {
    expect(builtins()).toBe(builtins());
  });
});

// One describe per builtin so a failure names its family.
const byName = new Map<string, Array<(typeof goCases)[number]>>();
for (const c of goCases) {
  const name = c[0].split(' ')[0];
  byName.set(name, [...(byName.get(name) ?? []), c]);
}

for (const [name, cases] of byName) {
  describe(`${name} (Go 1.26 results)`, () => {
    it.each(cases)('{{%s}}', (expr, outcome, text) => {
      expect(evaluate(expr)).toEqual({ outcome, text });
    });
  });
}
