// Compiling and executing a template leaves each node's single child inline, as the parser
// stored it (see Children in src/parse/node.ts): the compiler reads children by count and
// index, never through the array getters, which would make and keep an array per child.

import { describe, expect, test } from 'vitest';
import { Template } from '../../src/index.js';
import { ActionNode, BranchNode, ChainNode, CommandNode, FieldNode, ListNode, type Node, PipeNode, TemplateNode, VariableNode } from '../../src/parse/index.js';

/** The nodes of a tree with one child (or name) that nonetheless hold it in an array, by position (String() would make the arrays). */
function singleChildArrays(root: ListNode): string[] {
  const found: string[] = [];
  const stack: Node[] = [root];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n instanceof ListNode) {
      if (n.nodeCount === 1 && n.childArray) found.push(`list at ${n.pos}`);
      for (let i = 0; i < n.nodeCount; i++) stack.push(n.nodeAt(i));
    } else if (n instanceof PipeNode) {
      if (n.cmdCount === 1 && n.childArray) found.push(`pipe at ${n.pos}`);
      for (let i = 0; i < n.cmdCount; i++) stack.push(n.cmdAt(i));
      stack.push(...n.decl);
    } else if (n instanceof CommandNode) {
      if (n.argCount === 1 && n.childArray) found.push(`command at ${n.pos}`);
      for (let i = 0; i < n.argCount; i++) stack.push(n.argAt(i));
    } else if (n instanceof FieldNode || n instanceof VariableNode) {
      if (n.nameCount === 1 && n.childArray) found.push(`names at ${n.pos}`);
    } else if (n instanceof ActionNode) stack.push(n.pipe);
    else if (n instanceof ChainNode) stack.push(n.node);
    else if (n instanceof TemplateNode) {
      if (n.pipe !== null) stack.push(n.pipe);
    } else if (n instanceof BranchNode) {
      stack.push(n.pipe, n.list);
      if (n.elseList !== null) stack.push(n.elseList);
    }
  }
  return found;
}

/**
 * The one-command pipelines of a tree that have been made into nodes (a PipeNode that no longer
 * holds its command's arguments, an ActionNode that no longer holds them, see
 * PipeNode.oneCommand and ActionNode.ofCommand), read without making any.
 */
function madeCommands(root: ListNode): string[] {
  const found: string[] = [];
  const stack: Node[] = [root];
  const pipe = (p: PipeNode): void => {
    if (p.cmdCount === 1 && p.decl.length === 0 && !p.holdsArgs) found.push(`pipe at ${p.pos}`);
    for (let i = 0; i < p.cmdCount; i++) for (let j = 0; j < p.argCountAt(i); j++) stack.push(p.argAtOf(i, j));
  };
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n instanceof ListNode) for (let i = 0; i < n.nodeCount; i++) stack.push(n.nodeAt(i));
    else if (n instanceof ActionNode) {
      if (n.argCount > 0) for (let j = 0; j < n.argCount; j++) stack.push(n.argAt(j));
      // compileAction makes the pipeline of an action whose one command starts with a parenthesized pipeline.
      else if (n.pipe.cmdCount === 1 && n.pipe.decl.length === 0 && !(n.pipe.argAtOf(0, 0) instanceof PipeNode)) found.push(`action at ${n.pos}`);
      else pipe(n.pipe);
    } else if (n instanceof PipeNode) pipe(n);
    else if (n instanceof ChainNode) stack.push(n.node);
    else if (n instanceof TemplateNode) {
      if (n.pipe !== null) pipe(n.pipe);
    } else if (n instanceof BranchNode) {
      pipe(n.pipe);
      stack.push(n.list);
      if (n.elseList !== null) stack.push(n.elseList);
    }
  }
  return found;
}

const data = { a: { b: 'x', n: 2 }, items: ['p', 'q'], none: [], m: { k: 'v' }, t: true, e: '' };

