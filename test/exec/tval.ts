// exec_test.go's test data (T, tVal and the FuncMap) rebuilt as Values, with the
// types named as in the Go oracle program (package main).

import { sprint, sprintf, sprintln } from '../../src/fmt/index.js';
import {
  type FuncSig,
  type GoType,
  type Method,
  GoError,
  GoMap,
  GoPanic,
  Value,
  arrayOf,
  boolType,
  boolValue,
  box,
  complex128Type,
  errorType,
  int16Type,
  float64Type,
  funcOf,
  goFunc,
  int32Type,
  invalid,
  int64Type,
  int8Type,
  intType,
  intValue,
  interfaceType,
  mapOf,
  namedType,
  ptrTo,
  sliceOf,
  stringType,
  stringValue,
  stringerType,
  structOf,
  uint16Type,
  uint32Type,
  uint64Type,
  uint8Type,
  uintType,
  uintptrType,
  zeroOf,
  float64Value,
} from '../../src/value/index.js';

const sig = (params: GoType[], results: GoType[], variadic = false): FuncSig => ({ params, variadic, results });
const method = (name: string, s: FuncSig, call: Method['call']): Method => ({ name, sig: s, call });

const iface = (str: string, methods: string[]): GoType => ({
  kind: 'interface',
  str,
  name: str.slice(str.lastIndexOf('.') + 1),
  methods: new Map(),
  ifaceMethods: methods,
});

export const IType = iface('main.I', ['Method0']);

// type S []string with a value method Method0.
export const SType = namedType({
  str: 'main.S',
  underlying: sliceOf(stringType),
  methods: [method('Method0', sig([], [stringType]), () => stringValue('M0'))],
});

export const UType = namedType({
  str: 'main.U',
  underlying: structOf([{ name: 'V', type: stringType }]),
  pointerMethods: [method('TrueFalse', sig([boolType], [stringType]), (_r, [b]) => stringValue(b.bool() ? 'true' : ''))],
});

// V and W have String/Error only on the pointer, which prints nilV/nilW for nil.
export const VType = namedType({
  str: 'main.V',
  underlying: structOf([{ name: 'j', type: intType }]),
  pointerMethods: [method('String', sig([], [stringType]), (r) => stringValue(r.isNil() ? 'nilV' : `<${r.elem().items()[0].int()}>`))],
});
export const WType = namedType({
  str: 'main.W',
  underlying: structOf([{ name: 'k', type: intType }]),
  pointerMethods: [method('Error', sig([], [stringType]), (r) => stringValue(r.isNil() ? 'nilW' : `[${r.elem().items()[0].int()}]`))],
});

const bufferType = namedType({
  str: 'bytes.Buffer',
  underlying: structOf([{ name: 'buf', type: sliceOf(uint8Type) }]),
  pointerMethods: [method('String', sig([], [stringType]), (r) => r.elem().items()[0])],
});
const errorStringType = namedType({
  str: 'errors.errorString',
  underlying: structOf([{ name: 's', type: stringType }]),
  pointerMethods: [method('Error', sig([], [stringType]), (r) => r.elem().items()[0])],
});
// unsafe.Pointer, approximated by a pointer type with that name.
const unsafePointerType: GoType = { ...ptrTo(intType), str: 'unsafe.Pointer', name: 'Pointer' };

export function bytesBuffer(text: string): Value {
  return new Value(ptrTo(bufferType), new Value(bufferType, [stringValue(text)]));
}

function newError(text: string): Value {
  return new Value(ptrTo(errorStringType), new Value(errorStringType, [stringValue(text)]));
}

