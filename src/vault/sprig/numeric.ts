// sprig's numeric.go: int, int64, float64, max/min(f), floor, ceil, round, until(Step),
// seq, toDecimal, over spf13/cast conversions.

import {
  IntSeq,
  Value,
  intType,
  stringValue,
  sliceInterfaceType,
  intValue,
  sliceOf,
  float64Type,
  float64Value,
  int64Type,
  int64Value,
} from '../../value/index.js';
import { I, fnNoErr } from '../funcs/sig.js';
import { toInt64, toFloat64 } from './convert.js';
import { sprint } from '../../fmt/index.js';
import { goMax, goMin } from '../../go/math/index.js';

/** untilStep (numeric.go). */
function untilStep(start: number, stop: number, step: number): number[] {
  const v: number[] = [];
  if (stop < start) {
    if (step >= 0) return v;
    for (let i = start; i > stop; i += step) v.push(i);
    return v;
  }
  if (step <= 0) return v;
  for (let i = start; i < stop; i += step) v.push(i);
  return v;
}

function seq(params: number[]): string {
  let inc = 1;
  switch (params.length) {
    case 1: {
      const end = params[0];
      if (end < 1) inc = -1;
      return untilStep(1, end + inc, inc).join(' ');
    }
    case 2: {
      const [start, end] = params;
      const step = end < start ? -1 : 1;
      return untilStep(start, end + step, step).join(' ');
    }
    case 3: {
      const [start, step, end] = params;
      if (end < start) {
        inc = -1;
        if (step > 0) return '';
      }
      return untilStep(start, end + inc, step).join(' ');
    }
    default:
      return '';
  }
}

const SI = sliceInterfaceType;

export const sprigNumeric = {
  // Kept compact: `range (until N)` reads the elements one by one (see IntSeq).
  until: fnNoErr([intType], sliceOf(intType), ([n]) => {
    const count = Number(n.int());
    return new Value(sliceOf(intType), new IntSeq(intType, 0, count >= 0 ? 1 : -1, Math.abs(count)));
  }),
  max: fnNoErr([I, SI], int64Type, ([a, ...rest]) => int64Value(rest.reduce((m, b) => (toInt64(b) > m ? toInt64(b) : m), toInt64(a))), true),
  biggest: fnNoErr([I, SI], int64Type, ([a, ...rest]) => int64Value(rest.reduce((m, b) => (toInt64(b) > m ? toInt64(b) : m), toInt64(a))), true),
  min: fnNoErr([I, SI], int64Type, ([a, ...rest]) => int64Value(rest.reduce((m, b) => (toInt64(b) < m ? toInt64(b) : m), toInt64(a))), true),
  maxf: fnNoErr([I, SI], float64Type, ([a, ...rest]) => float64Value(rest.reduce((m, b) => goMax(m, toFloat64(b)), toFloat64(a))), true),
  minf: fnNoErr([I, SI], float64Type, ([a, ...rest]) => float64Value(rest.reduce((m, b) => goMin(m, toFloat64(b)), toFloat64(a))), true),
  floor: fnNoErr([I], float64Type, ([a]) => float64Value(Math.floor(toFloat64(a)))),
  ceil: fnNoErr([I], float64Type, ([a]) => float64Value(Math.ceil(toFloat64(a)))),
  round: fnNoErr(
    [I, intType, sliceOf(float64Type)],
    float64Type,
    ([a, p, ...opt]) => {
      const roundOn = opt.length > 0 ? opt[0].float() : 0.5;
      const pow = 10 ** Number(p.int());
      const digit = pow * toFloat64(a);
      const frac = digit - Math.trunc(digit);
      return float64Value((frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow);
    },
    true,
  ),
  untilStep: fnNoErr(
    [intType, intType, intType],
    sliceOf(intType),
    ([a, b, c]) =>
      new Value(
        sliceOf(intType),
        untilStep(Number(a.int()), Number(b.int()), Number(c.int())).map((i) => intValue(i)),
      ),
  ),
  seq: fnNoErr([sliceOf(intType)], stringValue('').type, (ps) => stringValue(seq(ps.map((p) => Number(p.int())))), true),
  toDecimal: fnNoErr([I], int64Type, ([v]) => {
    const s = sprint([v]);
    if (!/^[+-]?[0-7]+$/.test(s)) return int64Value(0);
    const n = (s.startsWith('-') ? -1n : 1n) * BigInt(`0o${s.replace(/^[+-]/, '')}`);
    return int64Value(n >= -(1n << 63n) && n < 1n << 63n ? n : 0n);
  }),
  int: fnNoErr([I], intType, ([v]) => intValue(toInt64(v))),
  int64: fnNoErr([I], int64Type, ([v]) => int64Value(toInt64(v))),
  float64: fnNoErr([I], float64Type, ([v]) => float64Value(toFloat64(v))),
} satisfies Record<string, Value>;
