// sprig type functions (reflect.go, defaults.go): typeOf, kindOf, deepEqual, JSON variants, deepCopy.

import { sprintf } from '../../fmt/index.js';
import { GoError, GoMap, Value, boolType, boolValue, box, indirectInterface, interfaceType, invalid, stringValue } from '../../value/index.js';
import { decodeJSON, marshalJSON } from '../../go/encoding/json/index.js';
import { I, S, fn, fnNoErr } from '../funcs/sig.js';
import { deepEqual } from '../../value/index.js';

const typeOf = (v: Value): string => sprintf('%T', [indirectInterface(v)]);
const kindOf = (v: Value): string => {
  const d = indirectInterface(v);
  return d.isValid() ? d.kind : 'invalid';
};

function marshal(v: Value, escapeHTML: boolean, indent?: string): string {
  return marshalJSON(indirectInterface(v), { escapeHTML, indent });
}

/** copystructure.Copy for the values templates hold: maps and slices are copied, the rest shared. */
function deepCopy(v: Value): Value {
  switch (v.kind) {
    case 'interface': return box(deepCopy(indirectInterface(v)), v.type);
    case 'map': {
      const m = v.map();
      if (m === null) return v;
      const out = new GoMap();
      for (const { key, value } of m.entries.values()) out.set(key, deepCopy(value));
      return new Value(v.type, out);
    }
    case 'slice': return v.isNil() ? v : new Value(v.type, v.items().map(deepCopy));
    default: return v;
  }
}

const S_ = stringValue('').type;

export const sprigTypeFuncs = {
  typeOf: fnNoErr([I], S_, ([v]) => stringValue(typeOf(v))),
  typeIs: fnNoErr([S, I], boolType, ([t, v]) => boolValue(t.str() === typeOf(v))),
  typeIsLike: fnNoErr([S, I], boolType, ([t, v]) => boolValue(t.str() === typeOf(v) || `*${t.str()}` === typeOf(v))),
  kindOf: fnNoErr([I], S_, ([v]) => stringValue(kindOf(v))),
  kindIs: fnNoErr([S, I], boolType, ([k, v]) => boolValue(k.str() === kindOf(v))),
  deepEqual: fnNoErr([I, I], boolType, ([a, b]) => boolValue(deepEqual(a, b))),
  deepCopy: fnNoErr([I], interfaceType, ([v]) => deepCopy(v)),
  mustDeepCopy: fn([I], interfaceType, ([v]) => deepCopy(v)),
  fromJson: fnNoErr([S], interfaceType, ([s]) => {
    try {
      return box(decodeJSON(s.str(), { useNumber: false }));
    } catch (e) {
      if (e instanceof GoError) return box(invalid);
      throw e;
    }
  }),
  mustFromJson: fn([S], interfaceType, ([s]) => box(decodeJSON(s.str(), { useNumber: false }))),
  mustToJson: fn([I], S_, ([v]) => stringValue(marshal(v, true))),
  mustToPrettyJson: fn([I], S_, ([v]) => stringValue(marshal(v, true, '  '))),
  mustToRawJson: fn([I], S_, ([v]) => stringValue(marshal(v, false))),
} satisfies Record<string, Value>;
