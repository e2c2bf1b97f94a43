// JS data -> Go values: what converts, and the clear errors for what cannot.

import { describe, expect, it } from 'vitest';
import { TemplateError, render } from '../../src/index.js';

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

  it('100,000 nested arrays', () => {
    let err: unknown;
    try {
      printed(deep);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateError);
    // Which limit comes first (10,000 levels, or the JS stack) depends on the stack's size.
    expect((err as TemplateError).message).toMatch(
      /^vtpl: cannot use the data as a Go value: at (\[0\]){8}\.\.\. \(\d+ levels\): nested (deeper than 10000 levels|too deeply for this JavaScript stack)/,
    );
  });

  it('a JS function returning such data fails the call with that message', () => {
    expect(() => render('{{ f }}', null, { funcs: { f: () => new Set() } })).toThrow(
      `error calling f: ${prefix}at .: a Set has no Go counterpart here: pass an array`,
    );
  });
});
