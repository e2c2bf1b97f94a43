// evalCall from exec.go: argument count and type checks, the short-circuiting
// builtins and/or, the `call` builtin, and safeCall's conversion of a function's
// error or panic into "error calling NAME: MSG".

import { ActionNode, type Node, PipeNode } from '../parse/index.js';
import { type FuncSig, type GoFunc, type GoType, type Value, GoError, GoPanic, errorType, indirectInterface } from '../value/index.js';
import { StackExhaustedError } from './errors.js';
import { isMissing } from './missing.js';
import { isStringLengthError, maxStringLength, stringLimitText } from './output.js';
import type { ErrArg, State } from './state.js';
import { truth } from './truth.js';
import { validateType } from './validate.js';

/** Evaluates one argument node for a parameter of type typ (null: any type). */
export type ArgFn = (s: State, dot: Value, typ: GoType | null) => Value;

/** A command's words as exec.go's `args []parse.Node`: the first word (function, field...) and its arguments. */
export interface CArgs {
  readonly first: Node;
  /** The arguments' nodes (for messages and constants). */
  readonly rest: readonly Node[];
  /** Their evaluators, in the same order. */
  readonly evals: readonly ArgFn[];
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

/** What evalCall works out from a function's signature and the shape of the call alone. */
export interface CallPlan {
  readonly sig: FuncSig;
  /** The arity or result-signature error exec reports before evaluating any argument. */
  readonly error: { readonly format: string; readonly args: readonly ErrArg[] } | null;
  /** The type each argument word is evaluated for. */
  readonly argTypes: readonly GoType[];
  /** The type the previous command's value is checked against (when there is one). */
  readonly finalType: GoType;
  /**
   * Per argument of the call: whether its parameter is an interface. A function declared
   * with one sees the dynamic value (Go's `any`): the value inside an interface, or
   * invalid for nil, never an interface wrapper.
   */
  readonly dynamic: readonly boolean[];
}

/**
 * The checks and parameter types of a call of a function with signature sig named
 * `name`, with numArgs argument words and (hasFinal) the previous command's value.
 * A call site computes this once; the errors are still reported when the call runs.
 */
function planCall(sig: FuncSig, name: string, numArgs: number, hasFinal: boolean): CallPlan {
  const params = sig.params;
  const numIn = hasFinal ? numArgs + 1 : numArgs;
  let numFixed = numArgs;
  let error: CallPlan['error'] = null;
  if (sig.variadic) {
    numFixed = params.length - 1;
    if (numIn < numFixed) error = { format: 'wrong number of args for %s: want at least %d got %d', args: [name, params.length - 1, numArgs] };
  } else if (numIn !== params.length) {
    error = { format: 'wrong number of args for %s: want %d got %d', args: [name, params.length, numIn] };
  }
  if (error === null) {
    const bad = goodFunc(name, sig);
    if (bad !== null) error = { format: '%s', args: [bad] };
  }
  const argTypes: GoType[] = [];
  const dynamic: boolean[] = [];
  let finalType = params[params.length - 1] ?? errorType;
  if (error === null) {
    for (let i = 0; i < numArgs; i++) argTypes.push(i < numFixed ? params[i] : elemOf(params[params.length - 1]));
    if (sig.variadic) finalType = numIn - 1 < numFixed ? params[numIn - 1] : elemOf(finalType);
    for (let j = 0; j < numIn; j++) dynamic.push(paramType(sig, j).kind === 'interface');
  }
  return { sig, error, argTypes, finalType, dynamic };
}

/**
 * evalCall, for a method (field.ts; functions are called from their compiled call sites, see
 * callFixed), so never a builtin. `args` are the command's words (null when there are none to
 * pass); `final` is the previous pipeline command's value, if any.
 */
export function evalCall(s: State, dot: Value, fun: Callable, node: Node, name: string, args: CArgs | null, final: Value): Value {
  const plan = sharedPlan(fun.sig, name, args === null ? 0 : args.rest.length, !isMissing(final));
  const evals = args === null ? noEvals : args.evals;
  const n = evals.length;
  const site: CallSite = { name, node, args, evals };
  return callFixed(s, dot, plan, fun.call, plainCall, site, n, n > 0 ? evals[0] : null, n > 1 ? evals[1] : null, n > 2 ? evals[2] : null, final);
}

/**
 * What callFixed reads of a call site only to fail, for the `call` builtin, or for a call of
 * more than three arguments: kept apart from what every call reads (see callFixed).
 */
export interface CallSite {
  /** The function's name, as the call names it. */
  readonly name: string;
  /** The node a failed call names (a one-command pipeline or action stands for its command). */
  readonly node: Node;
  readonly args: CArgs | null;
  /** The arguments' evaluators, all of them: callFixed reads them here from the fourth on. */
  readonly evals: readonly ArgFn[];
}

/** What callFixed does besides calling: the builtins and and or short-circuit, `call` is given its callee's name. */
export const plainCall = 0;
const andCall = 1;
const orCall = 2;
const callCall = 3;

/** The kind of a call of the function named name (isBuiltin: found among the builtins). */
export function callKind(isBuiltin: boolean, name: string): number {
  if (!isBuiltin) return plainCall;
  return name === 'and' ? andCall : name === 'or' ? orCall : name === 'call' ? callCall : plainCall;
}

/**
 * The plans of calls, by signature, then name, then shape: planCall is pure. A method found
 * only at run time (of the value a field chain reaches) would otherwise make a plan and its
 * arrays on every call, and each call site of a large template its own (the plan is read on
 * every call: one shared plan is one object in the processor's cache instead of thousands).
 */
const plans = new WeakMap<FuncSig, Map<string, CallPlan[]>>();

/** planCall's result, made once per signature, name and shape. */
export function sharedPlan(sig: FuncSig, name: string, numArgs: number, hasFinal: boolean): CallPlan {
  let byName = plans.get(sig);
  if (byName === undefined) {
    byName = new Map();
    plans.set(sig, byName);
  }
  let byShape = byName.get(name);
  if (byShape === undefined) {
    byShape = [];
    byName.set(name, byShape);
  }
  const shape = numArgs * 2 + (hasFinal ? 1 : 0);
  let plan = byShape[shape];
  if (plan === undefined) {
    plan = planCall(sig, name, numArgs, hasFinal);
    byShape[shape] = plan;
  }
  return plan;
}

/**
 * evalCall with the plan made: checks, arguments, the call and its error. The call's count
 * argument evaluators are e0, e1, e2 and, from the fourth, site.evals': a call site of up to
 * three arguments keeps them in its own closure, so that a call reaches no array of them,
 * and passes what it needs on every call (kind, rather than the name and whether it is a
 * builtin) apart from the rest (site), so that a call site's closure context is small. In a
 * large template each object, and each cache line of a context, that a call reaches is a
 * cache miss.
 */
export function callFixed(
  s: State,
  dot: Value,
  plan: CallPlan,
  call: GoFunc,
  kind: number,
  site: CallSite,
  count: number,
  e0: ArgFn | null,
  e1: ArgFn | null,
  e2: ArgFn | null,
  final: Value,
): Value {
  if (plan.error !== null) s.errorf(plan.error.format, ...plan.error.args);
  const argTypes = plan.argTypes;
  const hasFinal = !isMissing(final);

  // The builtins and/or short-circuit: they stop at the first argument that decides.
  if (kind === andCall || kind === orCall) {
    const isOr = kind === orCall;
    let v: Value | undefined;
    for (let i = 0; i < count; i++) {
      v = evaluatorAt(i, e0, e1, e2, site)(s, dot, argTypes[i]);
      if (truth(v) === isOr) return v;
    }
    if (hasFinal) v = validateType(s, final, plan.finalType);
    return v as Value; // the arity check guarantees an argument or a final value
  }

  const dynamic = plan.dynamic;
  const argv: Value[] = new Array<Value>(dynamic.length);
  let i = 0;
  for (; i < count; i++) {
    const v = evaluatorAt(i, e0, e1, e2, site)(s, dot, argTypes[i]);
    argv[i] = dynamic[i] ? indirectInterface(v) : v;
  }
  if (hasFinal) {
    const v = validateType(s, final, plan.finalType);
    argv[i] = dynamic[i] ? indirectInterface(v) : v;
  }

  // The `call` builtin gets the callee's name (its node's text) as a first argument.
  let invoke = call;
  if (kind === callCall) {
    const args = site.args;
    const calleeName = args === null || args.rest.length === 0 ? valueString(final) : args.rest[0].toString();
    const callBuiltin = s.run.callBuiltin;
    invoke = (av, context) => callBuiltin(calleeName, av[0], av.slice(1), context);
  }

  const result = safeCall(invoke, argv, s.run.context);
  if (typeof result === 'string') {
    // A one-command pipeline or action stands for its command, made now (see compileCommand).
    const node = site.node;
    s.at(node instanceof PipeNode ? node.cmdAt(0) : node instanceof ActionNode ? node.pipe.cmdAt(0) : node);
    s.errorf('error calling %s: %s', site.name, result);
  }
  return result;
}

/** Evaluator i (below the call's count) of a call: e0, e1, e2, then site.evals' (see callFixed). */
function evaluatorAt(i: number, e0: ArgFn | null, e1: ArgFn | null, e2: ArgFn | null, site: CallSite): ArgFn {
  return (i === 0 ? e0 : i === 1 ? e1 : i === 2 ? e2 : site.evals[i]) as ArgFn;
}

/** The evaluators of a call without arguments after the function (one array for all of them). */
export const noEvals: readonly ArgFn[] = [];

function elemOf(sliceType: GoType): GoType {
  return sliceType.elem ?? sliceType;
}

function paramType(sig: FuncSig, i: number): GoType {
  const last = sig.params.length - 1;
  return sig.variadic && i >= last ? elemOf(sig.params[last]) : sig.params[i];
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
