// evalField and evalFieldChain from exec.go: `.Field`, `.Method args`, `.key`
// of a map, with Go's method lookup, nil handling and missingkey behaviour.

import type { Node } from '../parse/index.js';
import { type GoType, type Method, type Value, GoPanic, assignableTo, box, invalid, ptrTo, stringType, stringValue, zeroOf } from '../value/index.js';
import { addr, canAddr, fieldOf, indirect } from './addressable.js';
import { type CArgs, type Callable, evalCall } from './call.js';
import { isMissing, missingVal } from './missing.js';
import type { State } from './state.js';

/** A field name of a chain, with the map key it looks up in a map with string keys, made once. */
export class FieldName {
  readonly key: Value;
  /**
   * The map type this name was last looked up in, when that type has string keys and
   * neither it nor its pointer type has methods: for such a map a field is nothing but
   * a key lookup, the same for each value of the type (a range over a list of JSON
   * objects meets one type again and again).
   */
  plainMap: GoType | null = null;

  constructor(readonly name: string) {
    this.key = stringValue(name);
  }
}

/** The names of a field chain (.X.Y.Z) ready for evalFieldChain. */
export function fieldNames(ident: readonly string[]): FieldName[] {
  return ident.map((name) => new FieldName(name));
}

/** evalFieldChain: walks .X.Y.Z from receiver; only the last element gets the arguments. */
export function evalFieldChain(s: State, dot: Value, receiver: Value, node: Node, fields: readonly FieldName[], args: CArgs | null, final: Value): Value {
  const n = fields.length;
  for (let i = 0; i < n - 1; i++) receiver = evalField(s, dot, fields[i], node, null, missingVal, receiver);
  return evalField(s, dot, fields[n - 1], node, args, final, receiver);
}

export function evalField(s: State, dot: Value, field: FieldName, node: Node, args: CArgs | null, final: Value, receiver: Value): Value {
  const fieldName = field.name;
  if (!receiver.isValid()) {
    if (s.tmpl.missingKey === 'error') s.errorf('nil data; no entry for key %q', fieldName);
    return invalid;
  }
  const typ = receiver.type;
  // The map may be inside an interface (an element of a []interface{}); what is inside one is not addressable.
  const inner = typ.kind === 'interface' && receiver.v !== null ? (receiver.v as Value) : receiver;
  if (inner.type === field.plainMap && (args === null || args.rest.length === 0) && isMissing(final)) {
    const result = inner.map()?.getString(fieldName);
    if (result !== undefined) return result;
    // A missing key is missingkey's business: the full path below.
  }
  let isNil = false;
  if (receiver.kind === 'ptr' || receiver.kind === 'interface') {
    const ind = indirect(receiver);
    receiver = ind.v;
    isNil = ind.isNil;
  }
  if (receiver.kind === 'interface' && isNil) {
    // Calling a method on a nil interface can't work.
    s.errorf('nil pointer evaluating %s.%s', typ, fieldName);
  }

  // Unless it's an interface, get to a *T so the methods of both T and *T are visible
  // (the pointer is only made when there is such a method).
  let method: Method | undefined;
  let ptr = receiver;
  if (receiver.kind !== 'interface' && receiver.kind !== 'ptr' && canAddr(receiver)) {
    method = ptrTo(receiver.type).methods.get(fieldName);
    if (method !== undefined) ptr = addr(receiver);
  } else {
    method = receiver.type.methods.get(fieldName);
  }
  if (method !== undefined) {
    return evalCall(s, dot, boundMethod(ptr, method), node, fieldName, args, final);
  }
  const hasArgs = (args !== null && args.rest.length > 0) || !isMissing(final);
  // It's not a method; it must be a field of a struct or an element of a map.
  switch (receiver.kind) {
    case 'struct': {
      const fields = receiver.type.fields ?? [];
      const idx = fields.findIndex((f) => f.name === fieldName);
      if (idx >= 0) {
        if (!fields[idx].exported) s.errorf('%s is an unexported field of struct type %s', fieldName, typ);
        if (hasArgs) s.errorf('%s has arguments but cannot be invoked as function', fieldName);
        return fieldOf(receiver, idx);
      }
      break;
    }
    case 'map': {
      const keyType = receiver.type.key;
      if (keyType !== undefined && assignableTo(stringType, keyType)) {
        if (hasArgs) s.errorf('%s is not a method but has arguments', fieldName);
        if (keyType === stringType && receiver === inner && ptrTo(receiver.type).methods.size === 0) field.plainMap = receiver.type;
        const key = keyType.kind === 'interface' ? box(field.key, keyType) : field.key;
        const result = receiver.map()?.get(key);
        if (result !== undefined) return result;
        switch (s.tmpl.missingKey) {
          case 'invalid':
            return invalid;
          case 'zero':
            return receiver.type.elem ? zeroOf(receiver.type.elem) : invalid;
          case 'error':
            return s.errorf('map has no entry for key %q', fieldName);
        }
      }
      break;
    }
    case 'ptr': {
      const etyp = receiver.type.elem;
      // With no such field, say "can't evaluate" rather than "nil pointer evaluating".
      if (etyp?.kind === 'struct' && !(etyp.fields ?? []).some((f) => f.name === fieldName)) break;
      if (isNil) s.errorf('nil pointer evaluating %s.%s', typ, fieldName);
      break;
    }
    default:
      break;
  }
  return s.errorf("can't evaluate field %s in type %s", fieldName, typ);
}

/**
 * A method value with its receiver bound. Through a pointer, a method declared on
 * the element type (a value receiver) gets the pointee, and a nil pointer makes it
 * panic as Go's generated wrapper does; a pointer-receiver method gets the pointer.
 */
function boundMethod(recv: Value, m: Method): Callable {
  const elem = recv.type.elem;
  if (recv.kind === 'ptr' && elem !== undefined && elem.methods.get(m.name) === m) {
    return {
      sig: m.sig,
      call: (args) => {
        if (recv.isNil()) throw new GoPanic(`value method ${elem.str}.${m.name} called using nil *${elem.name} pointer`);
        return m.call(recv.elem(), args);
      },
    };
  }
  return { sig: m.sig, call: (args) => m.call(recv, args) };
}
