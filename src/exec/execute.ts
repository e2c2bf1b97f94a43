// Template.execute from exec.go: runs a template's compiled body over data.

import type { Value } from '../value/index.js';
import { type CallBuiltin, isStackOverflow } from './call.js';
import { compiled, maxExecDepth } from './compile.js';
import { TemplateError } from './errors.js';
import { type ExecTemplate, type Run, State, execErrorText } from './state.js';

/**
 * Executes t with dot = data and returns the output. Errors are TemplateErrors
 * with Go's ExecError text.
 *
 * Go stops runaway {{template}} recursion at depth 100000. Each nested call
 * here costs several JS frames, so the JS stack can run out first; that
 * overflow is reported as Go's depth error, located at the innermost
 * {{template}} call, which is where Go reports it for recursive templates.
 */
export function execute(t: ExecTemplate, data: Value, callBuiltin: CallBuiltin): string {
  const run: Run = { out: [], callBuiltin, calling: null, callingNode: null };
  const s: State = new State(t, run, 0, data);
  const root = t.tree?.root;
  if (!root) s.errorf('%q is an incomplete or empty template', t.name);
  try {
    compiled(root)(s, data);
  } catch (e) {
    if (isStackOverflow(e)) throw depthError(run, s);
    throw e;
  }
  return run.out.join('');
}

function depthError(run: Run, top: State): TemplateError {
  const at = run.calling ?? top;
  const node = run.calling ? run.callingNode : top.node;
  return new TemplateError('exec', execErrorText(at.tmpl, node, 'exceeded maximum template depth (%v)', [maxExecDepth]));
}
