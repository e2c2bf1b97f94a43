// Compiles a parse tree into closures once; executing a template runs them.
// Each closure is the specialisation of one exec.go walk/eval function to one
// node, keeping Go's order of evaluation and of s.at(node) (which decides the
// node an error message names).

import {
  ActionNode,
  BoolNode,
  BreakNode,
  ChainNode,
  type CommandNode,
  CommentNode,
  ContinueNode,
  DotNode,
  FieldNode,
  IdentifierNode,
  IfNode,
  ListNode,
  NilNode,
  type Node,
  NumberNode,
  PipeNode,
  RangeNode,
  StringNode,
  TemplateNode,
  TextNode,
  VariableNode,
  WithNode,
} from '../parse/index.js';
import {
  type FuncSig,
  type GoFunc,
  type GoType,
  GoPanic,
  type Value,
  boolValue,
  canBeNil,
  indirectInterface,
  interfaceType,
  invalid,
  stringValue,
} from '../value/index.js';
import { type ArgFn, type CArg, type CArgs, type CallPlan, callPlanned, planCall } from './call.js';
import { implementationFor } from './specialize.js';
import { type FieldName, evalFieldChain, fieldNames } from './field.js';
import { BREAK, CONTINUE, type Flow, NORMAL, type PipeFn, type WalkFn } from './flow.js';
import { isMissing, missingVal } from './missing.js';
import { printValue } from './print.js';
import { Text } from './byte-output.js';
import { type RangeBody, walkRange } from './range.js';
import { State } from './state.js';
import { Truth, truthOf } from './truth.js';
import { usesDot } from './uses-dot.js';
import { evalLiteralArg, idealConstant, nilFor, validateType } from './validate.js';

/** maxExecDepth: the limit on nested {{template}} calls. */
export const maxExecDepth = 100000;

type CmdFn = (s: State, dot: Value, final: Value) => Value;
/** A compiled chain or variable evaluated with the command's arguments. */
type WithArgsFn = (s: State, dot: Value, args: CArgs | null, final: Value) => Value;

const cache = new WeakMap<ListNode, WalkFn>();

/** The compiled form of a template body, built on first use and kept with the tree. */
export function compiled(root: ListNode): WalkFn {
  let fn = cache.get(root);
  if (fn === undefined) {
    fn = compileList(root);
    cache.set(root, fn);
  }
  return fn;
}

// Large templates compile to hundreds of thousands of closures that all stay alive, and
// the garbage collector copies each of them: the shapes below that occur most (a list of
// one node, a pipeline of one command, a constant without arguments) get one closure and
// no arrays.

function compileList(list: ListNode): WalkFn {
  if (list.nodes.length === 1) {
    const only = compileNode(list.nodes[0]);
    return (s, dot) => {
      s.at(list);
      return only(s, dot);
    };
  }
  const nodes = list.nodes.map(compileNode);
  return (s, dot) => {
    s.at(list);
    for (const walk of nodes) {
      const flow = walk(s, dot);
      if (flow !== NORMAL) return flow;
    }
    return NORMAL;
  };
}

function compileNode(node: Node): WalkFn {
  if (node instanceof TextNode) {
    if (!Text.worthKeeping(node.text)) {
      const text = node.text;
      return (s) => {
        s.at(node);
        s.run.out.write(text);
        return NORMAL;
      };
    }
    const text = new Text(node.text);
    return (s) => {
      s.at(node);
      s.run.out.writeText(text);
      return NORMAL;
    };
  }
  if (node instanceof ActionNode) {
    const pipe = compilePipe(node.pipe);
    // An action that declares variables prints nothing; its variables live until the enclosing {{end}}.
    const print = node.pipe.decl.length === 0;
    return (s, dot) => {
      s.at(node);
      const val = pipe(s, dot);
      if (print) printValue(s, node, val);
      return NORMAL;
    };
  }
  if (node instanceof ListNode) return compileList(node);
  if (node instanceof IfNode) return compileIfOrWith(node, false);
  if (node instanceof WithNode) return compileIfOrWith(node, true);
  if (node instanceof RangeNode) {
    const decl = node.pipe.decl.map((v) => v.ident[0]);
    const body: RangeBody = {
      node,
      pipe: compilePipe(node.pipe),
      list: compileList(node.list),
      elseList: node.elseList ? compileList(node.elseList) : null,
      decl,
      isAssign: node.pipe.isAssign,
      elemWanted: decl.length > 0 || usesDot(node.list),
    };
    return (s, dot) => {
      s.at(node);
      return walkRange(s, dot, body);
    };
  }
  if (node instanceof TemplateNode) return compileTemplate(node);
  if (node instanceof BreakNode) return constFlow(node, BREAK);
  if (node instanceof ContinueNode) return constFlow(node, CONTINUE);
  if (node instanceof CommentNode) return constFlow(node, NORMAL);
  return (s) => {
    s.at(node);
    return s.errorf('unknown node: %s', node.toString());
  };
}

