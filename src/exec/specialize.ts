// Specialised implementations of functions for one call site: a function can offer
// a faster implementation for calls whose arguments are partly constant (printf
// with a literal format parses the format once). The funcs layer registers them;
// exec asks when it resolves a call site, so exec needs to know no function by name.

import type { GoFunc, Value } from '../value/index.js';

/**
 * Given the call's argument words as constant strings (undefined where a word is not
 * a string literal), an implementation equivalent to the function's own for exactly
 * those arguments, or null when it has none.
 */
export type Specializer = (constants: readonly (string | undefined)[]) => GoFunc | null;

const specializers = new WeakMap<Value, Specializer>();

/** Registers a specializer for the function value fn. */
export function setSpecializer(fn: Value, specializer: Specializer): void {
  specializers.set(fn, specializer);
}

/** fn's implementation for a call site with the given constant arguments. */
export function implementationFor(fn: Value, constants: readonly (string | undefined)[]): GoFunc | null {
  return specializers.get(fn)?.(constants) ?? fn.func();
}
