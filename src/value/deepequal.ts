// reflect.DeepEqual over Values (sprig's uniq, without, has, deepEqual).

import { type Value, indirectInterface } from './index.js';

export function deepEqual(a0: Value, b0: Value): boolean {
  const a = a0.kind === 'interface' ? indirectInterface(a0) : a0;
  const b = b0.kind === 'interface' ? indirectInterface(b0) : b0;
  if (!a.isValid() || !b.isValid()) return a.isValid() === b.isValid();
  if (a.type !== b.type) return false;
  switch (a.kind) {
    case 'map': {
      const am = a.map();
      const bm = b.map();
      if (am === null || bm === null) return am === bm;
      if (am.size !== bm.size) return false;
      for (const { key, value } of am.entries.values()) {
        const other = bm.get(key);
        if (other === undefined || !deepEqual(value, other)) return false;
      }
      return true;
    }
    case 'slice':
      if (a.isNil() !== b.isNil()) return false;
      return a.items().length === b.items().length && a.items().every((x, i) => deepEqual(x, b.items()[i]));
    case 'array':
    case 'struct':
      return a.items().every((x, i) => deepEqual(x, b.items()[i]));
    case 'ptr':
      if (a.isNil() || b.isNil()) return a.isNil() === b.isNil();
      return a.v === b.v || deepEqual(a.elem(), b.elem());
    case 'func':
    case 'chan':
      return a.isNil() && b.isNil();
    case 'complex64':
    case 'complex128':
      return a.complex().re === b.complex().re && a.complex().im === b.complex().im;
    default:
      return a.v === b.v;
  }
}