function constFlow(node: Node, flow: Flow): WalkFn {
  return (s) => {
    s.at(node);
    return flow;
  };
}

/**
 * A branch of if/with/range compiled for its owner to walk: a list of one node is run
 * without a closure of its own, one JS frame fewer per nesting level (deeply nested
 * templates spend their time touching stack).
 */
interface Branch {
  readonly list: ListNode;
  readonly walk: WalkFn;
  readonly one: boolean;
}

function compileBranch(list: ListNode): Branch {
  const one = list.nodes.length === 1;
  return { list, walk: one ? compileNode(list.nodes[0]) : compileList(list), one };
}

/** What compileList's function does for the branch's list. */
function walkBranch(s: State, dot: Value, b: Branch): Flow {
  if (b.one) s.at(b.list);
  return b.walk(s, dot);
}

/**
 * The value of a pipeline that is one constant word with no variables ({{if true}},
 * {{with "x"}}), or null: evaluating it cannot fail, so its truth is known when compiled.
 */
function constantPipe(pipe: PipeNode): Value | null {
  if (pipe.decl.length > 0 || pipe.cmds.length !== 1 || pipe.cmds[0].args.length !== 1) return null;
  const word = pipe.cmds[0].args[0];
  if (word instanceof BoolNode) return boolValue(word.value);
  if (word instanceof StringNode) return stringValue(word.text);
  return null;
}

/** walkIfOrWith: identical except that `with` sets dot; variables declared in the pipeline end with it. */
function compileIfOrWith(node: IfNode | WithNode, isWith: boolean): WalkFn {
  const list = compileBranch(node.list);
  const elseList = node.elseList ? compileBranch(node.elseList) : null;
  const constant = constantPipe(node.pipe);
  if (constant !== null) {
    // Nothing in between can fail, so nothing can name the pipeline's nodes.
    const taken = truthOf(constant) === Truth.True ? list : elseList;
    const takenDot = taken === list && isWith ? constant : null;
    return (s, dot) => {
      s.at(node);
      if (taken === null) return NORMAL;
      const mark = s.mark();
      const flow = walkBranch(s, takenDot ?? dot, taken);
      s.pop(mark);
      return flow;
    };
  }
  const pipe = compilePipe(node.pipe);
  return (s, dot) => {
    s.at(node);
    const mark = s.mark();
    const val = pipe(s, dot);
    const t = truthOf(indirectInterface(val));
    if (t === Truth.None) s.errorf("if/with can't use %v", val);
    let flow = NORMAL;
    if (t === Truth.True) flow = walkBranch(s, isWith ? val : dot, list);
    else if (elseList !== null) flow = walkBranch(s, dot, elseList);
    s.pop(mark);
    return flow;
  };
}

/** walkTemplate: runs another template with a fresh variable stack holding only $. */
function compileTemplate(node: TemplateNode): WalkFn {
  const pipe = compilePipe(node.pipe);
  // The body last called from here: a call site nearly always calls one template.
  let lastRoot: ListNode | null = null;
  let lastBody: WalkFn | null = null;
  return (s, dot) => {
    s.at(node);
    const tmpl = s.tmpl.lookup(node.name);
    if (tmpl === undefined) return s.errorf('template %q not defined', node.name);
    if (s.depth === maxExecDepth) s.errorf('exceeded maximum template depth (%v)', maxExecDepth);
    // Variables declared by the pipeline persist.
    const newDot = pipe(s, dot);
    const root = tmpl.tree?.root;
    // lookup only finds templates that have a body; this guards the types.
    if (!root) return s.errorf('%q is an incomplete or empty template', tmpl.name);
    const run = s.run;
    const { calling, callingNode } = run;
    run.calling = s;
    run.callingNode = node;
    let body = lastBody;
    if (root !== lastRoot || body === null) {
      body = compiled(root);
      lastBody = body;
      lastRoot = root;
    }
    // The called template's variables end with it.
    const mark = s.mark();
    body(new State(tmpl, run, s.depth + 1, newDot), newDot);
    s.pop(mark);
    run.calling = calling;
    run.callingNode = callingNode;
    return NORMAL;
  };
}

