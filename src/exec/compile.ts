// Compiles a parse tree into closures once; executing a template runs them.
// Each closure is the specialisation of one exec.go walk/eval function to one
// node, keeping Go's order of evaluation and of s.at(node) (which decides the
// node an error message names).

import {
  ActionNode,
  BoolNode,
  BreakNode,
  ChainNode,
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
  type GoFunc,
  type GoType,
  GoPanic,
  type Value,
  boolValue,
  canBeNil,
  indirectInterface,
  interfaceType,
  invalid,
  notInPlace,
  readInPlace,
  stringValue,
} from '../value/index.js';
import { type ArgFn, type CArgs, type CallPlan, type CallSite, callFixed, callKind, noEvals, plainCall, sharedPlan } from './call.js';
import { type Implementations, implementationFor } from './specialize.js';
import { type FieldName, evalFieldChain, fieldNames } from './field.js';
import { BREAK, CONTINUE, type Flow, NORMAL, type PipeFn, type WalkFn } from './flow.js';
import { isMissing, missingVal } from './missing.js';
import { printValue } from './print.js';
import { Text } from './byte-output.js';
import { type RangeBody, walkRange } from './range.js';
import { type ExecTemplate, State } from './state.js';
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
    current = { chains: new Map(), implementations: new Map(), literals: new Map(), names: new Map() };
    try {
      fn = compileList(root);
    } finally {
      current = null;
    }
    cache.set(root, fn);
  }
  return fn;
}

/**
 * What the nodes of the tree being compiled share, so that what each use reads is one object
 * in the processor's cache instead of one per use (see below). A FieldName's plainMap
 * depends on its name and the map's type only, and a specialized implementation on its
 * constants only, so uses can share them.
 */
interface Compilation {
  /** A template reads the same fields again and again (.app at every use): one FieldName array per chain. */
  readonly chains: Map<string, FieldName[]>;
  /** Call sites with the same constant arguments: one implementation (see specialize.ts). */
  readonly implementations: Implementations;
  /** Constants of the same kind and text: one cell of their last conversion (see literalCell). */
  readonly literals: Map<string, LiteralCell>;
  /** Lists of names (a field chain's, the variables a pipeline declares): one array per list (see sharedNames). */
  readonly names: Map<string, readonly string[]>;
}

let current: Compilation | null = null;

/** The compilation in progress: compile functions run only inside compiled(). */
function compilation(): Compilation {
  if (current === null) throw new Error('internal error: exec compiled a node outside compiled()');
  return current;
}

/**
 * The names of a field (from 0) or of the fields chained to a variable (from 1), read without
 * making the node's array of them: compiling leaves the tree as parsing made it (see Children
 * in parse/node.ts).
 */
function namesOf(n: FieldNode | VariableNode, from: number): string[] {
  const names: string[] = [];
  for (let i = from; i < n.nameCount; i++) names.push(n.nameAt(i));
  return names;
}

function sharedFieldNames(ident: readonly string[]): readonly FieldName[] {
  return sharedIn(compilation().chains, ident, fieldNames);
}

/**
 * names as an array that the tree's other uses of the same names share: a range declaring
 * $k, $v reads its names on every iteration, and in a large template an array of each
 * range's own (and its elements) would be two cache misses per range.
 */
function sharedNames(names: readonly string[]): readonly string[] {
  return sharedIn(compilation().names, names, (n) => n);
}

/** What make gives for names, made once per tree for the same names (kept in table). */
function sharedIn<T>(table: Map<string, T>, names: readonly string[], make: (names: readonly string[]) => T): T {
  const key = names.join('.'); // neither a field's name nor a variable's has a period
  let shared = table.get(key);
  if (shared === undefined) {
    shared = make(names);
    table.set(key, shared);
  }
  return shared;
}

/**
 * compiled(root) for t's body, kept on t as well: a program nearly always executes the same
 * template many times, and the WeakMap lookup was a tenth of executing a small one.
 */
export function compiledBody(t: ExecTemplate, root: ListNode): WalkFn {
  const body = t.body;
  if (body !== null && body.root === root) return body.walk;
  const walk = compiled(root);
  t.body = { root, walk };
  return walk;
}

// Large templates compile to hundreds of thousands of closures that all stay alive, and
// executing one walks all of them: past the processor's cache (a template of about 64 KB),
// each object an executed node touches costs a cache miss (some 30-40 ns), so the number of
// objects per node decides execution time more than the work done. Hence: each closure is
// made by a factory function of its own, so that it has one context holding exactly what it
// reads (a closure made inside an `if` block of a larger function gets a block context and
// the function's context behind it, two objects to reach); text in a list is its string,
// written by the list, not a closure; an action or if/with whose pipeline is one command
// calls the command directly; and the shapes that occur most (a list of one node, a
// pipeline of one command, a constant without arguments) get no arrays. Nor does the tree:
// its nodes are read by count and index (nodeAt, cmdAt, argAt, nameAt), as the array getters
// would make and keep an array for each single child (see Children in parse/node.ts).

function compileList(list: ListNode): WalkFn {
  if (list.nodeCount === 1) {
    const only = list.nodeAt(0);
    if (!(only instanceof IfNode && takenBranch(only) !== undefined)) return listOfOne(list, compileNode(only));
  }
  const folded: Folded = { steps: [], texts: [], textNode: null };
  foldSteps(list, folded);
  endText(folded);
  return listOfSteps(list, folded.steps);
}

