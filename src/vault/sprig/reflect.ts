// sprig's reflect.go: typeOf, typeIs, typeIsLike, kindOf, kindIs.

import { type Value, boolType, boolValue, stringValue, indirectInterface, stringType } from '../../value/index.js';
import { I, S, fnNoErr } from '../funcs/sig.js';
import { sprintf } from '../../fmt/index.js';

const typeOf = (v: Value): string => sprintf('%T', [indirectInterface(v)]);
const kindOf = (v: Value): string => {
  const d = indirectInterface(v);
  return d.isValid() ? d.kind : 'invalid';
};

export const sprigReflect = {
  typeOf: fnNoErr([I], stringType, ([v]) => stringValue(typeOf(v))),
  typeIs: fnNoErr([S, I], boolType, ([t, v]) => boolValue(t.str() === typeOf(v))),
  typeIsLike: fnNoErr([S, I], boolType, ([t, v]) => boolValue(t.str() === typeOf(v) || `*${t.str()}` === typeOf(v))),
  kindOf: fnNoErr([I], stringType, ([v]) => stringValue(kindOf(v))),
  kindIs: fnNoErr([S, I], boolType, ([k, v]) => boolValue(k.str() === kindOf(v))),
} satisfies Record<string, Value>;
