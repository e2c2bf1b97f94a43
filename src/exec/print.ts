// printValue and printableValue from exec.go: how an action's value is written.

import type { Node } from '../parse/index.js';
import { sprint } from '../fmt/index.js';
import {
  type GoType,
  type Value,
  errorType,
  implementsIface,
  indirectInterface,
  isIntKind,
  isUintKind,
  jsonNumberType,
  ptrTo,
  stringType,
  stringerType,
} from '../value/index.js';
import { addr, canAddr, indirect } from './addressable.js';
import type { State } from './state.js';

export function printValue(s: State, n: Node, v: Value): void {
  s.at(n);
  // Fast paths for the commonest cases: fmt prints a plain string as itself, a
  // json.Number as its text (its String) and an integer or bool of a basic (method-less)
  // type as strconv would. Data of interface type (map[string]interface{} values) prints
  // as its dynamic value.
  const d = v.type.kind === 'interface' && v.v !== null ? (v.v as Value) : v;
  const t = d.type;
  if (t === stringType || t === jsonNumberType) {
    s.run.out.write(d.str());
    return;
  }
  if (t.name === t.kind && t.methods.size === 0 && (isIntKind(t.kind) || isUintKind(t.kind) || t.kind === 'bool')) {
    s.run.out.write(String(d.v));
    return;
  }
  const p = printableValue(v);
  if (p === null) s.errorf("can't print %s of type %s", n.toString(), v.type);
  // v.Interface(): fmt sees the dynamic value of an interface (nil prints <nil>).
  s.run.out.write(p.isValid() ? sprint([indirectInterface(p)]) : '<no value>');
}

/**
 * The value best handed to fmt.Print: pointers followed, and the address taken
 * when only *T has String or Error. Returns null for chans and funcs, which
 * cannot be printed; an invalid result prints "<no value>".
 */
export function printableValue(v: Value): Value | null {
  if (v.kind === 'ptr') v = indirect(v).v; // fmt prints a nil pointer itself
  if (!v.isValid()) return v;
  const m = methodsOf(v.type);
  if ((m & implementsT) === 0) {
    if ((m & implementsPtrT) !== 0 && canAddr(v)) {
      v = addr(v);
    } else if (v.kind === 'chan' || v.kind === 'func') {
      return null;
    }
  }
  return v;
}

/** Whether T implements error or fmt.Stringer; whether *T does. */
const implementsT = 1;
const implementsPtrT = 2;
// Types do not change once made: what they implement is worked out once per type.
const methodsByType = new WeakMap<GoType, number>();

function methodsOf(t: GoType): number {
  let m = methodsByType.get(t);
  if (m === undefined) {
    const pt = ptrTo(t);
    m =
      (implementsIface(t, errorType) || implementsIface(t, stringerType) ? implementsT : 0) |
      (implementsIface(pt, errorType) || implementsIface(pt, stringerType) ? implementsPtrT : 0);
    methodsByType.set(t, m);
  }
  return m;
}
