// Go's type system, reduced to what text/template and fmt observe through reflect:
// a type's kind, its printed name (reflect.Type.String()), its element/key types,
// struct fields and method sets. Types are interned: two identical composite types
// are the same object, so type identity is `===`, as in reflect.

import type { Value } from './value.js';

export type Kind =
  | 'invalid'
  | 'bool'
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'uintptr'
  | 'float32'
  | 'float64'
  | 'complex64'
  | 'complex128'
  | 'string'
  | 'interface'
  | 'map'
  | 'slice'
  | 'array'
  | 'struct'
  | 'ptr'
  | 'func'
  | 'chan';

export interface StructField {
  readonly name: string;
  readonly type: GoType;
  /** Go exports identifiers that start with an upper-case letter. */
  readonly exported: boolean;
}

/** A function signature: parameter and result types (results exclude nothing: an error result is listed). */
export interface FuncSig {
  readonly params: readonly GoType[];
  /** When true the last param is a slice type whose elements are passed individually. */
  readonly variadic: boolean;
  readonly results: readonly GoType[];
}

/**
 * A method callable from templates. `call` receives the receiver and already-converted
 * arguments and returns the first result; a non-nil error result is thrown as GoError.
 */
export interface Method {
  readonly name: string;
  readonly sig: FuncSig;
  readonly call: (recv: Value, args: readonly Value[]) => Value;
}

export interface GoType {
  readonly kind: Kind;
  /** reflect.Type.String(): "int", "json.Number", "map[string]interface {}", "*dependency.Secret". */
  readonly str: string;
  /** Non-empty for named (defined) types. */
  readonly name: string;
  readonly elem?: GoType;
  readonly key?: GoType;
  readonly len?: number;
  readonly fields?: readonly StructField[];
  readonly sig?: FuncSig;
  /** Method set of a value of this type. For pointer types it includes the element's methods. */
  readonly methods: ReadonlyMap<string, Method>;
  /** For interface types: the method names a type must have to implement it. */
  readonly ifaceMethods?: readonly string[];
}

const noMethods: ReadonlyMap<string, Method> = new Map();

/**
 * Every type object is made here, with all members present in one order: then they
 * share one V8 hidden class, and `v.type.kind`, read in every operation on a value,
 * stays a monomorphic load (literals of different members made a dozen classes and
 * megamorphic lookups wherever values of several types meet, as in fmt and exec).
 */
function newType(t: GoType): GoType {
  return {
    kind: t.kind,
    str: t.str,
    name: t.name,
    elem: t.elem,
    key: t.key,
    len: t.len,
    fields: t.fields,
    sig: t.sig,
    methods: t.methods,
    ifaceMethods: t.ifaceMethods,
  };
}

function basic(kind: Kind, name: string = kind): GoType {
  return newType({ kind, str: name, name, methods: noMethods });
}

export const invalidType: GoType = newType({ kind: 'invalid', str: '<invalid>', name: '', methods: noMethods });
export const boolType = basic('bool');
export const intType = basic('int');
export const int8Type = basic('int8');
export const int16Type = basic('int16');
export const int32Type = basic('int32');
export const int64Type = basic('int64');
export const uintType = basic('uint');
export const uint8Type = basic('uint8');
export const uint16Type = basic('uint16');
export const uint32Type = basic('uint32');
export const uint64Type = basic('uint64');
export const uintptrType = basic('uintptr');
export const float32Type = basic('float32');
export const float64Type = basic('float64');
export const complex64Type = basic('complex64');
export const complex128Type = basic('complex128');
export const stringType = basic('string');

/** interface{} (printed "interface {}" by reflect). */
export const interfaceType: GoType = newType({ kind: 'interface', str: 'interface {}', name: '', methods: noMethods, ifaceMethods: [] });
/** The error interface. */
export const errorType: GoType = newType({ kind: 'interface', str: 'error', name: 'error', methods: noMethods, ifaceMethods: ['Error'] });
/** fmt.Stringer. */
export const stringerType: GoType = newType({ kind: 'interface', str: 'fmt.Stringer', name: 'Stringer', methods: noMethods, ifaceMethods: ['String'] });
/**
 * reflect.Value as a parameter type: text/template passes such arguments through
 * unconverted (the builtins index, slice, len, eq... are declared with it).
 */
export const reflectValueType: GoType = newType({ kind: 'struct', str: 'reflect.Value', name: 'Value', methods: noMethods, fields: [] });

export function isIntKind(k: Kind): boolean {
  return k === 'int' || k === 'int8' || k === 'int16' || k === 'int32' || k === 'int64';
}
export function isUintKind(k: Kind): boolean {
  return k === 'uint' || k === 'uint8' || k === 'uint16' || k === 'uint32' || k === 'uint64' || k === 'uintptr';
}
export function isFloatKind(k: Kind): boolean {
  return k === 'float32' || k === 'float64';
}
export function isComplexKind(k: Kind): boolean {
  return k === 'complex64' || k === 'complex128';
}

/** Bit size of an integer kind (int/uint are 64-bit, as on amd64). */
export function intBits(k: Kind): number {
  switch (k) {
    case 'int8':
    case 'uint8':
      return 8;
    case 'int16':
    case 'uint16':
      return 16;
    case 'int32':
    case 'uint32':
      return 32;
    default:
      return 64;
  }
}

const sliceCache = new Map<GoType, GoType>();
const ptrCache = new Map<GoType, GoType>();
const chanCache = new Map<GoType, GoType>();
const mapCache = new Map<GoType, Map<GoType, GoType>>();
const arrayCache = new Map<GoType, Map<number, GoType>>();

export function sliceOf(elem: GoType): GoType {
  let t = sliceCache.get(elem);
  if (!t) {
    t = newType({ kind: 'slice', str: `[]${elem.str}`, name: '', elem, methods: noMethods });
    sliceCache.set(elem, t);
  }
  return t;
}

