// Parse tree nodes of node.go. Positions are JS string indices into Tree.text
// (Go's are byte offsets; Tree.errorContext converts when it reports them).

import type { NumberValue } from './literal.js';
import { quote } from '../go/strconv/index.js';

/** NodeType of node.go, same order and values (Go's NodeText is NodeType.Text, and so on). */
export enum NodeType {
  Text, // Plain text.
  Action, // A non-control action such as a field evaluation.
  Bool, // A boolean constant.
  Chain, // A sequence of field accesses.
  Command, // An element of a pipeline.
  Dot, // The cursor, dot.
  Else, // An else action. Not added to tree.
  End, // An end action. Not added to tree (the parser keeps it as a keyword: there is no EndNode).
  Field, // A field or method name.
  Identifier, // An identifier; always a function name.
  If, // An if action.
  List, // A list of Nodes.
  Nil, // An untyped nil constant.
  Number, // A numerical constant.
  Pipe, // A pipeline of commands.
  Range, // A range action.
  String, // A string constant.
  Template, // A template invocation action.
  Variable, // A $ variable.
  With, // A with action.
  Comment, // A comment.
  Break, // A break action.
  Continue, // A continue action.
}

/**
 * The children of a node as the parser stores them: one child as itself, more as an array
 * (names) or in the parse's store (nodes, see Store).
 * Nine in ten child lists of a template hold one element (a list with one node, a pipeline
 * with one command, a command with one argument, a field with one name), and an array of
 * one is two objects (56 bytes) that a tree keeps alive and the garbage collector copies:
 * a third of a tree's heap. The node's array getter (nodes, cmds, args, ident) makes (and
 * keeps) the array when it is first read; its count and indexed read (nodeCount and nodeAt,
 * and so on) do not, and are what execution's compiler reads, so that compiling and executing
 * a template leave its tree as small as parsing made it.
 */
export type Children<T> = T | T[];

/** How many children c holds, without making their array. */
function countOf<T>(c: Children<T>): number {
  return Array.isArray(c) ? c.length : 1;
}

/** The child of c at i (below countOf(c)), without making the array. */
function childAt<T>(c: Children<T>, i: number): T {
  return Array.isArray(c) ? c[i] : c;
}

/** c as an array: the node stores the result back, so an array is made at most once. */
function arrayOf<T>(c: Children<T>): T[] {
  return Array.isArray(c) ? c : [c];
}

/**
 * Where the parser keeps the children of nodes that have more than one: in one array per parse,
 * shared by all its nodes, each run of children preceded by its length; such a node holds the
 * store and where its run starts (its "at", -1 for children held as above). An array per node
 * was two objects (a JSArray and its elements, 64 bytes or more) that the young generation
 * copied twice while a large template was parsed, a quarter of a tree's bytes; a chunk of the
 * store is one object, which the scavenger copies as fast as memory.
 */
export type Store = (Node | number)[];

/** How many children c (or the run at `at` of a store) holds, without making their array. */
function countIn<T extends Node>(c: Children<T> | Store, at: number): number {
  return at >= 0 ? ((c as Store)[at] as number) : countOf(c as Children<T>);
}

/** The child at i (below countIn), without making the array. */
function childIn<T extends Node>(c: Children<T> | Store, at: number, i: number): T {
  return at >= 0 ? ((c as Store)[at + 1 + i] as T) : childAt(c as Children<T>, i);
}

/** The children as an array of their own: the node stores the result back (and at -1), so an array is made at most once. */
function arrayIn<T extends Node>(c: Children<T> | Store, at: number): T[] {
  if (at < 0) return arrayOf(c as Children<T>);
  const s = c as Store;
  return s.slice(at + 1, at + 1 + (s[at] as number)) as T[];
}

/** A piece of a node's String(): literal text or a child node. */
type Part = string | Node;

export abstract class Node {
  // type is a prototype getter in each class rather than a field: one field less per node.
  // Unlike Go's nodes, none points back to its tree (a tenth of a tree's heap): what needs
  // the tree (Tree.errorContext) is called on it, and execution knows the template it runs.
  abstract get type(): NodeType;
  /** The node's position: a JS string index into its tree's text. */
  abstract readonly pos: number;

