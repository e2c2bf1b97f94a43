// Mirrors dump_test.go of the Go oracle: a node as plain JSON, with Go's byte positions.
import {
  ActionNode,
  BoolNode,
  BranchNode,
  BreakNode,
  ChainNode,
  CommandNode,
  CommentNode,
  ContinueNode,
  DotNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  NilNode,
  type Node,
  NodeType,
  NumberNode,
  PipeNode,
  StringNode,
  TemplateNode,
  TextNode,
  VariableNode,
} from '../../src/parse/index.js';

const encoder = new TextEncoder();
export const byteOffset = (text: string, pos: number): number => encoder.encode(text.slice(0, pos)).length;

export function floatBits(f: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, f);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

export function numberFields(n: {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  complex128: { re: number; im: number };
}): Record<string, unknown> {
  return {
    isInt: n.isInt,
    isUint: n.isUint,
    isFloat: n.isFloat,
    isComplex: n.isComplex,
    int64: n.int64.toString(),
    uint64: n.uint64.toString(),
    float64: floatBits(n.float64),
    re: floatBits(n.complex128.re),
    im: floatBits(n.complex128.im),
  };
}

const list = <T>(xs: T[], f: (x: T) => unknown): unknown[] | null => (xs.length === 0 ? null : xs.map(f));

/** The dump of n, a node of a tree parsed from `text`. */
export function dumpNode(n: Node | null, text: string): unknown {
  if (n === null) return null;
  const m: Record<string, unknown> = { pos: byteOffset(text, n.pos), t: NodeType[n.type] };
  if (n instanceof ListNode) m.nodes = list(n.nodes, (c) => dumpNode(c, text));
  else if (n instanceof TextNode || n instanceof CommentNode) m.text = n.text;
  else if (n instanceof PipeNode) {
    Object.assign(m, { line: n.line, isAssign: n.isAssign, decl: list(n.decl, (c) => dumpNode(c, text)), cmds: list(n.cmds, (c) => dumpNode(c, text)) });
  } else if (n instanceof ActionNode) Object.assign(m, { line: n.line, pipe: dumpNode(n.pipe, text) });
  else if (n instanceof CommandNode) m.args = list(n.args, (c) => dumpNode(c, text));
  else if (n instanceof IdentifierNode) m.ident = n.ident;
  else if (n instanceof VariableNode || n instanceof FieldNode) m.ident = n.ident;
  else if (n instanceof DotNode || n instanceof NilNode) {
    // no fields
  } else if (n instanceof ChainNode) Object.assign(m, { node: dumpNode(n.node, text), field: n.field });
  else if (n instanceof BoolNode) m.value = n.value;
  else if (n instanceof NumberNode) Object.assign(m, { text: n.text }, numberFields(n));
  else if (n instanceof StringNode) Object.assign(m, { quoted: n.quoted, text: n.text });
  else if (n instanceof BranchNode) {
    Object.assign(m, { line: n.line, pipe: dumpNode(n.pipe, text), list: dumpNode(n.list, text), elseList: dumpNode(n.elseList, text) });
  } else if (n instanceof BreakNode || n instanceof ContinueNode) m.line = n.line;
  else if (n instanceof TemplateNode) Object.assign(m, { line: n.line, name: n.name, pipe: dumpNode(n.pipe, text) });
  else throw new Error('unknown node');
  return m;
}
