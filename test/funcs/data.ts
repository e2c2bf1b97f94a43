// The test data of go-cases.ts: a mirror of the oracle's `*T` (see the Go program
// described there). Every field is addressable, as fields reached through a pointer are.

import {
  type FuncSig,
  type GoType,
  GoError,
  GoMap,
  GoPanic,
  Value,
  arrayOf,
  boolType,
  box,
  complex128Type,
  errorType,
  float32Type,
  funcOf,
  goFunc,
  int32Type,
  int64Type,
  int8Type,
  intType,
  intValue,
  interfaceType,
  invalid,
  mapOf,
  namedType,
  ptrTo,
  recvChanOf,
  sliceInterfaceType,
  sliceOf,
  sliceStringType,
  stringType,
  stringValue,
  stringerType,
  structOf,
  uint64Type,
  uint8Type,
  uintType,
  boolValue,
} from '../../src/value/index.js';
import { asAddressable } from '../../src/exec/addressable.js';

const sig = (params: GoType[], results: GoType[], variadic = false): FuncSig => ({ params, variadic, results });

/** main.V with `func (v *V) String() string { return fmt.Sprintf("<%d>", v.j) }`. */
export const vType: GoType = namedType({
  str: 'main.V',
  underlying: structOf([{ name: 'j', type: intType }]),
  pointerMethods: [
    {
      name: 'String',
      sig: sig([], [stringType]),
      call: (recv) => stringValue(`<${recv.elem().items()[0].int()}>`),
    },
  ],
});
const sType = namedType({
  str: 'main.S',
  underlying: structOf([
    { name: 'A', type: intType },
    { name: 'B', type: intType },
  ]),
});
const withSliceType = namedType({ str: 'main.WithSlice', underlying: structOf([{ name: 'X', type: interfaceType }]) });

const v = (n: number): Value => new Value(vType, [intValue(n)]);
const s = (a: number, b: number): Value => new Value(sType, [intValue(a), intValue(b)]);
const ints = (...xs: number[]): Value[] => xs.map((x) => intValue(x));
const of = (t: GoType, n: bigint | number): Value => new Value(t, BigInt(n));

function map(key: GoType, elem: GoType, entries: ReadonlyArray<readonly [Value, Value]>): Value {
  const m = new GoMap();
  for (const [k, e] of entries) m.set(k, e);
  return new Value(mapOf(key, elem), m);
}

const strMap = (key: GoType, entries: ReadonlyArray<readonly [number, string]>): Value =>
  map(
    key,
    stringType,
    entries.map(([k, e]) => [of(key, k), stringValue(e)] as const),
  );

const sliceOfInt = sliceOf(intType);
const arr = new Value(arrayOf(3, intType), ints(3, 4, 5));
const fnIntInt = sig([intType], [intType]);

const fields: Record<string, Value> = {
  SI: new Value(sliceOfInt, ints(3, 4, 5)),
  AI: arr,
  S: stringValue('xyz'),
  U: stringValue('héllo'),
  MSI: map(
    stringType,
    intType,
    [
      ['one', 1],
      ['two', 2],
      ['three', 3],
    ].map(([k, n]) => [stringValue(k as string), intValue(n as number)] as const),
  ),
  SMSI: new Value(sliceOf(mapOf(stringType, intType)), [
    map(stringType, intType, [
      [stringValue('one'), intValue(1)],
      [stringValue('two'), intValue(2)],
    ]),
    map(stringType, intType, [
      [stringValue('eleven'), intValue(11)],
      [stringValue('twelve'), intValue(12)],
    ]),
  ]),
  MI64S: strMap(int64Type, [
    [2, 'i642'],
    [3, 'i643'],
  ]),
  MI32S: strMap(int32Type, [
    [1, 'one'],
    [2, 'two'],
  ]),
  MUI64S: strMap(uint64Type, [
    [2, 'ui642'],
    [3, 'ui643'],
  ]),
  MI8S: strMap(int8Type, [
    [2, 'i82'],
    [3, 'i83'],
  ]),
  MUI8S: strMap(uint8Type, [
    [2, 'u82'],
    [3, 'u83'],
  ]),
  MIface: map(interfaceType, stringType, [
    [box(intValue(1)), stringValue('int1')],
    [box(stringValue('a')), stringValue('strA')],
  ]),
  Empty0: new Value(interfaceType, null),
  Empty3: box(new Value(sliceOfInt, ints(7, 8))),
  NilPtr: new Value(ptrTo(intType), null),
  PI: new Value(ptrTo(intType), intValue(7)),
  NilSlice: new Value(sliceOfInt, null),
  NilMap: new Value(mapOf(stringType, intType), null),
  Uthree: of(uintType, 3),
  Ufour: of(uintType, 4),
  NegOne: intValue(-1),
  Three: intValue(3),
  I8: of(int8Type, -2),
  U64Big: of(uint64Type, 1n << 63n),
  Ptr: new Value(ptrTo(intType), intValue(0)),
  NonNilMap: map(intType, intType, []),
  Map: new Value(mapOf(intType, intType), null),
  V1: v(0),
  V2: v(0),
  Iface1: new Value(stringerType, new Value(ptrTo(vType), v(1))),
  NilIface: new Value(stringerType, null),
  PAI: new Value(ptrTo(arrayOf(3, intType)), new Value(arrayOf(3, intType), ints(3, 4, 5))),
  PV: new Value(ptrTo(vType), v(5)),
  SV: new Value(sliceOf(vType), [v(6)]),
  Ch: new Value(recvChanOf(intType), []),
  F: goFunc(fnIntInt, ([a]) => intValue(BigInt.asIntN(64, a.int() + 1n))),
  NilF: new Value(funcOf(fnIntInt), null),
  BinaryFunc: goFunc(sig([stringType, stringType], [stringType]), ([a, b]) => stringValue(`[${a.str()}=${b.str()}]`)),
  VariadicFunc: goFunc(sig([sliceStringType], [stringType], true), (xs) => stringValue(`<${xs.map((x) => x.str()).join('+')}>`)),
  VariadicFuncInt: goFunc(sig([intType, sliceStringType], [stringType], true), ([a, ...xs]) => stringValue(`${a.int()}=<${xs.map((x) => x.str()).join('+')}>`)),
  ErrFunc: goFunc(sig([], [stringType, errorType]), () => {
    throw new GoError('boom');
  }),
  PanicFunc: goFunc(sig([], [stringType]), () => {
    throw new GoPanic('test panic');
  }),
  NilOKFunc: goFunc(sig([ptrTo(intType)], [boolType]), ([p]) => boolValue(p.isNil())),
  TooMany: goFunc(sig([], [intType, intType, errorType]), () => intValue(1)),
  BadSecond: goFunc(sig([], [intType, boolType]), () => intValue(1)),
  St1: s(1, 2),
  St2: s(1, 2),
  St3: s(1, 3),
  WS1: new Value(withSliceType, [box(new Value(sliceOfInt, ints(1)))]),
  WS2: new Value(withSliceType, [box(new Value(sliceOfInt, ints(1)))]),
  F32: new Value(float32Type, 1.5),
  C: new Value(complex128Type, { re: 1, im: 2 }),
  B: boolValue(true),
  Astral: stringValue('\u{1F600}'),
  Bmp: stringValue('\uFF01'),
  SIface: new Value(sliceInterfaceType, [box(intValue(1)), box(stringValue('a')), box(invalid)]),
};

/** The value of `.Name` on the *T: an addressable field. */
export function field(name: string): Value {
  const f = fields[name];
  if (!f) throw new Error(`no field ${name}`);
  return asAddressable(f);
}
