// What the sprig files share: sprig's strval, strslice and empty, spf13/cast's ToInt64 and
// ToFloat64, and the declarations of func(string...) template functions.

import { sprint } from '../../fmt/index.js';
import {
  type Value,
  boolType,
  boolValue,
  indirectInterface,
  stringValue,
  isComplexKind,
  isFloatKind,
  isIntKind,
  isUintKind,
  jsonNumberType,
  stringType,
  uint8Type,
} from '../../value/index.js';
import { bytesToString, utf8Bytes } from '../../go/unicode/utf8/index.js';
import { S, fnNoErr } from '../funcs/sig.js';
import { parseFloat64 } from '../../go/strconv/index.js';

/** strval: the string itself, []byte as text, error/Stringer via their methods, else %v. */
export function strval(v0: Value): string {
  const v = indirectInterface(v0);
  if (v.type === stringType) return v.str();
  if (v.kind === 'slice' && v.type.elem === uint8Type) return bytesToString(v.items().map((b) => Number(b.int())));
  return sprint([v]);
}

/** strslice: []string as is, other slices element-wise (nils dropped), nil -> [], else [strval(v)]. */
export function strslice(v0: Value): string[] {
  const v = indirectInterface(v0);
  if (!v.isValid()) return [];
  if (v.kind === 'slice' || v.kind === 'array') {
    return v
      .items()
      .filter((x) => indirectInterface(x).isValid())
      .map((x) => strval(x));
  }
  return [strval(v)];
}

/** sprig empty(): text/template truth, inverted; a nil pointer/func is empty, a struct never. */
export function isEmpty(v0: Value): boolean {
  const v = indirectInterface(v0);
  if (!v.isValid()) return true;
  switch (v.kind) {
    case 'array':
    case 'slice':
      return v.items().length === 0;
    case 'map':
      return (v.map()?.size ?? 0) === 0;
    case 'string':
      return v.str() === '';
    case 'bool':
      return !v.bool();
    case 'struct':
      return false;
    default:
      if (isComplexKind(v.kind)) return v.complex().re === 0 && v.complex().im === 0;
      if (isIntKind(v.kind) || isUintKind(v.kind)) return v.int() === 0n;
      if (isFloatKind(v.kind)) return v.float() === 0;
      return v.isNil();
  }
}

/** A value of a predeclared type (int, string, ...), not of a defined type such as json.Number. */
function isPredeclared(v: Value): boolean {
  return v.type.name === v.type.kind;
}

/** strconv.ParseInt(s, 0, 0). */
function parseIntBase0(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9]*)$/.exec(s);
  if (!m || (m[2].includes('_') && !/^0[xXoObB]?/.test(m[2]))) return undefined;
  let body = m[2].replace(/_/g, '');
  if (/^0[oO]/.test(body)) body = '0o' + body.slice(2);
  else if (/^0[0-7]+$/.test(body)) body = '0o' + body.slice(1);
  const n = (m[1] === '-' ? -1n : 1n) * BigInt(body);
  return n >= -(1n << 63n) && n < 1n << 63n ? n : undefined;
}

/** cast's trimZeroDecimal: "12.000" -> "12". */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') {
      foundZero = true;
    } else {
      return s;
    }
  }
  return s;
}

/** cast.ToInt64 (errors give 0). */
export function toInt64(v0: Value): bigint {
  const v = indirectInterface(v0);
  if (!v.isValid()) return 0n;
  // cast switches on exact types: the predeclared ones, and json.Number.
  if (isPredeclared(v) || v.type === jsonNumberType) {
    if (isIntKind(v.kind)) return v.int();
    if (isUintKind(v.kind)) return BigInt.asIntN(64, v.int());
    if (isFloatKind(v.kind)) return Number.isFinite(v.float()) ? BigInt.asIntN(64, BigInt(Math.trunc(v.float()))) : -(1n << 63n);
    if (v.kind === 'bool') return v.bool() ? 1n : 0n;
    if (v.kind === 'string') return parseIntBase0(trimZeroDecimal(v.str())) ?? 0n;
  }
  return 0n;
}

/** cast.ToFloat64 (errors give 0); json.Number goes through its Float64 method. */
export function toFloat64(v0: Value): number {
  const v = indirectInterface(v0);
  if (!v.isValid()) return 0;
  if (v.type === jsonNumberType || v.type === stringType) {
    try {
      return parseFloat64(v.str());
    } catch {
      return 0;
    }
  }
  if (!isPredeclared(v)) return 0;
  if (isIntKind(v.kind) || isUintKind(v.kind)) return Number(v.int());
  if (isFloatKind(v.kind)) return v.float();
  if (v.kind === 'bool') return v.bool() ? 1 : 0;
  return 0;
}

/** A string's UTF-8 bytes, and back (Go's []byte(s) and string(b)). */
export const bytesOf = (s: string): Uint8Array => utf8Bytes(s);

export const text = (b: Uint8Array): string => bytesToString(b);

/** Template functions of one or two strings, as sprig's many func(string...) string. */
export const str1 = (f: (s: string) => string): Value => fnNoErr([S], S, ([s]) => stringValue(f(s.str())));

export const str2 = (f: (a: string, b: string) => string): Value => fnNoErr([S, S], S, ([a, b]) => stringValue(f(a.str(), b.str())));

export const pred2 = (f: (a: string, b: string) => boolean): Value => fnNoErr([S, S], boolType, ([a, b]) => boolValue(f(a.str(), b.str())));
