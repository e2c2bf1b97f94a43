// Behaviour where Go's output cannot be reproduced exactly (addresses, UTF-16 strings,
// type-address ordering) and the API conventions of src/fmt. These expectations are
// vtpl's documented choices, not Go output.

import { describe, expect, it } from 'vitest';
import { sprint, sprintf } from '../../src/fmt/index.js';
import {
  GoError,
  GoMap,
  Value,
  box,
  float64Value,
  intType,
  intValue,
  interfaceType,
  invalid,
  mapOf,
  namedType,
  ptrTo,
  sliceOf,
  stringType,
  stringValue,
  structOf,
} from '../../src/value/index.js';

const pointType = namedType({ str: 'main.Point', underlying: structOf([{ name: 'X', type: intType }]) });
const point = new Value(pointType, [intValue(1)]);
const pointPtr = new Value(ptrTo(pointType), point);
const nilPtr = new Value(ptrTo(pointType), null);

describe('addresses', () => {
  it('prints a fixed fake address for non-nil pointers below the top level', () => {
    const s = new Value(sliceOf(ptrTo(pointType)), [pointPtr, nilPtr]);
    expect(sprint([s])).toBe('[0xc000010000 <nil>]');
    expect(sprintf('%#v', [s])).toBe('[]*main.Point{(*main.Point)(0xc000010000), (*main.Point)(nil)}');
  });
  it('shows a top-level pointer to a struct as &{...}, as Go does', () => {
    expect(sprintf('%+v', [pointPtr])).toBe('&{X:1}');
  });
  it('%p', () => {
    expect(sprintf('%p %p %#p', [pointPtr, nilPtr, pointPtr])).toBe('0xc000010000 0x0 c000010000');
  });
});

describe('JS strings as Go strings', () => {
  it('counts runes, not UTF-16 units, for width and precision', () => {
    expect(sprintf('%3s|%.1s|%-3q|', [stringValue('😀'), stringValue('😀x'), stringValue('😀')])).toBe('  😀|😀|"😀"|');
  });
  it('treats a lone surrogate as U+FFFD', () => {
    const lone = stringValue('a\uD800');
    expect(sprintf('%x %q %2.1s| %+q', [lone, lone, lone, lone])).toBe('61efbfbd "a\uFFFD"  a| "a\\ufffd"');
  });
  it('orders map keys by UTF-8 bytes, not UTF-16 units', () => {
    const m = new GoMap();
    for (const [k, v] of [
      ['\uFFFF', 1],
      ['\u{1F600}', 2],
      ['\uE000', 3],
    ] as const)
      m.set(stringValue(k), intValue(v));
    expect(sprint([new Value(mapOf(stringType, intType), m)])).toBe('map[\uE000:3 \uFFFF:1 \u{1F600}:2]');
  });
});

describe('arguments', () => {
  it('unwraps interface values; nil interfaces and invalid are a nil any', () => {
    expect(sprintf('%d %v %d %T', [box(intValue(3)), new Value(interfaceType, null), invalid, box(float64Value(1))])).toBe('3 <nil> %!d(<nil>) float64');
  });
  it('orders interface map keys of different dynamic types by type name (Go: by type address)', () => {
    const m = new GoMap();
    m.set(box(stringValue('a')), intValue(1));
    m.set(box(intValue(2)), intValue(2));
    m.set(box(float64Value(1.5)), intValue(3));
    expect(sprint([new Value(mapOf(interfaceType, intType), m)])).toBe('map[1.5:3 2:2 a:1]');
  });
});

describe('methods', () => {
  const failing = namedType({
    str: 'main.Bad',
    underlying: intType,
    methods: [
      {
        name: 'String',
        sig: { params: [], variadic: false, results: [stringType] },
        call: () => {
          throw new GoError('boom');
        },
      },
    ],
  });
  it('reports an exception thrown by String as a panic', () => {
    expect(sprintf('%v|%d', [new Value(failing, 1n), new Value(failing, 2n)])).toBe('%!v(PANIC=String method: boom)|2');
  });
});
