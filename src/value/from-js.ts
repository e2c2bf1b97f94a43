// Converts data passed from JavaScript by library users into Go values.
//
// The mapping: a safe integer is an `int`, any other number a `float64`, a bigint an
// `int64` (a `uint64` above int64's range), strings and booleans themselves, arrays
// `[]interface{}`, plain objects and Maps with string keys `map[string]interface{}`,
// null/undefined nil. A Value passes through unchanged.
// Templates are untrusted: only own, enumerable data properties are visible; the
// prototype chain, getters, setters and functions behave as missing keys.
//
// Data that no Go value can hold is refused with a DataError naming where it is: a cycle
// (a Go value cannot contain itself), nesting deeper than encoding/json accepts (Go's
// stack grows; ours does not), a bigint beyond 64 bits, and the built-in objects whose
// content is not in their properties (Set, Date, ...), which would otherwise become an
// empty map without a word.

import { mapStringInterfaceType, sliceInterfaceType } from './builtin-types.js';
import { interfaceType } from './types.js';
import { GoMap, Value, boolValue, box, float64Value, int64Value, intValue, invalid, stringValue, uint64Value } from './value.js';

/** Data that cannot become a Go value; the message says where and why. */
export class DataError extends Error {
  constructor(path: readonly (string | number)[], why: string) {
    super(`vtpl: cannot use the data as a Go value: ${pathText(path)}: ${why}`);
    this.name = 'DataError';
  }
}

/** The deepest nesting accepted: encoding/json's limit (maxNestingDepth), so JSON-shaped data that Go can decode converts. */
export const maxDataDepth = 10000;

const minInt64 = -(1n << 63n);
const maxUint64 = (1n << 64n) - 1n;

// Built-in objects whose content is not in own properties: converting them as objects
// would give an empty map, so they are refused by name.
const opaque: readonly [new (...args: never[]) => object, string][] = [
  [Set, 'a Set has no Go counterpart here: pass an array'],
  [WeakSet, 'a WeakSet cannot be read'],
  [WeakMap, 'a WeakMap cannot be read'],
  [Date, 'a Date is not converted (Go would see a time.Time): pass a string, e.g. date.toISOString()'],
  [RegExp, 'a RegExp has no Go counterpart here: pass its source string'],
  [Promise, 'a Promise has no value yet: await it first'],
  [ArrayBuffer, 'binary data has no Go counterpart here: pass a string or an array of numbers'],
];

export function fromJS(data: unknown): Value {
  const path: (string | number)[] = [];
  try {
    return convert(data, new Set(), path);
  } catch (e) {
    // The depth limit normally comes first; on a small JS stack the stack may run out before it.
    // (A shallow path means the caller was already deep in the stack: not the data's doing.)
    if (e instanceof RangeError && e.message.includes('call stack') && path.length > 100) {
      throw new DataError(path, `nested too deeply for this JavaScript stack (${path.length} levels; a thread with a larger stack reaches ${maxDataDepth})`);
    }
    throw e;
  }
}

function convert(data: unknown, seen: Set<object>, path: (string | number)[]): Value {
  if (data instanceof Value) return data;
  switch (typeof data) {
    case 'string':
      return stringValue(data);
    case 'boolean':
      return boolValue(data);
    case 'number':
      return Number.isSafeInteger(data) ? intValue(data) : float64Value(data);
    case 'bigint':
      if (data >= minInt64 && data < -minInt64) return int64Value(data);
      if (data > 0n && data <= maxUint64) return uint64Value(data);
      throw new DataError(path, `the bigint ${data} overflows int64 and uint64`);
    case 'undefined':
      return invalid;
    case 'object':
      break;
    default:
      return invalid; // functions and symbols are never data
  }
  if (data === null) return invalid;
  if (seen.has(data)) throw new DataError(path, 'the data contains itself (a cycle), which no Go value can');
  if (path.length >= maxDataDepth) throw new DataError(path, `nested deeper than ${maxDataDepth} levels`);
  for (const [type, why] of opaque) if (data instanceof type) throw new DataError(path, why);
  if (ArrayBuffer.isView(data)) throw new DataError(path, 'binary data has no Go counterpart here: pass a string or an array of numbers');
  seen.add(data);
  try {
    if (Array.isArray(data)) {
      const items: Value[] = [];
      for (let i = 0; i < data.length; i++) {
        const d = Object.getOwnPropertyDescriptor(data, i);
        path.push(i);
        items.push(box(d && 'value' in d ? convert(d.value, seen, path) : invalid));
        path.pop();
      }
      return new Value(sliceInterfaceType, items);
    }
    const m = new GoMap();
    if (data instanceof Map) {
      for (const [key, value] of data) {
        if (typeof key !== 'string') throw new DataError(path, `a Map key of type ${typeof key}: only string keys make a Go map[string]interface{}`);
        if (typeof value === 'function') continue;
        path.push(key);
        m.set(stringValue(key), box(convert(value, seen, path), interfaceType));
        path.pop();
      }
      return new Value(mapStringInterfaceType, m);
    }
    for (const key of Object.keys(data)) {
      const d = Object.getOwnPropertyDescriptor(data, key);
      if (!d || !('value' in d) || typeof d.value === 'function') continue;
      path.push(key);
      m.set(stringValue(key), box(convert(d.value, seen, path), interfaceType));
      path.pop();
    }
    return new Value(mapStringInterfaceType, m);
  } finally {
    seen.delete(data);
  }
}

/** A path in template syntax: .a.b[3]["odd key"]; the data itself is "."; a deep one is cut. */
function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'at .';
  const shown = 8;
  if (path.length > shown) return `${pathText(path.slice(0, shown))}... (${path.length} levels)`;
  const parts = path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`));
  return `at ${parts.join('')}`;
}
