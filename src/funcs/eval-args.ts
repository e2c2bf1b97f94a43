// evalArgs (funcs.go): the text of the arguments of html, js and urlquery.

import { Value, indirectInterface, stringType } from '../value/index.js';
import { sprint } from '../fmt/index.js';
import { printableValue } from '../exec/index.js';

/**
 * A single string is used as is; otherwise fmt.Sprint of the arguments, each made
 * printable as the template's own output would be. The arguments arrive as `any`
 * (interface) values.
 */
export function evalArgs(args: readonly Value[]): string {
  if (args.length === 1) {
    const only = indirectInterface(args[0]);
    if (only.type === stringType) return only.str();
  }
  return sprint(
    args.map((arg) => {
      const dynamic = indirectInterface(arg);
      // reflect.ValueOf(arg) of an `any` is never addressable: printableValue sees a fresh copy.
      const p = printableValue(new Value(dynamic.type, dynamic.v));
      if (p === null) return dynamic; // chan, func: fmt does its thing
      return p.isValid() ? indirectInterface(p) : new Value(stringType, '<no value>');
    }),
  );
}
