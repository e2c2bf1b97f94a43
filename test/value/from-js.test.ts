// JS data -> Go values: what converts, and the clear errors for what cannot.

import { describe, expect, it } from 'vitest';
import { Template, TemplateError, render } from '../../src/index.js';
import { decodeJSON } from '../../src/go/encoding/json/index.js';
import { type Value, box, maxDataDepth } from '../../src/value/index.js';

const printed = (data: unknown): string => render('{{ . }}|{{ printf "%T" . }}', data);

describe('JS data as Go values', () => {
  it.each([
    ['a safe integer is an int', 3, '3|int'],
    ['a bigint in int64 range is an int64', { n: -(2n ** 63n) }, 'map[n:-9223372036854775808]|map[string]interface {}'],
    ['a bigint above int64 and within uint64 is a uint64', [2n ** 64n - 1n], '[18446744073709551615]|[]interface {}'],
    [
      'a Map with string keys is a map[string]interface{}',
      new Map<string, unknown>([
        ['b', 2],
        ['a', new Map([['x', [1]]])],
      ]),
      'map[a:map[x:[1]] b:2]|map[string]interface {}',
    ],
    [
      'functions in a Map are invisible, as in objects',
      new Map<string, unknown>([
        ['f', () => 1],
        ['a', 1],
      ]),
      'map[a:1]|map[string]interface {}',
    ],
    ['the same object twice (not a cycle) is fine', ((o) => ({ a: o, b: [o, o] }))({ x: 1 }), 'map[a:map[x:1] b:[map[x:1] map[x:1]]]|map[string]interface {}'],
  ])('%s', (_, data, want) => {
    expect(printed(data)).toBe(want);
  });
  it('uint64 values compare and print as Go uint64', () => {
    expect(render('{{ printf "%T %v" .n .n }}', { n: 2n ** 63n })).toBe('uint64 9223372036854775808');
  });
});

