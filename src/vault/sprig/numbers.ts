// More sprig numeric functions: max/min(f), float arithmetic through shopspring/decimal,
// floor/ceil/round, seq/untilStep, toDecimal (numeric.go, functions.go).

import { sprint } from '../../fmt/index.js';
import { float64Type, float64Value, int64Type, int64Value, intType, intValue, sliceInterfaceType, sliceOf, stringValue, Value } from '../../value/index.js';
import { I, fnNoErr } from '../funcs/sig.js';
import { toFloat64, toInt64 } from './convert.js';

/** An exact decimal: mant × 10^exp. */
interface Dec { mant: bigint; exp: number }

/** decimal.NewFromFloat: the shortest decimal that reads back as f. */
function fromFloat(f: number): Dec {
  if (!Number.isFinite(f)) return { mant: 0n, exp: 0 };
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(f));
  if (!m) return { mant: 0n, exp: 0 };
  const frac = m[3] ?? '';
  return { mant: BigInt(`${m[1]}${m[2]}${frac}`), exp: Number(m[4] ?? 0) - frac.length };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.mant * 10n ** BigInt(a.exp - exp), b.mant * 10n ** BigInt(b.exp - exp), exp];
}

function toFloat(d: Dec): number {
  return Number(`${d.mant}e${d.exp}`);
}

const decOps = {
  add: (a: Dec, b: Dec): Dec => { const [x, y, e] = align(a, b); return { mant: x + y, exp: e }; },
  sub: (a: Dec, b: Dec): Dec => { const [x, y, e] = align(a, b); return { mant: x - y, exp: e }; },
  mul: (a: Dec, b: Dec): Dec => ({ mant: a.mant * b.mant, exp: a.exp + b.exp }),
  /** Div: DivisionPrecision (16) digits after the point, rounded half away from zero. */
  div: (a: Dec, b: Dec): Dec => {
    if (b.mant === 0n) throw new Error('decimal division by 0');
    const scale = 16;
    // a/b × 10^scale as an integer quotient of aligned mantissas.
    const num = a.mant * 10n ** BigInt(scale + 1 + Math.max(0, b.exp - a.exp));
    const den = b.mant * 10n ** BigInt(Math.max(0, a.exp - b.exp));
    let q = num / den;
    q = q >= 0n ? (q + 5n) / 10n : (q - 5n) / 10n;
    return { mant: q, exp: -scale };
  },
};

function decimalOp(op: (a: Dec, b: Dec) => Dec) {
  return (args: readonly Value[]): Value => {
    let acc = fromFloat(toFloat64(args[0]));
    for (const x of args.slice(1)) acc = op(acc, fromFloat(toFloat64(x)));
    return float64Value(toFloat(acc));
  };
}

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

export const sprigNumberFuncs = {
  max: fnNoErr([I, SI], int64Type, ([a, ...rest]) => int64Value(rest.reduce((m, b) => (toInt64(b) > m ? toInt64(b) : m), toInt64(a))), true),
  biggest: fnNoErr([I, SI], int64Type, ([a, ...rest]) => int64Value(rest.reduce((m, b) => (toInt64(b) > m ? toInt64(b) : m), toInt64(a))), true),
  min: fnNoErr([I, SI], int64Type, ([a, ...rest]) => int64Value(rest.reduce((m, b) => (toInt64(b) < m ? toInt64(b) : m), toInt64(a))), true),
  maxf: fnNoErr([I, SI], float64Type, ([a, ...rest]) => float64Value(rest.reduce((m, b) => goMax(m, toFloat64(b)), toFloat64(a))), true),
  minf: fnNoErr([I, SI], float64Type, ([a, ...rest]) => float64Value(rest.reduce((m, b) => goMin(m, toFloat64(b)), toFloat64(a))), true),
  addf: fnNoErr([SI], float64Type, (args) => (args.length === 0 ? float64Value(0) : decimalOp(decOps.add)(args)), true),
  add1f: fnNoErr([I], float64Type, ([a]) => decimalOp(decOps.add)([a, float64Value(1)])),
  subf: fnNoErr([I, SI], float64Type, decimalOp(decOps.sub), true),
  mulf: fnNoErr([I, SI], float64Type, decimalOp(decOps.mul), true),
  divf: fnNoErr([I, SI], float64Type, decimalOp(decOps.div), true),
  floor: fnNoErr([I], float64Type, ([a]) => float64Value(Math.floor(toFloat64(a)))),
  ceil: fnNoErr([I], float64Type, ([a]) => float64Value(Math.ceil(toFloat64(a)))),
  round: fnNoErr([I, intType, sliceOf(float64Type)], float64Type, ([a, p, ...opt]) => {
    const roundOn = opt.length > 0 ? opt[0].float() : 0.5;
    const pow = 10 ** Number(p.int());
    const digit = pow * toFloat64(a);
    const frac = digit - Math.trunc(digit);
    return float64Value((frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow);
  }, true),
  untilStep: fnNoErr([intType, intType, intType], sliceOf(intType), ([a, b, c]) =>
    new Value(sliceOf(intType), untilStep(Number(a.int()), Number(b.int()), Number(c.int())).map((i) => intValue(i)))),
  seq: fnNoErr([sliceOf(intType)], stringValue('').type, (ps) => stringValue(seq(ps.map((p) => Number(p.int())))), true),
  toDecimal: fnNoErr([I], int64Type, ([v]) => {
    const s = sprint([v]);
    if (!/^[+-]?[0-7]+$/.test(s)) return int64Value(0);
    const n = (s.startsWith('-') ? -1n : 1n) * BigInt(`0o${s.replace(/^[+-]/, '')}`);
    return int64Value(n >= -(1n << 63n) && n < 1n << 63n ? n : 0n);
  }),
} satisfies Record<string, Value>;

/** math.Max / math.Min (NaN wins; -0 < +0). */
function goMax(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? b : a;
  return a > b ? a : b;
}

function goMin(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? a : b;
  return a < b ? a : b;
}

