// sprig list and dict functions (list.go, dict.go, defaults.go).

import {
  GoError, GoMap, GoPanic, Value, boolType, boolValue, box, indirectInterface, intType, intValue, interfaceType, invalid,
  mapStringInterfaceType, sliceInterfaceType, sliceOf, sliceStringType, stringValue,
} from '../../value/index.js';
import { compareStrings } from '../../go/strings/index.js';
import { marshalJSON } from '../../go/encoding/json/index.js';
import { I, S, fnNoErr } from '../funcs/sig.js';
import { isEmpty, strval } from './convert.js';

const M = mapStringInterfaceType;

function sortedEntries(m: Value): { key: Value; value: Value }[] {
  return [...(m.map()?.entries.values() ?? [])].sort((a, b) => compareStrings(a.key.str(), b.key.str()));
}

function json(escapeHTML: boolean, indent?: string): (v: Value) => string {
  return (v) => {
    try {
      return marshalJSON(indirectInterface(v), { escapeHTML, indent });
    } catch (e) {
      if (e instanceof GoError) return '';
      throw e;
    }
  };
}

export const sprigCollectionFuncs = {
  default: fnNoErr([I, sliceInterfaceType], interfaceType, ([d, ...given]) =>
    (given.length === 0 || isEmpty(given[0]) ? d : given[0]), true),
  empty: fnNoErr([I], boolType, ([v]) => boolValue(isEmpty(v))),
  coalesce: fnNoErr([sliceInterfaceType], interfaceType, (vs) => vs.find((v) => !isEmpty(v)) ?? box(invalid), true),
  ternary: fnNoErr([I, I, boolType], interfaceType, ([vt, vf, c]) => (c.bool() ? vt : vf)),
  list: fnNoErr([sliceInterfaceType], sliceInterfaceType, (vs) => new Value(sliceInterfaceType, vs.map((v) => box(v))), true),
  dict: fnNoErr([sliceInterfaceType], M, (vs) => {
    const m = new GoMap();
    for (let i = 0; i < vs.length; i += 2) m.set(stringValue(strval(vs[i])), i + 1 < vs.length ? vs[i + 1] : box(stringValue('')));
    return new Value(M, m);
  }, true),
  get: fnNoErr([M, S], interfaceType, ([d, k]) => d.map()?.get(k) ?? box(stringValue(''))),
  set: fnNoErr([M, S, I], M, ([d, k, v]) => {
    const m = d.map();
    if (!m) throw new GoPanic('assignment to entry in nil map');
    m.set(k, v);
    return d;
  }),
  unset: fnNoErr([M, S], M, ([d, k]) => {
    d.map()?.delete(k);
    return d;
  }),
  hasKey: fnNoErr([M, S], boolType, ([d, k]) => boolValue(d.map()?.get(k) !== undefined)),
  keys: fnNoErr([sliceOf(M)], sliceStringType, (dicts) =>
    new Value(sliceStringType, dicts.flatMap((d) => sortedEntries(d).map((e) => e.key))), true),
  values: fnNoErr([M], sliceInterfaceType, ([d]) => new Value(sliceInterfaceType, sortedEntries(d).map((e) => e.value))),
  until: fnNoErr([intType], sliceOf(intType), ([n]) => {
    const count = Number(n.int());
    const out: Value[] = [];
    if (count >= 0) for (let i = 0; i < count; i++) out.push(intValue(i));
    else for (let i = 0; i > count; i--) out.push(intValue(i));
    return new Value(sliceOf(intType), out);
  }),
  toJson: fnNoErr([I], stringValue('').type, ([v]) => stringValue(json(true)(v))),
  toPrettyJson: fnNoErr([I], stringValue('').type, ([v]) => stringValue(json(true, '  ')(v))),
  toRawJson: fnNoErr([I], stringValue('').type, ([v]) => {
    try {
      return stringValue(marshalJSON(indirectInterface(v), { escapeHTML: false }));
    } catch (e) {
      if (e instanceof GoError) throw new GoPanic(e.message);
      throw e;
    }
  }),
} satisfies Record<string, Value>;
