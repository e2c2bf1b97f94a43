import { describe, expect, it } from 'vitest';
import { Template } from '../../src/index.js';
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

describe('printf with a literal format', () => {
  // The call site parses the format once and keeps its results for one string argument:
  // whatever it keeps, it must print what the same format given as data prints.
  const long = 'x'.repeat(600);
  const items = ['a', 'b', 'a', '', 'a b', long, long, 'b', '%s', 'a'];
  const formats = ['<%s>', '%q|%5s', '%v', '%x', 'no verbs', '%s %s', '%d', '%%%s%%'];
  it.each(formats)('%s prints as the same format from data, call after call', (format) => {
    const data = { format, items: [...items, 1, null, ['a'], 'a'] };
    const literal = new Template('t').parse(`{{range .items}}{{printf ${JSON.stringify(format)} .}}|{{end}}`);
    const dynamic = new Template('t').parse('{{range .items}}{{printf $.format .}}|{{end}}');
    const want = dynamic.execute(data);
    expect(literal.execute(data)).toBe(want);
    expect(literal.execute(data)).toBe(want);
  });
});
