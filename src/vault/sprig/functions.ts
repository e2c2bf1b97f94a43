// sprig's functions.go: the functions genericMap defines inline or takes from Go's
// strings, path and filepath packages, goutils and xstrings, and the int and float arithmetic.

import {
  GoError,
  Value,
  boolType,
  boolValue,
  intType,
  sliceStringType,
  stringValue,
  stringType,
  sliceInterfaceType,
  Value as V,
  box,
  intValue,
  deepEqual,
  float64Type,
  float64Value,
  int64Type,
  int64Value,
  GoPanic,
} from '../../value/index.js';
import { clean, base, dir, ext } from '../../go/path/index.js';
import { I, S, fn, fnNoErr, SS } from '../funcs/sig.js';
import { toInt64, toFloat64, bytesOf, str1, str2, pred2 } from './convert.js';
import { camelCaseToLowerCase, toCamelCase } from '../xstrings/convert.js';
import { isSpaceCode, wrapCustom, swapCase } from '../goutils/goutils.js';
import { type Dec, fromFloat, toFloat, decOps } from '../decimal/decimal.js';
import * as gs from '../../go/strings/index.js';
import { withRuneErrors } from '../../go/unicode/utf8/index.js';

function decimalOp(op: (a: Dec, b: Dec) => Dec) {
  return (args: readonly Value[]): Value => {
    let acc = fromFloat(toFloat64(args[0]));
    for (const x of args.slice(1)) acc = op(acc, fromFloat(toFloat64(x)));
    return float64Value(toFloat(acc));
  };
}

/** strings.Title: upper-cases letters that follow a separator (deprecated Go API, kept by sprig). */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  // strings.Map: an invalid byte (an escape) is U+FFFD.
  for (const r of withRuneErrors(s)) {
    const isSep = (c: string): boolean => {
      const cp = c.codePointAt(0) ?? 0;
      if (cp <= 0x7f) return !/[0-9A-Za-z_]/.test(c);
      if (/[\p{L}\p{Nd}]/u.test(c)) return false;
      return /\s/u.test(c);
    };
    out += isSep(prev) ? gs.toUpper(r) : r;
    prev = r;
  }
  return out;
}

const wrap64 = (n: bigint): Value => int64Value(BigInt.asIntN(64, n));

function divisor(b: bigint): bigint {
  if (b === 0n) throw new GoPanic('runtime error: integer divide by zero');
  return b;
}

const SI = sliceInterfaceType;
const slice = (items: Value[] | null): Value => new Value(SI, items);

export const sprigFunctions = {
  // goutils DeleteWhiteSpace writes each kept byte as a rune (so non-ASCII text is
  // re-encoded byte by byte) unless nothing was removed.
  nospace: str1((s) => {
    const b = bytesOf(s);
    const kept = b.filter((c) => !isSpaceCode(c));
    return kept.length === b.length ? s : Array.from(kept, (c) => String.fromCodePoint(c)).join('');
  }),
  swapcase: str1(swapCase),
  camelcase: str1((s) => toCamelCase(s, true)),
  snakecase: str1((s) => camelCaseToLowerCase(s, '_')),
  kebabcase: str1((s) => camelCaseToLowerCase(s, '-')),
  wrap: fnNoErr([intType, S], S, ([l, s]) => stringValue(wrapCustom(s.str(), Number(l.int()), '', false))),
  wrapWith: fnNoErr([intType, S, S], S, ([l, sep, s]) => stringValue(wrapCustom(s.str(), Number(l.int()), sep.str(), true))),
  base: str1(base),
  dir: str1(dir),
  clean: str1(clean),
  ext: str1(ext),
  isAbs: fnNoErr([S], boolType, ([s]) => boolValue(s.str().startsWith('/'))),
  osBase: str1(base),
  osDir: str1(dir),
  osClean: str1(clean),
  osExt: str1(ext),
  osIsAbs: fnNoErr([S], boolType, ([s]) => boolValue(s.str().startsWith('/'))),
  hello: fnNoErr([], stringType, () => stringValue('Hello!')),
  fail: fn([S], stringType, ([msg]) => {
    throw new GoError(msg.str());
  }),
  trim: str1(gs.trimSpace),
  trimAll: str2((a, b) => gs.trim(b, a)),
  trimall: str2((a, b) => gs.trim(b, a)),
  trimSuffix: str2((a, b) => gs.trimSuffix(b, a)),
  trimPrefix: str2((a, b) => gs.trimPrefix(b, a)),
  upper: str1(gs.toUpper),
  lower: str1(gs.toLower),
  title: str1(title),
  repeat: fnNoErr([intType, S], S, ([n, s]) => stringValue(gs.repeat(s.str(), Math.max(0, Number(n.int()))))),
  contains: pred2((sub, s) => s.includes(sub)),
  hasPrefix: pred2((p, s) => s.startsWith(p)),
  hasSuffix: pred2((p, s) => s.endsWith(p)),
  splitList: fnNoErr(
    [S, S],
    SS,
    ([sep, orig]) =>
      new V(
        sliceStringType,
        gs.split(orig.str(), sep.str()).map((p) => stringValue(p)),
      ),
  ),
  tuple: fnNoErr([SI], SI, (vs) => slice(vs.map((v) => box(v))), true),
  addf: fnNoErr([SI], float64Type, (args) => (args.length === 0 ? float64Value(0) : decimalOp(decOps.add)(args)), true),
  add1f: fnNoErr([I], float64Type, ([a]) => decimalOp(decOps.add)([a, float64Value(1)])),
  subf: fnNoErr([I, SI], float64Type, decimalOp(decOps.sub), true),
  mulf: fnNoErr([I, SI], float64Type, decimalOp(decOps.mul), true),
  divf: fnNoErr([I, SI], float64Type, decimalOp(decOps.div), true),
  add: fnNoErr([sliceInterfaceType], int64Type, (vs) => wrap64(vs.reduce((a, v) => a + toInt64(v), 0n)), true),
  add1: fnNoErr([I], int64Type, ([v]) => wrap64(toInt64(v) + 1n)),
  sub: fnNoErr([I, I], int64Type, ([a, b]) => wrap64(toInt64(a) - toInt64(b))),
  mul: fnNoErr([I, sliceInterfaceType], int64Type, ([a, ...vs]) => wrap64(vs.reduce((x, v) => BigInt.asIntN(64, x * toInt64(v)), toInt64(a))), true),
  div: fnNoErr([I, I], int64Type, ([a, b]) => wrap64(toInt64(a) / divisor(toInt64(b)))),
  mod: fnNoErr([I, I], int64Type, ([a, b]) => wrap64(toInt64(a) % divisor(toInt64(b)))),
  atoi: fnNoErr([S], intType, ([s]) =>
    intValue(/^[+-]?[0-9]+$/.test(s.str()) && BigInt(s.str()) >= -(1n << 63n) && BigInt(s.str()) < 1n << 63n ? BigInt(s.str()) : 0n),
  ),
  deepEqual: fnNoErr([I, I], boolType, ([a, b]) => boolValue(deepEqual(a, b))),
} satisfies Record<string, Value>;
