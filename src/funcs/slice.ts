// slice builtin (funcs.go slice): "slice x 1 2" is x[1:2], "slice x 1 2 3" is x[1:2:3].

import { GoError, GoPanic, Value, goFunc, indirectInterface, sliceOf } from '../value/index.js';
import { canAddr, indirect } from '../exec/index.js';
import { indexArg } from './args.js';
import { valueVariadicToValueError } from './signatures.js';
import { bytesToString, utf8Bytes, utf8Length } from '../go/unicode/utf8/index.js';

/** s[i:j] over the UTF-8 bytes of s. */
function sliceString(s: string, i: number, j: number): string {
  if (utf8Length(s) === s.length) return s.slice(i, j); // ASCII: bytes are UTF-16 units
  return bytesToString(utf8Bytes(s).subarray(i, j));
}

/** reflect.Value.Slice / Slice3 once the indexes are checked. */
function sliceItem(item: Value, i: number, j: number, threeIndex: boolean): Value {
  switch (item.kind) {
    case 'string':
      return new Value(item.type, sliceString(item.str(), i, j));
    case 'array':
      // reflect slices an array in place, so it must be addressable (reached through a pointer, say).
      if (!canAddr(item)) throw new GoPanic(`reflect.Value.Slice${threeIndex ? '3' : ''}: slice of unaddressable array`);
      return new Value(sliceOf(item.type.elem ?? item.type), item.items().slice(i, j));
    default:
      // Slicing a nil slice as s[0:0] gives a nil slice again.
      return item.v === null ? item : new Value(item.type, item.items().slice(i, j));
  }
}

// vtpl's slices carry no capacity beyond their length, so cap(x) == len(x) here, and a
// 3-index slice's capacity limit has nothing to record.
export const sliceFunc = goFunc(valueVariadicToValueError, ([first, ...indexes]) => {
  const outer = indirectInterface(first);
  if (!outer.isValid()) throw new GoError('slice of untyped nil');
  const { v: item, isNil } = indirect(outer);
  if (isNil) throw new GoError('slice of nil pointer');
  if (indexes.length > 3) throw new GoError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  switch (item.kind) {
    case 'string':
      if (indexes.length === 3) throw new GoError('cannot 3-index slice a string');
      len = utf8Length(item.str());
      break;
    case 'array':
    case 'slice':
      len = item.items().length;
      break;
    default:
      throw new GoError(`can't slice item of type ${item.type.str}`);
  }
  // Defaults for item[:] and item[i:].
  const idx = [0, len, 0];
  indexes.forEach((index, i) => {
    idx[i] = indexArg(index, len);
  });
  if (idx[0] > idx[1]) throw new GoError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new GoError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  return sliceItem(item, idx[0], idx[1], indexes.length === 3);
});
