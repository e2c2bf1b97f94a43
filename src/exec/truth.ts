// isTrue from exec.go: the truth of a value as `if`, `with`, `and`, `or`, `not` see it.

import { type Value, boolType, indirectInterface, isComplexKind, isFloatKind, isIntKind, isUintKind } from '../value/index.js';

/** isTrue's answer without an object per call (an {{if}} asks once per execution). */
export enum Truth {
  False,
  True,
  None,
}

/**
 * Reports whether `val` is non-zero ("true") and whether it has a meaningful
 * truth value at all. An invalid value (an unset interface) is a form of nil: false.
 */
export function isTrue(val: Value): { truth: boolean; ok: boolean } {
  const t = truthOf(val);
  return { truth: t === Truth.True, ok: t !== Truth.None };
}

/** isTrue as one of three answers: False, True, or None (no meaningful truth value). */
export function truthOf(val: Value): Truth {
  if (val.type === boolType) return val.v === true ? Truth.True : Truth.False;
  if (!val.isValid()) return Truth.False;
  const k = val.kind;
  // The commonest first ({{if .enabled}}, {{if $i}}, {{if .list}}): a switch tests its cases in order.
  switch (k) {
    case 'bool':
      return answer(val.bool());
    case 'int':
      return answer(val.int() !== 0n);
    case 'array':
    case 'map':
    case 'slice':
    case 'string':
      return answer(lengthOf(val) > 0);
    case 'chan':
    case 'func':
    case 'ptr':
    case 'interface':
      return answer(!val.isNil());
    case 'struct':
      return Truth.True;
    default:
      break;
  }
  if (isIntKind(k) || isUintKind(k)) return answer(val.int() !== 0n);
  if (isFloatKind(k)) return answer(val.float() !== 0);
  if (isComplexKind(k)) {
    const c = val.complex();
    return answer(c.re !== 0 || c.im !== 0);
  }
  return Truth.None;
}

function answer(b: boolean): Truth {
  return b ? Truth.True : Truth.False;
}

/** truth from funcs.go: isTrue of the value inside an interface, ignoring `ok`. */
export function truth(arg: Value): boolean {
  return truthOf(indirectInterface(arg)) === Truth.True;
}

function lengthOf(v: Value): number {
  switch (v.kind) {
    case 'string':
      return v.str().length;
    case 'map':
      return v.map()?.size ?? 0;
    default:
      return v.len();
  }
}