  /** The pieces of String() in order; children are expanded by toString without recursion. */
  abstract parts(): Part[];

  /** String() of node.go. Iterative so that deeply nested trees cannot overflow the JS stack. */
  toString(): string {
    const out: string[] = [];
    const stack: Part[] = [this];
    while (stack.length > 0) {
      const p = stack.pop() as Part;
      if (typeof p === 'string') {
        out.push(p);
        continue;
      }
      const parts = p.parts();
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
    }
    return out.join('');
  }
}

/** A node that keeps its own position: all but BranchNode, which takes its pipeline's. */
abstract class PositionedNode extends Node {
  readonly pos: number;
  constructor(pos: number) {
    super();
    this.pos = pos;
  }
}

/** ListNode holds a sequence of nodes. */
export class ListNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.List;
  }
  private items: Children<Node> | Store; // see Children and Store
  private at: number;
  /** at: where nodes start in the parser's store (see Store), if nodes is one. */
  constructor(pos: number, nodes: Children<Node> | Store, at = -1) {
    super(pos);
    this.items = nodes;
    this.at = at;
  }
  /** The element nodes in lexical order. */
  get nodes(): Node[] {
    const nodes = arrayIn(this.items, this.at);
    this.items = nodes;
    this.at = -1;
    return nodes;
  }
  /** The number of element nodes, without making their array. */
  get nodeCount(): number {
    return countIn(this.items, this.at);
  }
  /** The element node at i (below nodeCount), without making the array. */
  nodeAt(i: number): Node {
    return childIn(this.items, this.at, i);
  }
  /** @internal For tests: whether the nodes are held in an array of their own (made by nodes, or given). */
  get childArray(): boolean {
    return this.at < 0 && Array.isArray(this.items);
  }
  parts(): Part[] {
    return this.nodes;
  }
}

/** TextNode holds plain text. */
export class TextNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Text;
  }
  constructor(
    pos: number,
    public text: string,
  ) {
    super(pos);
  }
  parts(): Part[] {
    return [this.text];
  }
}

/** CommentNode holds a comment (its text includes the slash-star markers). */
export class CommentNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Comment;
  }
  constructor(
    pos: number,
    public text: string,
  ) {
    super(pos);
  }
  parts(): Part[] {
    return ['{{', this.text, '}}'];
  }
}

// PipeNode's flags besides its line.
const assignFlag = 1;
const argsFlag = 2;

/**
 * The declarations of every pipeline that declares no variables, as the parser makes them: one
 * frozen empty array rather than one per pipeline. To declare some, assign decl a new array.
 */
export const noVariables: VariableNode[] = Object.freeze([]) as unknown as VariableNode[];

