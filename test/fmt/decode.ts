// Rebuilds Go values described by the fixture generator (a Go program that walked the
// values of Go's own fmt test tables with reflect) as vtpl Values.

import {
  type GoType,
  type Method,
  GoPanic,
  Value,
  arrayOf,
  boolType,
  box,
  complex128Type,
  complex64Type,
  float32Type,
  float64Type,
  int16Type,
  int32Type,
  int64Type,
  int8Type,
  intType,
  interfaceType,
  invalid,
  jsonNumberType,
  mapOf,
  namedType,
  ptrTo,
  sliceOf,
  stringType,
  stringValue,
  structOf,
  uint16Type,
  uint32Type,
  uint64Type,
  uint8Type,
  uintType,
  uintptrType,
  GoMap,
  intValue,
} from '../../src/value/index.js';
import { sprint, sprintf } from '../../src/fmt/index.js';

export interface TypeDesc {
  k: string;
  s: string;
  named?: boolean;
  elem?: TypeDesc;
  key?: TypeDesc;
  len?: number;
  fields?: { n: string; t: TypeDesc }[];
  methods?: string[];
  ptrMethods?: string[];
}

export type AnyDesc = { nil: true } | { t: TypeDesc; v: unknown };

/** Thrown for values whose Go methods (e.g. fmt.Formatter) the port does not model. */
export class Unsupported extends Error {}

const basic: Record<string, GoType> = {
  bool: boolType,
  int: intType,
  int8: int8Type,
  int16: int16Type,
  int32: int32Type,
  int64: int64Type,
  uint: uintType,
  uint8: uint8Type,
  uint16: uint16Type,
  uint32: uint32Type,
  uint64: uint64Type,
  uintptr: uintptrType,
  float32: float32Type,
  float64: float64Type,
  complex64: complex64Type,
  complex128: complex128Type,
  string: stringType,
};

const noArgs = { params: [], variadic: false, results: [stringType] };

function stringMethod(name: string, impl: (recv: Value) => string): Method {
  return { name, sig: noArgs, call: (recv) => stringValue(impl(recv)) };
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The methods of the test types, as fmt_test.go (and the generator's extra.go) define them. */
const methodImpls: Record<string, Method> = {
  'I.String': stringMethod('String', (r) => sprintf('<%d>', [intValue(r.int())])),
  'G.GoString': stringMethod('GoString', (r) => sprintf('GoString(%d)', [intValue(r.int())])),
  'byteStringer.String': stringMethod('String', () => 'X'),
  'P.String': stringMethod('String', () => 'String(p)'),
  'errStr.Error': stringMethod('Error', (r) => sprintf('err%d', [intValue(r.int())])),
  'errStr.String': stringMethod('String', () => 'str!'),
  'Month.String': stringMethod('String', (r) => months[Number(r.int()) - 1] ?? `%!Month(${r.int()})`),
  'errorString.Error': stringMethod('Error', (r) => r.elem().items()[0].str()),
  'PanicS.String': stringMethod('String', (r) => {
    throw new GoPanic(sprint([r.items()[0]]));
  }),
  'PanicGo.GoString': stringMethod('GoString', (r) => {
    throw new GoPanic(sprint([r.items()[0]]));
  }),
};

const named = new Map<string, GoType>();

function methodsOf(td: TypeDesc, names: readonly string[] | undefined): Method[] {
  const bare = td.s.slice(td.s.lastIndexOf('.') + 1);
  return (names ?? []).map((n) => {
    const m = methodImpls[`${bare}.${n}`];
    if (!m) throw new Unsupported(`${td.s}.${n}`);
    return m;
  });
}

export function typeOf(td: TypeDesc): GoType {
  let t: GoType;
  if (td.named) {
    if (td.s === 'json.Number') return jsonNumberType;
    const cached = named.get(td.s);
    if (cached) return cached;
    const underlying = typeOf({ ...td, named: false, s: '' });
    t = namedType({ str: td.s, underlying, methods: methodsOf(td, td.methods), pointerMethods: methodsOf(td, td.ptrMethods) });
    named.set(td.s, t);
    return t;
  }
  switch (td.k) {
    case 'slice':
      t = sliceOf(typeOf(td.elem as TypeDesc));
      break;
    case 'array':
      t = arrayOf(td.len ?? 0, typeOf(td.elem as TypeDesc));
      break;
    case 'ptr':
      t = ptrTo(typeOf(td.elem as TypeDesc));
      break;
    case 'map':
      t = mapOf(typeOf(td.key as TypeDesc), typeOf(td.elem as TypeDesc));
      break;
    case 'struct':
      t = structOf((td.fields ?? []).map((f) => ({ name: f.n, type: typeOf(f.t) })));
      break;
    case 'interface':
      t = interfaceType;
      break;
    default:
      t = basic[td.k];
      if (!t) throw new Unsupported(`kind ${td.k}`);
  }
  if (td.s !== '' && t.str !== td.s) throw new Error(`type string ${t.str} != Go's ${td.s}`);
  return t;
}

const view = new DataView(new ArrayBuffer(8));

export function floatFromBits(hex: string): number {
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
}

function valueOf(t: GoType, v: unknown): Value {
  switch (t.kind) {
    case 'bool':
      return new Value(t, v as boolean);
    case 'string':
      return new Value(t, v as string);
    case 'float32':
    case 'float64':
      return new Value(t, floatFromBits(v as string));
    case 'complex64':
    case 'complex128': {
      const [re, im] = v as [string, string];
      return new Value(t, { re: floatFromBits(re), im: floatFromBits(im) });
    }
    case 'slice':
      return new Value(t, v === null ? null : (v as unknown[]).map((e) => valueOf(t.elem as GoType, e)));
    case 'array':
    case 'struct': {
      const items = v as unknown[];
      const types = t.kind === 'array' ? items.map(() => t.elem as GoType) : (t.fields ?? []).map((f) => f.type);
      return new Value(
        t,
        items.map((e, i) => valueOf(types[i], e)),
      );
    }
    case 'ptr':
      return new Value(t, v === null ? null : valueOf(t.elem as GoType, v));
    case 'map': {
      if (v === null) return new Value(t, null);
      const m = new GoMap();
      for (const [k, e] of v as [unknown, unknown][]) m.set(valueOf(t.key as GoType, k), valueOf(t.elem as GoType, e));
      return new Value(t, m);
    }
    case 'interface':
      return v === null ? new Value(t, null) : box(anyValue(v as AnyDesc), t);
    default:
      return new Value(t, BigInt(v as string)); // integer kinds
  }
}

/** A Go `any` value: invalid for nil. */
export function anyValue(d: AnyDesc): Value {
  if ('nil' in d) return invalid;
  return valueOf(typeOf(d.t), d.v);
}