/** A list's nodes being folded into steps (see foldSteps). */
interface Folded {
  /** The steps, each text followed by the node it marks (see listOfSteps). */
  readonly steps: (Step | Node)[];
  /** The texts since the last step, joined into one step when the run ends, and the first one's node. */
  readonly texts: string[];
  textNode: Node | null;
}

/**
 * The steps of a list, folded where nothing observable changes: an {{if}} on a constant
 * ({{if true}}, {{if "x"}}) is the nodes of the branch it takes, or nothing, when that branch
 * declares no variables (they would end with the if); a comment is nothing; adjacent texts
 * are one string, one write. Every step marks its own node before anything in it can fail,
 * so none of this changes which node an error names.
 */
function foldSteps(list: ListNode, f: Folded): void {
  for (let i = 0; i < list.nodeCount; i++) {
    const n = list.nodeAt(i);
    if (n instanceof CommentNode) continue;
    if (n instanceof IfNode) {
      const branch = takenBranch(n);
      if (branch !== undefined) {
        if (branch !== null) foldSteps(branch, f);
        continue;
      }
    }
    if (n instanceof TextNode) {
      if (f.texts.length === 0) f.textNode = n;
      f.texts.push(n.text);
      continue;
    }
    endText(f);
    f.steps.push(compileNode(n));
  }
}

/** Ends a run of texts: one step for all of them (joined once, so a long run costs linear time). */
function endText(f: Folded): void {
  if (f.texts.length === 0) return;
  f.steps.push(textStep(f.texts.length === 1 ? f.texts[0] : f.texts.join('')), f.textNode as Node);
  f.texts.length = 0;
}

/** The branch an {{if}} on a constant always runs (null: none), or undefined when the if is not folded. */
function takenBranch(node: IfNode): ListNode | null | undefined {
  const constant = constantPipe(node.pipe);
  if (constant === null) return undefined;
  const taken = truthOf(constant) === Truth.True ? node.list : node.elseList;
  if (taken !== null && declaresVariables(taken)) return undefined;
  return taken;
}

/**
 * Whether running the list can leave variables on the stack that Go's walkIfOrWith would pop at
 * {{end}}: an action or {{template}} call of the list declaring any, in its pipeline or in a
 * parenthesized pipeline among its arguments (`{{print ($x := 2)}}`). An if, with or range
 * inside the list pops its own.
 */
function declaresVariables(list: ListNode): boolean {
  for (let i = 0; i < list.nodeCount; i++) {
    const n = list.nodeAt(i);
    if (n instanceof ActionNode) {
      if (n.argCount === 0 ? pipeDeclares(n.pipe) : someArgDeclares(n.argCount, (j) => n.argAt(j))) return true;
    } else if (n instanceof TemplateNode && n.pipe !== null && pipeDeclares(n.pipe)) return true;
  }
  return false;
}

function pipeDeclares(p: PipeNode): boolean {
  if (p.decl.length > 0) return true;
  for (let i = 0; i < p.cmdCount; i++) if (someArgDeclares(p.argCountAt(i), (j) => p.argAtOf(i, j))) return true;
  return false;
}

function someArgDeclares(count: number, arg: (j: number) => Node): boolean {
  for (let j = 0; j < count; j++) {
    let a = arg(j);
    while (a instanceof ChainNode) a = a.node;
    if (a instanceof PipeNode && pipeDeclares(a)) return true;
  }
  return false;
}

function listOfOne(list: ListNode, only: WalkFn): WalkFn {
  return (s, dot) => {
    s.at(list);
    return only(s, dot);
  };
}

/**
 * A list's nodes: compiled, or the text of a TextNode (or of several, folded), which the list
 * writes itself (a long one as a Text).
 */
type Step = WalkFn | string | Text;

/**
 * The list's steps, each text followed in the same array by the TextNode it marks (the first
 * of those folded into it), read in order without reaching the node: one array per list (a
 * second one of the nodes was two more objects to reach per list run, in a large template
 * two cache misses).
 */
function listOfSteps(list: ListNode, steps: readonly (Step | Node)[]): WalkFn {
  return (s, dot) => {
    s.at(list);
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as Step;
      // Closures first: one typeof for them, where `instanceof Text` walked a function's prototypes.
      if (typeof step === 'function') {
        const flow = step(s, dot);
        if (flow !== NORMAL) return flow;
        continue;
      }
      s.at(steps[++i] as Node);
      if (typeof step === 'string') s.run.out.write(step);
      else s.run.out.writeText(step);
    }
    return NORMAL;
  };
}

function compileNode(node: Node): WalkFn {
  if (node instanceof TextNode) return textWalk(node, node.text);
  if (node instanceof ActionNode) return compileAction(node);
  if (node instanceof ListNode) return compileList(node);
  if (node instanceof IfNode) return compileIfOrWith(node, false);
  if (node instanceof WithNode) return compileIfOrWith(node, true);
  if (node instanceof RangeNode) return compileRange(node);
  if (node instanceof TemplateNode) return compileTemplate(node);
  if (node instanceof BreakNode) return constFlow(node, BREAK);
  if (node instanceof ContinueNode) return constFlow(node, CONTINUE);
  if (node instanceof CommentNode) return constFlow(node, NORMAL);
  return unknownNode(node);
}

