// sprig's list.go: list, push/append, prepend, first, rest, last, initial, reverse, compact,
// uniq, without, has, slice, concat, chunk, sortAlpha, each with its must* form.

import {
  GoError,
  GoPanic,
  Value,
  boolType,
  boolValue,
  intType,
  sliceStringType,
  stringValue,
  indirectInterface,
  sliceInterfaceType,
  box,
  interfaceType,
  invalid,
  mapStringInterfaceType,
  sliceOf,
  type GoType,
  deepEqual,
} from '../../value/index.js';
import { I, fn, fnNoErr, type Pair, mustName } from '../funcs/sig.js';
import { strslice, strval, isEmpty, toInt64 } from './convert.js';
import { compareStrings } from '../../go/strings/index.js';

const _M = mapStringInterfaceType;
const SI = sliceInterfaceType;

/** reflect.Kind's String() of a value's kind, as sprig's error texts print it. */
export function kindName(v: Value): string {
  return v.kind === 'ptr' ? 'ptr' : v.kind;
}

/** reflect.TypeOf(list).Kind() on a nil interface dereferences a nil Type. */
const nilTypePanic = (): GoPanic => new GoPanic('runtime error: invalid memory address or nil pointer dereference');

/** The elements of a slice/array (each boxed as interface{}), or the error message `fail(kind)`. */
function elements(list: Value, fail: (kind: string) => string, must: boolean): Value[] {
  const v = indirectInterface(list);
  if (!v.isValid()) throw nilTypePanic();
  if (v.kind !== 'slice' && v.kind !== 'array') {
    const msg = fail(kindName(v));
    throw must ? new GoError(msg) : new GoPanic(msg);
  }
  return v.items().map((x) => box(x));
}

/** int(f) for a float64 on amd64: NaN and values out of int64's range become math.MinInt64. */
function goInt(f: number): number {
  return Number.isNaN(f) || f < -(2 ** 63) || f >= 2 ** 63 ? -(2 ** 63) : Math.trunc(f);
}

/** The length check of make([]T, n): a negative length panics (the sizes here cannot be too large). */
function makeLen(n: number): number {
  if (n < 0) throw new GoPanic('runtime error: makeslice: len out of range');
  return n;
}

/** A list function and its must* twin: the plain one panics where the must one returns the error. */
function pair<N extends string>(name: N, params: GoType[], result: GoType, impl: (args: readonly Value[], must: boolean) => Value, variadic = false): Pair<N> {
  return {
    [name]: fnNoErr(params, result, (args) => impl(args, false), variadic),
    [mustName(name)]: fn(params, result, (args) => impl(args, true), variadic),
  } as Pair<N>;
}

const slice = (items: Value[] | null): Value => new Value(SI, items);

