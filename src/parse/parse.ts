// Port of parse.go. Plain recursive descent, except where Go recurses without a bound that
// the JS call stack could not take: {{if}}/{{range}}/{{with}} nesting (Tree.nested) and
// parenthesized pipelines (Tree.pipeline, up to maxStackDepth) run on explicit stacks, so
// their depth is bounded by memory, as in Go.
import { ItemType, itemString } from './item.js';
import { Lexer, Token } from './lex.js';
import { LiteralError, type NumberKind, numberValue, unquote } from './literal.js';
import {
  ActionNode,
  BoolNode,
  BreakNode,
  ChainNode,
  CommandNode,
  type Store,
  CommentNode,
  ContinueNode,
  DotNode,
  ElseNode,
  FieldNode,
  IdentifierNode,
  IfNode,
  ListNode,
  noVariables,
  NilNode,
  type Node,
  NodeType,
  NumberNode,
  PipeNode,
  RangeNode,
  StringNode,
  TemplateNode,
  TextNode,
  VariableNode,
  WithNode,
  isEmptyTree,
} from './node.js';
import { utf8Length } from '../go/unicode/utf8/index.js';
import { sprintf } from '../fmt/index.js';
import { type Value, intValue, stringValue } from '../value/index.js';

/** An errorf argument as the Go value parse.go passes: a string, or an int. */
function goArg(a: string | number): Value {
  return typeof a === 'string' ? stringValue(a) : intValue(a);
}

/** A parse failure; the message is exactly Go's, e.g. `template: x:1: unexpected EOF`. */
export class ParseError extends Error {
  override name = 'ParseError';
}

/** Mode flags of parse.go. */
export const ParseComments = 1; // parse comments and add them to AST
export const SkipFuncCheck = 2; // do not check that functions are defined

/** maxStackDepth is the maximum depth permitted for nested parenthesized expressions. */
export const maxStackDepth = 10000;

/** Function names known to the parser: a predicate, or collections of names (Go's []map[string]any). */
export type FuncNames = ((name: string) => boolean) | Iterable<ReadonlySet<string> | ReadonlyMap<string, unknown>>;

function funcPredicate(funcs: FuncNames): (name: string) => boolean {
  if (typeof funcs === 'function') return funcs;
  const maps = Array.isArray(funcs) ? funcs : [...funcs];
  return (name) => {
    for (const m of maps) if (m.has(name)) return true;
    return false;
  };
}

/** The control structures parsed by Tree.nested. */
type Control = 'if' | 'range' | 'with';

/**
 * How an item list ends: {{else}}, or {{end}}, which is a keyword rather than an EndNode: Go
 * makes a node that no tree keeps, and 100,000 nested {{if}} made as many for the scavenger.
 */
type ListEnd = ElseNode | 'end';

/** The text of a ListEnd in error messages (node.go's String()). */
function listEndString(end: ListEnd): string {
  return end === 'end' ? '{{end}}' : end.toString();
}

/** The controls by their number in Tree.nested's stack. */
const controls: readonly Control[] = ['if', 'range', 'with'];

/**
 * What Tree.nested keeps of an {{if}}, {{range}} or {{with}} whose {{end}} has not been
 * reached: openSize numbers per control in OpenControls, at these offsets. Its pipeline (and its
 * body once ended) wait in Tree.items. Records would be objects that live as long as the
 * control is open, and 100,000 nested {{if}} made the scavenger copy 100,000 of them.
 */
const openContext = 0; // its number in controls
const openVarCount = 1; // the number of variables before its pipeline: they go out of scope at its {{end}}
const openIntoPos = 2; // the list its node goes into once complete (its position and start in Tree.items); -1: the result of nested()
const openIntoMark = 3;
const openChained = 4; // 1 for an {{else if}} or {{else with}}: the only node of its parent's else list, ended by the same {{end}}
const openPipeAt = 5; // where its pipeline is in Tree.items; its body follows once ended (at {{else}} or {{end}})
const openInElse = 6; // 1 once its body has ended
const openSize = 7;

/**
 * The open controls of a whole parse, openSize numbers each, innermost last: the nested() of a
 * {{block}} continues above those of the nested() it is inside. An Int32Array past a few
 * elements lives outside the JS heap, so growing it leaves no garbage for the scavenger (as
 * a JS array of 700,000 numbers for 100,000 nested {{if}} did, about 6 bytes per template byte).
 */
class OpenControls {
  // Room for two controls to start: V8 keeps a typed array of up to 64 bytes on the JS heap,
  // while a bigger one allocates a backing store outside it, which cost about 1 µs, half
  // the parse of a template such as {{range 10000000}}{{end}}.
  data = new Int32Array(2 * openSize);
  size = 0;

  /** Room for one more control; returns its offset. */
  push(): number {
    const top = this.size;
    if (top + openSize > this.data.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.size = top + openSize;
    return top;
  }
}

function controlNode(context: Control, pipe: PipeNode, body: ListNode, elseList: ListNode | null): Node {
  switch (context) {
    case 'if':
      return new IfNode(pipe, body, elseList);
    case 'range':
      return new RangeNode(pipe, body, elseList);
    case 'with':
      return new WithNode(pipe, body, elseList);
  }
}

/**
 * The children of the lists, pipelines and commands being parsed, innermost last: each
 * takes its own when it is complete. One stack serves a whole parse, {{define}} and
 * {{block}} included, so that a node's children cost no array of their own until their
 * number is known (pushing onto an empty array reserves 17 slots, and a tree keeps all of
 * its arrays alive).
 */
class NodeStack {
  private nodes: Node[] = []; // beyond size: stale, overwritten by later pushes
  size = 0;

