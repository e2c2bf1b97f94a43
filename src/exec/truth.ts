// isTrue from exec.go: the truth of a value as `if`, `with`, `and`, `or`, `not` see it.

import { type Value, indirectInterface, isComplexKind, isFloatKind, isIntKind, isUintKind } from '../value/index.js';

/**
 * Reports whether `val` is non-zero ("true") and whether it has a meaningful
 * truth value at all. An invalid value (an unset interface) is a form of nil: false.
 */
export function isTrue(val: Value): { truth: boolean; ok: boolean } {
  if (!val.isValid()) return { truth: false, ok: true };
  const k = val.kind;
  switch (k) {
    case 'array': case 'map': case 'slice': case 'string':
      return { truth: lengthOf(val) > 0, ok: true };
    case 'bool':
      return { truth: val.bool(), ok: true };
    case 'chan': case 'func': case 'ptr': case 'interface':
      return { truth: !val.isNil(), ok: true };
    case 'struct':
      return { truth: true, ok: true };
    default:
      break;
  }
  if (isIntKind(k) || isUintKind(k)) return { truth: val.int() !== 0n, ok: true };
  if (isFloatKind(k)) return { truth: val.float() !== 0, ok: true };
  if (isComplexKind(k)) {
    const c = val.complex();
    return { truth: c.re !== 0 || c.im !== 0, ok: true };
  }
  return { truth: false, ok: false };
}

/** truth from funcs.go: isTrue of the value inside an interface, ignoring `ok`. */
export function truth(arg: Value): boolean {
  return isTrue(indirectInterface(arg)).truth;
}

function lengthOf(v: Value): number {
  switch (v.kind) {
    case 'string': return v.str().length;
    case 'map': return v.map()?.size ?? 0;
    default: return v.len();
  }
}
