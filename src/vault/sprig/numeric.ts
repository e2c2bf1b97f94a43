// sprig numeric functions (functions.go, numeric.go) over spf13/cast conversions.

import { GoPanic, type Value, float64Type, float64Value, int64Type, int64Value, intType, intValue, sliceInterfaceType, boolType, boolValue } from '../../value/index.js';
import { I, S, fnNoErr } from '../funcs/sig.js';
import { compile } from '../funcs/regex.js';
import { toFloat64, toInt64 } from './convert.js';

const wrap64 = (n: bigint): Value => int64Value(BigInt.asIntN(64, n));

function divisor(b: bigint): bigint {
  if (b === 0n) throw new GoPanic('runtime error: integer divide by zero');
  return b;
}

export const sprigNumericFuncs = {
  add: fnNoErr([sliceInterfaceType], int64Type, (vs) => wrap64(vs.reduce((a, v) => a + toInt64(v), 0n)), true),
  add1: fnNoErr([I], int64Type, ([v]) => wrap64(toInt64(v) + 1n)),
  sub: fnNoErr([I, I], int64Type, ([a, b]) => wrap64(toInt64(a) - toInt64(b))),
  mul: fnNoErr([I, sliceInterfaceType], int64Type, ([a, ...vs]) => wrap64(vs.reduce((x, v) => BigInt.asIntN(64, x * toInt64(v)), toInt64(a))), true),
  div: fnNoErr([I, I], int64Type, ([a, b]) => wrap64(toInt64(a) / divisor(toInt64(b)))),
  mod: fnNoErr([I, I], int64Type, ([a, b]) => wrap64(toInt64(a) % divisor(toInt64(b)))),
  int: fnNoErr([I], intType, ([v]) => intValue(toInt64(v))),
  int64: fnNoErr([I], int64Type, ([v]) => int64Value(toInt64(v))),
  float64: fnNoErr([I], float64Type, ([v]) => float64Value(toFloat64(v))),
  atoi: fnNoErr([S], intType, ([s]) => intValue(/^[+-]?[0-9]+$/.test(s.str()) && BigInt(s.str()) >= -(1n << 63n) && BigInt(s.str()) < 1n << 63n ? BigInt(s.str()) : 0n)),
  regexMatch: fnNoErr([S, S], boolType, ([re, s]) => {
    try {
      return boolValue(compile(re.str()).matcher(s.str()).find());
    } catch {
      return boolValue(false);
    }
  }),
} satisfies Record<string, Value>;
