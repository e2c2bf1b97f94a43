// index builtin (funcs.go index): "index x 1 2 3" is x[1][2][3].

import { GoError, GoPanic, Value, goFunc, indirectInterface, uint8Type, zeroOf } from '../value/index.js';
import { indexOf, indirect } from '../exec/index.js';
import { indexArg, prepareArg } from './args.js';
import { valueVariadicToValueError } from './signatures.js';
import { utf8Bytes } from '../go/unicode/utf8/index.js';

/**
 * One step of indexing. indexArg admits x == len (it is shared with slice), so that
 * case reaches reflect's Index, which panics; safeCall reports the panic text.
 */
function indexOnce(item: Value, index: Value): Value {
  switch (item.kind) {
    case 'array':
    case 'slice': {
      const len = item.len();
      const x = indexArg(index, len);
      if (x === len) throw new GoPanic(`reflect: ${item.kind} index out of range`);
      return indexOf(item, x);
    }
    case 'string': {
      const bytes = utf8Bytes(item.str());
      const x = indexArg(index, bytes.length);
      if (x === bytes.length) throw new GoPanic('reflect: string index out of range');
      return new Value(uint8Type, BigInt(bytes[x]));
    }
    case 'map': {
      const t = item.type;
      if (!t.key || !t.elem) throw new Error(`map type ${t.str} lacks key/elem`);
      const found = item.map()?.get(prepareArg(index, t.key));
      return found ?? zeroOf(t.elem);
    }
    default:
      throw new GoError(`can't index item of type ${item.type.str}`);
  }
}

export const indexFunc = goFunc(valueVariadicToValueError, ([first, ...indexes]) => {
  let item = indirectInterface(first);
  if (!item.isValid()) throw new GoError('index of untyped nil');
  for (const index of indexes) {
    const ind = indirect(item);
    if (ind.isNil) throw new GoError('index of nil pointer');
    item = indexOnce(ind.v, indirectInterface(index));
  }
  return item;
});