function textWalk(node: TextNode, text: string): WalkFn {
  const step = textStep(text);
  if (typeof step === 'string') {
    return (s) => {
      s.at(node);
      s.run.out.write(step);
      return NORMAL;
    };
  }
  return (s) => {
    s.at(node);
    s.run.out.writeText(step);
    return NORMAL;
  };
}

/** A text as a list writes it: a long one as a Text, whose UTF-8 a ByteOutput encodes once and copies. */
function textStep(text: string): string | Text {
  return Text.worthKeeping(text) ? new Text(text) : text;
}

function compileAction(node: ActionNode): WalkFn {
  if (node.argCount > 0 && !(node.argAt(0) instanceof PipeNode)) return compileCommandAction(node);
  const field = soleField(node.pipe);
  if (field !== null) return actionOfField(node, node.pipe, field, sharedFieldNames(namesOf(field, 0)));
  const variable = soleVariable(node.pipe);
  if (variable !== null) return actionOfVariable(node, node.pipe, variable, variable.nameAt(0), sharedFieldNames(namesOf(variable, 1)));
  // An action that declares variables prints nothing; its variables live until the enclosing {{end}}.
  const print = node.pipe.decl.length === 0;
  const cmd = oneCommand(node.pipe);
  if (cmd !== null) return actionOfCommand(node, node.pipe, cmd, print);
  if (isTwoCommands(node.pipe)) return actionOfTwo(node, node.pipe, compileCommand(node.pipe, 0), compileCommand(node.pipe, 1));
  return actionOfPipe(node, compilePipe(node.pipe), print);
}

/**
 * An action whose pipeline is one command with no variables, as the parser stores it (see
 * ActionNode.ofCommand): compiled from the arguments, without making the pipeline or the
 * command. The action stands for its pipeline where evalPipeline marks it: the first thing
 * the command does is to mark one of its own nodes, so no error can name it (a parenthesized
 * first word, which does not, takes compileAction's way).
 */
function compileCommandAction(node: ActionNode): WalkFn {
  const first = node.argAt(0);
  if (first instanceof FieldNode && node.argCount === 1) return actionOfField(node, node, first, sharedFieldNames(namesOf(first, 0)));
  if (first instanceof VariableNode && node.argCount === 1) return actionOfVariable(node, node, first, first.nameAt(0), sharedFieldNames(namesOf(first, 1)));
  return actionOfCommand(
    node,
    node,
    compileWords(node.argCount, (j) => node.argAt(j), node),
    true,
  );
}

/** {{.a.b}}: evalPipeline, evalCommand and evalFieldNode in one closure, the commonest action. */
function actionOfField(node: ActionNode, pipe: Node, field: FieldNode, fields: readonly FieldName[]): WalkFn {
  const names = sharedNames(fields.map((f) => f.name));
  return (s, dot) => {
    s.at(node);
    s.at(pipe);
    // JS data: a string, int or bool read in place prints as printValue would print its Value.
    if (printedInPlace(s, readInPlace(dot, names))) return NORMAL;
    printValue(s, node, unwrapEmptyInterface(evalFieldNode(s, dot, field, fields, null, missingVal)));
    return NORMAL;
  };
}

/** {{$x}}, {{$x.a}}: as actionOfField, for a variable (compileVariable's work with no arguments). */
function actionOfVariable(node: ActionNode, pipe: Node, variable: VariableNode, name: string, fields: readonly FieldName[]): WalkFn {
  return (s, dot) => {
    s.at(node);
    s.at(pipe);
    printValue(s, node, unwrapEmptyInterface(evalVariableNode(s, dot, variable, name, fields)));
    return NORMAL;
  };
}

/**
 * Writes raw, read in place from JS data, as printValue writes the Value fromJS makes of it
 * (a string itself, a safe integer as the int it is, a bool), and reports whether it did:
 * anything else (a float, notInPlace) is the caller's to print.
 */
function printedInPlace(s: State, raw: string | number | boolean | typeof notInPlace): boolean {
  if (typeof raw === 'string') s.run.out.write(raw);
  else if (typeof raw === 'number' ? Number.isSafeInteger(raw) : typeof raw === 'boolean') s.run.out.write(String(raw));
  else return false;
  return true;
}

function actionOfCommand(node: ActionNode, pipe: Node, cmd: CmdFn, print: boolean): WalkFn {
  return (s, dot) => {
    s.at(node);
    const val = evalOneCommand(s, dot, pipe, cmd);
    if (print) printValue(s, node, val);
    return NORMAL;
  };
}

/** {{.a | printf "%s"}}: actionOfPipe and pipeOfTwo in one closure. */
function actionOfTwo(node: ActionNode, pipe: PipeNode, first: CmdFn, second: CmdFn): WalkFn {
  return (s, dot) => {
    s.at(node);
    s.at(pipe);
    printValue(s, node, unwrapEmptyInterface(second(s, dot, unwrapEmptyInterface(first(s, dot, missingVal)))));
    return NORMAL;
  };
}

function actionOfPipe(node: ActionNode, pipe: PipeFn, print: boolean): WalkFn {
  return (s, dot) => {
    s.at(node);
    const val = pipe(s, dot);
    if (print) printValue(s, node, val);
    return NORMAL;
  };
}

