// reflect.Value for vtpl: a Go type plus its JavaScript representation.
//
// Representation by kind (the `v` field):
//   bool                  boolean
//   int*/uint* kinds      bigint (always in range for the kind)
//   float32/float64       number
//   complex64/complex128  { re: number; im: number }
//   string (and named strings such as json.Number)   string
//   interface             Value (the dynamic value) | null (nil interface)
//   map                   GoMap | null (nil map)
//   slice                 Value[] | null (nil slice); elements have exactly the element type;
//                         or a LazyItems (an IntSeq of consecutive integers, or a view of a JS
//                         array) whose elements are built one at a time, all only when items() asks
//   array, struct         Value[] (elements / fields in declaration order)
//   ptr                   Value (the pointee) | null (nil pointer)
//   func                  GoFunc | null
//   chan                  Value[] (the values it will deliver before it is closed) | null
// The invalid Value (reflect.Value{}) is the singleton `invalid`.

import {
  type GoType,
  type Kind,
  boolType,
  float64Type,
  intType,
  int64Type,
  interfaceType,
  invalidType,
  isComplexKind,
  isFloatKind,
  isIntKind,
  isUintKind,
  stringType,
  uint64Type,
} from './types.js';
import { compareStrings } from '../go/strings/index.js';

export interface Complex {
  readonly re: number;
  readonly im: number;
}

/**
 * A callable Go function value. Returns the first result; a non-nil error result is thrown as GoError.
 * `context` is the caller's per-execution value (Template.execute's `context`): a function map built
 * once can read the state of the execution calling it there instead of being rebuilt per execution.
 */
export type GoFunc = (args: readonly Value[], context?: unknown) => Value;

export class Value {
  constructor(
    readonly type: GoType,
    readonly v: unknown,
  ) {}

  get kind(): Kind {
    return this.type.kind;
  }

  isValid(): boolean {
    return this.type !== invalidType;
  }

  /** reflect.Value.IsNil for the nillable kinds; false otherwise. */
  isNil(): boolean {
    switch (this.type.kind) {
      case 'interface':
      case 'map':
      case 'slice':
      case 'ptr':
      case 'func':
      case 'chan':
        return this.v === null;
      default:
        return false;
    }
  }

  bool(): boolean {
    return this.v as boolean;
  }
  int(): bigint {
    return this.v as bigint;
  }
  float(): number {
    return this.v as number;
  }
  complex(): Complex {
    return this.v as Complex;
  }
  str(): string {
    return this.v as string;
  }
  map(): GoMap | null {
    return this.v as GoMap | null;
  }
  items(): Value[] {
    const v = this.v;
    return v instanceof LazyItems ? v.boxed() : ((v as Value[] | null) ?? []);
  }
  /** reflect.Value.Len of an array, slice or chan, without building lazy elements. */
  len(): number {
    const v = this.v;
    return v instanceof LazyItems ? v.length : this.items().length;
  }
  /** reflect.Value.FieldByName for a struct's own (not promoted) field; a missing name is a bug in the caller. */
  field(name: string): Value {
    const i = this.type.fields?.findIndex((f) => f.name === name) ?? -1;
    if (i < 0) throw new Error(`${this.type.str} has no field ${name}`);
    return this.items()[i];
  }
  func(): GoFunc | null {
    return this.v as GoFunc | null;
  }
  /** The dynamic value inside an interface, or the pointee of a pointer. */
  elem(): Value {
    const e = this.v as Value | null;
    return e ?? invalid;
  }
}

export const invalid = new Value(invalidType, undefined);

/**
 * A slice's elements built when read: element i alone (item), or all at once, kept (boxed).
 * range and index read one at a time; any other use of the slice builds them all.
 */
export abstract class LazyItems {
  private all: Value[] | null = null;

  abstract readonly length: number;

  /** Element i (0 <= i < length), a Value of the slice's element type. */
  abstract item(i: number): Value;

