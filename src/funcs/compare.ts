// Comparison builtins eq, ne, lt, le, gt, ge (funcs.go), over Go's basic kinds.

import { GoError, type Value, boolValue, goFunc, indirectInterface, isComplexKind, isFloatKind, isIntKind, isUintKind, stringValue } from '../value/index.js';
import { sprintf } from '../fmt/index.js';
import { comparable, interfaceEqual } from './equal.js';
import { twoValuesToBoolError, valueVariadicToBoolError } from './signatures.js';
import { compareStrings } from '../go/strings/index.js';

export type BasicKind = 'invalid' | 'bool' | 'complex' | 'int' | 'float' | 'string' | 'uint';

const errBadComparisonType = 'invalid type for comparison';
const errNoComparison = 'missing argument for comparison';

/** basicKind: the comparison class of a value; 'invalid' where Go returns errBadComparisonType. */
export function basicKind(v: Value): BasicKind {
  const k = v.kind;
  if (k === 'bool') return 'bool';
  if (isIntKind(k)) return 'int';
  if (isUintKind(k)) return 'uint';
  if (isFloatKind(k)) return 'float';
  if (isComplexKind(k)) return 'complex';
  if (k === 'string') return 'string';
  return 'invalid';
}

function incompatible(a: Value, b: Value): GoError {
  return new GoError(`incompatible types for comparison: ${a.type.str} and ${b.type.str}`);
}

/** funcs.go isNil: the invalid Value or a nil of a nillable kind. */
function isNil(v: Value): boolean {
  return !v.isValid() || v.isNil();
}

/** a == b for two values outside the basic kinds (pointers, maps, structs, nil...). */
function equalNonBasic(a: Value, b: Value): boolean {
  // canCompare: the same reflect kind, or one side is nil.
  if (a.kind !== b.kind && a.isValid() && b.isValid()) {
    const text = sprintf('non-comparable types %s: %v, %s: %v', [a, stringValue(a.type.str), stringValue(b.type.str), b]);
    throw new GoError(text);
  }
  if (isNil(a) || isNil(b)) return isNil(a) === isNil(b);
  if (!comparable(b.type)) throw new GoError(sprintf('non-comparable type %s: %v', [b, stringValue(b.type.str)]));
  return interfaceEqual(a, b);
}

function equal(a: Value, k1: BasicKind, b: Value): boolean {
  const k2 = basicKind(b);
  if (k1 !== k2) {
    // Integers compare by value regardless of the sign of their types.
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) {
      return a.int() >= 0n && b.int() >= 0n && a.int() === b.int();
    }
    if (a.isValid() && b.isValid()) throw incompatible(a, b);
    return false;
  }
  switch (k1) {
    case 'bool':
      return a.bool() === b.bool();
    case 'complex':
      return a.complex().re === b.complex().re && a.complex().im === b.complex().im;
    case 'float':
      return a.float() === b.float();
    case 'int':
    case 'uint':
      return a.int() === b.int();
    case 'string':
      return a.str() === b.str();
    default:
      return equalNonBasic(a, b);
  }
}

/** eq: arg1 == arg2[0] || arg1 == arg2[1] || ..., arg2 being args[from...]. */
function eq(arg1: Value, args: readonly Value[], from: number): boolean {
  const a = indirectInterface(arg1);
  if (args.length <= from) throw new GoError(errNoComparison);
  const k1 = basicKind(a);
  for (let i = from; i < args.length; i++) {
    if (equal(a, k1, indirectInterface(args[i]))) return true;
  }
  return false;
}

function lt(arg1: Value, arg2: Value): boolean {
  const a = indirectInterface(arg1);
  const k1 = basicKind(a);
  if (k1 === 'invalid') throw new GoError(errBadComparisonType);
  const b = indirectInterface(arg2);
  const k2 = basicKind(b);
  if (k2 === 'invalid') throw new GoError(errBadComparisonType);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return a.int() < 0n || a.int() < b.int();
    if (k1 === 'uint' && k2 === 'int') return b.int() >= 0n && a.int() < b.int();
    throw incompatible(a, b);
  }
  switch (k1) {
    case 'float':
      return a.float() < b.float();
    case 'int':
    case 'uint':
      return a.int() < b.int();
    case 'string':
      return compareStrings(a.str(), b.str()) < 0;
    default:
      throw new GoError(errBadComparisonType); // bool, complex
  }
}

function le(a: Value, b: Value): boolean {
  return lt(a, b) || eq(a, [b], 0);
}

export const eqFunc = goFunc(valueVariadicToBoolError, (args) => boolValue(eq(args[0], args, 1)));
export const neFunc = goFunc(twoValuesToBoolError, (args) => boolValue(!eq(args[0], args, 1)));
export const ltFunc = goFunc(twoValuesToBoolError, ([a, b]) => boolValue(lt(a, b)));
export const leFunc = goFunc(twoValuesToBoolError, ([a, b]) => boolValue(le(a, b)));
export const gtFunc = goFunc(twoValuesToBoolError, ([a, b]) => boolValue(!le(a, b)));
export const geFunc = goFunc(twoValuesToBoolError, ([a, b]) => boolValue(!lt(a, b)));
