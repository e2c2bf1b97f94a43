// Plain JS data read in place ({{ .a.b }}, {{ if .a.b }}, {{ range .a.b }}: readInPlace and
// itemsInPlace) must render exactly what the views render. `(.a.b)`, a parenthesized
// pipeline, reads the same field through the views (evalFieldChain), so each case renders
// both forms and compares output or error, and checks that the data was neither changed nor
// had a getter run.

import { describe, expect, it } from 'vitest';
import { type FuncMap, Template, render } from '../../src/index.js';
import { type Value, box, fromJS } from '../../src/value/index.js';

/** A getter that counts its calls and throws: reading in place must never run one. */
let getterCalls = 0;
function trap(): never {
  getterCalls++;
  throw new Error('a getter ran');
}
const withGetter = <T extends object>(o: T, key: string): T => Object.defineProperty(o, key, { get: trap, enumerable: true, configurable: true });

function cyclic(): object {
  const o: { a: { b?: unknown; s: string }; top: string } = { a: { s: 'x' }, top: 'T' };
  o.a.b = o;
  return o;
}

function deep(levels: number): object {
  let o: object = { end: 'bottom' };
  for (let i = 0; i < levels; i++) o = { a: o };
  return o;
}

const put = (m: Value, k: Value, v: Value): string => {
  m.map()?.set(k, box(v));
  return '';
};
const unset = (m: Value, k: Value): string => {
  m.map()?.delete(k);
  return '';
};
const funcs: FuncMap = { put, unset };

/** The outcome of text over data: its output, or its error with the column of the failing node taken out. */
function outcome(text: string, data: unknown, missingkey?: 'default' | 'error' | 'zero' | 'invalid'): string {
  try {
    return `ok: ${render(text, data, { funcs, missingkey })}`;
  } catch (e) {
    return `error: ${(e as Error).message.replace(/:1:\d+:/, ':1:_:').replace(/<\(?([^>]*?)\)?>/, '<$1>')}`;
  }
}

/** text with each marked chain ⟨.a.b⟩ as itself (read in place) and parenthesized (read through the views). */
const forms = (text: string): [string, string] => [text.replace(/⟨([^⟩]*)⟩/g, '$1'), text.replace(/⟨([^⟩]*)⟩/g, '($1)')];

type Case = [name: string, text: string, data: () => unknown];

