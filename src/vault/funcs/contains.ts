// in, contains, containsAll/Any/None/NotAll (funcs.go): never an error.

import { GoPanic, type Value, boolType, boolValue, indirectInterface, isFloatKind, isIntKind, sliceInterfaceType } from '../../value/index.js';
import { I, fn } from './sig.js';

/** reflect's panic when `in` asks the type of a nil v. */
const zeroValueType = new GoPanic('reflect: call of reflect.Value.Type on zero Value');

/** in(l, v): element match for arrays/slices (ints, floats, identical string types), substring for strings. */
export function inList(lIface: Value, vIface: Value): boolean {
  const l = indirectInterface(lIface);
  const v = indirectInterface(vIface);
  if (l.kind === 'array' || l.kind === 'slice') {
    for (const item of l.items()) {
      const e = indirectInterface(item);
      if (isIntKind(e.kind)) {
        if (isIntKind(v.kind) && v.int() === e.int()) return true;
      } else if (isFloatKind(e.kind)) {
        if (isFloatKind(v.kind) && v.float() === e.float()) return true;
      } else if (e.kind === 'string') {
        if (!v.isValid()) throw zeroValueType;
        if (v.type === e.type && v.str() === e.str()) return true;
      }
    }
    return false;
  }
  if (l.kind === 'string') {
    if (!v.isValid()) throw zeroValueType;
    return v.type === l.type && l.str().includes(v.str());
  }
  return false;
}

function containsSome(retTrue: boolean, invert: boolean): Value {
  return fn([sliceInterfaceType, I], boolType, ([v, l]) => {
    for (const x of v.items()) if (inList(l, x) !== invert) return boolValue(!retTrue);
    return boolValue(retTrue);
  });
}

export const containsFuncs = {
  in: fn([I, I], boolType, ([l, v]) => boolValue(inList(l, v))),
  contains: fn([I, I], boolType, ([v, l]) => boolValue(inList(l, v))),
  containsAll: containsSome(true, true),
  containsAny: containsSome(false, false),
  containsNone: containsSome(true, false),
  containsNotAll: containsSome(false, true),
} satisfies Record<string, Value>;
