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

/**
 * The implementations made for constant arguments in one tree, per function and by the
 * constants: call sites with the same constants (printf "%s = %q" in every section of a
 * template) share one, so that what each call reads (the parsed format, the results it
 * keeps) is one object in the processor's cache rather than one per site. The tree keeps
 * them (they go with it), as its sites kept their own.
 */
export type Implementations = Map<Value, Map<string, GoFunc | null>>;

/**
 * fn's implementation for a call site with the given constant arguments, shared through
 * `shared` with the tree's other sites with the same constants. Sites with no constant get
 * their own: a specializer may keep per-site state for them (len remembers the last string
 * it measured).
 */
export function implementationFor(fn: Value, constants: readonly (string | undefined)[], shared: Implementations): GoFunc | null {
  const specializer = specializers.get(fn);
  if (specializer === undefined) return fn.func();
  if (constants.every((c) => c === undefined)) return specializer(constants) ?? fn.func();
  let byConstants = shared.get(fn);
  if (byConstants === undefined) {
    byConstants = new Map();
    shared.set(fn, byConstants);
  }
  const key = JSON.stringify(constants); // undefined is null: no string constant reads as one
  let impl = byConstants.get(key);
  if (impl === undefined) {
    impl = specializer(constants);
    byConstants.set(key, impl);
  }
  return impl ?? fn.func();
}