// Every shape compile.ts and uses-dot.ts read: lists of one node, pipelines of one command
// (with and without variables), commands of one word, fields and variables of one name.
const cases: [name: string, text: string][] = [
  ['text', 'hello'],
  ['field', '{{.a}}'],
  ['field chain', '{{.a.b}}'],
  ['dot', '{{.a.n}}{{with .m}}{{.}}{{end}}'],
  ['variable', '{{$x := .a}}{{$x}}{{$}}'],
  ['variable chain', '{{$x := .a}}{{$x.b}}{{$.a.b}}'],
  ['assign', '{{$x := 1}}{{$x = 2}}{{$x}}'],
  ['if', '{{if .t}}y{{end}}{{if .e}}y{{else}}n{{end}}'],
  ['if else if', '{{if .e}}1{{else if .t}}2{{end}}'],
  ['constant if', '{{if true}}y{{end}}{{if ""}}{{else}}n{{end}}{{if true}}{{$v := 1}}{{$v}}{{end}}'],
  ['with', '{{with .a}}{{.b}}{{end}}{{with $y := .a.b}}{{$y}}{{end}}'],
  ['range', '{{range .items}}{{.}}{{end}}{{range $i, $v := .items}}{{$i}}{{$v}}{{end}}'],
  ['range no dot', '{{range .items}}-{{end}}{{range 2}}{{break}}{{end}}{{range .items}}{{continue}}{{end}}'],
  ['range else', '{{range .none}}{{else}}none{{end}}'],
  ['function', '{{len .items}}{{printf "%s-%d" .a.b .a.n}}{{index .m "k"}}'],
  ['pipeline', '{{.a.b | printf "%q"}}{{"s" | len}}'],
  ['parenthesized', '{{(.a).b}}{{(len .items)}}{{print (.a.b)}}'],
  ['logic', '{{and .t .a.b}}{{or .e "z"}}{{not .t}}{{eq .a.b "x"}}'],
  ['constants', '{{1}}{{"s"}}{{true}}{{print nil}}'],
  ['template', '{{define "d"}}{{.}}{{end}}{{template "d" .a.b}}{{block "b" .a}}{{.n}}{{end}}'],
  ['comment', '{{/* c */}}a{{- /* d */ -}} b'],
];

describe('compiling leaves single children inline', () => {
  test.each(cases)('%s', (_name, text) => {
    const t = new Template('t').parse(text);
    t.execute(data); // compiles it
    t.execute(data);
    const roots = t.templates().map((tmpl) => tmpl.tree?.root);
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) {
      expect(root).toBeInstanceOf(ListNode);
      expect(madeCommands(root as ListNode)).toEqual([]);
      expect(singleChildArrays(root as ListNode)).toEqual([]);
    }
  });

  // The check above can fail: reading an action's pipe makes it, and its command.
  test('pipe and cmds make the one-command forms', () => {
    const root = new Template('t').parse('{{if .t}}{{.a.b}}{{end}} {{printf "%d" 1}}').tree?.root;
    if (!root) throw new Error('no tree');
    expect(madeCommands(root)).toEqual([]);
    const action = root.nodeAt(2) as ActionNode;
    const pipe = action.pipe;
    expect(action.pipe).toBe(pipe); // made once
    expect([pipe.pos, pipe.line, pipe.cmdAt(0).pos, pipe.toString()]).toEqual([action.pos, action.line, action.pos, 'printf "%d" 1']);
    expect(madeCommands(root)).toEqual(['action at 27']);
    expect(((root.nodeAt(0) as BranchNode).pipe.cmds[0] as CommandNode).toString()).toBe('.t');
    expect(madeCommands(root).sort()).toEqual(['action at 27', 'pipe at 5']);
    expect(root.toString()).toBe('{{if .t}}{{.a.b}}{{end}} {{printf "%d" 1}}');
  });

  // The check above can fail: the array getters do make the arrays.
  test('the array getters make them', () => {
    const root = new Template('t').parse('{{if .t}}{{.a.b}}{{end}}').tree?.root;
    if (!root) throw new Error('no tree');
    expect(singleChildArrays(root)).toEqual([]);
    const action = root.nodes[0];
    expect(singleChildArrays(root)).toEqual(['list at 0']);
    expect(action.toString()).toBe('{{if .t}}{{.a.b}}{{end}}');
    expect(singleChildArrays(root).sort()).toEqual(['command at 5', 'command at 11', 'list at 0', 'list at 9', 'names at 5', 'pipe at 5', 'pipe at 11'].sort());
  });
});