const cases: Case[] = [
  ['a string, an int, a bool', '{{ ⟨.a.s⟩ }} {{ ⟨.a.n⟩ }} {{ ⟨.a.t⟩ }} {{ ⟨.a.f⟩ }}', () => ({ a: { s: 'x', n: 42, t: true, f: false } })],
  ['-0 is the int 0, false', '{{ ⟨.n⟩ }} {{ if ⟨.n⟩ }}yes{{ else }}no{{ end }}', () => ({ n: -0 })],
  [
    'floats go to fmt',
    '{{ ⟨.a⟩ }} {{ ⟨.b⟩ }} {{ ⟨.c⟩ }} {{ ⟨.d⟩ }} {{ if ⟨.c⟩ }}NaN is true{{ end }}',
    () => ({ a: 0.5, b: 1e21, c: Number.NaN, d: -Infinity }),
  ],
  ['beyond safe integers', '{{ ⟨.a⟩ }} {{ ⟨.b⟩ }}', () => ({ a: 2 ** 53, b: -(2 ** 60) })],
  ['bigints, and one beyond 64 bits', '{{ ⟨.a⟩ }} {{ ⟨.b⟩ }}', () => ({ a: 2n ** 63n, b: 2n ** 64n })],
  ['an empty string is false', '{{ if ⟨.s⟩ }}yes{{ else }}no{{ end }}', () => ({ s: '' })],
  ['null and undefined are nil', '{{ ⟨.a⟩ }} {{ ⟨.b⟩ }} {{ if ⟨.a⟩ }}yes{{ else }}no{{ end }} {{ ⟨.a.x⟩ }}', () => ({ a: null, b: undefined })],
  ['a missing key, missingkey=default', '{{ ⟨.a.nope⟩ }} {{ ⟨.nope.x⟩ }}', () => ({ a: {} })],
  ['a string midway', '{{ ⟨.a.b⟩ }}', () => ({ a: 'str' })],
  ['a function is a missing key', '{{ ⟨.f⟩ }} {{ ⟨.a.f⟩ }}', () => ({ f: () => 'ran', a: { f() {} } })],
  ['a getter is a missing key and never runs', '{{ ⟨.g⟩ }} {{ ⟨.a.g⟩ }} {{ if ⟨.a.g⟩ }}yes{{ end }}', () => withGetter({ a: withGetter({}, 'g') }, 'g')],
  ['a getter midway', '{{ ⟨.a.b⟩ }}', () => withGetter({}, 'a')],
  ['a setter alone is a missing key', '{{ ⟨.a.s⟩ }}', () => ({ a: Object.defineProperty({}, 's', { set() {}, enumerable: true }) })],
  ['a non-enumerable property is a missing key', '{{ ⟨.a.h⟩ }}', () => ({ a: Object.defineProperty({}, 'h', { value: 'hidden', enumerable: false }) })],
  ['an inherited property is a missing key', '{{ ⟨.a.p⟩ }} {{ ⟨.a.toString⟩ }}', () => ({ a: Object.create({ p: 'proto' }) })],
  [
    'a class instance midway',
    '{{ ⟨.a.x⟩ }}',
    () => ({
      a: new (class K {
        x = 'own';
      })(),
    }),
  ],
  ['a JSON __proto__ key is an own key', '{{ ⟨.__proto__.x⟩ }} {{ ⟨.o.__proto__⟩ }}', () => JSON.parse('{"__proto__": {"x": "p"}, "o": {"__proto__": "s"}}')],
  ['a literal __proto__ is the prototype, no key', '{{ ⟨.o.x⟩ }}', () => ({ o: { __proto__: { x: 'p' } } })],
  [
    'null-prototype objects',
    '{{ ⟨.a.b⟩ }} {{ if ⟨.a.b⟩ }}yes{{ end }}',
    () => Object.assign(Object.create(null), { a: Object.assign(Object.create(null), { b: 'nb' }) }),
  ],
  [
    'a Map at the root and midway',
    '{{ ⟨.k⟩ }} {{ ⟨.m.k⟩ }}',
    () =>
      new Map<string, unknown>([
        ['k', 'root'],
        ['m', new Map([['k', 'inner']])],
      ]),
  ],
  ['a Map in an object', '{{ ⟨.m.k⟩ }} {{ if ⟨.m.k⟩ }}yes{{ end }}', () => ({ m: new Map([['k', 'v']]) })],
  ['an array midway', '{{ ⟨.a.b⟩ }}', () => ({ a: ['x'] })],
  [
    'an object or array at the end',
    '{{ ⟨.o⟩ }} {{ ⟨.l⟩ }} {{ if ⟨.o⟩ }}yes{{ end }}{{ if ⟨.e⟩ }}no{{ end }}',
    () => ({ o: { b: 1, a: 2 }, l: [1, 'x'], e: {} }),
  ],
  ['a Set, a Date midway and at the end', '{{ ⟨.d⟩ }}', () => ({ d: new Date(0) })],
  ['a Set midway', '{{ ⟨.s.x⟩ }}', () => ({ s: new Set([1]) })],
  ['a cycle reached through objects read in place', '{{ ⟨.a.s⟩ }} {{ ⟨.a.b.a.s⟩ }}', cyclic],
  ['a cycle through the root', '{{ ⟨.a.b.a.b.a.s⟩ }}', cyclic],
  ['a cycle whose end is a string', '{{ ⟨.a.b.top⟩ }}', cyclic],
  ['a cycle from a view', '{{ with .a }}{{ ⟨.b.top⟩ }}{{ end }}', cyclic],
  [
    'beyond the deepest nesting, from a view 9,998 levels down',
    `{{ with index .${' "a"'.repeat(9998)} }}{{ ⟨.a.end⟩ }} {{ ⟨.a.a.end⟩ }}{{ end }}`,
    () => deep(10000),
  ],
  ['the same object twice is no cycle', '{{ ⟨.a.x.v⟩ }} {{ ⟨.b.v⟩ }}', () => ((o) => ({ a: { x: o }, b: o }))({ v: 'same' })],
  ['deeper than the views look for cycles one by one', `{{ ⟨.${'a.'.repeat(40)}end⟩ }}`, () => deep(40)],
  [
    'a field read after a function changed the map',
    '{{ ⟨.a.b⟩ }} {{ put .a "b" "new" }}{{ ⟨.a.b⟩ }} {{ put . "a" "flat" }}{{ ⟨.a⟩ }}',
    () => ({ a: { b: 'old' } }),
  ],
  ['a nested map changed through a function', '{{ put .a.c "d" "new" }}{{ ⟨.a.c.d⟩ }} {{ unset .a "c" }}{{ ⟨.a.c.d⟩ }}', () => ({ a: { c: { d: 'old' } } })],
  ['a map ranged over first (filled), then read', '{{ range .a }}{{ end }}{{ ⟨.a.b⟩ }} {{ put .a "b" "x" }}{{ ⟨.a.b⟩ }}', () => ({ a: { b: 'old', c: 'c' } })],
  [
    'dot inside a range over objects',
    '{{ range .l }}{{ ⟨.n⟩ }}{{ if ⟨.ok⟩ }}+{{ end }}{{ ⟨.o.t⟩ }};{{ end }}',
    () => ({
      l: [
        { n: 1, ok: true, o: { t: 'a' } },
        { n: 2, ok: 0 },
      ],
    }),
  ],
  // range in place: short arrays of strings, numbers, booleans and nils.
  ['range over strings, with index', '{{ range $i, $t := ⟨.a.tags⟩ }}{{ if $i }},{{ end }}{{ $t }}{{ end }}', () => ({ a: { tags: ['x', 'y', 'z'] } })],
  [
    'range over mixed primitives and nils',
    '{{ range ⟨.l⟩ }}[{{ . }}|{{ printf "%T" . }}]{{ end }}',
    () => ({ l: ['s', 1, 0.5, true, null, undefined, '', -0] }),
  ],
  ['range not reading its elements', '{{ range ⟨.l⟩ }}x{{ end }}', () => ({ l: [1, 2, 3] })],
  ['range with holes', '{{ range $i, $e := ⟨.l⟩ }}{{ $i }}={{ $e }};{{ end }}', () => ({ l: Object.assign(new Array<unknown>(3), { 0: 1, 2: 3 }) })],
  ['range with an accessor element', '{{ range ⟨.l⟩ }}{{ . }};{{ end }}', () => ({ l: Object.defineProperty(['a', 'b'], 1, { get: trap, enumerable: true }) })],
  ['range over an object or array element', '{{ range ⟨.l⟩ }}{{ . }};{{ end }}', () => ({ l: ['a', { b: 1 }, ['c']] })],
  [
    'range over a bigint or function element',
    '{{ range ⟨.l⟩ }}{{ . }};{{ end }}{{ range ⟨.f⟩ }}{{ . }};{{ end }}',
    () => ({ l: [1, 2n ** 70n], f: ['a', () => 1] }),
  ],
  ['range over an array in itself', '{{ range ⟨.a.l⟩ }}{{ . }};{{ end }}', () => ((l: unknown[]) => ({ a: { l: l.concat([l]) } }))(['x'])],
  ['range over more elements than read in place', '{{ range $i, $e := ⟨.l⟩ }}{{ $e }}{{ end }}', () => ({ l: Array.from({ length: 40 }, (_, i) => i) })],
  ['range over an empty array, else reading the variable', '{{ range $x := ⟨.l⟩ }}{{ $x }}{{ else }}empty {{ $x }}{{ end }}', () => ({ l: [] })],
  [
    'range over an empty array: no variables, with and without else; variables, without else',
    '{{ range ⟨.l⟩ }}x{{ end }}|{{ range ⟨.l⟩ }}x{{ else }}empty {{ . }} {{ $y := 1 }}{{ $y }}{{ end }}|{{ range $i, $e := ⟨.l⟩ }}{{ $e }}{{ end }}|',
    () => ({ l: [] }),
  ],
  ['range assigning variables over an empty array', '{{ $i := 9 }}{{ $e := 9 }}{{ range $i, $e = ⟨.l⟩ }}{{ end }}{{ $i }} {{ $e }}', () => ({ l: [] })],
  ['range assigning variables', '{{ $i := 9 }}{{ $e := 9 }}{{ range $i, $e = ⟨.l⟩ }}{{ end }}{{ $i }} {{ $e }}', () => ({ l: ['a', 'b'] })],
  [
    'range assigning one variable, break',
    '{{ $e := 9 }}{{ range $e = ⟨.l⟩ }}{{ if eq $e "b" }}{{ break }}{{ end }}{{ end }}{{ $e }}',
    () => ({ l: ['a', 'b', 'c'] }),
  ],
  [
    'range with continue, and a variable declared in the body',
    '{{ range $i, $e := ⟨.l⟩ }}{{ $x := $e }}{{ if $i }}{{ continue }}{{ end }}{{ $x }}{{ end }}',
    () => ({ l: ['a', 'b'] }),
  ],
  ['range over an array changed through a function', '{{ put . "l" "s" }}{{ range ⟨.l⟩ }}{{ . }}{{ end }}', () => ({ l: ['a'] })],
  ['range over a string or number', '{{ range ⟨.s⟩ }}{{ . }}{{ end }}', () => ({ s: 'abc' })],
  ['range over an int', '{{ range ⟨.n⟩ }}{{ . }}{{ end }}', () => ({ n: 3 })],
];