  boxed(): Value[] {
    if (this.all === null) {
      const all = new Array<Value>(this.length);
      for (let i = 0; i < this.length; i++) all[i] = this.item(i);
      this.all = all;
    }
    return this.all;
  }
}

/**
 * The elements of a slice of consecutive integers (sprig's until): start, start+step, ...
 * Go holds such a slice in 8 bytes per element; a boxed Value per element costs about
 * 60, so `range (until 100000000)` would need gigabytes.
 */
export class IntSeq extends LazyItems {
  constructor(
    readonly elem: GoType,
    readonly start: number,
    readonly step: number,
    readonly length: number,
  ) {
    super();
  }

  /** Element i, as the element type's representation (bigint). */
  at(i: number): bigint {
    return BigInt(this.start + i * this.step);
  }

  item(i: number): Value {
    return new Value(this.elem, this.at(i));
  }
}

/** The key under which a map stores a Go key value: primitives compare by value in a JS Map. */
export function mapKeyOf(k: Value): unknown {
  const t = k.type;
  if (t.kind === 'interface') {
    const e = k.elem();
    return e.isValid() ? `${e.type.str}\u0000${String(e.v)}` : '\u0000nil';
  }
  return t.kind === 'complex64' || t.kind === 'complex128' ? `${k.complex().re},${k.complex().im}` : k.v;
}

export interface MapEntry {
  readonly key: Value;
  readonly value: Value;
}

/**
 * GoMap's entries are made by a constructor, not an object literal: V8 tracks a literal's
 * allocation site and, once most of its objects outlive a young collection, allocates them
 * all in the old generation ("pretenuring"). The entries of maps built per execute (views
 * of JS data filled by range) then went there too, pointing at young values: collections
 * slowed down by a factor of ten and the execute by two, depending on what ran first.
 */
class Entry implements MapEntry {
  constructor(
    readonly key: Value,
    readonly value: Value,
  ) {}
}

/**
 * An order of a map's entries (fmtsort's, encoding/json's): a function of the map, so
 * that GoMap.sorted can keep its result under the function's identity.
 */
export type MapOrder = (m: GoMap) => readonly MapEntry[];

/** A string-keyed map's values as the properties of an object (see GoMap.getString). */
type KeyIndex = Record<string, Value | undefined>;

// The prototype of every KeyIndex: it has no properties, so that an index inherits no
// toString and no __proto__ accessor (a map may have such keys); Object.create(null) instead
// would make each index a dictionary object, which V8 looks up no faster than a Map.
const keyIndexProto: object = Object.create(null);

/** A map builds its KeyIndex once it has answered this many string lookups per entry. */
const keyIndexAfter = 4;

/**
 * A Go map: entries keyed by mapKeyOf(key), remembering the key Value for iteration.
 * Subclasses may build entries on demand (a view of JS data): they override every
 * member but sorted, which reads `entries`.
 */
export class GoMap {
  // Created on the first entry: views of JS data (from-js.ts) often never need one.
  private table: Map<unknown, MapEntry> | null = null;
  // range, fmt and encoding/json each sort a map every time they meet it; a map sorted
  // once stays sorted until set or delete changes it.
  private orders: Map<MapOrder, readonly MapEntry[]> | null = null;
  // What callers compute from the entries (encoding/json's quoted keys and values), kept
  // as the orders are: a WeakMap outside the map made every encoded map an ephemeron,
  // which doubled the garbage collector's share of encoding freshly decoded JSON.
  private derived: Map<object, unknown> | null = null;
  // getString's index of the values by key, or until it is built the number of lookups it
  // has answered (one field for both: every map, and every view of JS data, carries it).
  private byKey: KeyIndex | number = 0;

  /** Every entry, in insertion order, under mapKeyOf(key). */
  get entries(): ReadonlyMap<unknown, MapEntry> {
    return this.ownTable();
  }

  get size(): number {
    return this.table?.size ?? 0;
  }

  get(key: Value): Value | undefined {
    return this.table?.get(mapKeyOf(key))?.value;
  }

