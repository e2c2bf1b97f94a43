// walkRange from exec.go: {{range}} over integers, slices, arrays, maps (in
// fmtsort key order) and channels, with break, continue and else.

import type { RangeNode } from '../parse/index.js';
import { sortedEntries } from '../fmt/index.js';
import { LazyItems, Value, intValue, invalid, isIntKind, isUintKind, itemsInPlace, notInPlace } from '../value/index.js';
import { asAddressable, canAddr, deref, indexOf } from './addressable.js';
import { BREAK, CONTINUE, type Flow, NORMAL, type PipeFn, type WalkFn } from './flow.js';
import type { State } from './state.js';

/** A {{range}} compiled: what each iteration needs, worked out once. */
export interface RangeBody {
  readonly node: RangeNode;
  /** The names of the pipeline's field chain when it is one ({{range .a.b}}): see walkRange. */
  readonly names: readonly string[] | null;
  readonly pipe: PipeFn;
  readonly list: WalkFn;
  readonly elseList: WalkFn | null;
  /** The names of the declared variables ($i, $x := or $i, $x =). */
  readonly decl: readonly string[];
  readonly isAssign: boolean;
  /** Whether an iteration can see its element: a variable, or a body that reads dot (see uses-dot.ts). */
  readonly elemWanted: boolean;
}

export function walkRange(s: State, dot: Value, r: RangeBody): Flow {
  s.at(r.node);
  const outer = s.mark();
  if (r.names !== null) {
    // A short JS array of strings, numbers and booleans read in place: its elements without a view.
    const items = itemsInPlace(dot, r.names, r.elemWanted);
    if (items !== 0 && items !== notInPlace) {
      rangeInPlace(s, r, items);
      s.pop(outer);
      return NORMAL;
    }
    // An empty array needs no Value unless a variable the pipeline declares would hold it:
    // seen by {{else}}, or assigned ($x = ...), after the range too.
    if (items === 0 && (r.decl.length === 0 || (!r.isAssign && r.elseList === null))) return walkElse(s, dot, r, outer);
  }
  let val = r.pipe(s, dot);
  // indirect (its isNil is of no use here: a nil pointer or interface ranges as itself and fails).
  while ((val.kind === 'ptr' || val.kind === 'interface') && val.v !== null) val = val.kind === 'ptr' ? deref(val) : val.elem();
  // Mark the top of the stack before any variables in the body are pushed.
  const mark = s.mark();
  if (iterate(s, val, r, mark)) {
    s.pop(outer);
    return NORMAL;
  }
  return walkElse(s, dot, r, outer);
}

/**
 * The end of a range that ran no iteration: its {{else}}, if any, then the pop. Go's walkRange
 * recovers walkBreak only, so a {{break}} in the else (which belongs to an enclosing range) ends
 * just this range, while a {{continue}} goes on to the enclosing range's next iteration.
 */
function walkElse(s: State, dot: Value, r: RangeBody, outer: number): Flow {
  const flow = r.elseList === null ? NORMAL : r.elseList(s, dot);
  s.pop(outer);
  return flow === CONTINUE ? CONTINUE : NORMAL;
}

/**
 * walkRange's iterations over a non-empty slice whose elements are items (or of that
 * many elements, when the body does not want them): the pipeline's variables are declared as evalPipeline would (their
 * value, the slice, is replaced by the first iteration before anything can read it).
 */
function rangeInPlace(s: State, r: RangeBody, items: readonly Value[] | number): void {
  s.at(r.node.pipe);
  for (const name of r.decl) {
    if (r.isAssign) s.setVar(name, invalid);
    else s.push(name, invalid);
  }
  const mark = s.mark();
  const numDecl = r.decl.length;
  const n = typeof items === 'number' ? items : items.length;
  for (let i = 0; i < n; i++) {
    if (oneIteration(s, r, mark, indexValue(i, numDecl), typeof items === 'number' ? invalid : items[i]) === BREAK) break;
  }
}

function oneIteration(s: State, r: RangeBody, mark: number, index: Value, elem: Value): Flow {
  const decl = r.decl;
  if (decl.length > 0) {
    if (r.isAssign) {
      // With two variables the index comes first; with one, the element.
      s.setVar(decl[0], decl.length > 1 ? index : elem);
    } else {
      // The top variable (lexically the second if there are two) gets the element.
      s.setTopVar(1, elem);
    }
  }
  if (decl.length > 1) {
    if (r.isAssign) s.setVar(decl[1], elem);
    else s.setTopVar(2, index);
  }
  const flow = r.list(s, elem);
  s.pop(mark);
  return flow;
}

/**
 * Runs the body over val's elements; reports whether there was any (break included).
 * Unless the body wants them, ints and slice elements are passed as `invalid`, unbuilt.
 */
function iterate(s: State, val: Value, r: RangeBody, mark: number): boolean {
  const k = val.kind;
  const numDecl = r.decl.length;
  const elemWanted = r.elemWanted;
  if (isIntKind(k) || isUintKind(k)) {
    if (numDecl > 1) s.errorf("can't use %v to iterate over more than one variable", val);
    const n = val.int();
    const t = val.type;
    // Range over an integer yields values of its own type; the index is unset, as for channels.
    // Counting in a number is cheaper than in a bigint while it is exact.
    if (n <= BigInt(Number.MAX_SAFE_INTEGER)) {
      const count = Number(n);
      for (let i = 0; i < count; i++) {
        if (oneIteration(s, r, mark, invalid, elemWanted ? new Value(t, BigInt(i)) : invalid) === BREAK) break;
      }
    } else {
      for (let i = 0n; i < n; i++) {
        if (oneIteration(s, r, mark, invalid, new Value(t, i)) === BREAK) break;
      }
    }
    return n > 0n;
  }
  switch (k) {
    case 'array':
    case 'slice': {
      const n = val.len();
      if (val.v instanceof LazyItems) {
        for (let i = 0; i < n; i++) {
          if (oneIteration(s, r, mark, indexValue(i, numDecl), elemWanted ? indexOf(val, i) : invalid) === BREAK) break;
        }
        return n > 0;
      }
      // indexOf for each element, with what it decides for the whole slice decided once.
      const items = val.items();
      const addressable = k === 'slice' || canAddr(val);
      for (let i = 0; i < n; i++) {
        const elem = !elemWanted ? invalid : addressable ? asAddressable(items[i]) : items[i];
        if (oneIteration(s, r, mark, indexValue(i, numDecl), elem) === BREAK) break;
      }
      return n > 0;
    }
    case 'map': {
      const m = val.map();
      if (m === null || m.size === 0) return false;
      for (const e of sortedEntries(m)) {
        if (oneIteration(s, r, mark, e.key, e.value) === BREAK) break;
      }
      return true;
    }
    case 'chan': {
      if (val.isNil()) return false;
      const items = val.items();
      for (let i = 0; i < items.length; i++) {
        if (oneIteration(s, r, mark, indexValue(i, numDecl), items[i]) === BREAK) break;
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
