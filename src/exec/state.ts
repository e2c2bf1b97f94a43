// The state of one execution (exec.go's `state`): the template being run, the
// output, the variable stack, the node being evaluated (for error messages) and
// the depth of nested {{template}} calls.

import type { ListNode, Node, Tree } from '../parse/index.js';
import { sprintf } from '../fmt/index.js';
import { type GoType, Value, int64Value, stringValue } from '../value/index.js';
import type { CallBuiltin } from './call.js';
import type { WalkFn } from './flow.js';
import { TemplateError } from './errors.js';
import type { ByteOutput } from './byte-output.js';
import type { Output } from './output.js';

export type MissingKey = 'invalid' | 'zero' | 'error';

/** What execution needs from a template (text/template's *Template). */
export interface ExecTemplate {
  readonly name: string;
  readonly tree: Tree | null;
  readonly missingKey: MissingKey;
  lookup(name: string): ExecTemplate | undefined;
  /**
   * The template's own functions (Go's execFuncs). The map is replaced, never changed,
   * when functions are added, so a call site may keep what it looked up while this
   * is the same object.
   */
  readonly execFuncs: ReadonlyMap<string, Value>;
  /** findFunction from funcs.go: the template's FuncMap first, then the builtins. */
  findFunction(name: string): { fn: Value; isBuiltin: boolean } | undefined;
  /** Execution's own: the body it compiled last for this template, and from which root (null at first). */
  body: CompiledBody | null;
}

/** A template body compiled (see compile.ts), with the root node it was compiled from. */
export interface CompiledBody {
  readonly root: ListNode;
  readonly walk: WalkFn;
}

/** An argument of errorf: strings and numbers print as themselves, types by name, Values as fmt prints them. */
export type ErrArg = string | number | Value | GoType;

/** Shared by the states of one Execute call: the output and the innermost {{template}} call. */
export interface Run {
  readonly out: Output | ByteOutput;
  /** funcs.go's call, behind the `call` builtin (the funcs layer supplies it). */
  readonly callBuiltin: CallBuiltin;
  /** The caller's value for this execution, handed to every function it calls (see GoFunc). */
  readonly context: unknown;
  /** The state that made the innermost active {{template}} call, for the depth error after a JS stack overflow. */
  calling: State | null;
  callingNode: Node | null;
  /**
   * The variables above $ of every active state, one stack for the whole run: a state
   * sees only those from its base up. {{template}} calls nest strictly, so a called
   * template's variables are popped before its caller declares more, and a call
   * allocates no arrays (a per-state stack grew a fresh backing store per call that
   * declared a variable: a third of the garbage of a {{range $i, $x := ...}} per item).
   * The stack is [0, top) of the two arrays: they are never shortened, so that a range
   * declaring variables per item neither pushes (a builtin call each) nor lets V8 trim and
   * grow their backing stores again (see pop).
   */
  readonly names: string[];
  readonly values: Value[];
  top: number;
}

export class State {
  node: Node | null = null;
  /** Where this state's variables start in the run's stack; $ is kept apart. */
  private readonly base: number;

  constructor(
    readonly tmpl: ExecTemplate,
    readonly run: Run,
    readonly depth: number,
    private dollar: Value,
  ) {
    this.base = run.top;
  }

  /** Marks the state to be on node n, for error reporting. */
  at(node: Node): void {
    this.node = node;
  }

  push(name: string, value: Value): void {
    const run = this.run;
    const top = run.top;
    if (top === run.names.length) {
      run.names.push(name);
      run.values.push(value);
    } else {
      run.names[top] = name;
      run.values[top] = value;
    }
    run.top = top + 1;
  }

  mark(): number {
    return this.run.top;
  }

  /**
   * Ends the variables above mark. Their slots keep their last values until reused: the
   * arrays live as long as the execution. Shortening them instead (pop, or assigning
   * length) made V8 trim the backing store once nearly empty and allocate it again at the
   * next push: an allocation per {{range $i, $x := ...}} per item.
   */
  pop(mark: number): void {
    this.run.top = mark;
  }

  /** Overwrites the last declared variable with the given name (`$x = ...`). */
  setVar(name: string, value: Value): void {
    const { names, values, top } = this.run;
    for (let i = top - 1; i >= this.base; i--) {
      if (names[i] === name) {
        values[i] = value;
        return;
      }
    }
    if (name === '$') {
      this.dollar = value;
      return;
    }
    this.errorf('undefined variable: %s', name);
  }

  /** Overwrites the top-nth variable on the stack (range iterations). */
  setTopVar(n: number, value: Value): void {
    this.run.values[this.run.top - n] = value; // the range declared them
  }

  varValue(name: string): Value {
    const { names, values, top } = this.run;
    for (let i = top - 1; i >= this.base; i--) {
      if (names[i] === name) return values[i];
    }
    if (name === '$') return this.dollar;
    return this.errorf('undefined variable: %s', name);
  }

  /** errorf from exec.go: formats Go's ExecError text and aborts execution. */
  errorf(format: string, ...args: ErrArg[]): never {
    throw new TemplateError('exec', execErrorText(this.tmpl, this.node, format, args));
  }
}

/** Formats an ExecError exactly as exec.go's errorf does, through fmt.Sprintf twice. */
export function execErrorText(tmpl: ExecTemplate, node: Node | null, format: string, args: readonly ErrArg[]): string {
  const name = doublePercent(tmpl.name);
  let full: string;
  if (node === null) {
    full = `template: ${name}: ${format}`;
  } else {
    const { location, context } = errorContext(tmpl, node);
    full = sprintf('template: %s: executing %q at <%s>: %s', [location, name, doublePercent(context), format].map(stringValue));
  }
  return sprintf(full, args.map(toValue));
}

function errorContext(tmpl: ExecTemplate, node: Node): { location: string; context: string } {
  // The node is in the tree of the template being executed (nodes do not point to their tree).
  const tree = tmpl.tree;
  if (!tree) return { location: tmpl.name, context: node.toString() };
  const [location, context] = tree.errorContext(node);
  return { location, context };
}

function toValue(a: ErrArg): Value {
  if (typeof a === 'string') return stringValue(a);
  if (typeof a === 'number') return int64Value(a);
  return a instanceof Value ? a : stringValue(a.str);
}

/** doublePercent: escapes % so the text survives being used inside a format. */
function doublePercent(s: string): string {
  return s.replaceAll('%', '%%');
}