export function arrayOf(len: number, elem: GoType): GoType {
  let byLen = arrayCache.get(elem);
  if (!byLen) {
    byLen = new Map();
    arrayCache.set(elem, byLen);
  }
  let t = byLen.get(len);
  if (!t) {
    t = newType({ kind: 'array', str: `[${len}]${elem.str}`, name: '', elem, len, methods: noMethods });
    byLen.set(len, t);
  }
  return t;
}

export function mapOf(key: GoType, elem: GoType): GoType {
  let byElem = mapCache.get(key);
  if (!byElem) {
    byElem = new Map();
    mapCache.set(key, byElem);
  }
  let t = byElem.get(elem);
  if (!t) {
    t = newType({ kind: 'map', str: `map[${key.str}]${elem.str}`, name: '', key, elem, methods: noMethods });
    byElem.set(elem, t);
  }
  return t;
}

/** A receive-only channel type (consul-template's `loop` returns `<-chan int64`). */
export function recvChanOf(elem: GoType): GoType {
  let t = chanCache.get(elem);
  if (!t) {
    t = newType({ kind: 'chan', str: `<-chan ${elem.str}`, name: '', elem, methods: noMethods });
    chanCache.set(elem, t);
  }
  return t;
}

/**
 * Pointer to `elem`. Its method set is the element's value methods plus the
 * pointer-receiver methods given when the named type was declared.
 */
export function ptrTo(elem: GoType): GoType {
  let t = ptrCache.get(elem);
  if (!t) {
    const methods = new Map<string, Method>(elem.methods);
    for (const [name, m] of pointerMethods.get(elem) ?? []) methods.set(name, m);
    t = newType({ kind: 'ptr', str: `*${elem.str}`, name: '', elem, methods });
    ptrCache.set(elem, t);
  }
  return t;
}

const pointerMethods = new Map<GoType, ReadonlyMap<string, Method>>();

export interface NamedTypeSpec {
  /** Qualified name as reflect prints it, e.g. "json.Number" or "dependency.Secret". */
  readonly str: string;
  readonly underlying: GoType;
  /** Methods with value receivers (in the method set of T and *T). */
  readonly methods?: readonly Method[];
  /** Methods with pointer receivers (only in the method set of *T). */
  readonly pointerMethods?: readonly Method[];
}

/** Declares a named type such as `type Number string` or `type Secret struct {...}`. */
export function namedType(spec: NamedTypeSpec): GoType {
  const dot = spec.str.lastIndexOf('.');
  const t: GoType = newType({
    ...spec.underlying,
    str: spec.str,
    name: dot >= 0 ? spec.str.slice(dot + 1) : spec.str,
    methods: new Map((spec.methods ?? []).map((m) => [m.name, m])),
  });
  if (spec.pointerMethods) pointerMethods.set(t, new Map(spec.pointerMethods.map((m) => [m.name, m])));
  return t;
}

export interface FieldSpec {
  readonly name: string;
  readonly type: GoType;
}

/** An unnamed struct type's underlying shape; wrap it with namedType for a named struct. */
export function structOf(fields: readonly FieldSpec[]): GoType {
  const fs = fields.map((f) => ({ ...f, exported: /^\p{Lu}/u.test(f.name) }));
  const str = fs.length === 0 ? 'struct {}' : `struct { ${fs.map((f) => `${f.name} ${f.type.str}`).join('; ')} }`;
  return newType({ kind: 'struct', str, name: '', fields: fs, methods: noMethods });
}

export function funcOf(sig: FuncSig): GoType {
  const params = sig.params.map((p, i) => (sig.variadic && i === sig.params.length - 1 ? `...${p.elem?.str ?? p.str}` : p.str));
  const res = sig.results.length === 0 ? '' : sig.results.length === 1 ? ` ${sig.results[0].str}` : ` (${sig.results.map((r) => r.str).join(', ')})`;
  return newType({ kind: 'func', str: `func(${params.join(', ')})${res}`, name: '', sig, methods: noMethods });
}

/** reflect.Type.Implements for the interfaces we model (method names only). */
export function implementsIface(t: GoType, iface: GoType): boolean {
  const need = iface.ifaceMethods;
  // Every type implements an interface with no methods (any): the commonest case (every
  // argument of printf), answered without the callbacks below, made on each call.
  if (need === undefined || need.length === 0) return true;
  if (t.kind === 'interface') return need.every((m) => (t.ifaceMethods ?? []).includes(m));
  return need.every((m) => t.methods.has(m));
}

/** reflect.Type.AssignableTo: identical types, or a type implementing an interface, or an unnamed composite matching a named one. */
export function assignableTo(t: GoType, to: GoType): boolean {
  if (t === to) return true;
  if (to.kind === 'interface') return implementsIface(t, to);
  // Identical underlying types where at least one side is unnamed (Go spec assignability).
  if ((t.name === '' || to.name === '') && t.kind === to.kind && t.kind !== 'struct' && !isBasic(t.kind)) {
    return t.elem === to.elem && t.key === to.key && t.len === to.len;
  }
  return false;
}

function isBasic(k: Kind): boolean {
  return k === 'bool' || k === 'string' || isIntKind(k) || isUintKind(k) || isFloatKind(k) || isComplexKind(k);
}

/** exec.go canBeNil: whether an untyped nil can be assigned to a value of the type. */
export function canBeNil(t: GoType): boolean {
  switch (t.kind) {
    case 'chan':
    case 'func':
    case 'interface':
    case 'map':
    case 'ptr':
    case 'slice':
      return true;
    case 'struct':
      return t === reflectValueType;
    default:
      return false;
  }
}
