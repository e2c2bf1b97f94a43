// explodeMap, mergeMap and mergeMapWithOverride (funcs.go; merging is dario.cat/mergo's deepMerge).

import { sprintf } from '../../fmt/index.js';
import { compareStrings } from '../../go/strings/index.js';
import {
  GoError,
  GoMap,
  Value,
  box,
  funcOf,
  indirectInterface,
  isFloatKind,
  isIntKind,
  isUintKind,
  mapStringInterfaceType,
  namedType,
  ptrTo,
  sliceOf,
  stringValue,
  structOf,
} from '../../value/index.js';
import { fn } from './sig.js';

const M = mapStringInterfaceType;

function explodeHelper(m: GoMap, k: string, v: Value, p: string): void {
  const slash = k.indexOf('/');
  if (slash >= 0) {
    const top = k.slice(0, slash);
    const key = k.slice(slash + 1);
    const topKey = stringValue(top);
    if (m.get(topKey) === undefined) m.set(topKey, box(new Value(M, new GoMap())));
    const existing = m.get(topKey) as Value;
    const nest = existing.elem();
    if (nest.type !== M || nest.isNil()) {
      throw new GoError(sprintf('not a map: %q: %q already has value %q', [stringValue(p), topKey, nest]));
    }
    explodeHelper(nest.map() as GoMap, key, v, k);
    return;
  }
  if (k !== '') m.set(stringValue(k), v);
}

function explodeMap(mapIn: Value): Value {
  const out = new GoMap();
  const entries = [...(mapIn.map()?.entries.values() ?? [])].sort((a, b) => compareStrings(a.key.str(), b.key.str()));
  for (const { key, value } of entries) {
    try {
      explodeHelper(out, key.str(), value, key.str());
    } catch (e) {
      if (e instanceof GoError) throw new GoError(`explodeMap: ${e.message}`);
      throw e;
    }
  }
  return new Value(M, out);
}

/** mergo's isEmptyValue with dereferencing. */
export function isEmpty(v: Value): boolean {
  if (!v.isValid()) return true;
  switch (v.kind) {
    case 'interface':
    case 'ptr':
      return v.isNil() || isEmpty(v.elem());
    case 'map':
      return (v.map()?.size ?? 0) === 0;
    case 'slice':
    case 'array':
      return v.items().length === 0;
    case 'string':
      return v.str() === '';
    case 'bool':
      return !v.bool();
    case 'func':
      return v.isNil();
    default:
      if (isIntKind(v.kind) || isUintKind(v.kind)) return v.int() === 0n;
      if (isFloatKind(v.kind)) return v.float() === 0;
      return false;
  }
}

/** deepMerge of map `src` into map `dst` (in place), as mergo does for map[string]interface{} values. */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const { key, value: srcElement } of src.entries.values()) {
    const dstElement = dst.get(key);
    if (srcElement.kind === 'interface' && srcElement.isNil()) {
      if (overwrite) dst.set(key, srcElement);
      continue;
    }
    const s = indirectInterface(srcElement);
    const d = dstElement === undefined ? undefined : indirectInterface(dstElement);
    if (s.kind === 'map' && d !== undefined && d.kind === 'map' && !d.isNil() && s.map()) mergeInto(d.map() as GoMap, s.map() as GoMap, overwrite);
    if (dstElement !== undefined && !isEmpty(dstElement)) {
      if (s.kind === 'slice') {
        if (overwrite && !isEmpty(new Value(M, src))) dst.set(key, srcElement);
        continue;
      }
      if (s.kind === 'map' && d?.kind === 'map') continue;
    }
    if (overwrite || dstElement === undefined || isEmpty(dstElement)) dst.set(key, srcElement);
  }
}

function mergeMaps(dst: Value, src: Value, overwrite: boolean): Value {
  let d = dst.map();
  const s = src.map();
  if (d === null && s !== null) d = new GoMap();
  if (d !== null && s !== null) mergeInto(d, s, overwrite);
  return new Value(M, d);
}

/** func(*mergo.Config): mergeMap's optional trailing options (no template can make one). */
const mergoOption = funcOf({
  params: [ptrTo(namedType({ str: 'mergo.Config', underlying: structOf([]) }))],
  variadic: false,
  results: [],
});

export const mapFuncs = {
  explodeMap: fn([M], M, ([m]) => explodeMap(m)),
  mergeMap: fn([M, M, sliceOf(mergoOption)], M, ([dst, src]) => mergeMaps(dst, src, false), true),
  mergeMapWithOverride: fn([M, M], M, ([dst, src]) => mergeMaps(dst, src, true)),
} satisfies Record<string, Value>;