describe('data that cannot be a Go value is a TemplateError saying where and why', () => {
  const cycle: { a: unknown[] } = { a: [1] };
  cycle.a.push(cycle);
  let deep: unknown[] = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const prefix = 'vtpl: cannot use the data as a Go value: ';
  it.each([
    ['a cycle', cycle, `${prefix}at .a[1]: the data contains itself (a cycle), which no Go value can`],
    ['a bigint beyond uint64', { n: 2n ** 64n }, `${prefix}at .n: the bigint 18446744073709551616 overflows int64 and uint64`],
    ['a bigint below int64', [-(2n ** 63n) - 1n], `${prefix}at [0]: the bigint -9223372036854775809 overflows int64 and uint64`],
    ['a Map with a number key', new Map([[1, 'a']]), `${prefix}at .: a Map key of type number: only string keys make a Go map[string]interface{}`],
    ['a Set', { s: new Set([1]) }, `${prefix}at .s: a Set has no Go counterpart here: pass an array`],
    [
      'a Date',
      { 'odd key': [new Date(0)] },
      `${prefix}at ["odd key"][0]: a Date is not converted (Go would see a time.Time): pass a string, e.g. date.toISOString()`,
    ],
    ['binary data', { b: new Uint8Array(2) }, `${prefix}at .b: binary data has no Go counterpart here: pass a string or an array of numbers`],
  ])('%s', (_, data, message) => {
    let err: unknown;
    try {
      printed(data);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).message).toBe(message);
  });

  it('data nested deeper than 10,000 levels, read down to there', () => {
    // index walks down without recursing, so the depth limit is met before the JS stack's.
    const path = ' 0'.repeat(maxDataDepth);
    expect(() => render(`{{ index .${path} }}`, deep)).toThrow(
      new RegExp(
        `error calling index: vtpl: cannot use the data as a Go value: at (\\[0\\]){8}\\.\\.\\. \\(${maxDataDepth} levels\\): nested deeper than ${maxDataDepth} levels$`,
      ),
    );
    expect(render(`{{ len (index .${' 0'.repeat(maxDataDepth - 1)}) }}`, deep)).toBe('1');
  });

  // A chain o0.next = o1, ..., o(n-1).next = oj: the cycle is met reading down to depth n,
  // above, at and below the depth where the check changes method (32), whichever j closes it.
  const chains = [5, 31, 32, 33, 40, 70].flatMap((n) => [0, 1, 30, 31, 32, 33, n - 1].filter((j) => j < n).map((j) => [n, j]));
  it.each(chains)('a cycle closed by a chain of %i objects back to the one at depth %i', (n, j) => {
    const objects = Array.from({ length: n }, () => ({ next: undefined as unknown }));
    objects.forEach((o, i) => {
      o.next = objects[i + 1] ?? objects[j];
    });
    const path = ' "next"'.repeat(n);
    expect(render(`{{ len (index .${' "next"'.repeat(n - 1)}) }}`, objects[0])).toBe('1');
    const where = n <= 8 ? '.next'.repeat(n) : `${'.next'.repeat(8)}... (${n} levels)`;
    expect(() => render(`{{ index .${path} }}`, objects[0])).toThrow(
      `error calling index: ${prefix}at ${where}: the data contains itself (a cycle), which no Go value can`,
    );
  });

  it('the same deep chain in two branches is no cycle', () => {
    let chain: unknown = { end: 'x' };
    for (let i = 0; i < 50; i++) chain = { next: chain };
    const path = ' "next"'.repeat(50);
    expect(render(`{{ index .a${path} "end" }}{{ index .b${path} "end" }}{{ index .b${path} "end" }}`, { a: chain, b: chain })).toBe('xxx');
  });

  it('100,000 nested arrays, printed', () => {
    let err: unknown;
    try {
      printed(deep);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateError);
    // Printing recurses: which limit comes first (10,000 levels, or the JS stack) depends on the stack's size.
    expect((err as TemplateError).message).toMatch(
      /^(vtpl: cannot use the data as a Go value: at (\[0\]){8}\.\.\. \(10000 levels\): nested deeper than 10000 levels|template: :1:3: executing "" at <\{\{\.\}\}>: expression nesting exceeds the JavaScript stack)/,
    );
  });

  it('a JS function returning such data fails the call with that message', () => {
    expect(() => render('{{ f }}', null, { funcs: { f: () => new Set() } })).toThrow(
      `error calling f: ${prefix}at .: a Set has no Go counterpart here: pass an array`,
    );
  });
});