  push(n: Node): void {
    this.nodes[this.size++] = n;
  }

  /** The node at i (below size). */
  at(i: number): Node {
    return this.nodes[i];
  }

  /**
   * The parse's store of the children of nodes with more than one (see Store in node.ts), in
   * chunks of a fixed size made whole: a store grown by push copies itself as it grows (about
   * three times its final size in all) and keeps up to half its room unused. A chunk is one
   * young object, which the scavenger copies at the speed of memory; a chunk in V8's
   * large-object space (it is not copied) was slower: once old, every node stored into it
   * took the write barrier's slow path (1 MB template: 30.3 -> 28.5 ms with 64 KB chunks).
   * The first chunk is sized to the template and each next one is twice the last, up to the
   * fixed size, so that a small template costs little: a full-size chunk after a small first one
   * was a 64 KB allocation per parse of a 200-byte template (config-100 parse 7.0 -> 11.1 µs).
   */
  private chunk: Store;
  private used = 0; // in chunk
  /** Where the last children's nodes start in their chunk, or -1 when children returned one node as itself. */
  keptAt = -1;

  constructor(textLength = 0) {
    this.chunk = new Array(Math.min(chunkSize, Math.max(16, textLength >> 3)));
  }

  /** The nodes from `from` on, popped, as a node's children: one as itself, more in a chunk of the store at keptAt. */
  children<T extends Node>(from: number): T | Store {
    const n = this.size - from;
    this.size = from;
    if (n === 1) {
      this.keptAt = -1;
      return this.nodes[from] as T;
    }
    if (1 + n > chunkSize) {
      // A run longer than a chunk (a long top-level list) gets an array of its own.
      // Made at its size (push grows an array by copying it), below V8's limit for a fast new Array(length).
      const own: Store = n < 1e5 ? new Array(1 + n) : [];
      own[0] = n;
      for (let i = 0; i < n; i++) own[1 + i] = this.nodes[from + i];
      this.keptAt = 0;
      return own;
    }
    let chunk = this.chunk;
    let at = this.used;
    if (at + 1 + n > chunk.length) {
      this.finish();
      chunk = this.chunk = new Array(Math.min(chunkSize, Math.max(2 * chunk.length, 1 + n)));
      at = 0;
    }
    chunk[at] = n;
    for (let i = 0; i < n; i++) chunk[at + 1 + i] = this.nodes[from + i];
    this.used = at + 1 + n;
    this.keptAt = at;
    return chunk;
  }

  /** Gives back the unused room of the current chunk (the tree keeps its chunks alive). */
  finish(): void {
    this.chunk.length = this.used;
  }
}

/** Entries of a chunk of the node store (64 KB; see NodeStack). */
const chunkSize = 1 << 13;

/**
 * The names of a template, one string each: the same functions, fields, variables (and
 * short texts and strings) recur throughout a template, and a tree keeps each of their
 * strings alive. A name is looked up
 * by a hash of its chars, without slicing it out of the text first.
 */
class Names {
  private readonly table: (string | undefined)[];
  private readonly mask: number;

  constructor(private readonly input: string) {
    // A small template has few names, and its parse should not pay for a large table.
    this.mask = input.length < 256 ? 15 : input.length < 4096 ? 63 : 1023;
    this.table = new Array(this.mask + 1);
  }

  /** input[start:end], as the string returned for the same name before if there is one. */
  get(start: number, end: number): string {
    const input = this.input;
    const n = end - start;
    if (n > 32) return input.slice(start, end);
    if (n === 0) return '';
    // A hash of the length and five chars (first two, middle, last two) rather than all of
    // them: names that collide only share a slot, and the compare below keeps lookups exact.
    const last = end - 1;
    const h =
      n * 0x3b9 +
      input.charCodeAt(start) * 0x61 +
      input.charCodeAt(start + (n >> 1)) * 0x1f +
      input.charCodeAt(last) * 7 +
      input.charCodeAt(n > 1 ? start + 1 : start) * 3 +
      input.charCodeAt(n > 1 ? last - 1 : last);
    const k = h & this.mask;
    const s = this.table[k];
    // Compared here rather than with startsWith: a builtin call costs more than these few chars.
    if (s !== undefined && s.length === n) {
      let i = 0;
      while (i < n && s.charCodeAt(i) === input.charCodeAt(start + i)) i++;
      if (i === n) return s;
    }
    const name = input.slice(start, end);
    this.table[k] = name;
    return name;
  }
}

/** Whether s is printable ASCII without a backslash. */
function plainASCII(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x5c) return false;
  }
  return true;
}

/** What term returns for '(': the caller parses the parenthesized pipeline (see Tree.pipeline). */
const parenthesized = Symbol('parenthesized');
type Parenthesized = typeof parenthesized;

