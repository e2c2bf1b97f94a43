// sprig's dict.go: dict, get, set, unset, hasKey, keys, values, pluck, pick, omit, dig,
// merge (dario.cat/mergo), deepCopy.

import { mergeInto } from '../funcs/maps.js';
import {
  GoMap,
  GoPanic,
  Value,
  boolType,
  boolValue,
  sliceStringType,
  stringValue,
  indirectInterface,
  sliceInterfaceType,
  box,
  interfaceType,
  mapStringInterfaceType,
  sliceOf,
} from '../../value/index.js';
import { I, S, fn, fnNoErr, type Pair, mustName } from '../funcs/sig.js';
import { strval } from './convert.js';
import { compareStrings } from '../../go/strings/index.js';

const M = mapStringInterfaceType;

function sortedEntries(m: Value): { key: Value; value: Value }[] {
  return [...(m.map()?.entries.values() ?? [])].sort((a, b) => compareStrings(a.key.str(), b.key.str()));
}

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

/** copystructure.Copy for the values templates hold: maps and slices are copied, the rest shared. */
function deepCopy(v: Value): Value {
  switch (v.kind) {
    case 'interface':
      return box(deepCopy(indirectInterface(v)), v.type);
    case 'map': {
      const m = v.map();
      if (m === null) return v;
      const out = new GoMap();
      for (const { key, value } of m.entries.values()) out.set(key, deepCopy(value));
      return new Value(v.type, out);
    }
    case 'slice':
      return v.isNil() ? v : new Value(v.type, v.items().map(deepCopy));
    default:
      return v;
  }
}

/** v, or a nil interface{} when v is invalid (a nil argument). */
const nilBoxed = (v: Value): Value => (v.isValid() ? v : box(v));

const SI = sliceInterfaceType;
const slice = (items: Value[] | null): Value => new Value(SI, items);

export const sprigDict = {
  dict: fnNoErr(
    [sliceInterfaceType],
    M,
    (vs) => {
      const m = new GoMap();
      // A nil argument arrives invalid; in Go's map[string]interface{} it is a nil interface,
      // which prints <nil> under every verb (and interface {}(nil) under %#v).
      for (let i = 0; i < vs.length; i += 2) m.set(stringValue(strval(vs[i])), i + 1 < vs.length ? nilBoxed(vs[i + 1]) : box(stringValue('')));
      return new Value(M, m);
    },
    true,
  ),
  get: fnNoErr([M, S], interfaceType, ([d, k]) => d.map()?.get(k) ?? box(stringValue(''))),
  set: fnNoErr([M, S, I], M, ([d, k, v]) => {
    const m = d.map();
    if (!m) throw new GoPanic('assignment to entry in nil map');
    m.set(k, nilBoxed(v));
    return d;
  }),
  unset: fnNoErr([M, S], M, ([d, k]) => {
    d.map()?.delete(k);
    return d;
  }),
  hasKey: fnNoErr([M, S], boolType, ([d, k]) => boolValue(d.map()?.get(k) !== undefined)),
  keys: fnNoErr(
    [sliceOf(M)],
    sliceStringType,
    (dicts) =>
      new Value(
        sliceStringType,
        dicts.flatMap((d) => sortedEntries(d).map((e) => e.key)),
      ),
    true,
  ),
  values: fnNoErr(
    [M],
    sliceInterfaceType,
    ([d]) =>
      new Value(
        sliceInterfaceType,
        sortedEntries(d).map((e) => e.value),
      ),
  ),
  pluck: fnNoErr(
    [S, sliceOf(M)],
    SI,
    ([key, ...dicts]) =>
      slice(
        dicts.flatMap((d) => {
          const x = d.map()?.get(key);
          return x === undefined ? [] : [x];
        }),
      ),
    true,
  ),
  pick: fnNoErr(
    [M, sliceStringType],
    M,
    ([d, ...keys]) => {
      const out = new GoMap();
      for (const k of keys) {
        const x = d.map()?.get(k);
        if (x !== undefined) out.set(k, x);
      }
      return new Value(M, out);
    },
    true,
  ),
  omit: fnNoErr(
    [M, sliceStringType],
    M,
    ([d, ...keys]) => {
      const out = new GoMap();
      const drop = new Set(keys.map((k) => k.str()));
      for (const { key, value } of d.map()?.entries.values() ?? []) if (!drop.has(key.str())) out.set(key, value);
      return new Value(M, out);
    },
    true,
  ),
  ...mergeFuncs('merge', false),
  ...mergeFuncs('mergeOverwrite', true),
  dig: fn(
    [SI],
    interfaceType,
    (ps) => {
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
    },
    true,
  ),
  deepCopy: fnNoErr([I], interfaceType, ([v]) => deepCopy(v)),
  mustDeepCopy: fn([I], interfaceType, ([v]) => deepCopy(v)),
} satisfies Record<string, Value>;