export const sprigList = {
  list: fnNoErr(
    [sliceInterfaceType],
    sliceInterfaceType,
    (vs) =>
      new Value(
        sliceInterfaceType,
        vs.map((v) => box(v)),
      ),
    true,
  ),
  ...pair('first', [I], interfaceType, ([l], must) => {
    const xs = elements(l, (k) => `Cannot find first on type ${k}`, must);
    return xs.length === 0 ? box(invalid) : xs[0];
  }),
  ...pair('last', [I], interfaceType, ([l], must) => {
    const xs = elements(l, (k) => `Cannot find last on type ${k}`, must);
    return xs.length === 0 ? box(invalid) : xs[xs.length - 1];
  }),
  ...pair('rest', [I], SI, ([l], must) => {
    const xs = elements(l, (k) => `Cannot find rest on type ${k}`, must);
    return slice(xs.length === 0 ? null : xs.slice(1));
  }),
  ...pair('initial', [I], SI, ([l], must) => {
    const xs = elements(l, (k) => `Cannot find initial on type ${k}`, must);
    return slice(xs.length === 0 ? null : xs.slice(0, -1));
  }),
  ...pair('reverse', [I], SI, ([l], must) => slice(elements(l, (k) => `Cannot find reverse on type ${k}`, must).reverse())),
  ...pair('compact', [I], SI, ([l], must) => slice(elements(l, (k) => `Cannot compact on type ${k}`, must).filter((x) => !isEmpty(x)))),
  ...pair('uniq', [I], SI, ([l], must) => {
    const out: Value[] = [];
    for (const x of elements(l, (k) => `Cannot find uniq on type ${k}`, must)) if (!out.some((y) => deepEqual(x, y))) out.push(x);
    return slice(out);
  }),
  ...pair(
    'without',
    [I, SI],
    SI,
    ([l, ...omit], must) => slice(elements(l, (k) => `Cannot find without on type ${k}`, must).filter((x) => !omit.some((o) => deepEqual(x, o)))),
    true,
  ),
  ...pair('has', [I, I], boolType, ([needle, haystack], must) => {
    if (!indirectInterface(haystack).isValid()) return boolValue(false);
    return boolValue(elements(haystack, (k) => `Cannot find has on type ${k}`, must).some((x) => deepEqual(needle, x)));
  }),
  // v is the argument's dynamic value (invalid for nil); the []interface{} holds it boxed, as elements are.
  ...pair('append', [I, I], SI, ([l, v], must) => slice([...elements(l, (k) => `Cannot push on type ${k}`, must), box(v)])),
  ...pair('push', [I, I], SI, ([l, v], must) => slice([...elements(l, (k) => `Cannot push on type ${k}`, must), box(v)])),
  ...pair('prepend', [I, I], SI, ([l, v], must) => slice([box(v), ...elements(l, (k) => `Cannot prepend on type ${k}`, must)])),
  ...pair('chunk', [intType, I], sliceOf(SI), ([n, l], must) => {
    // Sprig sizes the chunks in float64 and converts back with int(), so a size of 0 or
    // below reaches make() with a length Go rejects (instead of looping forever here).
    const xs = elements(l, (k) => `Cannot chunk type ${k}`, must);
    const size = Number(n.int());
    const count = makeLen(goInt(Math.floor((xs.length - 1) / size) + 1));
    const out: Value[] = [];
    for (let i = 0; i < count; i++) {
      let clen = size;
      if (i === count - 1) {
        clen = goInt(Math.floor(xs.length % size));
        if (clen === 0) clen = size;
      }
      const start = i * size;
      out.push(slice(xs.slice(start, start + makeLen(clen))));
    }
    return new Value(sliceOf(SI), out);
  }),
  ...pair(
    'slice',
    [I, SI],
    interfaceType,
    ([l, ...idx], must) => {
      const v = indirectInterface(l);
      elements(l, (k) => `list should be type of slice or array but ${k}`, must);
      const items = v.items();
      if (items.length === 0) return box(invalid);
      const start = idx.length > 0 ? Number(toInt64(idx[0])) : 0;
      const end = idx.length < 2 ? items.length : Number(toInt64(idx[1]));
      if (start < 0 || end < start || end > items.length) throw new GoPanic('reflect: slice index out of range');
      return box(new Value(v.type.kind === 'array' ? sliceOf(v.type.elem ?? interfaceType) : v.type, items.slice(start, end)));
    },
    true,
  ),
  concat: fnNoErr(
    [SI],
    interfaceType,
    (lists) => {
      const res: Value[] = [];
      for (const l of lists) {
        const v = indirectInterface(l);
        if (!v.isValid()) throw nilTypePanic();
        if (v.kind !== 'slice' && v.kind !== 'array') throw new GoPanic(`Cannot concat type ${kindName(v)} as list`);
        res.push(...v.items().map((x) => box(x)));
      }
      return box(slice(res.length === 0 ? null : res));
    },
    true,
  ),
  sortAlpha: fnNoErr([I], sliceStringType, ([l]) => {
    const v = indirectInterface(l);
    const strs = v.kind === 'slice' || v.kind === 'array' ? strslice(v).sort(compareStrings) : [strval(l)];
    return new Value(
      sliceStringType,
      strs.map((x) => stringValue(x)),
    );
  }),
} satisfies Record<string, Value>;
