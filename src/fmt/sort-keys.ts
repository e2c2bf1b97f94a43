// Port of internal/fmtsort: the order in which fmt prints map entries.
// Strings compare by their UTF-8 bytes, which is code point order (not UTF-16 order).
// Go orders pointers, channels and the dynamic types of interface keys by memory
// address, which has no stable equivalent here: pointers and channels compare equal
// (so they keep insertion order) and dynamic types compare by their type string.

import { type GoMap, type Kind, type MapEntry, type MapOrder, type Value, isIntKind, isUintKind, stringKeyOrder } from '../value/index.js';
import { compareStrings } from '../go/strings/index.js';

export type KeyValue = MapEntry;

/** fmtsort.Sort: the map's entries sorted by key (a stable sort, as in Go); kept by the map until it changes. */
export function sortedEntries(m: GoMap): readonly KeyValue[] {
  if (m.size < 2) return Array.from(m.entries.values());
  // Kept under one order, so that a map met again (a range each pass) is not scanned for its key types.
  return m.sorted(fmtSortOrder);
}

/** The order fmtsort gives the keys, found by their types. */
const fmtSortOrder: MapOrder = (m) => {
  const first = m.entries.values().next().value as KeyValue;
  const kt = first.key.type;
  // Fast paths for the common key kinds: compare primitive keys natively.
  if (kt.kind === 'string' || isIntegerKind(kt.kind)) {
    for (const e of m.entries.values()) if (e.key.type !== kt) return m.sorted(fmtOrder);
    // The order encoding/json also asks for (string keys): one sort for both.
    return m.sorted(kt.kind === 'string' ? stringKeyOrder : primitiveOrder);
  }
  return m.sorted(fmtOrder);
};

function isIntegerKind(k: Kind): boolean {
  return isIntKind(k) || isUintKind(k);
}

/** Integer keys of one type, compared as bigints. */
const primitiveOrder: MapOrder = (m) => {
  const keyed = Array.from(m.entries.values(), (e) => ({ k: e.key.v as bigint, e }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.e);
};

/** Any keys: compare as fmtsort does. */
const fmtOrder: MapOrder = (m) => Array.from(m.entries.values()).sort((a, b) => compare(a.key, b.key));

function cmp<T extends number | bigint | string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** cmp.Compare for floats: NaN sorts before everything and equals NaN. */
function cmpFloat(a: number, b: number): number {
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an && bn ? 0 : an ? -1 : 1;
  return cmp(a, b);
}

function nilCompare(a: Value, b: Value): number | undefined {
  if (a.isNil()) return b.isNil() ? 0 : -1;
  if (b.isNil()) return 1;
  return undefined;
}

export function compare(a: Value, b: Value): number {
  if (a.type !== b.type) return -1; // No good answer possible, but don't return 0: they're not equal.
  switch (a.kind) {
    case 'int':
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64':
    case 'uint':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'uintptr':
      return cmp(a.int(), b.int());
    case 'string':
      return compareStrings(a.str(), b.str());
    case 'float32':
    case 'float64':
      return cmpFloat(a.float(), b.float());
    case 'complex64':
    case 'complex128':
      return cmpFloat(a.complex().re, b.complex().re) || cmpFloat(a.complex().im, b.complex().im);
    case 'bool':
      return a.bool() === b.bool() ? 0 : a.bool() ? 1 : -1;
    case 'struct':
    case 'array': {
      const af = a.items();
      const bf = b.items();
      for (let i = 0; i < af.length; i++) {
        const c = compare(af[i], bf[i]);
        if (c !== 0) return c;
      }
      return 0;
    }
    case 'interface': {
      const n = nilCompare(a, b);
      if (n !== undefined) return n;
      const ae = a.elem();
      const be = b.elem();
      return compareStrings(ae.type.str, be.type.str) || compare(ae, be);
    }
    case 'chan':
      return nilCompare(a, b) ?? 0;
    default:
      return 0;
  }
}