/**
 * The pipelines whose command has a parenthesized operand being parsed (see Tree.pipeline),
 * innermost last, in one array per tree that all its pipelines reuse: a record and an array
 * per parenthesized operand were garbage (about 300 bytes per {{if and (eq .a "x") (ne .b "")}}).
 * Each takes six slots: its node; where its commands start in Tree.items; the position of
 * the command and where its arguments start in Tree.items; its context; its end item type.
 */
class OpenPipelines {
  private slots: (PipeNode | number | string)[] = [];
  size = 0; // beyond size: stale, overwritten by later pushes

  push(pipe: PipeNode, cmdsMark: number, cmdPos: number, argsMark: number, context: string, end: ItemType): void {
    const s = this.slots;
    const i = this.size;
    s[i] = pipe;
    s[i + 1] = cmdsMark;
    s[i + 2] = cmdPos;
    s[i + 3] = argsMark;
    s[i + 4] = context;
    s[i + 5] = end;
    this.size = i + 6;
  }

  /** Removes the innermost; read its slots from size on. */
  pop(): void {
    this.size -= 6;
  }

  pipe(i: number): PipeNode {
    return this.slots[i] as PipeNode;
  }

  number(i: number): number {
    return this.slots[i] as number;
  }

  string(i: number): string {
    return this.slots[i] as string;
  }
}

/** The item types that can start an operand (a command of a pipeline). */
function startsOperand(typ: ItemType): boolean {
  switch (typ) {
    case ItemType.Bool:
    case ItemType.CharConstant:
    case ItemType.Complex:
    case ItemType.Dot:
    case ItemType.Field:
    case ItemType.Identifier:
    case ItemType.Number:
    case ItemType.Nil:
    case ItemType.RawString:
    case ItemType.String:
    case ItemType.Variable:
    case ItemType.LeftParen:
      return true;
    default:
      return false;
  }
}

// A tree's tokens before startParse gives it its own.
const idleTokens: [Token, Token, Token] = [new Token(''), new Token(''), new Token('')];
const idleSaved: [Token, Token] = [new Token(''), new Token('')];
// Likewise its node stack and name table: a new tree must not pay for ones it replaces.
const idleItems = new NodeStack();
const idleOpen = new OpenControls();
const idleNames = new Names('');
const idlePipelines = new OpenPipelines(); // never pushed to
const idleChainNames: string[] = []; // never written
const idleActionPipe = new PipeNode(0, 0); // never reused: startParse gives a tree its own

// A new pipeline's commands are this placeholder until it is complete (as its declarations are
// noVariables until it declares some): frozen, as nothing may add to them.
const noCommands: CommandNode[] = Object.freeze([]) as unknown as CommandNode[];

/** Tree is the representation of a single parsed template. */
export class Tree {
  parseName = ''; // name of the top-level template during parsing, for error messages.
  root: ListNode | null = null; // top-level root of the tree.
  mode = 0; // parsing mode.
  text = ''; // text parsed to create the template (or its parent)
  // Parsing only; cleared after parse.
  private funcs: ((name: string) => boolean) | null;
  private lex: Lexer | null = null;
  // Three-token lookahead for parser, and two tokens held while looking ahead; reused,
  // with copy semantics: a token is a value in Go.
  private token = idleTokens; // set by startParse
  private saved = idleSaved;
  private peekCount = 0;
  private vars: string[] = []; // variables defined at the moment.
  private treeSet: Map<string, Tree> | null = null;
  private actionLine = 0; // line of left delim starting action
  private rangeDepth = 0;
  private stackDepth = 0; // depth of nested parenthesized expressions
  private items = idleItems; // shared with the trees of {{define}} and {{block}}
  private open = idleOpen; // likewise
  private names = idleNames; // likewise
  private openPipelines = idlePipelines; // made at the first parenthesized operand
  private chainNames = idleChainNames; // scratch of fieldChain, made at its first use
  // The pipeline of the action being parsed when it declares no variables: commandAction keeps
  // a copy only if the action cannot do without one (see ActionNode.ofCommand), and a pipeline
  // per action was garbage that brought the next scavenge closer.
  private actionPipe = idleActionPipe;

  /** New allocates a new parse tree with the given name. */
  constructor(
    public name: string,
    funcs: FuncNames | null = null,
  ) {
    this.funcs = funcs === null ? null : funcPredicate(funcs);
  }

  // ---- token stream ----

  private lexer(): Lexer {
    if (this.lex === null) throw new Error('parse: tree is not parsing');
    return this.lex;
  }

  /** next returns the next token. */
  private next(): Token {
    if (this.peekCount > 0) this.peekCount--;
    else this.lexer().scan(this.token[0]);
    return this.token[this.peekCount];
  }

  /** backup backs the input stream up one token. */
  private backup(): void {
    this.peekCount++;
  }

  /** backup2 backs the input stream up two tokens. The zeroth token is already there. */
  private backup2(t1: Token): void {
    this.token[1].copy(t1);
    this.peekCount = 2;
  }

  /** backup3 backs the input stream up three tokens. The zeroth token is already there. */
  private backup3(t2: Token, t1: Token): void {
    this.token[1].copy(t1);
    this.token[2].copy(t2);
    this.peekCount = 3;
  }

