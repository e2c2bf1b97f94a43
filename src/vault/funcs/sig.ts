// Declaring template functions with their Go signatures, so that text/template's
// argument conversion (exec) reports Go's errors before the function runs.

import { type GoType, type GoFunc, type Value, errorType, goFunc, interfaceType, sliceInterfaceType, sliceStringType, stringType } from '../../value/index.js';

/** func(params...) (result, error); `variadic` makes the last param a ...T (give the slice type). */
export function fn(params: readonly GoType[], result: GoType, impl: GoFunc, variadic = false): Value {
  return goFunc({ params, variadic, results: [result, errorType] }, impl);
}

/** func(params...) result (no error result). */
export function fnNoErr(params: readonly GoType[], result: GoType, impl: GoFunc, variadic = false): Value {
  return goFunc({ params, variadic, results: [result] }, impl);
}

export const S = stringType;
export const I = interfaceType;
export const SS = sliceStringType;
export const SI = sliceInterfaceType;

/** sprig's function pairs: NAME, which swallows errors, and mustNAME, which returns them. */
export type Pair<N extends string> = Record<N | `must${Capitalize<N>}`, Value>;

/** The mustNAME of a sprig pair. */
export function mustName<N extends string>(name: N): `must${Capitalize<N>}` {
  return `must${name[0].toUpperCase()}${name.slice(1)}` as `must${Capitalize<N>}`;
}