  /**
   * get(stringValue(key)) for a map whose key type is string (mapKeyOf of such a key is the
   * string itself), as a field read ({{.name}}) asks. A map read by name again and again (the
   * records a template ranges over on every execute) answers from an object whose properties
   * are its values, built once: V8 answers a property read of objects whose keys were added in
   * the same order from its inline caches, where a Map lookup hashes the key and compares its
   * text each time (template-per-item-1000 executes 4-9 % faster). A map read a few times
   * does not build one; a change drops it.
   */
  getString(key: string): Value | undefined {
    const byKey = this.byKey;
    if (typeof byKey !== 'number') return byKey[key];
    const table = this.table;
    if (table === null) return undefined;
    if (byKey < keyIndexAfter * table.size) {
      this.byKey = byKey + 1;
      return table.get(key)?.value;
    }
    const index = Object.create(keyIndexProto) as KeyIndex;
    for (const [k, e] of table) index[k as string] = e.value;
    this.byKey = index;
    return index[key];
  }

  set(key: Value, value: Value): void {
    this.putEntry(new Entry(key, value));
  }

  delete(key: Value): void {
    if (this.table?.delete(mapKeyOf(key))) this.changed();
  }

  /** Drops what was computed from the entries: the sorted orders and derive's results. */
  private changed(): void {
    this.orders = null;
    this.derived = null;
    this.byKey = 0;
  }

  /**
   * make(this), computed once under `key` until the map changes. Each key must always
   * be used with the same T (callers own their key object).
   */
  derive<T>(key: object, make: (m: GoMap) => T): T {
    const derived = this.derived;
    if (derived !== null) {
      // One lookup when something is kept (a result of make may be undefined: has tells).
      const known = derived.get(key);
      if (known !== undefined || derived.has(key)) return known as T;
    }
    const made = make(this);
    if (this.derived === null) this.derived = new Map();
    this.derived.set(key, made);
    return made;
  }

  /** The entries in `order`, computed once until the map changes; never modify the result. */
  sorted(order: MapOrder): readonly MapEntry[] {
    const known = this.orders?.get(order);
    if (known !== undefined) return known;
    const entries = order(this);
    this.knownOrder(order, entries);
    return entries;
  }

  /**
   * Sets key to value as set does, and gives back the entry it made, for a subclass to
   * put again with putEntry (a view of JS data whose value has not changed since).
   */
  protected setEntry(key: Value, value: Value): MapEntry {
    const entry = new Entry(key, value);
    this.putEntry(entry);
    return entry;
  }

  /** Sets an entry made by setEntry (of this or another map: entries are immutable). */
  protected putEntry(entry: MapEntry): void {
    this.ownTable().set(mapKeyOf(entry.key), entry);
    this.changed();
  }

  /**
   * Records entries as this map's order under `order`, for a subclass that knows it
   * without sorting (a view of JS data whose keys are those it sorted before); kept
   * until the map changes, as sorted keeps its own.
   */
  protected knownOrder(order: MapOrder, entries: readonly MapEntry[]): void {
    // A map of one entry has one order: nothing to keep.
    if (entries.length < 2) return;
    if (this.orders === null) this.orders = new Map();
    this.orders.set(order, entries);
  }

  /**
   * Makes table this map's entries, for a subclass that has the very entries in a table
   * made before (a view of JS data whose values have not changed since: see from-js.ts);
   * the subclass must give this map a copy of its own before any change.
   */
  protected adoptTable(table: ReadonlyMap<unknown, MapEntry>): void {
    this.table = table as Map<unknown, MapEntry>;
    this.changed();
  }

  private ownTable(): Map<unknown, MapEntry> {
    if (this.table === null) this.table = new Map();
    return this.table;
  }
}

const surrogates = /[\uD800-\uDFFF]/;

/**
 * The order of a map whose keys are all strings, shared by fmtsort and encoding/json:
 * strings.Compare, i.e. by UTF-8 bytes, which is code point order.
 */
