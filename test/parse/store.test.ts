// The children of nodes with more than one live in the parse's store (see Store in
// src/parse/node.ts): chunks of a fixed size, and an array of its own for a run longer than a
// chunk. Lists around those sizes must read back as parsed, by index and as arrays.

import { describe, expect, test } from 'vitest';
import { CommandNode, type ListNode, type PipeNode, SkipFuncCheck, parse } from '../../src/parse/index.js';

/** n top-level nodes: actions of three-word commands (a run each) between texts. */
function text(n: number): string {
  return Array.from({ length: n }, (_, i) => (i % 2 ? `t${i}` : `{{printf "%d" ${i}}}`)).join('');
}

describe('node store', () => {
  test.each([2, 3, 8190, 8191, 8192, 8193, 20000, 100001])('a list of %d nodes', (n) => {
    const src = text(n);
    const root = parse('t', src, '', '', null, SkipFuncCheck)?.get('t')?.root as ListNode;
    expect(root.nodeCount).toBe(n);
    // Every action's command kept its three arguments, whichever chunk they went into.
    for (let i = 0; i < n; i += 2) {
      const node = root.nodeAt(i);
      expect(node.toString()).toBe(`{{printf "%d" ${i}}}`);
    }
    expect(root.toString()).toBe(src);
    const nodes = root.nodes; // made from the store once
    expect(nodes.length).toBe(n);
    expect(root.nodes).toBe(nodes);
    expect(nodes[n - 1]).toBe(root.nodeAt(n - 1));
  });

  test('pipelines of several commands, and their commands, read back from the store', () => {
    const src = Array.from({ length: 5000 }, (_, i) => `{{"a" | printf "%s-${i}" | printf "%q"}}`).join('\n');
    const root = parse('t', src, '', '', null, SkipFuncCheck)?.get('t')?.root as ListNode;
    expect(root.toString()).toBe(src);
    const pipe = (root.nodeAt(2 * 4999) as unknown as { pipe: PipeNode }).pipe;
    expect(pipe.cmdCount).toBe(3);
    expect(pipe.cmdAt(1)).toBeInstanceOf(CommandNode);
    expect(pipe.cmdAt(1).toString()).toBe('printf "%s-4999"');
    expect(pipe.cmds.map(String)).toEqual(['"a"', 'printf "%s-4999"', 'printf "%q"']);
  });
});
