// loop (funcs.go): a receive channel of int64 from start (default 0) up to stop.

import { GoError, Value, indirectInterface, int64Type, int64Value, isIntKind, isUintKind, recvChanOf, sliceInterfaceType } from '../../value/index.js';
import { typeName } from './type-name.js';
import { parseIntArg } from './parse.js';
import { fn } from './sig.js';

const chanType = recvChanOf(int64Type);

function to64(arg: Value | number): bigint {
  if (typeof arg === 'number') return BigInt(arg);
  const v = indirectInterface(arg);
  if (isIntKind(v.kind)) return v.int();
  if (isUintKind(v.kind)) return BigInt.asIntN(64, v.int());
  if (v.kind === 'string') return parseIntArg(v.str());
  throw new GoError(`loop: bad argument type: ${typeName(arg)}`);
}

export const loopFunc: Value = fn(
  [sliceInterfaceType],
  chanType,
  (args) => {
    if (args.length !== 1 && args.length !== 2) {
      throw new GoError(`loop: wrong number of arguments, expected 1 or 2, but got ${args.length}`);
    }
    const start = to64(args.length === 1 ? 0 : args[0]);
    const stop = to64(args.length === 1 ? args[0] : args[1]);
    return new Value(chanType, lazyRange(start, stop));
  },
  true,
);

/**
 * The values the channel delivers, start..stop-1, made on demand: Go's goroutine
 * produces them one at a time, so `loop` with a huge bound costs nothing until ranged.
 */
function lazyRange(start: bigint, stop: bigint): Value[] {
  const length = stop > start ? Number(stop - start) : 0;
  return new Proxy<Value[]>([], {
    get(target, prop, receiver) {
      if (prop === 'length') return length;
      if (typeof prop === 'string' && /^(0|[1-9][0-9]*)$/.test(prop) && Number(prop) < length) return int64Value(start + BigInt(prop));
      if (prop === Symbol.iterator) {
        return function* iterate(): Generator<Value> {
          for (let i = start; i < stop; i++) yield int64Value(i);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}