const fields: { name: string; type: GoType }[] = [
  { name: 'True', type: boolType },
  { name: 'I', type: intType },
  { name: 'U16', type: uint16Type },
  { name: 'X', type: stringType },
  { name: 'S', type: stringType },
  { name: 'FloatZero', type: float64Type },
  { name: 'ComplexZero', type: complex128Type },
  { name: 'U', type: ptrTo(UType) },
  { name: 'V0', type: VType },
  { name: 'V1', type: ptrTo(VType) },
  { name: 'V2', type: ptrTo(VType) },
  { name: 'W0', type: WType },
  { name: 'W1', type: ptrTo(WType) },
  { name: 'W2', type: ptrTo(WType) },
  { name: 'SI', type: sliceOf(intType) },
  { name: 'SICap', type: sliceOf(intType) },
  { name: 'SIEmpty', type: sliceOf(intType) },
  { name: 'SB', type: sliceOf(boolType) },
  { name: 'AI', type: arrayOf(3, intType) },
  { name: 'PAI', type: ptrTo(arrayOf(3, intType)) },
  { name: 'MSI', type: mapOf(stringType, intType) },
  { name: 'MSIone', type: mapOf(stringType, intType) },
  { name: 'MSIEmpty', type: mapOf(stringType, intType) },
  { name: 'MXI', type: mapOf(interfaceType, intType) },
  { name: 'MII', type: mapOf(intType, intType) },
  { name: 'MI32S', type: mapOf(int32Type, stringType) },
  { name: 'MI64S', type: mapOf(int64Type, stringType) },
  { name: 'MUI32S', type: mapOf(uint32Type, stringType) },
  { name: 'MUI64S', type: mapOf(uint64Type, stringType) },
  { name: 'MI8S', type: mapOf(int8Type, stringType) },
  { name: 'MUI8S', type: mapOf(uint8Type, stringType) },
  { name: 'SMSI', type: sliceOf(mapOf(stringType, intType)) },
  { name: 'Empty0', type: interfaceType },
  { name: 'Empty1', type: interfaceType },
  { name: 'Empty2', type: interfaceType },
  { name: 'Empty3', type: interfaceType },
  { name: 'Empty4', type: interfaceType },
  { name: 'NonEmptyInterface', type: IType },
  { name: 'NonEmptyInterfacePtS', type: ptrTo(IType) },
  { name: 'NonEmptyInterfaceNil', type: IType },
  { name: 'NonEmptyInterfaceTypedNil', type: IType },
  { name: 'Str', type: stringerType },
  { name: 'Err', type: errorType },
  { name: 'PI', type: ptrTo(intType) },
  { name: 'PS', type: ptrTo(stringType) },
  { name: 'PSI', type: ptrTo(sliceOf(intType)) },
  { name: 'NIL', type: ptrTo(intType) },
  { name: 'UPI', type: unsafePointerType },
  { name: 'EmptyUPI', type: unsafePointerType },
  { name: 'BinaryFunc', type: funcOf(sig([stringType, stringType], [stringType])) },
  { name: 'VariadicFunc', type: funcOf(sig([sliceOf(stringType)], [stringType], true)) },
  { name: 'VariadicFuncInt', type: funcOf(sig([intType, sliceOf(stringType)], [stringType], true)) },
  { name: 'NilOKFunc', type: funcOf(sig([ptrTo(intType)], [boolType])) },
  { name: 'ErrFunc', type: funcOf(sig([], [stringType, errorType])) },
  { name: 'PanicFunc', type: funcOf(sig([], [stringType])) },
  { name: 'TooFewReturnCountFunc', type: funcOf(sig([], [])) },
  { name: 'TooManyReturnCountFunc', type: funcOf(sig([], [stringType, errorType, intType])) },
  { name: 'InvalidReturnTypeFunc', type: funcOf(sig([], [stringType, boolType])) },
  { name: 'unexported', type: intType },
];

// Copy returns *T, a type that exists only once T is declared with its methods.
const copyResults: GoType[] = [];
const copySig: FuncSig = { params: [], variadic: false, results: copyResults };

