// call builtin (funcs.go emptyCall / call / goodFunc / safeCall).

import { type FuncSig, GoError, GoPanic, type Value, errorType, goFunc, indirectInterface } from '../value/index.js';
import { prepareArg } from './args.js';
import { valueVariadicToValue } from './signatures.js';

/** goodFunc: a template-callable function has one result, or two with the second an error. */
function goodFunc(name: string, sig: FuncSig): void {
  const numOut = sig.results.length;
  if (numOut === 1 || (numOut === 2 && sig.results[1] === errorType)) return;
  if (numOut === 2) {
    throw new GoError(`invalid function signature for ${name}: second return value should be error; is ${sig.results[1].str}`);
  }
  throw new GoError(`function ${name} has ${numOut} return values; should be 1 or 2`);
}

/**
 * funcs.go call: calls `fn` with `args`, checking them against its signature.
 * `name` is the callee's node text (".BinaryFunc", "$f") that exec inserts.
 * A panic in the callee becomes the returned error, as safeCall does.
 */
export function callFunction(name: string, fnArg: Value, args: readonly Value[], context?: unknown): Value {
  const fn = indirectInterface(fnArg);
  if (!fn.isValid()) throw new GoError('call of nil');
  const sig = fn.type.sig;
  if (fn.kind !== 'func' || !sig) throw new GoError(`non-function ${name} of type ${fn.type.str}`);
  goodFunc(name, sig);
  const numIn = sig.params.length;
  if (sig.variadic) {
    if (args.length < numIn - 1) {
      throw new GoError(`wrong number of args for ${name}: got ${args.length} want at least ${numIn - 1}`);
    }
  } else if (args.length !== numIn) {
    throw new GoError(`wrong number of args for ${name}: got ${args.length} want ${numIn}`);
  }
  const argv = args.map((arg, i) => {
    const variadicPart = sig.variadic && i >= numIn - 1;
    const argType = variadicPart ? sig.params[numIn - 1].elem : sig.params[i];
    if (!argType) throw new Error(`variadic parameter of ${fn.type.str} is not a slice`);
    try {
      return prepareArg(indirectInterface(arg), argType);
    } catch (e) {
      if (e instanceof GoError) throw new GoError(`arg ${i}: ${e.message}`);
      throw e;
    }
  });
  const impl = fn.func();
  if (!impl) throw new GoError('reflect.Value.Call: call of nil function');
  try {
    return impl(argv, context);
  } catch (e) {
    if (e instanceof GoPanic) throw new GoError(e.message);
    throw e;
  }
}

/**
 * The `call` entry of the builtin map. Like Go's emptyCall it is never invoked:
 * exec recognizes the builtin by name and calls callFunction with the callee's
 * node text, which a plain function value cannot know.
 */
export const callFunc = goFunc(valueVariadicToValue, () => {
  throw new GoPanic('unreachable');
});
