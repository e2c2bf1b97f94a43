// Building Go function values for FuncMaps and methods.

import { type FuncSig, funcOf } from './types.js';
import { type GoFunc, Value } from './value.js';

/** A Go func Value with the given signature; `impl` receives converted args and returns the first result. */
export function goFunc(sig: FuncSig, impl: GoFunc): Value {
  return new Value(funcOf(sig), impl);
}