function compileRange(node: RangeNode): WalkFn {
  const decl = sharedNames(node.pipe.decl.map((v) => v.nameAt(0)));
  const pipe = node.pipe;
  // Read through the pipeline, which leaves a one-command pipeline's command unmade (see PipeNode.oneCommand).
  const first = pipe.cmdCount === 1 && pipe.argCountAt(0) === 1 ? pipe.argAtOf(0, 0) : null;
  const field = first instanceof FieldNode ? first : null;
  return rangeWalk({
    node,
    names: field === null ? null : sharedNames(namesOf(field, 0)),
    pipe: compilePipe(node.pipe),
    list: compileList(node.list),
    elseList: node.elseList ? compileList(node.elseList) : null,
    decl,
    isAssign: node.pipe.isAssign,
    elemWanted: decl.length > 0 || usesDot(node.list),
  });
}

function rangeWalk(body: RangeBody): WalkFn {
  // walkRange marks body.node first.
  return (s, dot) => walkRange(s, dot, body);
}

function unknownNode(node: Node): WalkFn {
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
 * A branch of if/with compiled for its owner to walk: a list of one node is that node's walk,
 * one JS frame fewer per nesting level (deeply nested templates spend their time touching
 * stack). The list's own mark could never be seen: every node's walk marks a node of its own
 * before anything in it can fail. The owner keeps the walk itself, not this, so that running
 * the branch reaches no object between the two closures (in a large template, a cache miss).
 */
interface Branch {
  readonly walk: WalkFn;
  /** Whether walking it can leave variables to pop: an action of the list itself declares some. */
  readonly declares: boolean;
}

function compileBranch(list: ListNode): Branch {
  const only = list.nodeCount === 1 ? list.nodeAt(0) : null;
  return { walk: only !== null ? compileNode(only) : compileList(list), declares: declaresVariables(list) };
}

/**
 * The value of a pipeline that is one constant word with no variables ({{if true}},
 * {{with "x"}}), or null: evaluating it cannot fail, so its truth is known when compiled.
 */
function constantPipe(pipe: PipeNode): Value | null {
  if (pipe.decl.length > 0 || pipe.cmdCount !== 1 || pipe.argCountAt(0) !== 1) return null;
  const word = pipe.argAtOf(0, 0);
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
    return constantIf(node, taken === null ? null : taken.walk, taken === list && isWith ? constant : null);
  }
  const dot = soleDot(node.pipe);
  if (dot !== null) return ifOfDot(dot, list, elseList, isWith);
  const field = soleField(node.pipe);
  const walk = list.walk;
  const elseWalk = elseList === null ? null : elseList.walk;
  if (field !== null) return ifOfField(node, node.pipe, field, sharedFieldNames(namesOf(field, 0)), walk, elseWalk, isWith);
  const variable = soleVariable(node.pipe);
  if (variable !== null) return ifOfVariable(node, node.pipe, variable, variable.nameAt(0), sharedFieldNames(namesOf(variable, 1)), walk, elseWalk, isWith);
  const cmd = oneCommand(node.pipe);
  if (cmd !== null) return ifOfCommand(node, node.pipe, cmd, walk, elseWalk, isWith);
  return ifOfPipe(node, compilePipe(node.pipe), walk, elseWalk, isWith);
}

function constantIf(node: IfNode | WithNode, taken: WalkFn | null, takenDot: Value | null): WalkFn {
  return (s, dot) => {
    s.at(node);
    if (taken === null) return NORMAL;
    const mark = s.mark();
    const flow = taken(s, takenDot ?? dot);
    s.pop(mark);
    return flow;
  };
}

/**
 * {{if .}}, {{with .}}: walkIfOrWith in one closure, endIf written out, so that
 * a level of nesting is one JS frame (with the helpers, V8 inlined them or not from one run to
 * the next, and 100,000 nested ifs took 2-5 ms instead of 2). Evaluating a lone dot cannot
 * fail, so of the marks of the if, its pipeline and its word only the last can be seen (by the
 * truth test's error).
 * Variables are popped only when a branch declares some (the pipeline declares none).
 */
function ifOfDot(word: Node, list: Branch, elseList: Branch | null, isWith: boolean): WalkFn {
  const pops = list.declares || elseList?.declares === true;
  const walk = list.walk;
  const elseWalk = elseList === null ? null : elseList.walk;
  if (!pops) {
    // Nothing to do after the branch: its call is the closure's last step, with nothing kept across it.
    return (s, dot) => {
      s.at(word);
      const val = unwrapEmptyInterface(dot);
      const t = truthOf(indirectInterface(val));
      if (t === Truth.True) return walk(s, isWith ? val : dot);
      if (t === Truth.None) s.errorf("if/with can't use %v", val);
      return elseWalk === null ? NORMAL : elseWalk(s, dot);
    };
  }
  return (s, dot) => {
    s.at(word);
    const mark = s.mark();
    const val = unwrapEmptyInterface(dot);
    const t = truthOf(indirectInterface(val));
    if (t === Truth.None) s.errorf("if/with can't use %v", val);
    let flow = NORMAL;
    if (t === Truth.True) flow = walk(s, isWith ? val : dot);
    else if (elseWalk !== null) flow = elseWalk(s, dot);
    s.pop(mark);
    return flow;
  };
}

