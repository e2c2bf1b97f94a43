// Go's == on two values held in interfaces (arg1.Interface() == arg.Interface() in eq).

import { type GoType, GoPanic, type Value } from '../value/index.js';

/** reflect.Type.Comparable. */
export function comparable(t: GoType): boolean {
  switch (t.kind) {
    case 'slice':
    case 'map':
    case 'func':
      return false;
    case 'array':
      return t.elem ? comparable(t.elem) : true;
    case 'struct':
      return (t.fields ?? []).every((f) => comparable(f.type));
    default:
      return true;
  }
}

function equalSameType(a: Value, b: Value): boolean {
  switch (a.kind) {
    case 'interface': {
      const da = a.elem();
      const db = b.elem();
      if (!da.isValid() || !db.isValid()) return da.isValid() === db.isValid();
      if (da.type !== db.type) return false;
      // The runtime panics when the dynamic type behind two interfaces has no ==.
      if (!comparable(da.type)) throw new GoPanic(`runtime error: comparing uncomparable type ${da.type.str}`);
      return equalSameType(da, db);
    }
    case 'array':
    case 'struct': {
      const xs = a.items();
      const ys = b.items();
      return xs.every((x, i) => equalSameType(x, ys[i]));
    }
    case 'complex64':
    case 'complex128':
      return a.complex().re === b.complex().re && a.complex().im === b.complex().im;
    default:
      // Basic kinds compare their primitives; pointers and channels compare identity.
      return a.v === b.v;
  }
}

/** Interface equality: identical dynamic types and equal values. */
export function interfaceEqual(a: Value, b: Value): boolean {
  return a.type === b.type && equalSameType(a, b);
}