describe('JS data is converted as the template reads it', () => {
  /** obj behind a Proxy that counts the property reads the engine makes, by key. */
  function counted<T extends object>(obj: T): { data: T; reads: Map<string, number> } {
    const reads = new Map<string, number>();
    const note = (k: string | symbol): void => {
      if (typeof k === 'string') reads.set(k, (reads.get(k) ?? 0) + 1);
    };
    const data = new Proxy(obj, {
      getOwnPropertyDescriptor(t, k) {
        note(k);
        return Reflect.getOwnPropertyDescriptor(t, k);
      },
      get(t, k, r) {
        note(k);
        return Reflect.get(t, k, r);
      },
      ownKeys(t) {
        note('(keys)');
        return Reflect.ownKeys(t);
      },
    });
    return { data, reads };
  }

  it('reads only what the template uses, a string each time it is used', () => {
    const big = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, { v: i }]));
    const { data, reads } = counted({ ...big, a: 'A' });
    // A printed chain is read in place each time; an object passed on (index's argument) gets a view, read once.
    expect(render('{{ .a }}{{ .a }}{{ .k7.v }}{{ .k7.v }}{{ index .k8 "v" }}{{ index .k8 "v" }}', data)).toBe('AA7788');
    expect(Object.fromEntries(reads)).toEqual({ a: 2, k7: 2, k8: 1 });
  });

  it('an object or array read twice is the same view: what was read of it stays read', () => {
    const inner = counted({ c: { d: 1 } });
    const { data, reads } = counted({ list: [inner.data], m: inner.data });
    expect(render('{{ (index .list 0).c.d }}{{ (index .list 0).c.d }}{{ .m.c.d }}', data)).toBe('111');
    expect(Object.fromEntries(reads)).toEqual({ list: 1, m: 1 });
    // The view of .list[0] read c once; .m is another view of the same object, which reads it again.
    expect(inner.reads.get('c')).toBe(2);
  });

  it('len and truth count the keys without converting any value', () => {
    const inner = counted({ c: 2 });
    const { data, reads } = counted({ a: 1, b: inner.data, f: () => 1 });
    expect(render('{{ len . }} {{ if . }}y{{ end }}', data)).toBe('2 y');
    expect(reads.get('(keys)')).toBe(1);
    expect(inner.reads.size).toBe(0);
  });

  it('part of an array is read when only part is used', () => {
    const { data, reads } = counted(Array.from({ length: 1000 }, (_, i) => i));
    expect(render('{{ index . 3 }} {{ index . 3 }} {{ len . }}', data)).toBe('3 3 1000');
    // Each read of an element looks three times (own? an accessor? its value): twice, 6.
    expect(reads.get('3')).toBe(6);
    expect(reads.get('4')).toBeUndefined();
  });

  it('an array element that is a hole or an accessor is nil, and no getter runs', () => {
    let ran = 0;
    const list: unknown[] = [1, 2, 3, 4, 5];
    delete list[1];
    Object.defineProperty(list, 2, { get: () => ++ran, enumerable: true });
    Object.defineProperty(list, 3, { set: () => void ran++, enumerable: true });
    Object.defineProperty(Array.prototype, 4, { value: 'proto', configurable: true, writable: true });
    try {
      delete list[4];
      expect(render('{{ range . }}[{{ . }}]{{ end }}', list)).toBe('[1][<no value>][<no value>][<no value>][<no value>]');
    } finally {
      delete (Array.prototype as unknown as Record<number, unknown>)[4];
    }
    expect(ran).toBe(0);
  });

  it('data that is never read is never refused', () => {
    const cycle: { me?: unknown } = {};
    cycle.me = cycle;
    expect(render('{{ .ok }}', { ok: 1, bad: new Set(), big: 2n ** 70n, cycle })).toBe('1');
  });

  it('each execute sees the data as it is then', () => {
    const t = new Template('t').parse('{{ .n }} {{ range .list }}{{ . }}{{ end }} {{ .m }}');
    const data: { n: number; list: number[]; m: Record<string, number> } = { n: 1, list: [1], m: { a: 1 } };
    expect(t.execute(data)).toBe('1 1 map[a:1]');
    data.n = 2;
    data.list.push(2);
    data.m.b = 2;
    expect(t.execute(data)).toBe('2 12 map[a:1 b:2]');
  });

  it("a change to a map by a function changes the template's view and its sorted keys, never the JS data", () => {
    const data = { m: { b: 2, a: 1 } };
    const put = (m: Value, k: Value, v: Value): string => {
      m.map()?.set(k, box(v));
      return '';
    };
    expect(render('{{ .m }} {{ put .m "c" 3 }}{{ .m }} {{ range $k, $v := .m }}{{ $k }}{{ end }}', data, { funcs: { put } })).toBe(
      'map[a:1 b:2] map[a:1 b:2 c:3] abc',
    );
    expect(data).toEqual({ m: { b: 2, a: 1 } });
  });

  it('a field read after a function changed the map reads the change, however often it was read before', () => {
    // Read often enough for the map to index its values by key (GoMap.getString), then changed.
    const put = (m: Value, k: Value, v: Value): string => {
      m.map()?.set(k, box(v));
      return '';
    };
    const text = '{{ range 30 }}{{ $.m.a }}{{ end }}|{{ put .m "a" 5 }}{{ range 30 }}{{ $.m.a }}{{ end }}|{{ put .m "a" 6 }}{{ .m.a }}{{ .m.b }}';
    const want = `${'1'.repeat(30)}|${'5'.repeat(30)}|6<no value>`;
    expect(render(text, { m: { a: 1 } }, { funcs: { put } })).toBe(want);
    expect(render(text, decodeJSON('{"m":{"a":1}}', { useNumber: true }), { funcs: { put } })).toBe(want);
  });
});