/** {{if .a.b}}, {{with .a.b}}: as ifOfCommand, with the field read in the same closure. */
function ifOfField(
  node: IfNode | WithNode,
  pipe: PipeNode,
  field: FieldNode,
  fields: readonly FieldName[],
  walk: WalkFn,
  elseWalk: WalkFn | null,
  isWith: boolean,
): WalkFn {
  const names = sharedNames(fields.map((f) => f.name));
  return (s, dot) => {
    s.at(node);
    const mark = s.mark();
    s.at(pipe);
    if (!isWith) {
      // JS data: the truth of a string, number or bool read in place is truthOf's of its Value.
      const raw = readInPlace(dot, names);
      if (raw !== notInPlace) {
        const flow = raw !== '' && raw !== 0 && raw !== false ? walk(s, dot) : elseWalk !== null ? elseWalk(s, dot) : NORMAL;
        s.pop(mark);
        return flow;
      }
    }
    const val = unwrapEmptyInterface(evalFieldNode(s, dot, field, fields, null, missingVal));
    return endIf(s, dot, val, walk, elseWalk, isWith, mark);
  };
}

/** {{if $x}}, {{with $x.a}}: as ifOfField, for a variable. */
function ifOfVariable(
  node: IfNode | WithNode,
  pipe: PipeNode,
  variable: VariableNode,
  name: string,
  fields: readonly FieldName[],
  walk: WalkFn,
  elseWalk: WalkFn | null,
  isWith: boolean,
): WalkFn {
  return (s, dot) => {
    s.at(node);
    const mark = s.mark();
    s.at(pipe);
    const val = unwrapEmptyInterface(evalVariableNode(s, dot, variable, name, fields));
    return endIf(s, dot, val, walk, elseWalk, isWith, mark);
  };
}

function ifOfCommand(node: IfNode | WithNode, pipe: PipeNode, cmd: CmdFn, walk: WalkFn, elseWalk: WalkFn | null, isWith: boolean): WalkFn {
  return (s, dot) => {
    s.at(node);
    const mark = s.mark();
    return endIf(s, dot, evalOneCommand(s, dot, pipe, cmd), walk, elseWalk, isWith, mark);
  };
}

function ifOfPipe(node: IfNode | WithNode, pipe: PipeFn, walk: WalkFn, elseWalk: WalkFn | null, isWith: boolean): WalkFn {
  return (s, dot) => {
    s.at(node);
    const mark = s.mark();
    return endIf(s, dot, pipe(s, dot), walk, elseWalk, isWith, mark);
  };
}

/** The rest of walkIfOrWith once the pipeline's value is known: the branch, then the variables popped to mark. */
function endIf(s: State, dot: Value, val: Value, walk: WalkFn, elseWalk: WalkFn | null, isWith: boolean, mark: number): Flow {
  const t = truthOf(indirectInterface(val));
  if (t === Truth.None) s.errorf("if/with can't use %v", val);
  let flow = NORMAL;
  if (t === Truth.True) flow = walk(s, isWith ? val : dot);
  else if (elseWalk !== null) flow = elseWalk(s, dot);
  s.pop(mark);
  return flow;
}

/** walkTemplate: runs another template with a fresh variable stack holding only $. */
function compileTemplate(node: TemplateNode): WalkFn {
  const pipe = compilePipe(node.pipe);
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
    const body = compiledBody(tmpl, root);
    // The called template's variables end with it.
    const mark = s.mark();
    body(new State(tmpl, run, s.depth + 1, newDot), newDot);
    s.pop(mark);
    run.calling = calling;
    run.callingNode = callingNode;
    return NORMAL;
  };
}

/**
 * The field of a pipeline that is one field with no words after it and declares no
 * variables ({{.a.b}}, {{if .a}}), or null: its owner evaluates it in its own closure, as
 * compileCommand's would (a field command with no words gets no args).
 */
function soleField(pipe: PipeNode): FieldNode | null {
  const word = soleWord(pipe);
  return word instanceof FieldNode ? word : null;
}

/** As soleField, for a variable ({{$x}}, {{if $x.a}}). */
function soleVariable(pipe: PipeNode): VariableNode | null {
  const word = soleWord(pipe);
  return word instanceof VariableNode ? word : null;
}

/** As soleField, for `.` ({{if .}}, {{template "x" .}}). */
function soleDot(pipe: PipeNode): DotNode | null {
  const word = soleWord(pipe);
  return word instanceof DotNode ? word : null;
}

/** The one word of a pipeline of one command declaring no variables, or null. */
function soleWord(pipe: PipeNode): Node | null {
  return pipe.cmdCount === 1 && pipe.decl.length === 0 && pipe.argCountAt(0) === 1 ? pipe.argAtOf(0, 0) : null;
}

/** The command of a pipeline that is one command declaring no variables, compiled; null for any other. */
function oneCommand(pipe: PipeNode): CmdFn | null {
  return pipe.cmdCount === 1 && pipe.decl.length === 0 ? compileCommand(pipe, 0) : null;
}

/** evalPipeline for a pipeline of one command that declares no variables. */
function evalOneCommand(s: State, dot: Value, pipe: Node, cmd: CmdFn): Value {
  s.at(pipe);
  return unwrapEmptyInterface(cmd(s, dot, missingVal));
}

/** evalPipeline: pushes (or assigns) the declared variables; interface{} results are unwrapped. */
function compilePipe(pipe: PipeNode | null): PipeFn {
  if (pipe === null) return noPipe;
  const dot = soleDot(pipe);
  if (dot !== null) return dotPipe(pipe, dot);
  const cmd = oneCommand(pipe);
  if (cmd !== null) return pipeOfCommand(pipe, cmd);
  if (isTwoCommands(pipe)) return pipeOfTwo(pipe, compileCommand(pipe, 0), compileCommand(pipe, 1));
  if (pipe.cmdCount === 1) return pipeDeclaring(pipe, compileCommand(pipe, 0), sharedNames(pipe.decl.map((v) => v.nameAt(0))));
  // Commands of exactly their number (not pushes, whose arrays keep spare room), read by index
  // (cmds would make the tree an array of them).
  const cmds = Array.from({ length: pipe.cmdCount }, (_, i) => compileCommand(pipe, i));
  return pipeOfCommands(pipe, cmds, sharedNames(pipe.decl.map((v) => v.nameAt(0))));
}