/** PipeNode holds a pipeline with optional declaration. */
export class PipeNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Pipe;
  }
  constructor(
    pos: number,
    line: number,
    public decl: VariableNode[] = noVariables, // Variables in lexical order; see noVariables.
    isAssign = false,
    cmds: Children<CommandNode> = [],
  ) {
    super(pos);
    this.flags = line * 4 + (isAssign ? assignFlag : 0);
    this.commands = cmds;
    this.at = -1;
  }
  // Line, isAssign and whether commands holds one command's arguments (see oneCommand) in one
  // small integer: fewer fields in every pipeline (a template has one per action). A string has
  // fewer than 2^29 lines, so the number stays a V8 small integer.
  private flags: number;
  private commands: Children<CommandNode> | Children<Node> | Store; // see Children and Store
  private at: number;
  /** The line number in the input. */
  get line(): number {
    return this.flags >> 2;
  }
  /** The variables are being assigned, not declared. */
  get isAssign(): boolean {
    return (this.flags & assignFlag) !== 0;
  }
  /**
   * @internal The parser's form of the commonest pipeline: one command, at the pipeline's own
   * position, with no variables. Its CommandNode (40 bytes a tree keeps, and copies through the
   * young generation while it is parsed) is made when first read; argCountAt and argAtOf read its
   * arguments without making it.
   */
  oneCommand(args: Children<Node> | Store, at: number): void {
    this.commands = args;
    this.at = at;
    this.flags |= argsFlag;
  }
  /** @internal The commands as the parser found them: at is where they start in the store (see Store), if cmds is one. */
  setCommands(cmds: Children<CommandNode> | Store, at: number): void {
    this.commands = cmds;
    this.at = at;
    this.flags &= ~argsFlag;
  }
  /**
   * @internal The parser reuses one pipeline for the actions it parses, as most (one command, see
   * ActionNode.ofCommand) need none: this pipeline made empty again at pos and line.
   */
  reuse(pos: number, line: number, decl: VariableNode[], cmds: CommandNode[]): this {
    (this as { pos: number }).pos = pos;
    this.flags = line * 4;
    this.decl = decl;
    this.commands = cmds;
    this.at = -1;
    return this;
  }
  /**
   * @internal A pipeline of its own with what this one (the reused one, see reuse) holds: it shares
   * the arguments, so it is not Go's deep Copy.
   */
  unshare(): PipeNode {
    const p = new PipeNode(this.pos, 0, this.decl);
    p.flags = this.flags;
    p.commands = this.commands;
    p.at = this.at;
    return p;
  }
  /** @internal Whether the pipeline holds its one command's arguments (see oneCommand). */
  get holdsArgs(): boolean {
    return (this.flags & argsFlag) !== 0;
  }
  /** @internal Where the held arguments start in the store, -1 when they are not in it (see Store). */
  get heldAt(): number {
    return this.at;
  }
  /** @internal The held arguments (or the store they are in). */
  get held(): Children<Node> | Store {
    return this.commands as Children<Node> | Store;
  }
  /** The commands, made of the arguments oneCommand stored if need be. */
  private own(): void {
    if ((this.flags & argsFlag) !== 0) {
      this.commands = new CommandNode(this.pos, this.commands as Children<Node> | Store, this.at);
      this.at = -1;
      this.flags &= ~argsFlag;
    }
  }
  /** The commands in lexical order. */
  get cmds(): CommandNode[] {
    this.own();
    const cmds = arrayIn(this.commands as Children<CommandNode> | Store, this.at);
    this.commands = cmds;
    this.at = -1;
    return cmds;
  }
  set cmds(cmds: Children<CommandNode>) {
    this.setCommands(cmds, -1);
  }
  /** The number of commands, without making their array. */
  get cmdCount(): number {
    return (this.flags & argsFlag) !== 0 ? 1 : countIn(this.commands as Children<CommandNode> | Store, this.at);
  }
  /** The command at i (below cmdCount), without making the array. */
  cmdAt(i: number): CommandNode {
    this.own();
    return childIn(this.commands as Children<CommandNode> | Store, this.at, i);
  }
  /** The number of arguments of command i (below cmdCount), without making the command or an array. */
  argCountAt(i: number): number {
    return (this.flags & argsFlag) !== 0 ? countIn(this.commands as Children<Node> | Store, this.at) : this.cmdAt(i).argCount;
  }
  /** Argument j of command i, without making the command or an array. */
  argAtOf(i: number, j: number): Node {
    return (this.flags & argsFlag) !== 0 ? childIn(this.commands as Children<Node> | Store, this.at, j) : this.cmdAt(i).argAt(j);
  }
  /** @internal For tests: whether the commands are held in an array of their own (made by cmds, or given). */
  get childArray(): boolean {
    return (this.flags & argsFlag) === 0 && this.at < 0 && Array.isArray(this.commands);
  }
  parts(): Part[] {
    const out: Part[] = [];
    if (this.decl.length > 0) {
      this.decl.forEach((v, i) => {
        if (i > 0) out.push(', ');
        out.push(v);
      });
      out.push(this.isAssign ? ' = ' : ' := ');
    }
    this.cmds.forEach((c, i) => {
      if (i > 0) out.push(' | ');
      out.push(c);
    });
    return out;
  }
}

