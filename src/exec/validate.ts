// Converting evaluated values and literal constants to a parameter's type:
// validateType, evalArg's literal cases and idealConstant from exec.go.

import type { Node } from '../parse/index.js';
import { BoolNode, NumberNode, StringNode } from '../parse/index.js';
import {
  type GoType,
  Value,
  assignableTo,
  boolValue,
  canBeNil,
  complex128Type,
  float64Type,
  intBits,
  intValue,
  interfaceType,
  invalid,
  isComplexKind,
  isFloatKind,
  isIntKind,
  isUintKind,
  ptrTo,
  reflectValueType,
  stringValue,
  zeroOf,
} from '../value/index.js';
import { addr, canAddr, deref } from './addressable.js';
import type { State } from './state.js';

/** validateType: guarantees the value is valid and assignable to typ (null: any type). */
export function validateType(s: State, value: Value, typ: GoType | null): Value {
  // Every valid value is assignable to interface{}: each argument of printf, print, and
  // most functions of the template libraries.
  if (typ === interfaceType && value.isValid()) return value;
  if (!value.isValid()) {
    if (typ === null) return invalid;
    if (canBeNil(typ)) return nilFor(typ);
    s.errorf('invalid value; expected %s', typ);
  }
  if (typ === reflectValueType) return value; // the raw value is passed through
  if (typ !== null && !assignableTo(value.type, typ)) {
    if (value.kind === 'interface' && !value.isNil()) {
      value = value.elem();
      if (assignableTo(value.type, typ)) return value;
    }
    // One dereference or one address-of may make it fit, as in exec.go.
    if (value.kind === 'ptr' && value.type.elem !== undefined && assignableTo(value.type.elem, typ)) {
      value = deref(value);
      if (!value.isValid()) s.errorf('dereference of nil pointer of type %s', typ);
    } else if (assignableTo(ptrTo(value.type), typ) && canAddr(value)) {
      value = addr(value);
    } else {
      s.errorf('wrong type for value; expected %s; got %s', typ, value.type);
    }
  }
  return value;
}

/** reflect.Zero(typ) for a nil argument; a reflect.Value parameter gets the invalid value. */
export function nilFor(typ: GoType): Value {
  return typ === reflectValueType ? invalid : zeroOf(typ);
}

/** The literal cases of evalArg: a constant node converted to the parameter type. */
export function evalLiteralArg(s: State, typ: GoType, n: Node): Value {
  const k = typ.kind;
  if (k === 'bool') {
    s.at(n);
    if (n instanceof BoolNode) return new Value(typ, n.value);
    s.errorf('expected bool; found %s', n.toString());
  }
  if (isComplexKind(k)) {
    if (n instanceof NumberNode && n.isComplex) return new Value(typ, n.complex128);
    s.errorf('expected complex; found %s', n.toString());
  }
  if (isFloatKind(k)) {
    s.at(n);
    if (n instanceof NumberNode && n.isFloat) return new Value(typ, k === 'float32' ? Math.fround(n.float64) : n.float64);
    s.errorf('expected float; found %s', n.toString());
  }
  if (isIntKind(k)) {
    s.at(n);
    // reflect's SetInt truncates to the kind's width.
    if (n instanceof NumberNode && n.isInt) return new Value(typ, BigInt.asIntN(intBits(k), n.int64));
    s.errorf('expected integer; found %s', n.toString());
  }
  if (isUintKind(k)) {
    s.at(n);
    if (n instanceof NumberNode && n.isUint) return new Value(typ, BigInt.asUintN(intBits(k), n.uint64));
    s.errorf('expected unsigned integer; found %s', n.toString());
  }
  if (k === 'string') {
    s.at(n);
    if (n instanceof StringNode) return new Value(typ, n.text);
    s.errorf('expected string; found %s', n.toString());
  }
  if ((k === 'interface' && (typ.ifaceMethods ?? []).length === 0) || typ === reflectValueType) {
    return evalEmptyInterface(s, n);
  }
  return s.errorf("can't handle %s for arg of type %s", n.toString(), typ);
}

/** evalEmptyInterface for the constants (evalArg handles every other node itself). */
function evalEmptyInterface(s: State, n: Node): Value {
  s.at(n);
  if (n instanceof BoolNode) return boolValue(n.value);
  if (n instanceof NumberNode) return idealConstant(s, n);
  if (n instanceof StringNode) return stringValue(n.text);
  return s.errorf("can't handle assignment of %s to empty interface argument", n.toString());
}

/**
 * idealConstant: a number in a context with no type; its syntax decides,
 * following Go's rules for untyped constants (there is no uint ideal constant).
 */
export function idealConstant(s: State, c: NumberNode): Value {
  s.at(c);
  if (c.isComplex) return new Value(complex128Type, c.complex128);
  if (c.isFloat && !isHexInt(c.text) && !isRuneInt(c.text) && /[.eEpP]/.test(c.text)) {
    return new Value(float64Type, c.float64);
  }
  if (c.isInt) return intValue(c.int64); // int is 64-bit, so every int64 fits
  if (c.isUint) s.errorf('%s overflows int', c.text);
  return invalid;
}

function isRuneInt(s: string): boolean {
  return s.length > 0 && s[0] === "'";
}

function isHexInt(s: string): boolean {
  return s.length > 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X') && !/[pP]/.test(s);
}