/** evalPipeline: pushes (or assigns) the declared variables; interface{} results are unwrapped. */
function compilePipe(pipe: PipeNode | null): PipeFn {
  if (pipe === null) return () => invalid;
  if (pipe.cmds.length === 1 && pipe.decl.length === 0) {
    const cmd = compileCommand(pipe.cmds[0]);
    return (s, dot) => {
      s.at(pipe);
      return unwrapEmptyInterface(cmd(s, dot, missingVal));
    };
  }
  const cmds = pipe.cmds.map(compileCommand);
  const names = pipe.decl.map((v) => v.ident[0]);
  const isAssign = pipe.isAssign;
  return (s, dot) => {
    s.at(pipe);
    let value = missingVal;
    for (const cmd of cmds) {
      value = unwrapEmptyInterface(cmd(s, dot, value)); // the previous value is this command's final argument
    }
    for (const name of names) {
      if (isAssign) s.setVar(name, value);
      else s.push(name, value);
    }
    return value;
  };
}

/** A pipeline's value of type interface{} is the value inside it. */
function unwrapEmptyInterface(value: Value): Value {
  return value.kind === 'interface' && (value.type.ifaceMethods ?? []).length === 0 ? value.elem() : value;
}

const noArgs: readonly CArg[] = [];

function compileCommand(cmd: CommandNode): CmdFn {
  const first = cmd.args[0];
  const rest = cmd.args.length === 1 ? noArgs : cmd.args.slice(1).map((n) => ({ node: n, eval: compileArg(n) }));
  const args: CArgs = { first, rest };
  if (first instanceof FieldNode) {
    const fields = fieldNames(first.ident);
    return (s, dot, final) => evalFieldNode(s, dot, first, fields, args, final);
  }
  if (first instanceof ChainNode) {
    const chain = compileChain(first);
    return (s, dot, final) => chain(s, dot, args, final);
  }
  if (first instanceof IdentifierNode) return compileFunction(first, cmd, args);
  if (first instanceof PipeNode) {
    // A parenthesized pipeline: its arguments are all inside it, so final must be absent.
    const pipe = compilePipe(first);
    return (s, dot, final) => {
      notAFunction(s, args, final);
      return pipe(s, dot);
    };
  }
  if (first instanceof VariableNode) {
    const variable = compileVariable(first);
    return (s, dot, final) => variable(s, dot, args, final);
  }
  if (rest.length === 0 && (first instanceof BoolNode || first instanceof StringNode)) {
    const v = first instanceof BoolNode ? boolValue(first.value) : stringValue(first.text);
    return (s, _dot, final) => {
      s.at(first);
      if (!isMissing(final)) notAFunction(s, args, final);
      return v;
    };
  }
  const constant = compileConstant(first);
  return (s, dot, final) => {
    s.at(first);
    notAFunction(s, args, final);
    return constant(s, dot);
  };
}

/** The constant first words of a command (evalCommand's second switch). */
function compileConstant(word: Node): PipeFn {
  if (word instanceof BoolNode) {
    const v = boolValue(word.value);
    return () => v;
  }
  if (word instanceof DotNode) return (_s, dot) => dot;
  if (word instanceof NilNode) return (s) => s.errorf('nil is not a command');
  if (word instanceof NumberNode) return (s) => idealConstant(s, word);
  if (word instanceof StringNode) {
    const v = stringValue(word.text);
    return () => v;
  }
  return (s) => s.errorf("can't evaluate command %q", word.toString());
}

function notAFunction(s: State, args: CArgs, final: Value): void {
  if (args.rest.length > 0 || !isMissing(final)) s.errorf("can't give argument to non-function %s", args.first.toString());
}

