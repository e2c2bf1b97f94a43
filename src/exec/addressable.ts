// reflect's addressability, which decides whether methods with pointer receivers
// (String on *V, say) are reachable from a value. A value is addressable when it
// was reached through a pointer, as a slice element, or as a field or element of
// an addressable struct or array. Values are shared immutable objects, so an
// addressable one is a fresh copy of this subclass rather than a flag on the original.

import { IntSeq, LazyItems, Value, ptrTo } from '../value/index.js';

class AddressableValue extends Value {}

/**
 * v as an addressable value (reflect's CanAddr() is then true). A non-nil interface is
 * returned as it is: everything that could see its addressability (a method set, an
 * argument conversion) looks at the value inside it, which is not addressable, so no
 * copy is made for each element of a []interface{} that range visits.
 */
export function asAddressable(v: Value): Value {
  if (!v.isValid() || v instanceof AddressableValue || (v.kind === 'interface' && v.v !== null)) return v;
  return new AddressableValue(v.type, v.v);
}

export function canAddr(v: Value): boolean {
  return v instanceof AddressableValue;
}

/** reflect.Value.Addr: a pointer to an addressable value. */
export function addr(v: Value): Value {
  return new Value(ptrTo(v.type), v);
}

/** reflect.Value.Elem of a pointer: the pointee, addressable (invalid for nil). */
export function deref(p: Value): Value {
  const e = p.elem();
  return e.isValid() ? asAddressable(e) : e;
}

/** reflect.Value.Index of a slice or array element (slice elements are always addressable). */
export function indexOf(v: Value, i: number): Value {
  const seq = v.v;
  // Only slices are LazyItems: element i is built alone, not the whole slice.
  if (seq instanceof IntSeq) return new AddressableValue(seq.elem, seq.at(i));
  if (seq instanceof LazyItems) return asAddressable(seq.item(i));
  const e = v.items()[i];
  return v.kind === 'slice' || canAddr(v) ? asAddressable(e) : e;
}

/** A struct field, addressable when its struct is. */
export function fieldOf(v: Value, i: number): Value {
  const f = v.items()[i];
  return canAddr(v) ? asAddressable(f) : f;
}

/** indirect from exec.go, keeping addressability: the pointee of each pointer is addressable. */
export function indirect(v: Value): { v: Value; isNil: boolean } {
  let cur = v;
  while (cur.kind === 'ptr' || cur.kind === 'interface') {
    if (cur.v === null) return { v: cur, isNil: true };
    cur = cur.kind === 'ptr' ? deref(cur) : cur.elem();
  }
  return { v: cur, isNil: false };
}
