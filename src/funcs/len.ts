// len builtin (funcs.go length).

import { GoError, GoPanic, type Value, goFunc, indirect, intValue } from '../value/index.js';
import { setSpecializer } from '../exec/index.js';
import { valueToIntError } from './signatures.js';
import { utf8Length } from '../go/unicode/utf8/index.js';

// Go's len of a string is its stored byte count; ours counts UTF-8 bytes, which takes a
// pass over the string. A call site measuring one long string again and again (in a
// loop) keeps its last count; a string literal's count is computed once.
const rememberFrom = 1024;

function length(arg: Value, stringLength: (s: string) => number): Value {
  const { v: item, isNil } = indirect(arg);
  if (isNil) throw new GoError('len of nil pointer');
  switch (item.kind) {
    case 'array':
    case 'slice':
      return intValue(item.len());
    case 'map':
      return intValue(item.map()?.size ?? 0);
    case 'string':
      return intValue(stringLength(item.str()));
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
}

export const lenFunc = goFunc(valueToIntError, ([arg]) => length(arg, utf8Length));

setSpecializer(lenFunc, ([text]) => {
  if (text !== undefined) {
    const n = intValue(utf8Length(text));
    return () => n;
  }
  let lastString = '';
  let lastLength = 0;
  const remembered = (s: string): number => {
    if (s.length < rememberFrom) return utf8Length(s);
    if (s !== lastString) {
      lastLength = utf8Length(s);
      lastString = s;
    }
    return lastLength;
  };
  return ([arg]) => length(arg, remembered);
});