describe('JS data read in place renders as the views render it', () => {
  it.each(cases)('%s', (_, text, data) => {
    const [inPlace, viewed] = forms(text);
    expect(inPlace).not.toBe(viewed);
    const d = data();
    const snapshot = d instanceof Map ? new Map(d) : structuredCloneable(d) ? structuredClone(d) : null;
    getterCalls = 0;
    const got = outcome(inPlace, d);
    expect(got).toBe(outcome(viewed, data()));
    expect(getterCalls).toBe(0);
    if (snapshot !== null) expect(d).toEqual(snapshot);
  });

  it.each(['default', 'zero', 'invalid', 'error'] as const)('missingkey=%s', (missingkey) => {
    const [inPlace, viewed] = forms('{{ ⟨.a.nope⟩ }} {{ if ⟨.a.nope⟩ }}yes{{ end }}{{ range ⟨.a.nope⟩ }}x{{ end }}');
    const data = { a: { b: 1 } };
    expect(outcome(inPlace, data, missingkey)).toBe(outcome(viewed, data, missingkey));
  });
});

describe('a Proxy array', () => {
  it('is ranged over for the length it answered first, as its view does (a trap answering more later makes no more elements)', () => {
    const [inPlace, viewed] = forms('{{ range ⟨.a.l⟩ }}{{ . }}|{{ end }}');
    const data = () => {
      let reads = 0;
      const l = new Proxy(['x', 'y'], { get: (t, k, r) => (k === 'length' ? (++reads === 1 ? 2 : 1e9) : Reflect.get(t, k, r)) });
      return { a: { l } };
    };
    expect(outcome(inPlace, data())).toBe('ok: x|y|');
    expect(outcome(viewed, data())).toBe('ok: x|y|');
  });
});

describe('a Value made once with fromJS keeps what it has read', () => {
  it('an object read along a chain stays the one read first, while a fresh execute reads the data again', () => {
    const t = new Template('t').parse('{{ .a.b }} {{ if .a.b }}yes{{ end }} {{ range .a.l }}{{ . }}{{ end }}');
    const data: { a: { b: string; l: string[] } } = { a: { b: 'first', l: ['1'] } };
    const kept = fromJS(data);
    expect(t.execute(kept)).toBe('first yes 1');
    data.a = { b: '', l: ['2'] };
    expect(t.execute(kept)).toBe('first yes 1');
    expect(t.execute(data)).toBe('  2');
  });
});

/** Whether structuredClone keeps o as it is (no functions, accessors, class instances, symbols). */
function structuredCloneable(o: unknown): boolean {
  try {
    return JSON.stringify(structuredClone(o)) === JSON.stringify(o) && !/function|get |set /.test(String(Object.values(o ?? {})));
  } catch {
    return false;
  }
}
