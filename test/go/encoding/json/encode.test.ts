import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GoError,
  GoMap,
  type GoType,
  type Method,
  Value,
  arrayOf,
  boolType,
  box,
  complex128Type,
  errorType,
  float32Type,
  float64Type,
  funcOf,
  int64Type,
  int8Type,
  intType,
  interfaceType,
  invalid,
  jsonNumber,
  mapOf,
  mapStringInterfaceType,
  namedType,
  ptrTo,
  recvChanOf,
  sliceInterfaceType,
  sliceOf,
  stringType,
  stringValue,
  structOf,
  uint64Type,
  uint8Type,
  uintptrType,
} from '../../../../src/value/index.js';
import { type MarshalOptions, decodeJSON, marshalJSON } from '../../../../src/go/encoding/json/index.js';

// Expectations produced by a Go 1.26 program from encoding/json itself; nothing here is hand-typed.
type Outcome = { ok: unknown } | { err: string };
type Variants = Record<'m' | 'mu' | 'mi' | 'mp', Outcome>;
interface DecodeCase {
  in: string;
  enc?: Variants;
  encN?: Variants;
}
const golden = JSON.parse(readFileSync(new URL('./go-expected.json', import.meta.url), 'utf8')) as {
  decode: DecodeCase[];
  deep: { name: string; m?: Outcome }[];
  float64: [string, string][];
  float32: [string, string][];
  strings: [string, string, string][];
  typed: Record<string, Variants>;
};

// The four ways the Go program encoded each value: Marshal, Encoder without HTML
// escaping (newline trimmed), MarshalIndent(v, "", "  ") and MarshalIndent(v, "> ", "\t").
const variants: [keyof Variants, MarshalOptions][] = [
  ['m', { escapeHTML: true }],
  ['mu', { escapeHTML: false }],
  ['mi', { escapeHTML: true, prefix: '', indent: '  ' }],
  ['mp', { escapeHTML: true, prefix: '> ', indent: '\t' }],
];

function outcome(run: () => string): Outcome {
  try {
    return { ok: run() };
  } catch (e) {
    if (e instanceof GoError) return { err: e.message };
    throw e;
  }
}

function expectVariants(v: Value, want: Variants): void {
  for (const [name, opts] of variants) expect({ name, ...outcome(() => marshalJSON(v, opts)) }).toEqual({ name, ...want[name] });
}

describe('marshalJSON of decoded values agrees with Go', () => {
  const cases = golden.decode.filter((c) => c.enc || c.encN);
  it.each(cases.map((c) => [JSON.stringify(c.in).slice(0, 60), c] as const))('%s', (_, c) => {
    for (const [useNumber, want] of [
      [false, c.enc],
      [true, c.encN],
    ] as const) {
      if (!want) continue;
      const value = decodeJSON(c.in, { useNumber });
      expectVariants(value, want);
      // Again: a map keeps its quoted keys and values, per escaping, from the first time.
      expectVariants(value, want);
    }
  });
});

describe('texts a map keeps between encodings', () => {
  const decode = (text: string): Value => decodeJSON(text, { useNumber: true });
  it('follow a change to the map', () => {
    const value = decode('{"a":"x","b":1,"c":{"d":"<e>"}}');
    for (const [, opts] of variants) marshalJSON(value, opts);
    const m = value.map();
    m?.set(stringValue('b'), box(stringValue('<y>')));
    m?.set(stringValue('aa'), box(jsonNumber('2')));
    const fresh = decode('{"a":"x","aa":2,"b":"<y>","c":{"d":"<e>"}}');
    for (const [name, opts] of variants) {
      expect({ name, out: marshalJSON(value, opts) }).toEqual({ name, out: marshalJSON(fresh, opts) });
    }
  });
  it('do not fix the indentation of a map met at two depths', () => {
    const inner = decode('{"k":"v","l":"w"}');
    const shared = new Value(sliceInterfaceType, [box(inner), box(new Value(sliceInterfaceType, [box(inner)]))]);
    const copies = decode('[{"k":"v","l":"w"},[{"k":"v","l":"w"}]]');
    for (const [name, opts] of variants) {
      expect({ name, out: marshalJSON(shared, opts) }).toEqual({ name, out: marshalJSON(copies, opts) });
    }
  });
});

