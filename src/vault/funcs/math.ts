// add, subtract, multiply, divide, modulo, minimum, maximum (funcs.go): func(b, a interface{})
// computing `a OP b`, dispatched on the reflect.Kind of a, then of b.

import { sprintf } from '../../fmt/index.js';
import {
  GoError,
  GoPanic,
  type Value,
  box,
  float64Value,
  indirectInterface,
  int64Value,
  interfaceType,
  isFloatKind,
  isIntKind,
  isUintKind,
  uint64Value,
} from '../../value/index.js';
import { I, fn } from './sig.js';

type Num = { kind: 'int' | 'uint'; n: bigint } | { kind: 'float'; f: number };

function num(v: Value): Num | undefined {
  if (isIntKind(v.kind)) return { kind: 'int', n: v.int() };
  if (isUintKind(v.kind)) return { kind: 'uint', n: v.int() };
  if (isFloatKind(v.kind)) return { kind: 'float', f: v.float() };
  return undefined;
}

function unknownType(name: string, v: Value): GoError {
  if (!v.isValid()) return new GoError(`${name}: unknown type for <invalid reflect.Value> (<nil>)`);
  return new GoError(sprintf(`${name}: unknown type for %q (%T)`, [v, v]));
}

const toFloat = (x: Num): number => (x.kind === 'float' ? x.f : Number(x.n));
const i64 = (n: bigint): Value => int64Value(BigInt.asIntN(64, n));
const u64 = (n: bigint): Value => uint64Value(BigInt.asUintN(64, n));

interface Ops {
  int(a: bigint, b: bigint): bigint;
  float(a: number, b: number): number;
}

function divisor(b: bigint): bigint {
  if (b === 0n) throw new GoPanic('runtime error: integer divide by zero');
  return b;
}

/** The arithmetic functions: int op int -> int64, uint op uint -> uint64, int/uint mixes -> int64, floats -> float64. */
function arith(name: string, ops: Ops, floats = true): Value {
  return fn([I, I], interfaceType, ([bi, ai]) => {
    const av = indirectInterface(ai);
    const bv = indirectInterface(bi);
    const a = num(av);
    if (!a || (!floats && a.kind === 'float')) throw unknownType(name, av);
    const b = num(bv);
    if (!b || (!floats && b.kind === 'float')) throw unknownType(name, bv);
    if (a.kind === 'float' || b.kind === 'float') return box(float64Value(ops.float(toFloat(a), toFloat(b))));
    if (a.kind === 'uint' && b.kind === 'uint') return box(u64(ops.int(a.n, b.n)));
    return box(i64(ops.int(BigInt.asIntN(64, a.n), BigInt.asIntN(64, b.n))));
  });
}

/** minimum/maximum: returns the chosen operand as int64, uint64 or float64 (its own kind). */
function pick(name: string, aWins: (a: number | bigint, b: number | bigint) => boolean): Value {
  const as = (x: Num): Value => (x.kind === 'float' ? float64Value(x.f) : x.kind === 'uint' ? u64(x.n) : i64(x.n));
  return fn([I, I], interfaceType, ([bi, ai]) => {
    const av = indirectInterface(ai);
    const bv = indirectInterface(bi);
    const a = num(av);
    if (!a) throw unknownType(name, av);
    const b = num(bv);
    if (!b) throw unknownType(name, bv);
    let wins: boolean;
    if (a.kind === 'float' || b.kind === 'float') wins = aWins(toFloat(a), toFloat(b));
    else if (a.kind === 'uint' && b.kind === 'uint') wins = aWins(a.n, b.n);
    else wins = aWins(BigInt.asIntN(64, a.n), BigInt.asIntN(64, b.n));
    return box(wins ? as(a) : as(b));
  });
}

export const mathFuncs = {
  add: arith('add', { int: (a, b) => a + b, float: (a, b) => a + b }),
  subtract: arith('subtract', { int: (a, b) => a - b, float: (a, b) => a - b }),
  multiply: arith('multiply', { int: (a, b) => a * b, float: (a, b) => a * b }),
  divide: arith('divide', { int: (a, b) => a / divisor(b), float: (a, b) => a / b }),
  modulo: arith('modulo', { int: (a, b) => a % divisor(b), float: () => 0 }, false),
  minimum: pick('minimum', (a, b) => a < b),
  maximum: pick('maximum', (a, b) => a > b),
} satisfies Record<string, Value>;
