// Argument checks shared by index, slice and call (funcs.go prepareArg, indexArg).

import { type GoType, GoError, Value, assignableTo, box, canBeNil, intBits, invalid, isIntKind, isUintKind, reflectValueType, zeroOf } from '../value/index.js';

function intLike(t: GoType): boolean {
  return isIntKind(t.kind) || isUintKind(t.kind);
}

/** reflect.Value.Convert between integer kinds: Go truncates to the target's width. */
function convertInt(v: Value, to: GoType): Value {
  const bits = intBits(to.kind);
  const n = isIntKind(to.kind) ? BigInt.asIntN(bits, v.int()) : BigInt.asUintN(bits, v.int());
  return new Value(to, n);
}

/**
 * prepareArg: checks that `value` can be an argument of type `argType`, turning an
 * invalid value into the type's zero value. The result has exactly the parameter's
 * type (an interface parameter gets the value boxed, a reflect.Value one gets it raw).
 */
export function prepareArg(value: Value, argType: GoType): Value {
  if (!value.isValid()) {
    if (!canBeNil(argType)) throw new GoError(`value is nil; should be of type ${argType.str}`);
    // reflect.Zero(reflect.Value) reaches the callee as the zero reflect.Value.
    return argType === reflectValueType ? invalid : zeroOf(argType);
  }
  if (assignableTo(value.type, argType)) return argType.kind === 'interface' ? box(value, argType) : value;
  if (intLike(value.type) && intLike(argType)) return convertInt(value, argType);
  throw new GoError(`value has type ${value.type.str}; should be ${argType.str}`);
}

/** indexArg: checks that `index` can index something of length `cap` and returns it as a number. */
export function indexArg(index: Value, cap: number): number {
  let x: bigint;
  if (isIntKind(index.kind)) x = index.int();
  else if (isUintKind(index.kind))
    x = BigInt.asIntN(64, index.int()); // int64(index.Uint())
  else if (!index.isValid()) throw new GoError('cannot index slice/array with nil');
  else throw new GoError(`cannot index slice/array with type ${index.type.str}`);
  if (x < 0n || x > BigInt(cap)) throw new GoError(`index out of range: ${x}`);
  return Number(x);
}
