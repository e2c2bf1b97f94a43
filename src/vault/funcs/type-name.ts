// fmt's %T of an interface{} argument: the dynamic type's name, or <nil>.

import { type Value, indirectInterface } from '../../value/index.js';

export function typeName(v: Value): string {
  const d = indirectInterface(v);
  return d.isValid() ? d.type.str : '<nil>';
}
