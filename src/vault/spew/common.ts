// Helpers shared by go-spew's Sdump (dump.go) and its %v formatter (format.go): the
// Stringer/error hook, number printing, and machine addresses.

import { formatFloat } from '../../fmt/index.js';
import { type GoType, type Method, type Value, Value as GoValue, box, isComplexKind, isFloatKind, isIntKind, isUintKind, ptrTo } from '../../value/index.js';

/**
 * Our values have no machine address; like vtpl's fmt, every non-nil pointer, map,
 * chan or func prints as this fixed fake address.
 */
export const fakeAddress = '0xc000010000';

function stringResult(m: Method | undefined): Method | undefined {
  if (m?.sig.params.length !== 0 || m.sig.results.length !== 1) return undefined;
  const r = m.sig.results[0];
  return r.kind === 'string' && r.name === 'string' ? m : undefined;
}

/**
 * common.go handleMethods: spew makes the value addressable, so methods with pointer
 * receivers count too; an Error method wins over String. Returns the text, or undefined
 * when the value has neither (a panic inside the method prints as "(PANIC=msg)").
 */
export function methodText(v: Value): string | undefined {
  if (v.kind === 'interface' || v.kind === 'invalid') return undefined;
  for (const name of ['Error', 'String']) {
    const own = stringResult(v.type.methods.get(name));
    const viaPtr = own ? undefined : stringResult(ptrTo(v.type).methods.get(name));
    const m = own ?? viaPtr;
    if (!m) continue;
    try {
      return m.call(own ? v : new GoValue(ptrTo(v.type), v), []).str();
    } catch (e) {
      return `(PANIC=${e instanceof Error ? e.message : String(e)})`;
    }
  }
  return undefined;
}

/** printFloat: strconv.FormatFloat(v, 'g', -1, bits). */
export function floatText(f: number, bits: 32 | 64): string {
  return formatFloat(f, 'g', -1, bits);
}

/** printComplex: "(re+imi)", each part as printFloat does it. */
export function complexText(re: number, im: number, bits: 32 | 64): string {
  return `(${floatText(re, bits)}${im >= 0 ? '+' : ''}${floatText(im, bits)}i)`;
}

/**
 * An element, key or field as reflect returns it: of the container's static type t.
 * vtpl stores interface-typed elements unboxed (nil as the invalid Value).
 */
export function asStatic(v: Value, t: GoType | undefined): Value {
  return t?.kind === 'interface' && v.kind !== 'interface' ? box(v, t) : v;
}

/**
 * The pointer chain spew walks for a pointer: how many pointers it follows
 * (unwrapping interfaces between them), the value at the end, and whether the
 * chain ended at a nil pointer or interface.
 */
export function derefChain(v: Value): { ve: Value; indirects: number; nilFound: boolean } {
  let ve = v;
  let indirects = 0;
  while (ve.kind === 'ptr') {
    if (ve.isNil()) return { ve, indirects, nilFound: true };
    indirects++;
    ve = ve.elem();
    if (ve.kind === 'interface') {
      if (ve.isNil()) return { ve, indirects, nilFound: true };
      ve = ve.elem();
    }
  }
  return { ve, indirects, nilFound: false };
}

/** How spew prints a boolean or numeric value (the same in Sdump and the formatter); undefined for other kinds. */
export function scalarText(v: Value): string | undefined {
  const kind = v.kind;
  if (kind === 'bool') return v.bool() ? 'true' : 'false';
  if (kind === 'uintptr') return v.int() === 0n ? '<nil>' : `0x${v.int().toString(16)}`;
  if (isIntKind(kind) || isUintKind(kind)) return v.int().toString();
  if (isFloatKind(kind)) return floatText(v.float(), kind === 'float32' ? 32 : 64);
  if (isComplexKind(kind)) return complexText(v.complex().re, v.complex().im, kind === 'complex64' ? 32 : 64);
  return undefined;
}