  /** peek returns but does not consume the next token. */
  private peek(): Token {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.lexer().scan(this.token[0]);
    return this.token[0];
  }

  /** nextNonSpace returns the next non-space token. */
  private nextNonSpace(): Token {
    let token: Token;
    do token = this.next();
    while (token.typ === ItemType.Space);
    return token;
  }

  /** peekNonSpace returns but does not consume the next non-space token. */
  private peekNonSpace(): Token {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // ---- errors ----

  /**
   * ErrorContext: the location of a node of this tree as "NAME:LINE:COL" (COL in bytes, as in
   * Go) and the node's text, for execution errors. Go finds the node's own tree through its tr
   * field; nodes here keep no such pointer, so the caller asks the tree that holds the node.
   */
  errorContext(n: Node): [location: string, context: string] {
    const text = this.text.slice(0, n.pos);
    const lastNL = text.lastIndexOf('\n');
    const col = lastNL === -1 ? utf8Length(text) : utf8Length(text.slice(lastNL + 1));
    let lineNum = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineNum++;
    return [`${this.parseName}:${lineNum}:${col}`, n.toString()];
  }

  /** errorf formats the error and terminates processing. */
  private errorf(format: string, ...args: (string | number)[]): never {
    this.root = null;
    // Formatted twice, as in Go: a '%' in the template name is read as a verb by the second pass.
    const full = sprintf('template: %s:%d: %s', [stringValue(this.parseName), intValue(this.token[0].line), stringValue(format)]);
    throw new ParseError(sprintf(full, args.map(goArg)));
  }

  /** expect consumes the next token and guarantees it has the required type. */
  private expect(expected: ItemType, context: string): Token {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  /** expectOneOf consumes the next token and guarantees it has one of the required types. */
  private expectOneOf(expected1: ItemType, expected2: ItemType, context: string): Token {
    const token = this.nextNonSpace();
    if (token.typ !== expected1 && token.typ !== expected2) this.unexpected(token, context);
    return token;
  }

  /** unexpected complains about the token and terminates processing. */
  private unexpected(token: Token, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length); // avoid "action in action"
      }
      this.errorf('%s%s', itemString(token), extra);
    }
    this.errorf('unexpected %s in %s', itemString(token), context);
  }

  // ---- setup ----

  /** startParse initializes the parser, using the lexer. */
  private startParse(
    funcs: ((name: string) => boolean) | null,
    lex: Lexer,
    treeSet: Map<string, Tree>,
    items: NodeStack,
    open: OpenControls,
    names: Names,
  ): void {
    this.root = null;
    this.lex = lex;
    this.items = items;
    this.open = open;
    this.names = names;
    this.token = [new Token(lex.input), new Token(lex.input), new Token(lex.input)];
    this.saved = [new Token(lex.input), new Token(lex.input)];
    this.peekCount = 0;
    this.vars = ['$'];
    this.funcs = funcs;
    this.treeSet = treeSet;
    this.stackDepth = 0;
    this.actionPipe = new PipeNode(0, 0);
    lex.options = {
      emitComment: (this.mode & ParseComments) !== 0,
      breakOK: !this.hasFunction('break'),
      continueOK: !this.hasFunction('continue'),
    };
  }

  /** stopParse terminates parsing. */
  private stopParse(): void {
    this.lex = null;
    this.vars = [];
    this.funcs = null;
    this.treeSet = null;
    // The parse's scratch is not the tree's to keep.
    this.items = idleItems;
    this.open = idleOpen;
    this.names = idleNames;
    this.openPipelines = idlePipelines;
    this.chainNames = idleChainNames;
    this.actionPipe = idleActionPipe;
    this.token = idleTokens;
    this.saved = idleSaved;
  }

  /**
   * Parse parses the template definition string to construct a representation of the template
   * for execution. Empty delimiters mean the defaults. Embedded template definitions are added
   * to treeSet. Throws ParseError.
   */
  parse(text: string, leftDelim: string, rightDelim: string, treeSet: Map<string, Tree>, funcs: FuncNames | null = null): Tree {
    try {
      this.parseName = this.name;
      const lexer = new Lexer(this.name, text, leftDelim, rightDelim);
      this.startParse(funcs === null ? null : funcPredicate(funcs), lexer, treeSet, new NodeStack(text.length), new OpenControls(), new Names(text));
      this.text = text;
      this.parseTop();
      this.items.finish();
      this.add();
      return this;
    } finally {
      this.stopParse();
    }
  }

  /** add adds tree to t.treeSet. */
  private add(): void {
    const set = this.treeSet as Map<string, Tree>;
    const tree = set.get(this.name);
    if (tree === undefined || isEmptyTree(tree.root)) {
      set.set(this.name, this);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf('template: multiple definition of template %q', this.name);
  }

  /** A tree for {{define}} or {{block}}, parsing from this tree's lexer. */
  private subtree(name: string): Tree {
    const t = new Tree(name);
    t.text = this.text;
    t.mode = this.mode;
    t.parseName = this.parseName;
    t.startParse(this.funcs, this.lexer(), this.treeSet as Map<string, Tree>, this.items, this.open, this.names);
    return t;
  }

  // ---- grammar ----

  /** parse is the top-level parser for a template; like itemList but it also parses {{define}} actions. */
  private parseTop(): void {
    const pos = this.peek().pos;
    const items = this.items;
    const mark = items.size;
    while (this.peek().typ !== ItemType.EOF) {
      if (this.peek().typ === ItemType.LeftDelim) {
        const delim = this.saved[0].copy(this.next());
        if (this.nextNonSpace().typ === ItemType.Define) {
          const newT = this.subtree('definition'); // name will be updated once we know it.
          newT.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const a = this.textOrAction();
      const n = a === 'end' ? a : typeof a === 'string' ? this.parseControl(a) : a;
      this.actionLine = 0;
      if (n === 'end' || n.type === NodeType.Else) this.errorf('unexpected %s', listEndString(n as ListEnd));
      items.push(n);
    }
    this.root = new ListNode(pos, items.children(mark), items.keptAt);
  }

  /** parseDefinition parses a {{define}} ... {{end}} template definition; "define" has been scanned. */
  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    this.name = this.unquoteOrFail(name.val);
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end !== 'end') this.errorf('unexpected %s in %s', end.toString(), context);
    this.add();
    this.stopParse();
  }

  /** itemList: textOrAction*, terminated by {{end}} or {{else}}, which is returned separately. */
  private itemList(): [ListNode, ListEnd] {
    return this.nested(null) as [ListNode, ListEnd];
  }

  /** {{if|range|with pipeline}} itemList [{{else}} itemList] {{end}}; the keyword is past. */
  private parseControl(context: Control): Node {
    return this.nested(context) as Node;
  }

  /**
   * itemList and parseControl as one loop over an explicit stack of the controls open inside
   * it, so that nesting costs a small record per level rather than suspended steps (100,000
   * nested {{if}} would need as many JS stack frames, or kept generator frames alive). With
   * `start` null this is itemList; with a context it is parseControl (the keyword is past).
   * Go's deferred restore of the variables is done on success only: an error ends the parse.
   */
  private nested(start: Control | null): [ListNode, ListEnd] | Node {
    const open = this.open; // the controls open inside this call are those from base on
    const base = open.size;
    let top = base - openSize; // where the innermost starts in open.data
    const items = this.items;
    // The list being filled: its position (-1 before it starts) and where its nodes start in items.
    let listPos = -1;
    let listMark = 0;
    // A control whose keyword is past, the list its node goes into (-1: it is this call's
    // result), and whether it is an {{else if}}/{{else with}}, which ends together with its parent.
    let pending: Control | null = start;
    let intoPos = -1;
    let intoMark = 0;
    let chained = 0;
    for (;;) {
      if (pending !== null) {
        const varCount = this.vars.length;
        const pipe = this.pipeline(pending, ItemType.RightDelim);
        if (pending === 'range') this.rangeDepth++;
        top = open.push();
        const o = open.data;
        o[top + openContext] = controls.indexOf(pending);
        o[top + openVarCount] = varCount;
        o[top + openIntoPos] = intoPos;
        o[top + openIntoMark] = intoMark;
        o[top + openChained] = chained;
        o[top + openPipeAt] = items.size;
        o[top + openInElse] = 0;
        items.push(pipe);
        pending = null;
        listPos = -1;
      }
      if (listPos === -1) {
        listPos = this.peekNonSpace().pos;
        listMark = items.size;
      }
      if (this.peekNonSpace().typ === ItemType.EOF) this.errorf('unexpected EOF');
      const r = this.textOrAction();
      if (r !== 'end' && typeof r === 'string') {
        pending = r;
        intoPos = listPos;
        intoMark = listMark;
        chained = 0;
        continue;
      }
      this.actionLine = 0;
      if (r !== 'end' && r.type !== NodeType.Else) {
        items.push(r);
        continue;
      }
      const n = r as ListEnd;
      // n ends the list: the body or else list of the innermost open control, or this itemList.
      const list = new ListNode(listPos, items.children(listMark), items.keptAt);
      listPos = -1;
      if (top < base) return [list, n];
      // Read after textOrAction: a {{block}} in it may have grown open.data.
      const o = open.data;
      let elseList: ListNode | null = null;
      if (o[top + openInElse] === 0) {
        const context = controls[o[top + openContext]];
        if (context === 'range') this.rangeDepth--;
        items.push(list); // the body, after the pipeline
        o[top + openInElse] = 1;
        if (n !== 'end') {
          // Special case for "else if" and "else with": {{if a}}_{{else if b}}_{{end}} is treated as
          // {{if a}}_{{else}}{{if b}}_{{end}}{{end}}; the elseControl left the "if" or "with" pending.
          const kw = this.peek().typ;
          if ((context === 'if' && kw === ItemType.If) || (context === 'with' && kw === ItemType.With)) {
            this.next(); // Consume the "if" or "with" token.
            pending = context;
            intoPos = n.pos; // the else list, which holds just the chained control
            intoMark = items.size;
            chained = 1;
          }
          continue; // the chained control, or else the else list (an itemList of its own)
        }
      } else {
        if (n !== 'end') this.errorf('expected end; found %s', n.toString());
        elseList = list;
      }
      // The innermost control is complete; so is each {{else if}} parent it ends.
      for (;;) {
        const varCount = o[top + openVarCount];
        if (this.vars.length !== varCount) this.vars.length = varCount; // setting length costs even unchanged
        const pipeAt = o[top + openPipeAt];
        const node = controlNode(controls[o[top + openContext]], items.at(pipeAt) as PipeNode, items.at(pipeAt + 1) as ListNode, elseList);
        items.size = pipeAt;
        const into = o[top + openIntoPos];
        const mark = o[top + openIntoMark];
        const wasChained = o[top + openChained];
        top -= openSize;
        open.size = top + openSize;
        if (into === -1) return node;
        items.push(node);
        if (wasChained === 0) {
          listPos = into;
          listMark = mark;
          break;
        }
        elseList = new ListNode(into, items.children(mark), items.keptAt); // the parent's else list
      }
    }
  }

  /**
   * textOrAction: text | comment | action. An action is returned as its node, or as its
   * keyword for if, range, with and end. The caller clears actionLine once it is complete
   * (Go's deferred clearActionLine; an error ends the parse, so there is nothing to undo).
   */
  private textOrAction(): Node | Control | 'end' {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Text:
        return new TextNode(token.pos, this.names.get(token.pos, token.end)); // short texts recur too
      case ItemType.LeftDelim:
        this.actionLine = token.line;
        return this.action();
      case ItemType.Comment:
        return new CommentNode(token.pos, token.val);
      default:
        this.unexpected(token, 'input');
    }
  }

  /**
   * action: control, or command ("|" command)*. The left delimiter is past. {{if}}, {{range}}
   * and {{with}} are returned as their keyword, for the caller to parse (see nested), and
   * {{end}} as its keyword (see ListEnd).
   */
  private action(): Node | Control | 'end' {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Block:
        return this.blockControl();
      case ItemType.Break:
        return this.breakControl(token.pos, token.line);
      case ItemType.Continue:
        return this.continueControl(token.pos, token.line);
      case ItemType.Else:
        return this.elseControl();
      case ItemType.End:
        return this.endControl();
      case ItemType.If:
        return 'if';
      case ItemType.Range:
        return 'range';
      case ItemType.Template:
        return this.templateControl();
      case ItemType.With:
        return 'with';
    }
    this.backup();
    return this.commandAction();
  }

  /** An action that is a pipeline. */
  private commandAction(): Node {
    const first = this.peek();
    const pos = first.pos;
    const line = first.line;
    // Do not pop variables; they persist until "end".
    const pipe = this.pipeline('command', ItemType.RightDelim);
    // The pipeline is at pos and line (both are its first token's): one command can do without it.
    if (pipe.holdsArgs) return ActionNode.ofCommand(pos, line, pipe);
    return new ActionNode(pos, line, pipe === this.actionPipe ? pipe.unshare() : pipe);
  }

  /** {{break}}: the keyword is past. */
  private breakControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, '{{break}}');
    if (this.rangeDepth === 0) this.errorf('{{break}} outside {{range}}');
    return new BreakNode(pos, line);
  }

  /** {{continue}}: the keyword is past. */
  private continueControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, '{{continue}}');
    if (this.rangeDepth === 0) this.errorf('{{continue}} outside {{range}}');
    return new ContinueNode(pos, line);
  }

  /**
   * pipeline: declarations? command ('|' command)*, with command: operand (space operand)*
   * and operand: term .Field*. A parenthesized term is a pipeline of its own: its outer
   * pipeline and command wait on an explicit stack (Go recurses, up to maxStackDepth deep).
   */
  private pipeline(context: string, end: ItemType): PipeNode {
    let outer = this.openPipelines;
    const base = outer.size; // the pipelines waiting from base on are this call's (one call runs at a time)
    const items = this.items;
    let pipe = this.declarations(context);
    let cmdsMark = items.size;
    // The command being parsed: its position (-1 when there is none) and where its arguments start.
    let cmdPos = -1;
    let argsMark = 0;
    for (;;) {
      let operand: Node | null | Parenthesized;
      if (cmdPos === -1) {
        const token = this.nextNonSpace();
        if (token.typ === end) {
          // At this point, the pipeline is complete (a pipeline of one command may have its arguments already).
          if (pipe.cmdCount === 0) pipe.setCommands(items.children<CommandNode>(cmdsMark), items.keptAt);
          this.checkPipeline(pipe, context);
          if (outer.size === base) return pipe;
          // It was a parenthesized term: back to the command it is an operand of.
          this.stackDepth--;
          operand = this.fieldChain(pipe);
          outer.pop();
          const p = outer.size;
          pipe = outer.pipe(p);
          cmdsMark = outer.number(p + 1);
          cmdPos = outer.number(p + 2);
          argsMark = outer.number(p + 3);
          context = outer.string(p + 4);
          end = outer.number(p + 5);
        } else if (startsOperand(token.typ)) {
          this.backup();
          cmdPos = this.peekNonSpace().pos;
          argsMark = items.size;
          operand = this.operand();
        } else {
          this.unexpected(token, context);
        }
      } else {
        operand = this.operand();
      }
      if (operand === parenthesized) {
        if (this.stackDepth >= maxStackDepth) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        if (outer === idlePipelines) outer = this.openPipelines = new OpenPipelines();
        outer.push(pipe, cmdsMark, cmdPos, argsMark, context, end);
        context = 'parenthesized pipeline';
        end = ItemType.RightParen;
        pipe = this.declarations(context);
        cmdsMark = items.size;
        cmdPos = -1;
        continue;
      }
      if (operand !== null) items.push(operand);
      const token = this.next();
      switch (token.typ) {
        case ItemType.Space:
          continue;
        case ItemType.RightDelim:
        case ItemType.RightParen:
          this.backup();
          break;
        case ItemType.Pipe:
          // nothing here; the command ends
          break;
        default:
          this.unexpected(token, 'operand');
      }
      if (items.size === argsMark) this.errorf('empty command');
      // The only command of a pipeline without variables is at the pipeline's position: the
      // pipeline holds its arguments, and makes its node when it is read (see PipeNode.oneCommand).
      if (argsMark === cmdsMark && token.typ !== ItemType.Pipe && pipe.decl.length === 0) pipe.oneCommand(items.children(argsMark), items.keptAt);
      else items.push(new CommandNode(cmdPos, items.children(argsMark), items.keptAt));
      cmdPos = -1;
    }
  }

  /** The start of pipeline: its node, with the declarations or assignments if any. */
  private declarations(context: string): PipeNode {
    const token = this.peekNonSpace();
    const pos = token.pos;
    const line = token.line;
    let first: VariableNode | null = null; // a range's first variable, followed by a comma
    // Are there declarations or assignments?
    decls: for (;;) {
      if (this.peekNonSpace().typ === ItemType.Variable) {
        const v = this.saved[0].copy(this.next());
        // Since space is a token, we need 3-token look-ahead here in the worst case:
        // in "$x foo" we need to read "foo" (as opposed to ":=") to know that $x is an
        // argument variable rather than a declaration.
        const tokenAfterVariable = this.saved[1].copy(this.peek());
        const next = this.peekNonSpace();
        if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
          this.nextNonSpace();
          const name = this.names.get(v.pos, v.end);
          const d = new VariableNode(v.pos, name);
          this.vars.push(name);
          return new PipeNode(pos, line, first === null ? [d] : [first, d], next.typ === ItemType.Assign, noCommands);
        }
        if (next.typ === ItemType.Char && next.input.charCodeAt(next.pos) === 0x2c /* , */) {
          this.nextNonSpace();
          const name = this.names.get(v.pos, v.end);
          const d = new VariableNode(v.pos, name);
          this.vars.push(name);
          if (context === 'range' && first === null) {
            switch (this.peekNonSpace().typ) {
              case ItemType.Variable:
              case ItemType.RightDelim:
              case ItemType.RightParen:
                first = d;
                continue decls; // second initialized variable in a range pipeline
              default:
                this.errorf('range can only initialize variables');
            }
          }
          this.errorf('too many declarations in %s', context);
        }
        if (tokenAfterVariable.typ === ItemType.Space) this.backup3(v, tokenAfterVariable);
        else this.backup2(v);
      }
      if (first === null && context === 'command') return this.actionPipe.reuse(pos, line, noVariables, noCommands);
      return new PipeNode(pos, line, first === null ? noVariables : [first], false, noCommands);
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    // Reject empty pipelines
    const n = pipe.cmdCount;
    if (n === 0) this.errorf('missing value for %s', context);
    if (n === 1) return;
    // Only the first command of a pipeline can start with a non executable operand
    for (let i = 1; i < n; i++) {
      switch (pipe.cmdAt(i).firstArg?.type) {
        case NodeType.Bool:
        case NodeType.Dot:
        case NodeType.Nil:
        case NodeType.Number:
        case NodeType.String:
          // With A|B|C, pipeline stage 2 is B
          this.errorf('non executable command in pipeline stage %d', i + 1);
      }
    }
  }

  /** {{end}}: the keyword is past. */
  private endControl(): 'end' {
    this.expect(ItemType.RightDelim, 'end');
    return 'end';
  }

  /** {{else}}: the keyword is past. "{{else if" and "{{else with" leave the keyword pending. */
  private elseControl(): ElseNode {
    const peek = this.peekNonSpace();
    if (peek.typ === ItemType.If || peek.typ === ItemType.With) return new ElseNode(peek.pos, peek.line);
    const token = this.expect(ItemType.RightDelim, 'else');
    return new ElseNode(token.pos, token.line);
  }

  /** {{block stringValue pipeline}}: the keyword is past; the pipeline is mandatory. */
  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const pos = token.pos;
    const line = token.line;
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);

    const block = this.subtree(name);
    const [list, end] = block.itemList();
    block.root = list;
    if (end !== 'end') this.errorf('unexpected %s in %s', end.toString(), context);
    block.add();
    block.stopParse();

    return new TemplateNode(pos, line, name, pipe);
  }

  /** {{template stringValue pipeline?}}: the keyword is past. */
  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const pos = token.pos;
    const line = token.line;
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== ItemType.RightDelim) {
      this.backup();
      // Do not pop variables; they persist until "end".
      pipe = this.pipeline(context, ItemType.RightDelim);
    }
    return new TemplateNode(pos, line, name, pipe);
  }

  private parseTemplateName(token: Token, context: string): string {
    if (token.typ === ItemType.String || token.typ === ItemType.RawString) return this.unquoteOrFail(token.val);
    this.unexpected(token, context);
  }

  private unquoteOrFail(s: string): string {
    try {
      return unquote(s);
    } catch (e) {
      if (e instanceof LiteralError) this.errorf('%s', e.message);
      throw e;
    }
  }

  /**
   * operand: term .Field*, after the spaces before it. Null means the next item is not an
   * operand; `parenthesized` that it is a '(' (past), whose pipeline the caller parses.
   */
  private operand(): Node | null | Parenthesized {
    this.peekNonSpace(); // skip leading spaces.
    const node = this.term();
    if (node === null || node === parenthesized) return node;
    return this.fieldChain(node);
  }

  /** The .Field* part of operand. */
  private fieldChain(node: Node): Node {
    if (this.peek().typ !== ItemType.Field) return node;
    const pos = this.peek().pos;
    // The names, without their periods, gathered in a scratch array and sliced to their
    // number: concat onto the term's names made three arrays for one kept ($.x, .x.y), and
    // an array literal is a site V8 may pretenure (see NodeStack.take).
    if (this.chainNames === idleChainNames) this.chainNames = [];
    const names = this.chainNames;
    let n = 0;
    // Compatibility with original API: If the term is of type NodeField or NodeVariable,
    // just put more fields on the original. Otherwise, keep the Chain node.
    // A term that is a field or variable has one name.
    if (node.type === NodeType.Field || node.type === NodeType.Variable) names[n++] = (node as FieldNode | VariableNode).nameAt(0);
    const fieldsFrom = n;
    while (this.peek().typ === ItemType.Field) names[n++] = this.fieldName(this.next());
    switch (node.type) {
      case NodeType.Field:
        return new FieldNode(pos, names.slice(0, n));
      case NodeType.Variable:
        return new VariableNode(pos, names.slice(0, n));
      case NodeType.Bool:
      case NodeType.String:
      case NodeType.Number:
      case NodeType.Nil:
      // biome-ignore lint/suspicious/noFallthroughSwitchClause: errorf never returns (it throws)
      case NodeType.Dot:
        this.errorf('unexpected . after term %q', node.toString());
      default:
        return new ChainNode(pos, node, names.slice(fieldsFrom, n));
    }
  }

  /** A Field token's name, without its period. */
  private fieldName(token: Token): string {
    return this.names.get(token.pos + 1, token.end);
  }

  /**
   * term: literal, function, ., .Field, $, or '(' pipeline ')'. Null means not a term; for
   * '(' the result is `parenthesized` and the caller parses the pipeline (see pipeline).
   */
  private term(): Node | null | Parenthesized {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Identifier: {
        const name = this.names.get(token.pos, token.end);
        if ((this.mode & SkipFuncCheck) === 0 && !this.hasFunction(name)) this.errorf('function %q not defined', name);
        return new IdentifierNode(token.pos, name);
      }
      case ItemType.Dot:
        return new DotNode(token.pos);
      case ItemType.Nil:
        return new NilNode(token.pos);
      case ItemType.Variable:
        return this.useVar(token.pos, this.names.get(token.pos, token.end));
      case ItemType.Field:
        return new FieldNode(token.pos, this.fieldName(token));
      case ItemType.Bool:
        return new BoolNode(token.pos, token.end - token.pos === 4); // true, not false
      case ItemType.CharConstant:
      case ItemType.Complex:
      case ItemType.Number:
        return this.number(token);
      case ItemType.LeftParen:
        return parenthesized;
      case ItemType.String:
      case ItemType.RawString: {
        const quoted = this.names.get(token.pos, token.end);
        // A quoted string of printable ASCII without escapes is its contents (strconv.Unquote).
        const text = token.typ === ItemType.String && plainASCII(quoted) ? this.names.get(token.pos + 1, token.end - 1) : this.unquoteOrFail(quoted);
        return new StringNode(token.pos, quoted, text);
      }
    }
    this.backup();
    return null;
  }

  private number(token: Token): Node {
    const kind: NumberKind = token.typ === ItemType.CharConstant ? 'char' : token.typ === ItemType.Complex ? 'complex' : 'number';
    try {
      const text = token.val;
      return new NumberNode(token.pos, text, numberValue(text, kind));
    } catch (e) {
      if (e instanceof LiteralError) this.errorf('%s', e.message);
      throw e;
    }
  }

  /** hasFunction reports if a function name exists in the Tree's function sets. */
  private hasFunction(name: string): boolean {
    return this.funcs?.(name) ?? false;
  }

  /** useVar returns a node for a variable reference. It errors if the variable is not defined. */
  private useVar(pos: number, name: string): Node {
    if (this.vars.includes(name)) return new VariableNode(pos, name);
    this.errorf('undefined variable %q', name);
  }
}

/**
 * Parse returns a map from template name to Tree, created by parsing the templates described
 * in text. The top-level template gets the given name. Throws ParseError.
 */
export function parse(name: string, text: string, leftDelim: string, rightDelim: string, funcs: FuncNames | null = null, mode = 0): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const t = new Tree(name);
  t.mode = mode;
  t.text = text;
  t.parse(text, leftDelim, rightDelim, treeSet, funcs);
  return treeSet;
}
