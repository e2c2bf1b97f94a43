// The Go signatures of the text/template builtins (funcs.go), as reflect prints them.

import { type FuncSig, type GoType, boolType, errorType, intType, reflectValueType, sliceInterfaceType, sliceOf, stringType } from '../value/index.js';

const sliceOfValues = sliceOf(reflectValueType);

function sig(params: readonly GoType[], variadic: boolean, results: readonly GoType[]): FuncSig {
  return { params, variadic, results };
}

/** func(arg0 reflect.Value, args ...reflect.Value) reflect.Value — and, or, call. */
export const valueVariadicToValue = sig([reflectValueType, sliceOfValues], true, [reflectValueType]);
/** func(item reflect.Value, indexes ...reflect.Value) (reflect.Value, error) — index, slice. */
export const valueVariadicToValueError = sig([reflectValueType, sliceOfValues], true, [reflectValueType, errorType]);
/** func(item reflect.Value) (int, error) — len. */
export const valueToIntError = sig([reflectValueType], false, [intType, errorType]);
/** func(arg reflect.Value) bool — not. */
export const valueToBool = sig([reflectValueType], false, [boolType]);
/** func(arg1 reflect.Value, arg2 ...reflect.Value) (bool, error) — eq. */
export const valueVariadicToBoolError = sig([reflectValueType, sliceOfValues], true, [boolType, errorType]);
/** func(arg1, arg2 reflect.Value) (bool, error) — ne, lt, le, gt, ge. */
export const twoValuesToBoolError = sig([reflectValueType, reflectValueType], false, [boolType, errorType]);
/** func(args ...any) string — html, js, urlquery, print, println. */
export const anyVariadicToString = sig([sliceInterfaceType], true, [stringType]);
/** func(format string, a ...any) string — printf. */
export const formatAnyVariadicToString = sig([stringType, sliceInterfaceType], true, [stringType]);