/** evalArg: an argument node evaluated for a parameter of type typ (null: unknown). */
function compileArg(n: Node): ArgFn {
  if (n instanceof DotNode) {
    return (s, dot, typ) => {
      s.at(n);
      return validateType(s, dot, typ);
    };
  }
  if (n instanceof NilNode) {
    return (s, _dot, typ) => {
      s.at(n);
      if (typ !== null && canBeNil(typ)) return nilFor(typ);
      return s.errorf('cannot assign nil to %s', typ ?? 'nil');
    };
  }
  if (n instanceof FieldNode) {
    const fields = fieldNames(n.ident);
    return (s, dot, typ) => {
      s.at(n);
      return validateType(s, evalFieldNode(s, dot, n, fields, null, missingVal), typ);
    };
  }
  if (n instanceof VariableNode) {
    const variable = compileVariable(n);
    return (s, dot, typ) => {
      s.at(n);
      return validateType(s, variable(s, dot, null, missingVal), typ);
    };
  }
  if (n instanceof PipeNode) {
    const pipe = compilePipe(n);
    return (s, dot, typ) => {
      s.at(n);
      return validateType(s, pipe(s, dot), typ);
    };
  }
  if (n instanceof IdentifierNode) {
    const call = compileFunction(n, n, null);
    return (s, dot, typ) => {
      s.at(n);
      return validateType(s, call(s, dot, missingVal), typ);
    };
  }
  if (n instanceof ChainNode) {
    const chain = compileChain(n);
    return (s, dot, typ) => {
      s.at(n);
      return validateType(s, chain(s, dot, null, missingVal), typ);
    };
  }
  // Only a chain's head is evaluated with no type, and the parser never puts a constant there.
  // A constant converts to the same immutable Value each time for the same parameter type:
  // the last conversion is kept (a call site nearly always asks for one type).
  let lastType: GoType | null = null;
  let lastValue: Value = invalid;
  return (s, _dot, typ) => {
    s.at(n);
    if (typ === lastType) return lastValue;
    const v = evalLiteralArg(s, typ ?? interfaceType, n);
    lastType = typ;
    lastValue = v;
    return v;
  };
}

function evalFieldNode(s: State, dot: Value, field: FieldNode, fields: readonly FieldName[], args: CArgs | null, final: Value): Value {
  s.at(field);
  return evalFieldChain(s, dot, dot, field, fields, args, final);
}

/** evalChainNode: (pipe).Field1.Field2 evaluates the pipeline, then walks the fields. */
function compileChain(chain: ChainNode): WithArgsFn {
  const head = chain.node instanceof NilNode ? null : compileArg(chain.node);
  const fields = fieldNames(chain.field);
  return (s, dot, args, final) => {
    s.at(chain);
    if (chain.field.length === 0) s.errorf('internal error: no fields in evalChainNode');
    if (head === null) return s.errorf('indirection through explicit nil in %s', chain.toString());
    const pipe = head(s, dot, null);
    return evalFieldChain(s, dot, pipe, chain, fields, args, final);
  };
}

/** evalVariableNode: $x.Field has $x as the first ident; evaluate the variable, then the fields. */
function compileVariable(variable: VariableNode): WithArgsFn {
  const name = variable.ident[0];
  const fields = fieldNames(variable.ident.slice(1));
  return (s, dot, args, final) => {
    s.at(variable);
    const value = s.varValue(name);
    if (fields.length === 0) {
      if (args !== null) notAFunction(s, args, final);
      return value;
    }
    return evalFieldChain(s, dot, value, variable, fields, args, final);
  };
}

/**
 * evalFunction for one call site. The function is looked up, its implementation chosen
 * and its call planned once, and again only when the template's function map is replaced
 * (Template.funcs); what Go reports at run time (an unknown function, wrong arity) is still
 * reported when the call runs.
 */
function compileFunction(node: IdentifierNode, cmd: Node, args: CArgs | null): CmdFn {
  const name = node.ident;
  const numArgs = args === null ? 0 : args.rest.length;
  let funcs: ReadonlyMap<string, Value> | null = null;
  let isBuiltin = false;
  let call: GoFunc = nilFunction;
  let sig: FuncSig | null = null;
  // Whether there is a previous command's value is fixed by the command's place in its
  // pipeline, but is checked each time: a plan for each case, made when first needed.
  let plan: CallPlan | null = null;
  let planWithFinal: CallPlan | null = null;
  return (s, dot, final) => {
    s.at(node);
    if (s.tmpl.execFuncs !== funcs) {
      const found = s.tmpl.findFunction(name);
      if (found === undefined) return s.errorf('%q is not a defined function', name);
      const fnSig = found.fn.type.sig;
      if (fnSig === undefined) return s.errorf('%q is not a defined function', name);
      isBuiltin = found.isBuiltin;
      const constants = args === null ? [] : args.rest.map((a) => (a.node instanceof StringNode ? a.node.text : undefined));
      call = implementationFor(found.fn, constants) ?? nilFunction;
      sig = fnSig;
      plan = null;
      planWithFinal = null;
      funcs = s.tmpl.execFuncs;
    }
    let p: CallPlan;
    if (isMissing(final)) p = plan ??= planCall(sig as FuncSig, name, numArgs, false);
    else p = planWithFinal ??= planCall(sig as FuncSig, name, numArgs, true);
    return callPlanned(s, dot, p, call, isBuiltin, cmd, name, args, final);
  };
}

function nilFunction(): never {
  throw new GoPanic('reflect.Value.Call: call of nil function');
}
