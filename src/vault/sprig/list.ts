// sprig list functions (list.go) and the dict helpers built on them (dict.go).

import { compareStrings } from '../../go/strings/index.js';
import {
  type GoType, GoError, GoMap, GoPanic, Value, boolType, boolValue, box, indirectInterface, intType, interfaceType, invalid,
  mapStringInterfaceType, sliceInterfaceType, sliceOf, sliceStringType, stringValue,
} from '../../value/index.js';
import { mergeInto } from '../funcs/maps.js';
import { I, S, fn, fnNoErr, type Pair, mustName } from '../funcs/sig.js';
import { deepEqual } from '../../value/index.js';
import { isEmpty, strslice, strval, toInt64 } from './convert.js';

const M = mapStringInterfaceType;
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

/** A list function and its must* twin: the plain one panics where the must one returns the error. */
function pair<N extends string>(name: N, params: GoType[], result: GoType, impl: (args: readonly Value[], must: boolean) => Value, variadic = false): Pair<N> {
  return {
    [name]: fnNoErr(params, result, (args) => impl(args, false), variadic),
    [mustName(name)]: fn(params, result, (args) => impl(args, true), variadic),
  } as Pair<N>;
}

const slice = (items: Value[] | null): Value => new Value(SI, items);

export const sprigListFuncs = {
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
  ...pair('without', [I, SI], SI, ([l, ...omit], must) =>
    slice(elements(l, (k) => `Cannot find without on type ${k}`, must).filter((x) => !omit.some((o) => deepEqual(x, o)))), true),
  ...pair('has', [I, I], boolType, ([needle, haystack], must) => {
    if (!indirectInterface(haystack).isValid()) return boolValue(false);
    return boolValue(elements(haystack, (k) => `Cannot find has on type ${k}`, must).some((x) => deepEqual(needle, x)));
  }),
  ...pair('append', [I, I], SI, ([l, v], must) => slice([...elements(l, (k) => `Cannot push on type ${k}`, must), v])),
  ...pair('push', [I, I], SI, ([l, v], must) => slice([...elements(l, (k) => `Cannot push on type ${k}`, must), v])),
  ...pair('prepend', [I, I], SI, ([l, v], must) => slice([v, ...elements(l, (k) => `Cannot prepend on type ${k}`, must)])),
  ...pair('chunk', [intType, I], sliceOf(SI), ([n, l], must) => {
    const xs = elements(l, (k) => `Cannot chunk type ${k}`, must);
    const size = Number(n.int());
    const count = Math.floor((xs.length - 1) / size) + 1;
    const out: Value[] = [];
    for (let i = 0; i < count; i++) {
      let clen = size;
      if (i === count - 1) {
        clen = Math.floor(xs.length % size);
        if (clen === 0) clen = size;
      }
      out.push(slice(xs.slice(i * size, i * size + clen)));
    }
    return new Value(sliceOf(SI), out);
  }),
  ...pair('slice', [I, SI], interfaceType, ([l, ...idx], must) => {
    const v = indirectInterface(l);
    elements(l, (k) => `list should be type of slice or array but ${k}`, must);
    const items = v.items();
    if (items.length === 0) return box(invalid);
    const start = idx.length > 0 ? Number(toInt64(idx[0])) : 0;
    const end = idx.length < 2 ? items.length : Number(toInt64(idx[1]));
    if (start < 0 || end < start || end > items.length) throw new GoPanic('reflect: slice index out of range');
    return box(new Value(v.type.kind === 'array' ? sliceOf(v.type.elem ?? interfaceType) : v.type, items.slice(start, end)));
  }, true),
  concat: fnNoErr([SI], interfaceType, (lists) => {
    const res: Value[] = [];
    for (const l of lists) {
      const v = indirectInterface(l);
      if (!v.isValid()) throw nilTypePanic();
      if (v.kind !== 'slice' && v.kind !== 'array') throw new GoPanic(`Cannot concat type ${kindName(v)} as list`);
      res.push(...v.items().map((x) => box(x)));
    }
    return box(slice(res.length === 0 ? null : res));
  }, true),
  sortAlpha: fnNoErr([I], sliceStringType, ([l]) => {
    const v = indirectInterface(l);
    const strs = v.kind === 'slice' || v.kind === 'array' ? strslice(v).sort(compareStrings) : [strval(l)];
    return new Value(sliceStringType, strs.map((x) => stringValue(x)));
  }),
  tuple: fnNoErr([SI], SI, (vs) => slice(vs.map((v) => box(v))), true),
  all: fnNoErr([SI], boolType, (vs) => boolValue(vs.every((v) => !isEmpty(v))), true),
  any: fnNoErr([SI], boolType, (vs) => boolValue(vs.some((v) => !isEmpty(v))), true),
  pluck: fnNoErr([S, sliceOf(M)], SI, ([key, ...dicts]) =>
    slice(dicts.flatMap((d) => { const x = d.map()?.get(key); return x === undefined ? [] : [x]; })), true),
  pick: fnNoErr([M, sliceStringType], M, ([d, ...keys]) => {
    const out = new GoMap();
    for (const k of keys) {
      const x = d.map()?.get(k);
      if (x !== undefined) out.set(k, x);
    }
    return new Value(M, out);
  }, true),
  omit: fnNoErr([M, sliceStringType], M, ([d, ...keys]) => {
    const out = new GoMap();
    const drop = new Set(keys.map((k) => k.str()));
    for (const { key, value } of d.map()?.entries.values() ?? []) if (!drop.has(key.str())) out.set(key, value);
    return new Value(M, out);
  }, true),
  ...mergeFuncs('merge', false),
  ...mergeFuncs('mergeOverwrite', true),
  dig: fn([SI], interfaceType, (ps) => {
    if (ps.length < 3) throw new GoPanic('dig needs at least three arguments');
    const conv = (v: Value, want: string): Value => {
      const d = indirectInterface(v);
      if (d.type.str !== want) throw new GoPanic(`interface conversion: interface {} is ${d.isValid() ? d.type.str : 'nil'}, not ${want}`);
      return d;
    };
    let dict = conv(ps[ps.length - 1], 'map[string]interface {}');
    const def = ps[ps.length - 2];
    const keys = ps.slice(0, -2).map((k) => conv(k, 'string').str());
    for (let i = 0; ; i++) {
      const step = dict.map()?.get(stringValue(keys[i]));
      if (step === undefined) return def;
      if (i === keys.length - 1) return step;
      dict = conv(step, 'map[string]interface {}');
    }
  }, true),
} satisfies Record<string, Value>;

/** merge / mergeOverwrite (mergo.Merge, with or without WithOverride) and their must* forms. */
function mergeFuncs<N extends string>(name: N, overwrite: boolean): Pair<N> {
  const impl = ([dst, ...srcs]: readonly Value[]): Value => {
    let d = dst.map();
    for (const src of srcs) {
      const s = src.map();
      if (d === null && s !== null) d = new GoMap();
      if (d !== null && s !== null) mergeInto(d, s, overwrite);
    }
    return box(new Value(M, d));
  };
  return {
    [name]: fnNoErr([M, sliceOf(M)], interfaceType, impl, true),
    [mustName(name)]: fn([M, sliceOf(M)], interfaceType, impl, true),
  } as Pair<N>;
}

