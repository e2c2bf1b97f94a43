// Template.execute from exec.go: runs a template's compiled body over data.

import type { Value } from '../value/index.js';
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
  const out = isByteSink(w) ? new ByteOutput(w) : new Output(w);
  const run: Run = { out, callBuiltin, context, calling: null, callingNode: null, names: [], values: [], top: 0 };
  const s: State = new State(t, run, 0, data);
  const root = t.tree?.root;
  if (!root) s.errorf('%q is an incomplete or empty template', t.name);
  let failure: unknown;
  try {
    compiledBody(t, root)(s, data);
    out.flush();
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
  if (isStackOverflow(failure)) throw depthError(run, s);
  if (isStringLengthError(failure)) {
    // A value too long to print or build outside any function call (which reports it itself).
    throw new TemplateError('exec', execErrorText(s.tmpl, s.node, '%s', [stringLimitText(maxStringLength)]));
  }
  if (failure instanceof StringLimitError) throw new TemplateError('exec', execErrorText(s.tmpl, null, '%s', [failure.message]));
  throw failure;
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
