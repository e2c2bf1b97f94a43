// len builtin (funcs.go length).

import { GoError, GoPanic, goFunc, indirect, intValue } from '../value/index.js';
import { valueToIntError } from './signatures.js';
import { utf8Length } from '../go/unicode/utf8/index.js';

export const lenFunc = goFunc(valueToIntError, ([arg]) => {
  const { v: item, isNil } = indirect(arg);
  if (isNil) throw new GoError('len of nil pointer');
  switch (item.kind) {
    case 'array':
    case 'slice':
      return intValue(item.len());
    case 'map':
      return intValue(item.map()?.size ?? 0);
    case 'string':
      return intValue(utf8Length(item.str()));
    // A chan holds no buffered elements in vtpl's model (consul-template's loop
    // returns an unbuffered channel), so its len is 0 as Go reports it.
    case 'chan':
      return intValue(0);
    // item.Type() of the zero reflect.Value panics; safeCall reports the panic.
    case 'invalid':
      throw new GoPanic('reflect: call of reflect.Value.Type on zero Value');
    default:
      throw new GoError(`len of type ${item.type.str}`);
  }
});
