// sprig's defaults.go: default, empty, coalesce, all, any, ternary and the JSON helpers.

import {
  GoError,
  GoPanic,
  type Value,
  boolType,
  boolValue,
  stringValue,
  indirectInterface,
  sliceInterfaceType,
  box,
  interfaceType,
  invalid,
  stringType,
} from '../../value/index.js';
import { I, S, fn, fnNoErr } from '../funcs/sig.js';
import { isEmpty } from './convert.js';
import { marshalJSON, decodeJSON } from '../../go/encoding/json/index.js';

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

function marshal(v: Value, escapeHTML: boolean, indent?: string): string {
  return marshalJSON(indirectInterface(v), { escapeHTML, indent });
}

const SI = sliceInterfaceType;

export const sprigDefaults = {
  default: fnNoErr([I, sliceInterfaceType], interfaceType, ([d, ...given]) => (given.length === 0 || isEmpty(given[0]) ? d : given[0]), true),
  empty: fnNoErr([I], boolType, ([v]) => boolValue(isEmpty(v))),
  coalesce: fnNoErr([sliceInterfaceType], interfaceType, (vs) => vs.find((v) => !isEmpty(v)) ?? box(invalid), true),
  ternary: fnNoErr([I, I, boolType], interfaceType, ([vt, vf, c]) => (c.bool() ? vt : vf)),
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
  all: fnNoErr([SI], boolType, (vs) => boolValue(vs.every((v) => !isEmpty(v))), true),
  any: fnNoErr([SI], boolType, (vs) => boolValue(vs.some((v) => !isEmpty(v))), true),
  fromJson: fnNoErr([S], interfaceType, ([s]) => {
    try {
      return box(decodeJSON(s.str(), { useNumber: false }));
    } catch (e) {
      if (e instanceof GoError) return box(invalid);
      throw e;
    }
  }),
  mustFromJson: fn([S], interfaceType, ([s]) => box(decodeJSON(s.str(), { useNumber: false }))),
  mustToJson: fn([I], stringType, ([v]) => stringValue(marshal(v, true))),
  mustToPrettyJson: fn([I], stringType, ([v]) => stringValue(marshal(v, true, '  '))),
  mustToRawJson: fn([I], stringType, ([v]) => stringValue(marshal(v, false))),
} satisfies Record<string, Value>;