// *T's methods.
const tMethods: Method[] = [
  method('Method0', sig([], [stringType]), () => stringValue('M0')),
  method('Method1', sig([intType], [intType]), (_r, [a]) => a),
  method('Method2', sig([uint16Type, stringType], [stringType]), (_r, [a, b]) => stringValue(sprintf('Method2: %d %s', [a, b]))),
  method('Method3', sig([interfaceType], [stringType]), (_r, [v]) => stringValue(sprintf('Method3: %v', [v]))),
  method('Copy', copySig, (r) => new Value(ptrTo(TType), new Value(TType, [...r.elem().items()]))),
  method(
    'MAdd',
    sig([intType, sliceOf(intType)], [sliceOf(intType)]),
    (_r, [a, b]) =>
      new Value(
        sliceOf(intType),
        b.items().map((x) => intValue(x.int() + a.int())),
      ),
  ),
  method('MyError', sig([boolType], [boolType, errorType]), (_r, [e]) => {
    if (e.bool()) throw new GoError('my error');
    return boolValue(false);
  }),
  method('GetU', sig([], [ptrTo(UType)]), (r) => r.elem().items()[fieldIndex('U')]),
];

export const TType = namedType({ str: 'main.T', underlying: structOf(fields), pointerMethods: tMethods });
copyResults.push(ptrTo(TType));

function fieldIndex(name: string): number {
  return fields.findIndex((f) => f.name === name);
}

const ints = (...xs: number[]): Value => new Value(sliceOf(intType), xs.map(intValue));
const ptr = (v: Value): Value => new Value(ptrTo(v.type), v);

function goMap(key: GoType, elem: GoType, entries: [Value, Value][]): Value {
  const m = new GoMap();
  for (const [k, v] of entries) m.set(k, v);
  return new Value(mapOf(key, elem), m);
}
const sm = (entries: Record<string, number>): Value =>
  goMap(
    stringType,
    intType,
    Object.entries(entries).map(([k, v]) => [stringValue(k), intValue(v)]),
  );
const typed = (t: GoType, n: number): Value => new Value(t, BigInt(n));
const nm = (key: GoType, entries: [number, string][]): Value =>
  goMap(
    key,
    stringType,
    entries.map(([k, v]) => [typed(key, k), stringValue(v)]),
  );

function makeT(values: Record<string, Value>): Value {
  return new Value(
    TType,
    fields.map((f) => values[f.name] ?? zeroOf(f.type)),
  );
}

const fn = (t: GoType, impl: (args: readonly Value[]) => Value): Value => new Value(t, impl);
const ft = (name: string): GoType => fields[fieldIndex(name)].type;

const siVal = box(new Value(SType, [stringValue('a'), stringValue('b')]), IType);