describe('a large object or Map ranged over execute after execute (its sorted keys and unchanged entries are kept)', () => {
  // Printing and ranging read the sorted entries; len reads the keys first (size's lookups).
  const templates = ['{{ range $k, $v := . }}{{ $k }}={{ $v }};{{ end }}', '{{ len . }} {{ . }} {{ printf "%v" . }}'].map((text) =>
    new Template('t').parse(text),
  );
  const renders = (data: unknown): string[] =>
    templates.map((t) => {
      try {
        return t.execute(data);
      } catch (e) {
        return String(e);
      }
    });
  // 20 keys (more than are sorted afresh each time), out of order, with keys whose UTF-16
  // order is not their code point order.
  const entries = (): [string, unknown][] => [
    ...Array.from({ length: 18 }, (_, i): [string, unknown] => [`k${(i * 7) % 18}`, `v${i}`]),
    ['\u{1F600}', 'smile'],
    ['\uFF5A', 'wide z'],
  ];
  const accessor = (get?: () => unknown, set?: (v: unknown) => void): PropertyDescriptor => ({ get, set, enumerable: true, configurable: true });
  const getterThatThrows = (): unknown => {
    throw new Error('a getter ran');
  };

  type Step = [string, (o: Record<string, unknown>) => void];
  const objectSteps: Step[] = [
    ['nothing changed', () => {}],
    ['a value changed', (o) => Object.assign(o, { k3: 'changed' })],
    ['a string becomes a number', (o) => Object.assign(o, { k4: 4 })],
    ['the number becomes the same digits as a string', (o) => Object.assign(o, { k4: '4' })],
    ['a number becomes a float and NaN', (o) => Object.assign(o, { k4: 0.5, k12: Number.NaN })],
    ['a bigint', (o) => Object.assign(o, { k13: 2n ** 63n })],
    ['a key added', (o) => Object.assign(o, { added: true })],
    ['a key removed', (o) => delete o.k5],
    [
      'a key removed and added back, now last',
      (o) => {
        delete o.k6;
        o.k6 = 'back';
      },
    ],
    ['a value becomes an object', (o) => Object.assign(o, { k7: { x: 1 } })],
    // Alone, a change to nothing.
    ['that object changed inside', (o) => typeof o.k7 === 'object' && Object.assign(o.k7 as object, { x: 2, y: [1] })],
    ['a value becomes a function', (o) => Object.assign(o, { k8: () => 'fn' })],
    ['a getter replaces a value', (o) => Object.defineProperty(o, 'k9', accessor(getterThatThrows))],
    [
      'a setter alone replaces a value',
      (o) =>
        Object.defineProperty(
          o,
          'k10',
          accessor(undefined, () => {}),
        ),
    ],
    [
      'the getter and setter become values again',
      (o) => Object.assign(Object.defineProperty(Object.defineProperty(o, 'k9', { value: 9 }), 'k10', { value: 10 })),
    ],
    ['a value becomes undefined and null', (o) => Object.assign(o, { k11: undefined, k14: null })],
    ['a key made not enumerable', (o) => Object.defineProperty(o, 'k15', { enumerable: false })],
    ['a value refused as data', (o) => Object.assign(o, { k16: new Set() })],
    ['the refused value replaced', (o) => Object.assign(o, { k16: 'fine' })],
    [
      'most keys removed',
      (o) => {
        for (const k of Object.keys(o).slice(3)) delete o[k];
      },
    ],
  ];

  /** Executes on live data before and after each of steps: the same output as a fresh copy with the same changes. */
  function follow<T>(make: () => T, steps: readonly [string, (data: T) => unknown][]): void {
    const live = make();
    renders(live);
    for (let n = 1; n <= steps.length; n++) {
      steps[n - 1][1](live);
      const fresh = make();
      for (const [, change] of steps.slice(0, n)) change(fresh);
      const name = steps[n - 1][0];
      // Twice: the second execute finds everything as the first left it.
      expect([name, renders(live)]).toEqual([name, renders(fresh)]);
      expect([name, renders(live)]).toEqual([name, renders(fresh)]);
    }
  }

  it.each(objectSteps)('an object, one change: %s', (name, change) => follow(() => Object.fromEntries(entries()), [[name, change]]));

  it('an object, every change in turn', () => follow(() => Object.fromEntries(entries()), objectSteps));

  it('an object whose execute was refused midway, then given the refused value back', () =>
    follow(
      () => Object.fromEntries(entries()),
      [
        ['an early value changed, a later one refused', (o) => Object.assign(o, { k0: 'changed', k17: new Set() })],
        ['the later one as before', (o) => Object.assign(o, { k17: 'v5' })],
      ],
    ));

  type MapStep = [string, (m: Map<unknown, unknown>) => void];
  const mapSteps: MapStep[] = [
    ['nothing changed', () => {}],
    ['a value changed', (m) => m.set('k3', 'changed')],
    ['a key added', (m) => m.set('added', 1)],
    ['a key removed', (m) => m.delete('k5')],
    ['a key removed and added back, now last', (m) => m.delete('k6') && m.set('k6', 'back')],
    ['a value becomes a Map', (m) => m.set('k7', new Map([['x', 1]]))],
    // Alone, a change to nothing.
    ['that Map changed inside', (m) => (m.get('k7') instanceof Map ? (m.get('k7') as Map<string, number>).set('x', 2) : m)],
    ['a value becomes a function', (m) => m.set('k8', () => 'fn')],
    ['a value becomes undefined', (m) => m.set('k9', undefined)],
    ['a key that is not a string', (m) => m.set(1, 'one')],
    ['that key removed', (m) => m.delete(1)],
  ];

  it.each(mapSteps)('a Map, one change: %s', (name, change) => follow(() => new Map<unknown, unknown>(entries()), [[name, change]]));

  it('a Map, every change in turn', () => follow(() => new Map<unknown, unknown>(entries()), mapSteps));

  it.each([
    ['set', (m: Value, k: Value, v: Value) => m.map()?.set(k, box(v))],
    ['delete', (m: Value, k: Value) => m.map()?.delete(k)],
  ])("a function's %s of an entry is seen by its execute only, not by the next ones, which share the kept entries", (_, change) => {
    const object = Object.fromEntries(entries());
    const map = new Map(entries());
    const fn = (m: Value, k: Value, v: Value): string => {
      change(m, k, v);
      return '';
    };
    // After a range, the entries (not the sorted list) answer .k3 and len.
    const after = new Template('t').parse('{{ range . }}{{ end }}{{ .k3 }} {{ len . }}');
    for (const data of [object, map]) {
      const before = renders(data);
      expect(after.execute(data)).toBe('v3 20');
      expect(render('{{ range . }}{{ end }}{{ fn . "k3" "new" }}{{ .k3 }} {{ len . }}', data, { funcs: { fn } })).toMatch(/^(new 20|<no value> 19)$/);
      expect(after.execute(data)).toBe('v3 20');
      expect(renders(data)).toEqual(before);
    }
    expect(object).toEqual(Object.fromEntries(entries()));
  });

  it('an object and a Map with the same entries print alike, in Go order, the second time too', () => {
    const object = Object.fromEntries(entries());
    const map = new Map(entries());
    const want = renders(decodeJSON(JSON.stringify(object), { useNumber: false }));
    for (let i = 0; i < 2; i++) {
      expect(renders(object)).toEqual(want);
      expect(renders(map)).toEqual(want);
    }
  });
});
