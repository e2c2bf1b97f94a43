// The parser makes an action's pipeline and command when they are first read (see
// ActionNode.ofCommand): what a user reads or changes must not show it.

import { describe, expect, test } from 'vitest';
import { type ActionNode, type IfNode, type ListNode, SkipFuncCheck, VariableNode, noVariables, parse } from '../../src/parse/index.js';

function root(src: string): ListNode {
  return parse('t', src, '', '', null, SkipFuncCheck)?.get('t')?.root as ListNode;
}

describe('lazily made pipelines', () => {
  test.each([
    ['one command', 'a\n{{.x}}'],
    ['several commands', 'a\n{{.x | printf "%v"}}'],
  ])('%s: setting the action line leaves the pipeline at the line it was parsed at', (_, src) => {
    const action = root(src).nodeAt(1) as ActionNode;
    action.line = 7;
    expect(action.line).toBe(7);
    expect(action.pipe.line).toBe(2);
    expect(action.pipe.pos).toBe(action.pos);
  });

  test.each([
    ['one command', '{{.x}}'],
    ['several commands', '{{.x | printf "%v"}}'],
    ['an if', '{{if .x}}{{end}}'],
  ])('%s: a pipeline declaring nothing has the shared frozen declarations', (_, src) => {
    const node = root(src).nodeAt(0) as ActionNode | IfNode;
    const pipe = node.pipe;
    expect(pipe.decl).toBe(noVariables);
    expect(Object.isFrozen(pipe.decl)).toBe(true);
    pipe.decl = [new VariableNode(0, '$v')];
    expect(node.toString().startsWith('{{' + (src.startsWith('{{if') ? 'if ' : '') + '$v := .x')).toBe(true);
  });

  test('a pipeline that declares has an array of its own', () => {
    const pipe = (root('{{$v := .x}}').nodeAt(0) as ActionNode).pipe;
    expect(pipe.decl.map(String)).toEqual(['$v']);
    expect(Object.isFrozen(pipe.decl)).toBe(false);
  });
});
