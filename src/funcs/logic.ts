// Boolean builtins: and, or, not (funcs.go). exec short-circuits and/or itself while
// evaluating arguments; these implementations serve calls with already-evaluated
// arguments, with the same result: the deciding argument, unwrapped.

import { type Value, boolValue, goFunc } from '../value/index.js';
import { truth } from '../exec/index.js';
import { valueToBool, valueVariadicToValue } from './signatures.js';

/** The first argument whose truth is `stopAt`, else the last one. */
function firstWithTruth(args: readonly Value[], stopAt: boolean): Value {
  for (const arg of args.slice(0, -1)) {
    if (truth(arg) === stopAt) return arg;
  }
  return args[args.length - 1];
}

/** and: the first false argument, or the last argument. */
export const andFunc = goFunc(valueVariadicToValue, (args) => firstWithTruth(args, false));

/** or: the first true argument, or the last argument. */
export const orFunc = goFunc(valueVariadicToValue, (args) => firstWithTruth(args, true));

/** not: the Boolean negation of its argument's truth. */
export const notFunc = goFunc(valueToBool, ([arg]) => boolValue(!truth(arg)));