export const tVal: Value = ptr(
  makeT({
    True: boolValue(true),
    I: intValue(17),
    U16: typed(uint16Type, 16),
    X: stringValue('x'),
    S: stringValue('xyz'),
    U: ptr(new Value(UType, [stringValue('v')])),
    V0: new Value(VType, [intValue(6666)]),
    V1: ptr(new Value(VType, [intValue(7777)])),
    W0: new Value(WType, [intValue(888)]),
    W1: ptr(new Value(WType, [intValue(999)])),
    SI: ints(3, 4, 5),
    SICap: ints(0, 0, 0, 0, 0),
    AI: new Value(arrayOf(3, intType), [3, 4, 5].map(intValue)),
    PAI: ptr(new Value(arrayOf(3, intType), [3, 4, 5].map(intValue))),
    SB: new Value(sliceOf(boolType), [boolValue(true), boolValue(false)]),
    MSI: sm({ one: 1, two: 2, three: 3 }),
    MSIone: sm({ one: 1 }),
    MXI: goMap(interfaceType, intType, [[box(stringValue('one')), intValue(1)]]),
    MII: goMap(intType, intType, [[intValue(1), intValue(1)]]),
    MI32S: nm(int32Type, [
      [1, 'one'],
      [2, 'two'],
    ]),
    MI64S: nm(int64Type, [
      [2, 'i642'],
      [3, 'i643'],
    ]),
    MUI32S: nm(uint32Type, [
      [2, 'u322'],
      [3, 'u323'],
    ]),
    MUI64S: nm(uint64Type, [
      [2, 'ui642'],
      [3, 'ui643'],
    ]),
    MI8S: nm(int8Type, [
      [2, 'i82'],
      [3, 'i83'],
    ]),
    MUI8S: nm(uint8Type, [
      [2, 'u82'],
      [3, 'u83'],
    ]),
    SMSI: new Value(sliceOf(mapOf(stringType, intType)), [sm({ one: 1, two: 2 }), sm({ eleven: 11, twelve: 12 })]),
    Empty0: box(zeroOf(interfaceType)),
    Empty1: box(intValue(3)),
    Empty2: box(stringValue('empty2')),
    Empty3: box(ints(7, 8)),
    Empty4: box(ptr(new Value(UType, [stringValue('UinEmpty')]))),
    NonEmptyInterface: box(ptr(makeT({ X: stringValue('x') })), IType),
    NonEmptyInterfacePtS: ptr(siVal),
    NonEmptyInterfaceTypedNil: box(zeroOf(ptrTo(TType)), IType),
    Str: box(bytesBuffer('foozle'), stringerType),
    Err: box(newError('erroozle'), errorType),
    PI: ptr(intValue(23)),
    PS: ptr(stringValue('a string')),
    PSI: ptr(ints(21, 22, 23)),
    UPI: new Value(unsafePointerType, intValue(23)),
    BinaryFunc: fn(ft('BinaryFunc'), ([a, b]) => stringValue(`[${a.str()}=${b.str()}]`)),
    VariadicFunc: fn(ft('VariadicFunc'), (s) => stringValue(`<${s.map((x) => x.str()).join('+')}>`)),
    VariadicFuncInt: fn(ft('VariadicFuncInt'), ([a, ...s]) =>
      stringValue(sprint([a, stringValue('=<'), stringValue(s.map((x) => x.str()).join('+')), stringValue('>')])),
    ),
    NilOKFunc: fn(ft('NilOKFunc'), ([s]) => boolValue(s.isNil())),
    ErrFunc: fn(ft('ErrFunc'), () => stringValue('bla')),
    PanicFunc: fn(ft('PanicFunc'), () => {
      throw new GoPanic('test panic');
    }),
    TooFewReturnCountFunc: fn(ft('TooFewReturnCountFunc'), () => stringValue('')),
    TooManyReturnCountFunc: fn(ft('TooManyReturnCountFunc'), () => stringValue('')),
    InvalidReturnTypeFunc: fn(ft('InvalidReturnTypeFunc'), () => stringValue('')),
  }),
);

export const tZero: Value = makeT({});
export const tSliceOfNil = new Value(sliceOf(ptrTo(TType)), [zeroOf(ptrTo(TType))]);
export const iValPtr = ptr(box(tVal, IType));

const chanString: GoType = { kind: 'chan', str: 'chan string', name: '', elem: stringType, methods: new Map() };

