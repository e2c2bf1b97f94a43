// Template.execute from exec.go: runs a template's compiled body over data.

import { type Value, invalid } from '../value/index.js';
import { type CallBuiltin, isStackOverflow } from './call.js';
import { compiledBody, maxExecDepth } from './compile.js';
import { StackExhaustedError, TemplateError } from './errors.js';
import { type ByteSink, ByteOutput, isByteSink } from './byte-output.js';
import { Output, StringLimitError, type Writer, isStringLengthError, stringLimitText, maxStringLength } from './output.js';
import { type ExecTemplate, type Run, State, execErrorText } from './state.js';

/**
 * Executes t with dot = data, writing the output to w; every function called gets `context`. Errors are TemplateErrors
 * with Go's ExecError text; an error thrown by w itself propagates unchanged, as
 * Go's Execute returns the writer's error.
 *
 * As in Go, what was produced before an error has been written when it is thrown
 * (the output is buffered in chunks, and the buffer is flushed first).
 *
 * Go stops runaway {{template}} recursion at depth 100000. Each nested call
 * here costs several JS frames, so the JS stack can run out first (on Node's
 * main thread after a few thousand calls). That is vtpl's limit, not Go's: the
 * error says the JavaScript stack ran out and how to get a larger one, located
 * at the innermost {{template}} call. An overflow with few {{template}} calls
 * active comes from deeply nested expressions instead, which Go (whose stack
 * grows) evaluates: that is vtpl's own limit too and says so.
 */
export function execute(t: ExecTemplate, data: Value, callBuiltin: CallBuiltin, w: Writer | ByteSink, context?: unknown): void {
  const root = t.tree?.root;
  if (!root) throw new TemplateError('exec', execErrorText(t, null, '%q is an incomplete or empty template', [t.name]));
  const toBytes = isByteSink(w);
  // An execution that starts before this one ends (a function it calls executes) makes its own.
  const x = busy ? newExecution() : kept;
  busy = true;
  const { run, bytes } = x;
  const s = x.top;
  let out: Output | ByteOutput;
  if (toBytes) {
    bytes.restart(w);
    out = bytes;
  } else {
    out = new Output(w);
  }
  run.out = out;
  run.callBuiltin = callBuiltin;
  run.context = context;
  s.restart(t, data);
  let failure: unknown;
  try {
    compiledBody(t, root)(s, data);
    out.flush();
    keep(x);
    return;
  } catch (e) {
    failure = e;
  }
  // What was produced before the error goes out first. The buffer holds only what the
  // writer has not been offered, so after a writer error this is a no-op; if the writer
  // fails now, Go would have met that failure first, so it is the error.
  try {
    out.flush();
  } catch (e) {
    failure = e;
  }
  const error = executionError(failure, run, s);
  keep(x);
  throw error;
}

/** The error an execution that failed with `failure` throws. */
function executionError(failure: unknown, run: Run, s: State): unknown {
  if (isStackOverflow(failure)) return depthError(run, s);
  if (isStringLengthError(failure)) {
    // A value too long to print or build outside any function call (which reports it itself).
    return new TemplateError('exec', execErrorText(s.tmpl, s.node, '%s', [stringLimitText(maxStringLength)]));
  }
  if (failure instanceof StringLimitError) return new TemplateError('exec', execErrorText(s.tmpl, null, '%s', [failure.message]));
  return failure;
}

/**
 * The objects of one execution: its run (with its variable stack), first state and byte
 * output. One set is kept from one execution to the next, so that executing a small template
 * into a ByteSink allocates none of them (they were five objects, and their constructors were
 * not inlined: 27-57 ns per execute of a constant template from one process to the next, 30-32
 * with these kept). Executions may nest (a function called by a template executes a template):
 * one that starts while another holds the kept set makes its own.
 */
interface Execution {
  readonly run: Run;
  readonly top: State;
  readonly bytes: ByteOutput;
}

/**
 * Whether an execution holds `kept`: a flag rather than the set moved in and out of a
 * variable (storing a young object into the module's old-space context took the write
 * barrier's slow path on every execute).
 */
let busy = false;

/** What a kept execution points to instead of this one's output, template and call builtin. */
const noOutput = new Output({ write: () => {} });
const noTemplate: ExecTemplate = {
  name: '',
  tree: null,
  missingKey: 'invalid',
  lookup: () => undefined,
  execFuncs: new Map(),
  findFunction: () => undefined,
  body: null,
};
const noCall: CallBuiltin = () => invalid;

function newExecution(): Execution {
  const run: Run = { out: noOutput, callBuiltin: noCall, context: undefined, calling: null, callingNode: null, names: [], values: [] };
  return { run, top: new State(noTemplate, run, 0, invalid), bytes: new ByteOutput() };
}

const kept = newExecution();

/** Ends x's execution: it keeps nothing of it (its data, writer, context, variables or failed call), and `kept` is free again. */
function keep(x: Execution): void {
  const { run, top, bytes } = x;
  bytes.release();
  run.out = noOutput;
  run.context = undefined;
  run.calling = null;
  run.callingNode = null;
  if (run.names.length !== 0) {
    // Variables declared at the top level are never popped (nor those of a failed execution).
    run.names.length = 0;
    run.values.length = 0;
  }
  top.restart(noTemplate, invalid);
  if (x === kept) busy = false;
}

/** Fewer nested {{template}} calls than this cannot exhaust the JS stack by themselves. */
const templateRecursionFloor = 1000;

function depthError(run: Run, top: State): TemplateError {
  const at = run.calling ?? top;
  const node = run.calling ? run.callingNode : top.node;
  if (at.depth < templateRecursionFloor) {
    return new StackExhaustedError('exec', execErrorText(at.tmpl, node, 'expression nesting exceeds the JavaScript stack (a vtpl limit; Go has none)', []));
  }
  return new StackExhaustedError(
    'exec',
    execErrorText(
      at.tmpl,
      node,
      `the JavaScript stack ran out after %v nested template calls (Go allows %v): run vtpl on a thread with a larger stack, e.g. new Worker(..., { resourceLimits: { stackSizeMb: 256 } }) as the README shows`,
      [at.depth, maxExecDepth],
    ),
  );
}