/** ActionNode holds an action (something bounded by delimiters). */
export class ActionNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Action;
  }
  // The line, doubled, plus 1 when body holds the arguments of the pipeline's one command (see ofCommand).
  private lineArgs: number;
  private body: PipeNode | Children<Node> | Store;
  private at: number; // where the arguments start in the store (see Store), or -1
  constructor(pos: number, line: number, pipe: PipeNode) {
    super(pos);
    this.lineArgs = line * 2;
    this.body = pipe;
    this.at = -1;
  }
  /**
   * @internal The parser's form of the commonest action ({{.a}}, {{printf "%d" .n}}): its pipeline
   * is one command with no variables, at the action's position and line (as the parser always
   * makes them), so the action holds the command's arguments and makes the pipeline and the
   * command when pipe is first read; argCount and argAt read the arguments without making them.
   * That is two objects (96 bytes) fewer per action in a tree, which the young generation copies
   * while a large template is parsed.
   */
  static ofCommand(pos: number, line: number, pipe: PipeNode): ActionNode {
    const a = new ActionNode(pos, line, noPipe);
    a.body = pipe.held;
    a.at = pipe.heldAt;
    a.lineArgs++;
    return a;
  }
  /** The line number in the input. */
  get line(): number {
    return this.lineArgs >> 1;
  }
  set line(line: number) {
    // The pipeline made from the stored arguments takes the action's line: make it first, so that
    // it keeps the line it was parsed at, as Go's separate PipeNode does.
    void this.pipe;
    this.lineArgs = line * 2 + (this.lineArgs & 1);
  }
  /** The pipeline to evaluate. */
  get pipe(): PipeNode {
    if ((this.lineArgs & 1) !== 0) {
      const pipe = new PipeNode(this.pos, this.line);
      pipe.oneCommand(this.body as Children<Node> | Store, this.at);
      this.body = pipe;
      this.at = -1;
      this.lineArgs--;
    }
    return this.body as PipeNode;
  }
  set pipe(pipe: PipeNode) {
    this.body = pipe;
    this.at = -1;
    this.lineArgs &= ~1;
  }
  /** @internal The number of arguments of the one command ofCommand stored, 0 when pipe holds the pipeline. */
  get argCount(): number {
    return (this.lineArgs & 1) !== 0 ? countIn(this.body as Children<Node> | Store, this.at) : 0;
  }
  /** @internal Argument j (below argCount) of the one command ofCommand stored. */
  argAt(j: number): Node {
    return childIn(this.body as Children<Node> | Store, this.at, j);
  }
  parts(): Part[] {
    return ['{{', this.pipe, '}}'];
  }
}

/** The pipeline of an ActionNode being made by ofCommand: never read. */
const noPipe = new PipeNode(0, 0);

/** CommandNode holds a command (a pipeline inside an evaluating action). */
export class CommandNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Command;
  }
  private items: Children<Node> | Store; // see Children and Store
  private at: number;
  /** at: where args start in the parser's store (see Store), if args is one. */
  constructor(pos: number, args: Children<Node> | Store, at = -1) {
    super(pos);
    this.items = args;
    this.at = at;
  }
  /** Arguments in lexical order: Identifier, field, or constant. */
  get args(): Node[] {
    const args = arrayIn(this.items, this.at);
    this.items = args;
    this.at = -1;
    return args;
  }
  /** The first argument (undefined if there is none), without making the array. */
  get firstArg(): Node | undefined {
    return this.argCount === 0 ? undefined : this.argAt(0);
  }
  /** The number of arguments, without making their array. */
  get argCount(): number {
    return countIn(this.items, this.at);
  }
  /** The argument at i (below argCount), without making the array. */
  argAt(i: number): Node {
    return childIn(this.items, this.at, i);
  }
  /** @internal For tests: whether the arguments are held in an array of their own (made by args, or given). */
  get childArray(): boolean {
    return this.at < 0 && Array.isArray(this.items);
  }
  parts(): Part[] {
    const out: Part[] = [];
    this.args.forEach((arg, i) => {
      if (i > 0) out.push(' ');
      if (arg instanceof PipeNode) out.push('(', arg, ')');
      else out.push(arg);
    });
    return out;
  }
}

