// walkRange from exec.go: {{range}} over integers, slices, arrays, maps (in
// fmtsort key order) and channels, with break, continue and else.

import type { RangeNode } from '../parse/index.js';
import { sortedEntries } from '../fmt/index.js';
import { Value, intValue, invalid, isIntKind, isUintKind } from '../value/index.js';
import { indexOf, indirect } from './addressable.js';
import { BREAK, type Flow, NORMAL, type PipeFn, type WalkFn } from './flow.js';
import type { State } from './state.js';

/** `bodyUsesDot`: whether the body can observe dot (see uses-dot.ts). */
export function walkRange(s: State, dot: Value, r: RangeNode, pipe: PipeFn, list: WalkFn, elseList: WalkFn | null, bodyUsesDot: boolean): Flow {
  s.at(r);
  const outer = s.mark();
  const val = indirect(pipe(s, dot)).v;
  // Mark the top of the stack before any variables in the body are pushed.
  const mark = s.mark();
  const decl = r.pipe.decl;
  const isAssign = r.pipe.isAssign;

  const oneIteration = (index: Value, elem: Value): Flow => {
    if (decl.length > 0) {
      if (isAssign) {
        // With two variables the index comes first; with one, the element.
        s.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
      } else {
        // The top variable (lexically the second if there are two) gets the element.
        s.setTopVar(1, elem);
      }
    }
    if (decl.length > 1) {
      if (isAssign) s.setVar(decl[1].ident[0], elem);
      else s.setTopVar(2, index);
    }
    const flow = list(s, elem);
    s.pop(mark);
    return flow;
  };

  // With no variable and a body blind to dot, nothing can see the element: it is not built.
  const ran = iterate(s, val, decl.length, decl.length > 0 || bodyUsesDot, oneIteration);
  if (!ran && elseList !== null) elseList(s, dot);
  s.pop(outer);
  return NORMAL;
}

/**
 * Runs the body over val's elements; reports whether there was any (break included).
 * Unless elemWanted, ints and slice elements are passed as `invalid`, unbuilt.
 */
function iterate(s: State, val: Value, numDecl: number, elemWanted: boolean, oneIteration: (index: Value, elem: Value) => Flow): boolean {
  const k = val.kind;
  if (isIntKind(k) || isUintKind(k)) {
    if (numDecl > 1) s.errorf("can't use %v to iterate over more than one variable", val);
    const n = val.int();
    const t = val.type;
    // Range over an integer yields values of its own type; the index is unset, as for channels.
    // Counting in a number is cheaper than in a bigint while it is exact.
    if (n <= BigInt(Number.MAX_SAFE_INTEGER)) {
      const count = Number(n);
      for (let i = 0; i < count; i++) {
        if (oneIteration(invalid, elemWanted ? new Value(t, BigInt(i)) : invalid) === BREAK) break;
      }
    } else {
      for (let i = 0n; i < n; i++) {
        if (oneIteration(invalid, new Value(t, i)) === BREAK) break;
      }
    }
    return n > 0n;
  }
  switch (k) {
    case 'array':
    case 'slice': {
      const n = val.len();
      for (let i = 0; i < n; i++) {
        if (oneIteration(indexValue(i, numDecl), elemWanted ? indexOf(val, i) : invalid) === BREAK) break;
      }
      return n > 0;
    }
    case 'map': {
      const m = val.map();
      if (m === null || m.size === 0) return false;
      for (const e of sortedEntries(m)) {
        if (oneIteration(e.key, e.value) === BREAK) break;
      }
      return true;
    }
    case 'chan': {
      if (val.isNil()) return false;
      const items = val.items();
      for (let i = 0; i < items.length; i++) {
        if (oneIteration(indexValue(i, numDecl), items[i]) === BREAK) break;
      }
      return items.length > 0;
    }
    case 'invalid':
      return false; // likely a nil map or the like: acts as empty
    default:
      return s.errorf("range can't iterate over %v", val);
  }
}

/** The index of an iteration; only a two-variable range can observe it, so others skip building it. */
function indexValue(i: number, numDecl: number): Value {
  return numDecl > 1 ? intValue(i) : invalid;
}