export const stringKeyOrder: MapOrder = (m) => {
  const entries = m.entries;
  // Keys are unique and index the entries.
  return sortStrings(Array.from(entries.keys()) as string[]).map((k) => entries.get(k) as MapEntry);
};

/** keys, sorted in place in stringKeyOrder's order (strings.Compare). */
export function sortStrings(keys: string[]): string[] {
  // Without surrogates UTF-16 order is code point order, and the default sort compares
  // UTF-16 units natively with no comparator calls.
  return keys.some((k) => surrogates.test(k)) ? keys.sort(compareStrings) : keys.sort();
}

// ---- constructors --------------------------------------------------------

// Values are immutable: the two bools and the small ints (len, index, comparisons, range
// indexes) are made once instead of per operation.
const trueValue = new Value(boolType, true);
const falseValue = new Value(boolType, false);
/** The ints 0 to smallIntLimit - 1 are shared Values (len, index and range indexes make them often). */
export const smallIntLimit = 1024;
const smallIntLimitBig = BigInt(smallIntLimit);
const smallInts: Value[] = [];

export const boolValue = (b: boolean): Value => (b ? trueValue : falseValue);
export const stringValue = (s: string): Value => new Value(stringType, s);
export function intValue(n: bigint | number): Value {
  const i = typeof n === 'number' ? n : n >= 0n && n < smallIntLimitBig ? Number(n) : -1;
  if (!(i >= 0 && i < smallIntLimit && Number.isInteger(i))) return new Value(intType, BigInt(n));
  let v = smallInts[i];
  if (v === undefined) smallInts[i] = v = new Value(intType, BigInt(i));
  return v;
}
export const int64Value = (n: bigint | number): Value => new Value(int64Type, BigInt(n));
export const uint64Value = (n: bigint | number): Value => new Value(uint64Type, BigInt(n));
export const float64Value = (f: number): Value => new Value(float64Type, f);

/** Boxes `v` in an interface of static type `iface` (interface{} by default); invalid boxes as nil. */
export function box(v: Value, iface: GoType = interfaceType): Value {
  if (v.type.kind === 'interface') return v.type === iface ? v : new Value(iface, v.v);
  return new Value(iface, v.isValid() ? v : null);
}

/** The zero value of a type (reflect.Zero). */
export function zeroOf(t: GoType): Value {
  const k = t.kind;
  if (k === 'bool') return new Value(t, false);
  if (isIntKind(k) || isUintKind(k)) return new Value(t, 0n);
  if (isFloatKind(k)) return new Value(t, 0);
  if (isComplexKind(k)) return new Value(t, { re: 0, im: 0 });
  if (k === 'string') return new Value(t, '');
  if (k === 'array')
    return new Value(
      t,
      Array.from({ length: t.len ?? 0 }, () => zeroOf(t.elem ?? invalidType)),
    );
  if (k === 'struct')
    return new Value(
      t,
      (t.fields ?? []).map((f) => zeroOf(f.type)),
    );
  if (k === 'invalid') return invalid;
  return new Value(t, null);
}

/** Wraps Go values of an unnamed slice type. */
export function sliceValue(t: GoType, items: Value[]): Value {
  return new Value(t, items);
}

/** indirectInterface from exec.go: the dynamic value of an interface, else v itself. */
export function indirectInterface(v: Value): Value {
  if (v.type.kind !== 'interface') return v;
  return v.v === null ? invalid : (v.v as Value);
}

/**
 * indirect from exec.go: follows pointers and interfaces until a non-nil,
 * non-pointer value; `isNil` reports a nil pointer/interface on the way.
 */
export function indirect(v: Value): { v: Value; isNil: boolean } {
  let cur = v;
  for (; cur.kind === 'ptr' || cur.kind === 'interface'; cur = cur.v as Value) {
    if (cur.v === null) return { v: cur, isNil: true };
  }
  return { v: cur, isNil: false };
}
