// Converts data passed from JavaScript by library users into Go values.
//
// The mapping: a safe integer is an `int`, any other number a `float64`, a bigint an
// `int64`, strings and booleans themselves, arrays `[]interface{}`, plain objects
// `map[string]interface{}`, null/undefined nil. A Value passes through unchanged.
// Templates are untrusted: only own, enumerable data properties are visible; the
// prototype chain, getters, setters and functions behave as missing keys.

import { mapStringInterfaceType, sliceInterfaceType } from './builtin-types.js';
import { interfaceType } from './types.js';
import { GoMap, Value, boolValue, box, float64Value, int64Value, intValue, invalid, stringValue } from './value.js';

export function fromJS(data: unknown): Value {
  return convert(data, new Set());
}

function convert(data: unknown, seen: Set<object>): Value {
  if (data instanceof Value) return data;
  switch (typeof data) {
    case 'string': return stringValue(data);
    case 'boolean': return boolValue(data);
    case 'number': return Number.isSafeInteger(data) ? intValue(data) : float64Value(data);
    case 'bigint': return int64Value(BigInt.asIntN(64, data));
    case 'undefined': return invalid;
    case 'object': break;
    default: return invalid; // functions and symbols are never data
  }
  if (data === null) return invalid;
  if (seen.has(data)) throw new TypeError('vtpl: data contains a cycle');
  seen.add(data);
  try {
    if (Array.isArray(data)) {
      const items: Value[] = [];
      for (let i = 0; i < data.length; i++) {
        const d = Object.getOwnPropertyDescriptor(data, i);
        items.push(box(d && 'value' in d ? convert(d.value, seen) : invalid));
      }
      return new Value(sliceInterfaceType, items);
    }
    const m = new GoMap();
    for (const key of Object.keys(data)) {
      const d = Object.getOwnPropertyDescriptor(data, key);
      if (!d || !('value' in d) || typeof d.value === 'function') continue;
      m.set(stringValue(key), box(convert(d.value, seen), interfaceType));
    }
    return new Value(mapStringInterfaceType, m);
  } finally {
    seen.delete(data);
  }
}