function noPipe(): Value {
  return invalid;
}

function pipeOfCommand(pipe: PipeNode, cmd: CmdFn): PipeFn {
  return (s, dot) => evalOneCommand(s, dot, pipe, cmd);
}

/** {{template "x" .}}, {{range .}}: evalPipeline, evalCommand and the dot word in one closure. */
function dotPipe(pipe: PipeNode, dot: DotNode): PipeFn {
  return (s, value) => {
    s.at(pipe);
    s.at(dot);
    return unwrapEmptyInterface(value);
  };
}

/** A pipeline of one command that declares variables ({{range $i, $x := .list}}): pipeOfCommands' work without its loop over commands. */
function pipeDeclaring(pipe: PipeNode, cmd: CmdFn, names: readonly string[]): PipeFn {
  const isAssign = pipe.isAssign;
  return (s, dot) => {
    const value = evalOneCommand(s, dot, pipe, cmd);
    for (let i = 0; i < names.length; i++) {
      if (isAssign) s.setVar(names[i], value);
      else s.push(names[i], value);
    }
    return value;
  };
}

/**
 * Whether a pipeline is two commands declaring nothing ({{.a | printf "%s"}}), which
 * pipeOfTwo and actionOfTwo run with the commands in their own closure: pipeOfCommands
 * reaches them through an array and its elements, two objects per pipeline that in a large
 * template are two cache misses each time it runs.
 */
function isTwoCommands(pipe: PipeNode): boolean {
  return pipe.cmdCount === 2 && pipe.decl.length === 0;
}

/** pipeOfCommands for two commands declaring nothing (see isTwoCommands). */
function pipeOfTwo(pipe: PipeNode, first: CmdFn, second: CmdFn): PipeFn {
  return (s, dot) => {
    s.at(pipe);
    return unwrapEmptyInterface(second(s, dot, unwrapEmptyInterface(first(s, dot, missingVal))));
  };
}

function pipeOfCommands(pipe: PipeNode, cmds: readonly CmdFn[], names: readonly string[]): PipeFn {
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
  const t = value.type;
  // interface{} itself first: the elements of decoded JSON and of JS data have that type.
  if (t === interfaceType) return value.elem();
  return t.kind === 'interface' && (t.ifaceMethods ?? []).length === 0 ? value.elem() : value;
}

const noArgs: readonly Node[] = [];

/**
 * Command i of pipe, read through the pipeline (argCountAt, argAtOf), which leaves the command
 * of a one-command pipeline unmade (see PipeNode.oneCommand): a function call names the pipeline
 * instead of that command, and callFixed makes it only for an error message.
 */
function compileCommand(pipe: PipeNode, i: number): CmdFn {
  const cmd: Node = pipe.cmdCount === 1 && pipe.decl.length === 0 ? pipe : pipe.cmdAt(i);
  return compileWords(pipe.argCountAt(i), (j) => pipe.argAtOf(i, j), cmd);
}

/** A command of count words (wordAt(0) first); cmd is the node a failed function call names (see callFixed). */
function compileWords(count: number, wordAt: (j: number) => Node, cmd: Node): CmdFn {
  const first = wordAt(0);
  const rest = count === 1 ? noArgs : Array.from({ length: count - 1 }, (_, j) => wordAt(j + 1));
  const args: CArgs = { first, rest, evals: rest.length === 0 ? noEvals : rest.map((n) => compileArg(n)) };
  // A field with no words after it gets no args, as a field argument does: field.ts only
  // counts them, and the count is one object less to reach per read.
  if (first instanceof FieldNode) return fieldCommand(first, sharedFieldNames(namesOf(first, 0)), rest.length === 0 ? null : args);
  if (first instanceof ChainNode) return withArgsCommand(compileChain(first), args);
  if (first instanceof IdentifierNode) return compileFunction(first, cmd, args);
  // A parenthesized pipeline: its arguments are all inside it, so final must be absent.
  if (first instanceof PipeNode) return pipeCommand(compilePipe(first), args);
  if (first instanceof VariableNode) return withArgsCommand(compileVariable(first), args);
  if (rest.length === 0 && (first instanceof BoolNode || first instanceof StringNode)) {
    return literalCommand(first, first instanceof BoolNode ? boolValue(first.value) : stringValue(first.text), args);
  }
  return constantCommand(first, compileConstant(first), args);
}

function fieldCommand(first: FieldNode, fields: readonly FieldName[], args: CArgs | null): CmdFn {
  return (s, dot, final) => evalFieldNode(s, dot, first, fields, args, final);
}

function withArgsCommand(fn: WithArgsFn, args: CArgs): CmdFn {
  return (s, dot, final) => fn(s, dot, args, final);
}

function pipeCommand(pipe: PipeFn, args: CArgs): CmdFn {
  const hasArgs = args.rest.length > 0;
  return (s, dot, final) => {
    notAFunction(s, args, hasArgs, final);
    return pipe(s, dot);
  };
}