describe('floats', () => {
  it('formats float64 as Go does', () => {
    const view = new DataView(new ArrayBuffer(8));
    for (const [bits, want] of golden.float64) {
      view.setBigUint64(0, BigInt(`0x${bits}`));
      const f = view.getFloat64(0);
      expect({ bits, out: marshalJSON(new Value(float64Type, f), { escapeHTML: true }) }).toEqual({ bits, out: want });
    }
  });
  it('formats float32 as Go does', () => {
    const view = new DataView(new ArrayBuffer(4));
    for (const [bits, want] of golden.float32) {
      view.setUint32(0, parseInt(bits, 16));
      const f = view.getFloat32(0);
      expect({ bits, out: marshalJSON(new Value(float32Type, f), { escapeHTML: true }) }).toEqual({ bits, out: want });
    }
  });
});

describe('strings', () => {
  it('escapes as Go does, with and without HTML escaping', () => {
    for (const [s, html, plain] of golden.strings) {
      expect({ s, out: marshalJSON(stringValue(s), { escapeHTML: true }) }).toEqual({ s, out: html });
      expect({ s, out: marshalJSON(stringValue(s), { escapeHTML: false }) }).toEqual({ s, out: plain });
    }
  });
  // A JS string cannot hold invalid UTF-8; a lone surrogate stands for it and is written as Go writes a bad byte.
  it('writes a lone surrogate as \\ufffd', () => {
    expect(marshalJSON(stringValue('a\ud800b\udc00'), { escapeHTML: true })).toBe('"a\\ufffdb\\ufffd"');
  });
});

// ---- Go values built to match the Go program's typedValues() ----

const v = (t: GoType, x: unknown): Value => new Value(t, x);
const bytes = (xs: number[] | null): Value => v(sliceOf(uint8Type), xs === null ? null : xs.map((b) => v(uint8Type, BigInt(b))));
const goMap = (t: GoType, entries: [Value, Value][]): Value => {
  const m = new GoMap();
  for (const [k, x] of entries) m.set(k, x);
  return v(t, m);
};
const bytesSig = { params: [], variadic: false, results: [sliceOf(uint8Type), errorType] };
const method = (call: Method['call']): Method => ({ name: 'MarshalJSON', sig: bytesSig, call });
const utf8 = (s: string): Value => bytes([...new TextEncoder().encode(s)]);
const empty = structOf([]);
const mType = namedType({
  str: 'main.M',
  underlying: empty,
  methods: [method(() => utf8(' { "a" : "<x>&\u2028" , "b":[ 1, 2 ] } \n'))],
});
const mErrType = namedType({
  str: 'main.MErr',
  underlying: empty,
  methods: [
    method(() => {
      throw new GoError('boom');
    }),
  ],
});
const mBadType = namedType({ str: 'main.MBad', underlying: empty, methods: [method(() => utf8('{"a":'))] });
const mBad2Type = namedType({ str: 'main.MBad2', underlying: empty, methods: [method(() => utf8('[1] x'))] });
const pmType = namedType({
  str: 'main.PM',
  underlying: structOf([{ name: 'X', type: intType }]),
  pointerMethods: [method(() => utf8('"pm"'))],
});
const pm = v(pmType, [v(intType, 1n)]);
const seven = v(intType, 7n);
const funcType = funcOf({ params: [], variadic: false, results: [] });
const mapIface = mapOf(interfaceType, interfaceType);
const cycle = new GoMap();
cycle.set(stringValue('a'), box(v(mapStringInterfaceType, cycle)));