/** IdentifierNode holds an identifier (always a function name). */
export class IdentifierNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Identifier;
  }
  constructor(
    pos: number,
    public ident: string,
  ) {
    super(pos);
  }
  parts(): Part[] {
    return [this.ident];
  }
}

/** VariableNode holds a variable name ("$" included) and any field names chained to it. */
export class VariableNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Variable;
  }
  private names: Children<string>; // see Children
  /** names: the variable's name ("$" included), then the names of the fields chained to it; one name as itself. */
  constructor(pos: number, names: Children<string>) {
    super(pos);
    this.names = names;
  }
  /** The variable name ("$" included), then the names of the fields chained to it. */
  get ident(): string[] {
    this.names = arrayOf(this.names);
    return this.names;
  }
  /** The number of names, without making their array. */
  get nameCount(): number {
    return countOf(this.names);
  }
  /** The name at i (below nameCount; 0 is the first, always there), without making the array. */
  nameAt(i: number): string {
    return childAt(this.names, i);
  }
  /** @internal For tests: whether the names are held in an array (more than one, or made by ident). */
  get childArray(): boolean {
    return Array.isArray(this.names);
  }
  parts(): Part[] {
    return [this.ident.join('.')];
  }
}

/** DotNode holds the special identifier '.'. */
export class DotNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Dot;
  }
  parts(): Part[] {
    return ['.'];
  }
}

/** NilNode holds the untyped nil constant. */
export class NilNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Nil;
  }
  parts(): Part[] {
    return ['nil'];
  }
}

/** FieldNode holds a field (identifier starting with '.'); the names may be chained ('.x.y'). */
export class FieldNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Field;
  }
  private names: Children<string>; // see Children
  /** names: the names without their periods; one name as itself. */
  constructor(pos: number, names: Children<string>) {
    super(pos);
    this.names = names;
  }
  /** The names without their periods. */
  get ident(): string[] {
    this.names = arrayOf(this.names);
    return this.names;
  }
  /** The number of names, without making their array. */
  get nameCount(): number {
    return countOf(this.names);
  }
  /** The name at i (below nameCount; 0 is the first, always there), without making the array. */
  nameAt(i: number): string {
    return childAt(this.names, i);
  }
  /** @internal For tests: whether the names are held in an array (more than one, or made by ident). */
  get childArray(): boolean {
    return Array.isArray(this.names);
  }
  parts(): Part[] {
    return ['.' + this.ident.join('.')];
  }
}

/** ChainNode holds a term followed by a chain of field accesses. */
export class ChainNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Chain;
  }
  constructor(
    pos: number,
    public node: Node,
    public field: string[], // The identifiers in lexical order.
  ) {
    super(pos);
  }
  parts(): Part[] {
    const out: Part[] = this.node instanceof PipeNode ? ['(', this.node, ')'] : [this.node];
    for (const f of this.field) out.push('.' + f);
    return out;
  }
}

/** BoolNode holds a boolean constant. */
export class BoolNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Bool;
  }
  constructor(
    pos: number,
    public value: boolean,
  ) {
    super(pos);
  }
  /** Go's field name (BoolNode.True). */
  get true(): boolean {
    return this.value;
  }
  parts(): Part[] {
    return [this.value ? 'true' : 'false'];
  }
}

/** NumberNode holds a number, stored under every type that can represent it (Go's ideal constants). */
export class NumberNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Number;
  }
  isInt: boolean; // Number has an integral value.
  isUint: boolean; // Number has an unsigned integral value.
  isFloat: boolean; // Number has a floating-point value.
  isComplex: boolean; // Number is complex.
  int64: bigint; // The signed integer value.
  uint64: bigint; // The unsigned integer value.
  float64: number; // The floating-point value.
  complex128: { re: number; im: number }; // The complex value.
  constructor(
    pos: number,
    public text: string,
    v: NumberValue,
  ) {
    super(pos);
    this.isInt = v.isInt;
    this.isUint = v.isUint;
    this.isFloat = v.isFloat;
    this.isComplex = v.isComplex;
    this.int64 = v.int64;
    this.uint64 = v.uint64;
    this.float64 = v.float64;
    this.complex128 = v.complex128;
  }
  parts(): Part[] {
    return [this.text];
  }
}