function literalCommand(first: Node, v: Value, args: CArgs): CmdFn {
  return (s, _dot, final) => {
    s.at(first);
    if (!isMissing(final)) notAFunction(s, args, false, final);
    return v;
  };
}

function constantCommand(first: Node, constant: PipeFn, args: CArgs): CmdFn {
  const hasArgs = args.rest.length > 0;
  return (s, dot, final) => {
    s.at(first);
    notAFunction(s, args, hasArgs, final);
    return constant(s, dot);
  };
}

/** The constant first words of a command (evalCommand's second switch). */
function compileConstant(word: Node): PipeFn {
  if (word instanceof BoolNode) return constantValue(boolValue(word.value));
  if (word instanceof DotNode) return dotValue;
  if (word instanceof NilNode) return nilCommand;
  if (word instanceof NumberNode) return numberConstant(word);
  if (word instanceof StringNode) return constantValue(stringValue(word.text));
  return badCommand(word);
}

function constantValue(v: Value): PipeFn {
  return () => v;
}

function dotValue(_s: State, dot: Value): Value {
  return dot;
}

function nilCommand(s: State): Value {
  return s.errorf('nil is not a command');
}

function numberConstant(word: NumberNode): PipeFn {
  return (s) => idealConstant(s, word);
}

function badCommand(word: Node): PipeFn {
  return (s) => s.errorf("can't evaluate command %q", word.toString());
}

/**
 * The error of a command that is not a function given arguments: words after it (hasArgs,
 * args.rest.length > 0, worked out by the caller when it compiles, so that a run reads args
 * only to fail: in a large template each command's args is a cache miss) or a final value.
 */
function notAFunction(s: State, args: CArgs, hasArgs: boolean, final: Value): void {
  if (hasArgs || !isMissing(final)) s.errorf("can't give argument to non-function %s", args.first.toString());
}

/** evalArg: an argument node evaluated for a parameter of type typ (null: unknown). */
function compileArg(n: Node): ArgFn {
  if (n instanceof DotNode) return dotArg(n);
  if (n instanceof NilNode) return nilArg(n);
  if (n instanceof FieldNode) return fieldArg(n, sharedFieldNames(namesOf(n, 0)));
  if (n instanceof VariableNode) return variableArg(n, n.nameAt(0), sharedFieldNames(namesOf(n, 1)));
  if (n instanceof PipeNode) return pipeArg(n);
  if (n instanceof IdentifierNode) return functionArg(n, compileFunction(n, n, null));
  if (n instanceof ChainNode) return withArgsArg(n, compileChain(n));
  // Only a chain's head is evaluated with no type, and the parser never puts a constant there.
  return literalArg(n, literalCell(n));
}

function dotArg(n: DotNode): ArgFn {
  return (s, dot, typ) => {
    s.at(n);
    return validateType(s, dot, typ);
  };
}

function nilArg(n: NilNode): ArgFn {
  return (s, _dot, typ) => {
    s.at(n);
    if (typ !== null && canBeNil(typ)) return nilFor(typ);
    return s.errorf('cannot assign nil to %s', typ ?? 'nil');
  };
}

function fieldArg(n: FieldNode, fields: readonly FieldName[]): ArgFn {
  return (s, dot, typ) => {
    s.at(n);
    return validateType(s, evalFieldNode(s, dot, n, fields, null, missingVal), typ);
  };
}

/** $x or $x.a.b as an argument ($k in printf "%s=%s" $k $v): compileVariable's work in the argument's own closure. */
function variableArg(n: VariableNode, name: string, fields: readonly FieldName[]): ArgFn {
  return (s, dot, typ) => {
    s.at(n);
    const value = s.varValue(name);
    return validateType(s, fields.length === 0 ? value : evalFieldChain(s, dot, value, n, fields, null, missingVal), typ);
  };
}

/** A chain as an argument: evaluated with no arguments of its own. */
function withArgsArg(n: Node, fn: WithArgsFn): ArgFn {
  return (s, dot, typ) => {
    s.at(n);
    return validateType(s, fn(s, dot, null, missingVal), typ);
  };
}

function pipeArg(n: PipeNode): ArgFn {
  // (eq .a "b"): the command called from the argument's closure, without a pipeline's between.
  const cmd = soleDot(n) === null ? oneCommand(n) : null;
  if (cmd !== null) return commandArg(n, cmd);
  const pipe = compilePipe(n);
  return (s, dot, typ) => {
    s.at(n);
    return validateType(s, pipe(s, dot), typ);
  };
}

/** pipeArg for a pipeline of one command declaring nothing (evalOneCommand marks the pipeline, as pipeArg would). */
function commandArg(n: PipeNode, cmd: CmdFn): ArgFn {
  return (s, dot, typ) => validateType(s, evalOneCommand(s, dot, n, cmd), typ);
}

function functionArg(n: IdentifierNode, call: CmdFn): ArgFn {
  return (s, dot, typ) => {
    s.at(n);
    return validateType(s, call(s, dot, missingVal), typ);
  };
}

/**
 * A constant converts to the same immutable Value each time for the same parameter type:
 * the first conversion is kept (a call site nearly always asks for one type) in a cell that
 * the tree's constants of the same kind and text share (see literalCell). A site that asks
 * for another type ({{trunc 5 .s}} beside {{printf "%d" 5}}) keeps its own last one instead,
 * so that two such sites do not take turns replacing the shared cell on every execute.
 */