/** The FuncMap of exec_test.go's testExecute. */
export const testFuncs: Record<string, Value> = {
  add: goFunc(sig([sliceOf(intType)], [intType], true), (args) => intValue(args.reduce((a, x) => a + x.int(), 0n))),
  count: goFunc(
    sig([intType], [chanString]),
    ([n]) => new Value(chanString, n.int() === 0n ? null : [...'abcdefghijklmnop'.slice(0, Number(n.int()))].map(stringValue)),
  ),
  dddArg: goFunc(sig([intType, sliceOf(stringType)], [stringType], true), ([a, ...b]) => stringValue(sprintln([a, new Value(sliceOf(stringType), b)]))),
  die: goFunc(sig([], [boolType]), () => {
    throw new GoPanic('die');
  }),
  echo: goFunc(sig([interfaceType], [interfaceType]), ([a]) => box(a)),
  makemap: goFunc(sig([sliceOf(stringType)], [mapOf(stringType, stringType)], true), (args) => {
    if (args.length % 2 !== 0) throw new GoPanic('bad makemap');
    const entries: [Value, Value][] = [];
    for (let i = 0; i < args.length; i += 2) entries.push([args[i], args[i + 1]]);
    return goMap(stringType, stringType, entries);
  }),
  mapOfThree: goFunc(sig([], [interfaceType]), () => box(sm({ three: 3 }))),
  oneArg: goFunc(sig([stringType], [stringType]), ([a]) => stringValue(`oneArg=${a.str()}`)),
  returnInt: goFunc(sig([], [intType]), () => intValue(7)),
  stringer: goFunc(sig([stringerType], [stringType]), ([s]) => {
    const m = s.type.methods.get('String');
    if (!m) throw new GoPanic('no String method');
    return m.call(s, []);
  }),
  twoArgs: goFunc(sig([stringType, stringType], [stringType]), ([a, b]) => stringValue(`twoArgs=${a.str()}${b.str()}`)),
  typeOf: goFunc(sig([interfaceType], [stringType]), ([a]) => stringValue(sprintf('%T', [a]))),
  valueString: goFunc(sig([stringType], [stringType]), () => stringValue('value is ignored')),
  vfunc: goFunc(sig([VType, ptrTo(VType)], [stringType]), () => stringValue('vfunc')),
  zeroArgs: goFunc(sig([], [stringType]), () => stringValue('zeroArgs')),
};

/** The data of each oracle row, by the descriptor the Go program printed; absent: not modelled. */
export const dataByDescriptor: ReadonlyMap<string, Value> = new Map<string, Value>([
  ['nil', invalid],
  ['tVal', tVal],
  ['T{}', tZero],
  ['tSliceOfNil', tSliceOfNil],
  ['&iVal', iValPtr],
  ['int:0', intValue(0)],
  ['int:13', intValue(13)],
  ['int:123', intValue(123)],
  ['int:5', intValue(5)],
  ['uint:14', typed(uintType, 14)],
  ['float64:15.1', float64Value(15.1)],
  ['bool:true', boolValue(true)],
  ['complex128:(16.2-17i)', new Value(complex128Type, { re: 16.2, im: -17 })],
  ['string:hello', stringValue('hello')],
  ["string:It'd be nice.", stringValue("It'd be nice.")],
  ['[]int:[-1 -2 -3]', ints(-1, -2, -3)],
  ['map[string]int:map[two:22]', sm({ two: 22 })],
  [
    'struct { a int; b string }:{7 seven}',
    new Value(
      structOf([
        { name: 'a', type: intType },
        { name: 'b', type: stringType },
      ]),
      [intValue(7), stringValue('seven')],
    ),
  ],
  ['map[string]interface {}:map[S:foozle]', goMap(stringType, interfaceType, [[stringValue('S'), box(bytesBuffer('foozle'))]])],
  ['map[string]string:map[cause:neglect]', goMap(stringType, stringType, [[stringValue('cause'), stringValue('neglect')]])],
  ['int8:5', typed(int8Type, 5)],
  ['int16:5', typed(int16Type, 5)],
  ['int32:5', typed(int32Type, 5)],
  ['int64:5', typed(int64Type, 5)],
  ['uint8:5', typed(uint8Type, 5)],
  ['uint16:5', typed(uint16Type, 5)],
  ['uint32:5', typed(uint32Type, 5)],
  ['uint64:5', typed(uint64Type, 5)],
  ['uint:5', typed(uintType, 5)],
  ['uintptr:5', typed(uintptrType, 5)],
  ['uintptr:0', typed(uintptrType, 0)],
  ['int32:46', typed(int32Type, 46)],
  ['int32:101', typed(int32Type, 101)],
  ['int32:80', typed(int32Type, 80)],
]);