/** StringNode holds a string constant; text is the value after unquoting. */
export class StringNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.String;
  }
  constructor(
    pos: number,
    public quoted: string,
    public text: string,
  ) {
    super(pos);
  }
  parts(): Part[] {
    return [this.quoted];
  }
}

/** ElseNode represents an {{else}} action. It does not appear in the final parse tree. */
export class ElseNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Else;
  }
  constructor(
    pos: number,
    public line: number,
  ) {
    super(pos);
  }
  parts(): Part[] {
    return ['{{else}}'];
  }
}

/** BranchNode is the common representation of if, range, and with. */
export abstract class BranchNode extends Node {
  protected abstract get keyword(): string;
  constructor(
    public pipe: PipeNode, // The pipeline to be evaluated.
    public list: ListNode, // What to execute if the value is non-empty.
    public elseList: ListNode | null, // What to execute if the value is empty (null if absent).
  ) {
    super();
  }
  // Go gives a branch its pipeline's position and line (newIf(pipe.Position(), pipe.Line, ...));
  // read from the pipeline, they cost no fields (a 100,000-deep {{if}} nest keeps 100,000 branches).
  get pos(): number {
    return this.pipe.pos;
  }
  get line(): number {
    return this.pipe.line;
  }
  parts(): Part[] {
    const out: Part[] = ['{{', this.keyword, ' ', this.pipe, '}}', this.list];
    if (this.elseList !== null) out.push('{{else}}', this.elseList);
    out.push('{{end}}');
    return out;
  }
}

/** IfNode represents an {{if}} action and its commands. */
export class IfNode extends BranchNode {
  get type(): NodeType {
    return NodeType.If;
  }
  protected get keyword(): string {
    return 'if';
  }
}

/** RangeNode represents a {{range}} action and its commands. */
export class RangeNode extends BranchNode {
  get type(): NodeType {
    return NodeType.Range;
  }
  protected get keyword(): string {
    return 'range';
  }
}

/** WithNode represents a {{with}} action and its commands. */
export class WithNode extends BranchNode {
  get type(): NodeType {
    return NodeType.With;
  }
  protected get keyword(): string {
    return 'with';
  }
}

/** BreakNode represents a {{break}} action. */
export class BreakNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Break;
  }
  constructor(
    pos: number,
    public line: number,
  ) {
    super(pos);
  }
  parts(): Part[] {
    return ['{{break}}'];
  }
}

/** ContinueNode represents a {{continue}} action. */
export class ContinueNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Continue;
  }
  constructor(
    pos: number,
    public line: number,
  ) {
    super(pos);
  }
  parts(): Part[] {
    return ['{{continue}}'];
  }
}

/** TemplateNode represents a {{template}} action. */
export class TemplateNode extends PositionedNode {
  get type(): NodeType {
    return NodeType.Template;
  }
  constructor(
    pos: number,
    public line: number,
    public name: string, // The name of the template (unquoted).
    public pipe: PipeNode | null, // The command to evaluate as dot for the template.
  ) {
    super(pos);
  }
  parts(): Part[] {
    const out: Part[] = ['{{template ', quote(this.name)];
    if (this.pipe !== null) out.push(' ', this.pipe);
    out.push('}}');
    return out;
  }
}

/** IsEmptyTree reports whether this tree (node) is empty of everything but space or comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case NodeType.Comment:
      return true;
    case NodeType.List: {
      const list = n as ListNode;
      for (let i = 0; i < list.nodeCount; i++) if (!isEmptyTree(list.nodeAt(i))) return false;
      return true;
    }
    case NodeType.Text:
      return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test((n as TextNode).text);
    case NodeType.Action:
    case NodeType.If:
    case NodeType.Range:
    case NodeType.Template:
    case NodeType.With:
      return false;
    default:
      throw new Error('unknown node: ' + n.toString());
  }
}