function literalArg(n: Node, cell: LiteralCell): ArgFn {
  let own: LiteralCell | null = null;
  return (s, _dot, typ) => {
    s.at(n);
    if (typ === cell.type) return cell.value;
    if (own !== null && typ === own.type) return own.value;
    const v = evalLiteralArg(s, typ ?? interfaceType, n);
    if (cell.type === undefined) {
      cell.type = typ;
      cell.value = v;
    } else {
      own ??= { type: undefined, value: invalid };
      own.type = typ;
      own.value = v;
    }
    return v;
  };
}

/** The last conversion of a constant (see literalArg); type undefined: none yet. */
interface LiteralCell {
  type: GoType | null | undefined;
  value: Value;
}

/**
 * The cell of constant n: one per kind and text in the tree, as evalLiteralArg's Value depends
 * on nothing else (a number's on the text it was parsed from, a string's on its unquoted
 * text), so that in a large template the Values of `eq .env "production"` in every section
 * are one object in the processor's cache, not one per site. Other nodes get their own.
 */
function literalCell(n: Node): LiteralCell {
  const key = n instanceof StringNode ? `s${n.text}` : n instanceof NumberNode ? `n${n.text}` : n instanceof BoolNode ? `b${n.value}` : null;
  if (key === null) return { type: undefined, value: invalid };
  const literals = compilation().literals;
  let cell = literals.get(key);
  if (cell === undefined) {
    cell = { type: undefined, value: invalid };
    literals.set(key, cell);
  }
  return cell;
}

function evalFieldNode(s: State, dot: Value, field: FieldNode, fields: readonly FieldName[], args: CArgs | null, final: Value): Value {
  s.at(field);
  return evalFieldChain(s, dot, dot, field, fields, args, final);
}

/** evalVariableNode for a variable with no arguments: the value of $x, or of $x.a.b. */
function evalVariableNode(s: State, dot: Value, variable: VariableNode, name: string, fields: readonly FieldName[]): Value {
  s.at(variable);
  const value = s.varValue(name);
  return fields.length === 0 ? value : evalFieldChain(s, dot, value, variable, fields, null, missingVal);
}

/** evalChainNode: (pipe).Field1.Field2 evaluates the pipeline, then walks the fields. */
function compileChain(chain: ChainNode): WithArgsFn {
  const head = chain.node instanceof NilNode ? null : compileArg(chain.node);
  const fields = sharedFieldNames(chain.field);
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
  const name = variable.nameAt(0);
  const fields = sharedFieldNames(namesOf(variable, 1));
  return (s, dot, args, final) => {
    s.at(variable);
    const value = s.varValue(name);
    if (fields.length === 0) {
      if (args !== null) notAFunction(s, args, args.rest.length > 0, final);
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
  const evals = args === null ? noEvals : args.evals;
  // The evaluators of up to three arguments are kept as themselves, not reached through the array (see callFixed).
  const numArgs = evals.length;
  const e0 = numArgs > 0 ? evals[0] : null;
  const e1 = numArgs > 1 ? evals[1] : null;
  const e2 = numArgs > 2 ? evals[2] : null;
  const site: FunctionSite = { name: node.ident, node: cmd, args, evals, shared: compilation().implementations };
  // What resolving the function decides; the closure keeps no more than a call reads (see callFixed).
  let funcs: ReadonlyMap<string, Value> | null = null;
  let call: GoFunc = nilFunction;
  let kind = plainCall;
  // Whether there is a previous command's value is fixed by the command's place in its
  // pipeline, but is checked each time: a plan for each case.
  let plan: CallPlan | null = null;
  let planWithFinal: CallPlan | null = null;
  return (s, dot, final) => {
    s.at(node);
    if (s.tmpl.execFuncs !== funcs) {
      const resolved = resolveFunction(s, site);
      call = resolved.call;
      kind = resolved.kind;
      plan = resolved.plan;
      planWithFinal = resolved.planWithFinal;
      funcs = s.tmpl.execFuncs;
    }
    return callFixed(s, dot, (isMissing(final) ? plan : planWithFinal) as CallPlan, call, kind, site, numArgs, e0, e1, e2, final);
  };
}

/** A function's call site as compileFunction keeps it apart: a CallSite, and the tree's implementations. */
interface FunctionSite extends CallSite {
  readonly shared: Implementations;
}

/** Looks up a call site's function (failing as Go does), chooses its implementation and plans its calls. */
function resolveFunction(s: State, site: FunctionSite): { call: GoFunc; kind: number; plan: CallPlan; planWithFinal: CallPlan } {
  const name = site.name;
  const found = s.tmpl.findFunction(name);
  if (found === undefined) return s.errorf('%q is not a defined function', name);
  const sig = found.fn.type.sig;
  if (sig === undefined) return s.errorf('%q is not a defined function', name);
  const args = site.args;
  const constants = args === null ? [] : args.rest.map((a) => (a instanceof StringNode ? a.text : undefined));
  const numArgs = site.evals.length;
  return {
    call: implementationFor(found.fn, constants, site.shared) ?? nilFunction,
    kind: callKind(found.isBuiltin, name),
    plan: sharedPlan(sig, name, numArgs, false),
    planWithFinal: sharedPlan(sig, name, numArgs, true),
  };
}

function nilFunction(): never {
  throw new GoPanic('reflect.Value.Call: call of nil function');
}
