// Whether a template body can observe dot, decided once when it is compiled. Only
// `.` and `.Field` (alone, as a chain head or inside any pipeline, including the
// pipeline of {{template}} and of nested if/with/range) read dot: functions never
// see it. A {{range}} whose body cannot observe dot and declares no variables need
// not build a Value per element (range 100000000 would otherwise allocate one each).

import { ActionNode, BranchNode, ChainNode, DotNode, FieldNode, ListNode, type Node, PipeNode, TemplateNode } from '../parse/index.js';

/** Answers for bodies already examined, so nested ranges are not walked again (linear overall). */
const known = new WeakMap<ListNode, boolean>();

export function usesDot(body: ListNode): boolean {
  let answer = known.get(body);
  if (answer === undefined) {
    answer = walk(body);
    known.set(body, answer);
  }
  return answer;
}

function walk(body: ListNode): boolean {
  // An explicit stack: bodies can nest deeper than the JS stack allows recursion.
  // Children are read by count and index: the array getters would make an array in the tree
  // for every single child (see Children in parse/node.ts).
  const stack: Node[] = [body];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n instanceof DotNode || n instanceof FieldNode) return true;
    if (n instanceof ListNode) {
      const seen = n === body ? undefined : known.get(n);
      if (seen === true) return true;
      if (seen === undefined) for (let i = 0; i < n.nodeCount; i++) stack.push(n.nodeAt(i));
    } else if (n instanceof ActionNode) {
      if (n.argCount === 0) stack.push(n.pipe);
      for (let j = 0; j < n.argCount; j++) stack.push(n.argAt(j)); // see ActionNode.ofCommand
    } else if (n instanceof PipeNode) {
      // Through the pipeline: a one-command pipeline's command is not made (see PipeNode.oneCommand).
      for (let i = 0; i < n.cmdCount; i++) for (let j = 0; j < n.argCountAt(i); j++) stack.push(n.argAtOf(i, j));
    } else if (n instanceof ChainNode) stack.push(n.node);
    else if (n instanceof TemplateNode) {
      if (n.pipe !== null) stack.push(n.pipe);
    } else if (n instanceof BranchNode) {
      stack.push(n.pipe, n.list);
      if (n.elseList !== null) stack.push(n.elseList);
    }
  }
  return false;
}