const typed: Record<string, Value> = {
  int8: v(int8Type, -5n),
  int64max: v(int64Type, 9223372036854775807n),
  int64min: v(int64Type, -9223372036854775808n),
  uint64max: v(uint64Type, 18446744073709551615n),
  uintptr: v(uintptrType, 42n),
  bytesNil: bytes(null),
  bytesEmpty: bytes([]),
  bytes1: bytes([0xff]),
  bytes2: bytes([0, 1]),
  bytes3: utf8('abc'),
  bytes5: bytes([0xfb, 0xff, 0xbf, 0, 7]),
  byteArray: v(
    arrayOf(3, uint8Type),
    [1n, 2n, 3n].map((b) => v(uint8Type, b)),
  ),
  mapIntString: goMap(
    mapOf(intType, stringType),
    [
      [1n, 'a'],
      [2n, 'b'],
      [10n, 'c'],
      [-3n, 'd'],
    ].map(([k, s]) => [v(intType, k), stringValue(s as string)]),
  ),
  mapUint8Bool: goMap(mapOf(uint8Type, boolType), [
    [v(uint8Type, 200n), v(boolType, true)],
    [v(uint8Type, 3n), v(boolType, false)],
  ]),
  mapIfaceNil: v(mapIface, null),
  mapIface: goMap(mapIface, [[box(stringValue('a')), box(v(intType, 1n))]]),
  mapBoolKey: goMap(mapOf(boolType, intType), [[v(boolType, true), v(intType, 1n)]]),
  mapNil: v(mapOf(stringType, intType), null),
  mapSortUTF8: goMap(
    mapOf(stringType, intType),
    (['\uffff', '😀', 'a', '<'] as const).map((k, i) => [stringValue(k), v(intType, BigInt(i + 1))]),
  ),
  sliceNil: v(sliceOf(intType), null),
  sliceEmpty: v(sliceOf(intType), []),
  struct: v(
    structOf([
      { name: 'A', type: intType },
      { name: 'b', type: stringType },
      { name: 'C', type: sliceOf(stringType) },
      { name: 'D', type: ptrTo(intType) },
      { name: 'E', type: interfaceType },
      { name: 'F', type: mapOf(stringType, intType) },
    ]),
    [v(intType, 1n), stringValue('x'), v(sliceOf(stringType), null), v(ptrTo(intType), null), box(invalid), v(mapOf(stringType, intType), null)],
  ),
  structEmpty: v(empty, []),
  structUnexported: v(structOf([{ name: 'a', type: intType }]), [v(intType, 1n)]),
  ptrInt: v(ptrTo(intType), seven),
  ptrPtrNil: v(ptrTo(ptrTo(intType)), v(ptrTo(intType), null)),
  func: v(funcType, () => invalid),
  funcNil: v(funcType, null),
  chan: v(recvChanOf(int64Type), null),
  complex: v(complex128Type, { re: 1, im: 2 }),
  structFunc: v(
    structOf([
      { name: 'A', type: intType },
      { name: 'F', type: funcType },
    ]),
    [v(intType, 1n), v(funcType, null)],
  ),
  sliceFuncEmpty: v(sliceOf(funcType), []),
  number: jsonNumber('1.50'),
  numberEmpty: jsonNumber(''),
  numberBad: jsonNumber('abc'),
  numberLead0: jsonNumber('01'),
  numberSpace: jsonNumber(' 1'),
  numberQuote: jsonNumber('1"\n\x07'),
  nan: v(float64Type, NaN),
  inf: v(float64Type, Infinity),
  ninf: v(float64Type, -Infinity),
  nan32: v(float32Type, NaN),
  ifaceSlice: v(
    sliceInterfaceType,
    [invalid, v(intType, 1n), stringValue('a'), v(boolType, true), v(float64Type, 1.5)].map((x) => box(x)),
  ),
  ptrSlice: v(sliceOf(ptrTo(intType)), [v(ptrTo(intType), null), v(ptrTo(intType), seven)]),
  marshaler: v(mType, []),
  marshalerErr: v(mErrType, []),
  marshalerBad: v(mBadType, []),
  marshalerBad2: v(mBad2Type, []),
  marshalerNilPtr: v(ptrTo(mType), null),
  marshalerPtr: v(ptrTo(mType), v(mType, [])),
  marshalerInSlice: v(sliceOf(mType), [v(mType, []), v(mType, [])]),
  ptrMarshalerValue: pm,
  ptrMarshalerSlice: v(sliceOf(pmType), [pm]),
  ptrMarshalerPtr: v(ptrTo(pmType), pm),
  ptrMarshalerMap: goMap(mapOf(stringType, pmType), [[stringValue('k'), pm]]),
  ptrMarshalerIface: v(sliceInterfaceType, [box(pm)]),
  ptrMarshalerArray: v(ptrTo(arrayOf(1, pmType)), v(arrayOf(1, pmType), [pm])),
  cycle: v(mapStringInterfaceType, cycle),
};

describe('typed values agree with Go', () => {
  it('covers every case of the Go program', () => {
    expect(Object.keys(typed).sort()).toEqual(Object.keys(golden.typed).sort());
  });
  it.each(Object.entries(typed))('%s', (name, value) => expectVariants(value, golden.typed[name]));
});

describe('deep values', () => {
  it('encodes 10000 levels without exhausting the stack', () => {
    const text = '['.repeat(10000) + ']'.repeat(10000);
    const want = golden.deep.find((c) => c.name === 'array10000')?.m;
    expect({ ok: marshalJSON(decodeJSON(text, { useNumber: false }), { escapeHTML: true }).length }).toEqual(want);
    expect(marshalJSON(decodeJSON(text, { useNumber: false }), { escapeHTML: true })).toBe(text);
  });
  it('encodes a deep object', () => {
    const text = `{"a":${'{"a":'.repeat(9999)}0${'}'.repeat(9999)}}`;
    expect(marshalJSON(decodeJSON(text, { useNumber: false }), { escapeHTML: true })).toBe(text);
  });
});
