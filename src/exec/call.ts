// evalCall from exec.go: argument count and type checks, the short-circuiting
// builtins and/or, the `call` builtin, and safeCall's conversion of a function's
// error or panic into "error calling NAME: MSG".

import type { Node } from '../parse/index.js';
import { type FuncSig, type GoFunc, type GoType, type Value, GoError, GoPanic, errorType, indirectInterface } from '../value/index.js';
import { StackExhaustedError } from './errors.js';
import { isMissing } from './missing.js';
import { isStringLengthError, maxStringLength, stringLimitText } from './output.js';
import type { State } from './state.js';
import { truth } from './truth.js';
import { validateType } from './validate.js';

/** Evaluates one argument node for a parameter of type typ (null: any type). */
export type ArgFn = (s: State, dot: Value, typ: GoType | null) => Value;

/** A compiled argument: its node (for messages) and its evaluator. */
export interface CArg {
  readonly node: Node;
  readonly eval: ArgFn;
}

/** A command's words as exec.go's `args []parse.Node`: the first word (function, field...) and its arguments. */
export interface CArgs {
  readonly first: Node;
  readonly rest: readonly CArg[];
}

/** A function or a method with its receiver bound (a func reflect.Value). */
export interface Callable {
  readonly sig: FuncSig;
  readonly call: GoFunc;
}

/** The real implementation behind the `call` builtin: call(name, fn, args...), with the execution's context. */
export type CallBuiltin = (name: string, fn: Value, args: readonly Value[], context: unknown) => Value;

/** goodFunc from funcs.go: the result signature a template function must have. */
export function goodFunc(name: string, sig: FuncSig): string | null {
  const n = sig.results.length;
  if (n === 1) return null;
  if (n === 2 && sig.results[1] === errorType) return null;
  if (n === 2) return `invalid function signature for ${name}: second return value should be error; is ${sig.results[1].str}`;
  return `function ${name} has ${n} return values; should be 1 or 2`;
}

/**
 * evalCall. `args` are the command's words (null when there are none to pass);
 * `final` is the previous pipeline command's value, if any.
 */
export function evalCall(s: State, dot: Value, fun: Callable, isBuiltin: boolean, node: Node, name: string, args: CArgs | null, final: Value): Value {
  const rest = args === null ? [] : args.rest;
  const sig = fun.sig;
  const params = sig.params;
  let numIn = rest.length;
  if (!isMissing(final)) numIn++;
  let numFixed = rest.length;
  if (sig.variadic) {
    numFixed = params.length - 1;
    if (numIn < numFixed) s.errorf('wrong number of args for %s: want at least %d got %d', name, params.length - 1, rest.length);
  } else if (numIn !== params.length) {
    s.errorf('wrong number of args for %s: want %d got %d', name, params.length, numIn);
  }
  const bad = goodFunc(name, sig);
  if (bad !== null) s.errorf('%s', bad);

  // The builtins and/or short-circuit: they stop at the first argument that decides.
  if (isBuiltin && (name === 'and' || name === 'or')) {
    const argType = params[0];
    let v: Value | undefined;
    for (const arg of rest) {
      v = arg.eval(s, dot, argType);
      if (truth(v) === (name === 'or')) return v;
    }
    if (!isMissing(final)) v = validateType(s, final, argType);
    return v as Value; // the arity check guarantees an argument or a final value
  }

  const argv: Value[] = new Array<Value>(numIn);
  let i = 0;
  for (; i < numFixed && i < rest.length; i++) argv[i] = rest[i].eval(s, dot, params[i]);
  if (sig.variadic) {
    const argType = elemOf(params[params.length - 1]);
    for (; i < rest.length; i++) argv[i] = rest[i].eval(s, dot, argType);
  }
  if (!isMissing(final)) {
    let t = params[params.length - 1];
    if (sig.variadic) t = numIn - 1 < numFixed ? params[numIn - 1] : elemOf(t);
    argv[i] = validateType(s, final, t);
  }
  for (let j = 0; j < argv.length; j++) argv[j] = asArgument(argv[j], paramType(sig, j));

  // The `call` builtin gets the callee's name (its node's text) as a first argument.
  let invoke = fun.call;
  if (isBuiltin && name === 'call') {
    const calleeName = rest.length === 0 ? valueString(final) : rest[0].node.toString();
    const callBuiltin = s.run.callBuiltin;
    invoke = (av, context) => callBuiltin(calleeName, av[0], av.slice(1), context);
  }

  const result = safeCall(invoke, argv, s.run.context);
  if (typeof result === 'string') {
    s.at(node);
    s.errorf('error calling %s: %s', name, result);
  }
  return result;
}

function elemOf(sliceType: GoType): GoType {
  return sliceType.elem ?? sliceType;
}

function paramType(sig: FuncSig, i: number): GoType {
  const last = sig.params.length - 1;
  return sig.variadic && i >= last ? elemOf(sig.params[last]) : sig.params[i];
}

/**
 * A function declared with an interface parameter sees the dynamic value (Go's `any`):
 * the value inside an interface, or invalid for nil, never an interface wrapper.
 */
function asArgument(v: Value, param: GoType): Value {
  return param.kind === 'interface' ? indirectInterface(v) : v;
}

/** reflect.Value.String(): a string's text, otherwise "<T Value>". */
function valueString(v: Value): string {
  if (!v.isValid()) return '<invalid Value>';
  return v.kind === 'string' ? v.str() : `<${v.type.str} Value>`;
}

/**
 * safeCall: runs the function; a returned error or a panic becomes its message.
 * A string longer than JS allows is a vtpl limit, and the message says so.
 * A JS stack overflow is not a Go panic and propagates (see execute.ts).
 */
function safeCall(invoke: GoFunc, args: readonly Value[], context: unknown): Value | string {
  try {
    return invoke(args, context);
  } catch (e) {
    if (e instanceof GoError || e instanceof GoPanic) return e.message;
    // Both end the whole execution: a function that ran a template ran out of stack in it.
    if (isStackOverflow(e) || e instanceof StackExhaustedError) throw e;
    // Go builds a string of any length; V8 throws a bare "Invalid string length".
    if (isStringLengthError(e)) return stringLimitText(maxStringLength);
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Whether `e` comes from exhausting the JS stack: V8's RangeError, or an error that
 * code running at the brink of the stack raised instead (compiling a regular
 * expression there fails with "Stack overflow"). No regular expression is used here,
 * since this runs at that brink too; if even the check overflows, it is one.
 */
export function isStackOverflow(e: unknown): boolean {
  try {
    if (!(e instanceof Error)) return false;
    const m = e.message;
    return (e instanceof RangeError && m.includes('call stack')) || m.includes('Stack overflow');
  } catch {
    return true;
  }
}
