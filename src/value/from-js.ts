// Gives data passed from JavaScript by library users to templates as Go values.
//
// The mapping: a safe integer is an `int`, any other number a `float64`, a bigint an
// `int64` (a `uint64` above int64's range), strings and booleans themselves, arrays
// `[]interface{}`, plain objects and Maps with string keys `map[string]interface{}`,
// null/undefined nil. A Value passes through unchanged.
// Templates are untrusted: only own, enumerable data properties are visible; the
// prototype chain, getters, setters and functions behave as missing keys.
//
// Nothing is converted up front: an array or object becomes a view whose elements are
// converted when the template reads them (a template reads a small part of large data,
// and a never-read tree costs nothing): an object or array once per view, a string,
// number or boolean each time it is read (see keeps). fromJS is called once per execute;
// between executes only a large object's sorted key order and its converted primitives
// are kept, while its keys are unchanged (see KeyOrder). The commonest reads of an
// execute's data skip the views altogether: readInPlace and itemsInPlace read a field
// chain's string, number or boolean, or a short array of them, from the JS objects.
//
// Data that no Go value can hold is refused with a DataError naming where it is, when
// the template first reads that part of the data: a cycle (a Go value cannot contain
// itself), nesting deeper than encoding/json accepts, a bigint beyond 64 bits, a Map key
// that is not a string (when the map's keys are read: range, printing, len), and the
// built-in objects whose content is not in their properties (Set, Date, ...), which would
// otherwise become an empty map without a word.

import { mapStringInterfaceType, sliceInterfaceType } from './builtin-types.js';
import { interfaceType } from './types.js';
import {
  GoMap,
  LazyItems,
  type MapEntry,
  Value,
  boolValue,
  box,
  float64Value,
  int64Value,
  intValue,
  invalid,
  mapKeyOf,
  smallIntLimit,
  sortStrings,
  stringKeyOrder,
  stringValue,
  uint64Value,
} from './value.js';

/** Data that cannot become a Go value; the message says where and why. */
export class DataError extends Error {
  constructor(path: readonly (string | number)[], why: string) {
    super(`vtpl: cannot use the data as a Go value: ${pathText(path)}: ${why}`);
    this.name = 'DataError';
  }
}

/** The deepest nesting accepted: encoding/json's limit (maxNestingDepth), so JSON-shaped data that Go can decode converts. */
export const maxDataDepth = 10000;

const minInt64 = -(1n << 63n);
const maxUint64 = (1n << 64n) - 1n;

// Built-in objects whose content is not in own properties: converting them as objects
// would give an empty map, so they are refused by name.
const opaque: readonly [new (...args: never[]) => object, string][] = [
  [Set, 'a Set has no Go counterpart here: pass an array'],
  [WeakSet, 'a WeakSet cannot be read'],
  [WeakMap, 'a WeakMap cannot be read'],
  [Date, 'a Date is not converted (Go would see a time.Time): pass a string, e.g. date.toISOString()'],
  [RegExp, 'a RegExp has no Go counterpart here: pass its source string'],
  [Promise, 'a Promise has no value yet: await it first'],
  [ArrayBuffer, 'binary data has no Go counterpart here: pass a string or an array of numbers'],
];

/** JS data as a Go value; an array or object is a view converting its elements when they are read. */
export function fromJS(data: unknown): Value {
  // A Value (decoded JSON, as the bench and consul-template pass) needs no conversion state.
  if (data instanceof Value) return data;
  return convert(data, null, undefined, { deep: null, inPlace: false });
}

/**
 * fromJS for the data of one execute (and a function's result in it), whose views may
 * also be read in place (readInPlace, itemsInPlace). A Value made by fromJS is not: a
 * user may keep it for many executes, and it keeps what it has read, which a read in
 * place does not remember.
 */
export function fromJSInPlace(data: unknown): Value {
  if (data instanceof Value) return data;
  return convert(data, null, undefined, { deep: null, inPlace: true });
}

/** What the views of one fromJS share. */
interface Conversion {
  /** The objects of the views at shallowDepth or deeper so far (see isCycle); created with the first. */
  deep: Set<object> | null;
  /** Whether the views may be read in place (see fromJSInPlace). */
  readonly inPlace: boolean;
}

/** Where a view sits in the data: its object, and the chain up to the root (for paths and cycles). */
interface Place {
  readonly obj: object;
  readonly parent: Place | null;
  /** The key or index under which parent holds obj; undefined at the root. */
  readonly key: string | number | undefined;
  readonly depth: number;
  /** The ancestor at depth shallowDepth - 1 of a view at shallowDepth or deeper; null above. */
  readonly top: Place | null;
  readonly conversion: Conversion;
}

/** Views above this depth look for a cycle among all their ancestors; deeper ones see isCycle. */
const shallowDepth = 32;

/**
 * Whether obj, found at depth under parent, is among its own ancestors (a cycle; the same
 * object in two branches is none), in time independent of depth for fresh objects, so
 * that reading a 10,000-deep tree is linear: above shallowDepth the chain is short enough
 * to walk. Deeper, every view's object goes into conversion.deep as the view is made: an
 * ancestor at shallowDepth or deeper was made before, so an object not in the set is not
 * one of those, and only the shallowDepth ancestors above them (from top up) are walked.
 * Only an object met before (a shared subtree) walks the whole chain.
 */
function isCycle(obj: object, parent: Place | null, depth: number, conversion: Conversion): boolean {
  let from = parent;
  if (depth >= shallowDepth) {
    conversion.deep ??= new Set();
    const deep = conversion.deep;
    if (!deep.has(obj)) {
      deep.add(obj);
      from = depth === shallowDepth ? parent : (parent as Place).top;
    }
  }
  for (let p = from; p !== null; p = p.parent) if (p.obj === obj) return true;
  return false;
}

// Immutable interface{} values shared by every view: a boolean, "", a small int or nil
// read from JS data allocates nothing.
const nilElement = box(invalid);
const trueElement = box(boolValue(true));
const falseElement = box(boolValue(false));
const emptyElement = box(stringValue(''));
const smallInts: Value[] = [];

/** How many keys a view remembers in a list searched in order before it builds a Map. */
const memoPairs = 8;

/**
 * Whether a view keeps the element it made of data. An object or array is converted once
 * per view: its view keeps what was read of it, and what sprig's set changes in it. A
 * string, number or boolean is converted again on each read: two small objects that die
 * young cost less than keeping them (and a table to find them) for the whole execute.
 */
function keeps(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !(data instanceof Value);
}

/** data, held by parent under key, as an element of a []interface{} or map[string]interface{}. */
function element(data: unknown, parent: Place, key: string | number): Value {
  if (typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean') return primitiveElement(data);
  if (data === undefined || data === null) return nilElement;
  return box(convert(data, parent, key, parent.conversion));
}

/** A string, number or boolean as an element of a []interface{} or map[string]interface{}. */
function primitiveElement(data: string | number | boolean): Value {
  if (typeof data === 'string') {
    // The interface holds the string Value directly: no box() call, no check of kinds.
    return data === '' ? emptyElement : new Value(interfaceType, stringValue(data));
  }
  if (typeof data === 'boolean') return data ? trueElement : falseElement;
  if (Number.isSafeInteger(data) && data >= 0 && data < smallIntLimit) {
    // -0 is the int 0, as Number.isSafeInteger(-0) makes it.
    let v = smallInts[data];
    if (v === undefined) smallInts[data] = v = box(intValue(data));
    return v;
  }
  return new Value(interfaceType, Number.isSafeInteger(data) ? intValue(data) : float64Value(data));
}

/** data, held by parent under key (parent null: data is the root). */
function convert(data: unknown, parent: Place | null, key: string | number | undefined, conversion: Conversion): Value {
  if (data instanceof Value) return data;
  switch (typeof data) {
    case 'string':
      return stringValue(data);
    case 'boolean':
      return boolValue(data);
    case 'number':
      return Number.isSafeInteger(data) ? intValue(data) : float64Value(data);
    case 'bigint':
      if (data >= minInt64 && data < -minInt64) return int64Value(data);
      if (data > 0n && data <= maxUint64) return uint64Value(data);
      throw new DataError(pathOf(parent, key), `the bigint ${data} overflows int64 and uint64`);
    case 'undefined':
      return invalid;
    case 'object':
      break;
    default:
      return invalid; // functions and symbols are never data
  }
  if (data === null) return invalid;
  const depth = parent === null ? 0 : parent.depth + 1;
  if (isCycle(data, parent, depth, conversion)) throw new DataError(pathOf(parent, key), 'the data contains itself (a cycle), which no Go value can');
  if (depth >= maxDataDepth) throw new DataError(pathOf(parent, key), `nested deeper than ${maxDataDepth} levels`);
  const top = depth < shallowDepth ? null : depth === shallowDepth ? parent : (parent as Place).top;
  if (Array.isArray(data)) return new Value(sliceInterfaceType, new ArrayView(data, parent, key, depth, top, conversion));
  // Plain objects (JSON.parse's) skip the checks for the built-ins that are not.
  const proto: unknown = Object.getPrototypeOf(data);
  if (proto !== Object.prototype && proto !== null) {
    for (const [type, why] of opaque) if (data instanceof type) throw new DataError(pathOf(parent, key), why);
    if (ArrayBuffer.isView(data)) throw new DataError(pathOf(parent, key), 'binary data has no Go counterpart here: pass a string or an array of numbers');
    if (data instanceof Map) return new Value(mapStringInterfaceType, new MapView(data, parent, key, depth, top, conversion));
  }
  return new Value(mapStringInterfaceType, new ObjectView(data, parent, key, depth, top, conversion));
}

// Object.prototype.__lookupGetter__ (Annex B): the getter of an own accessor property, read without calling it.
const lookupGetter = Reflect.get(Object.prototype, '__lookupGetter__') as (this: object, key: PropertyKey) => (() => unknown) | undefined;

/**
 * What a range over a large object or Map made of it, kept across executes while its
 * keys stay the same names in the same order (a fresh key list is compared with keys one
 * by one), so that a range over the same data each execute does not sort it again, nor
 * convert again a string, number or boolean that is the same as before. Values, and
 * whether each key is visible (a getter may have been added since), are read again each
 * execute, since the user may change them; nothing of an object or array is kept (its
 * view belongs to one execute, and the user object is not kept alive by it).
 */
interface KeyOrder {
  /** The candidate keys, in the source's order, as the order was computed for. */
  readonly keys: readonly string[];
  /** keys in stringKeyOrder's order. */
  readonly sorted: readonly string[];
  /** The Go string of each of keys, made once. */
  readonly keyValues: readonly Value[];
  /** Per key, the primitive read last time, unseen if it was not visible, unkept if it was an object or array. */
  readonly raws: unknown[];
  /** Per key, the entry made last time of a primitive in raws. */
  readonly entries: (MapEntry | undefined)[];
  /** The entries in the order of sorted, when every visible one is in entries. */
  sortedEntries: readonly MapEntry[] | null;
  /**
   * With sortedEntries, the table of the view that filled them: a view whose every entry
   * is again the one in entries takes it as its own instead of building one entry by entry
   * (and copies it before sprig's set or unset changes it).
   */
  table: ReadonlyMap<unknown, MapEntry> | null;
}

/** In KeyOrder.raws and MapViewBase.found: the key was not visible. */
const unseen: unique symbol = Symbol('unseen');
/** In KeyOrder.raws: the key held an object or array, whose view is not kept. */
const unkept: unique symbol = Symbol('unkept');

/** Weak: data given to execute is not kept alive by having been ranged over. */
const keyOrders = new WeakMap<object, KeyOrder>();

/** Fewer keys than this sort in less time than a WeakMap entry costs the garbage collector. */
const keptOrderSize = 16;

/** The KeyOrder of obj whose candidate keys are now keys: the one kept, or a new one. */
function keyOrderOf(obj: object, keys: readonly string[]): KeyOrder {
  const kept = keyOrders.get(obj);
  if (kept !== undefined && sameKeys(kept.keys, keys)) return kept;
  const made: KeyOrder = {
    keys,
    sorted: sortStrings(keys.slice()),
    keyValues: keys.map(stringValue),
    raws: new Array<unknown>(keys.length).fill(unkept),
    entries: new Array<MapEntry | undefined>(keys.length).fill(undefined),
    sortedEntries: null,
    table: null,
  };
  keyOrders.set(obj, made);
  return made;
}

/** The entries of a view filled from the keys of order, in the order of order.sorted. */
function sortedByOrder(order: KeyOrder, entries: ReadonlyMap<unknown, MapEntry>): MapEntry[] {
  const sorted: MapEntry[] = [];
  for (const k of order.sorted) {
    const e = entries.get(k);
    if (e !== undefined) sorted.push(e);
  }
  return sorted;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether the raws read now are those of last time (a NaN never is: its entry is made again). */
function sameRaws(last: readonly unknown[], now: readonly unknown[]): boolean {
  for (let i = 0; i < now.length; i++) if (last[i] !== now[i]) return false;
  return true;
}

/**
 * A memo list of one or two pairs. Memo lists live as long as their view, the whole
 * execute, and are made by the Array constructor, not a literal: V8 allocates the objects
 * of a literal whose objects mostly outlive a young collection in the old generation from
 * then on ("pretenuring"), and these, pointing at young values, made every collection
 * slow (template-per-item-1000-js ran in 3.3 ms instead of 1.5 after some other code had
 * run first).
 */
function pairs(k0: string, v0: Value, k1?: string, v1?: Value): (string | Value)[] {
  const list = new Array<string | Value>(k1 === undefined ? 2 : 4);
  list[0] = k0;
  list[1] = v0;
  if (k1 !== undefined && v1 !== undefined) {
    list[2] = k1;
    list[3] = v1;
  }
  return list;
}

/** A view's keys as size listed them, kept for fill. */
class Listing {
  constructor(
    /** The keys that may be visible, in the source's order. */
    readonly candidates: readonly string[],
    /** The visible ones. */
    readonly names: readonly string[],
    /** What the lookups found for each of candidates: the JS value, or unseen. */
    readonly found: readonly unknown[],
  ) {}
}

/** readInPlace's answer when the value must be read through the views. */
export const notInPlace: unique symbol = Symbol('notInPlace');

/**
 * The string, number or boolean that the field chain names (.a.b) reads from receiver, a
 * map of JS data (fromJS's view, or an interface holding one), read in place: no view of
 * an object along the chain and no Value of the result, which are most of the cost of a
 * template reading JS data. notInPlace when the chain may read anything else (a missing
 * key, nil, a bigint, an object or array at the end, a Map or array midway, a view that
 * sprig's set may have changed, a cycle, depth): the caller then reads it through the
 * views, which decide (and refuse) exactly as without this. Reading in place runs no getter
 * (descriptors only), so the second read sees the same, unless the data is a Proxy, whose
 * traps are the user's code and are then called again (README "Library").
 */
export function readInPlace(receiver: Value, names: readonly string[]): string | number | boolean | typeof notInPlace {
  const inner = receiver.type === interfaceType && receiver.v !== null ? (receiver.v as Value) : receiver;
  const m = inner.v;
  if (inner.type !== mapStringInterfaceType || !(m instanceof MapViewBase)) return notInPlace;
  return m.rawAt(names, false) as string | number | boolean | typeof notInPlace;
}

/** Arrays of more elements are ranged over through their view, which makes each element as it is reached. */
const inPlaceItems = 32;

/**
 * readInPlace for a range over a JS array of up to inPlaceItems strings, numbers, booleans
 * and nils (holes and accessors as ArrayView reads them): its elements, made now (only
 * their number when want is false), with no view of the array; an empty array has none
 * (the caller decides whether it can do without the slice's Value). notInPlace for
 * anything else (an array with an object, array, bigint or function in it: see readInPlace).
 */
export function itemsInPlace(receiver: Value, names: readonly string[], want: boolean): Value[] | number | typeof notInPlace {
  const inner = receiver.type === interfaceType && receiver.v !== null ? (receiver.v as Value) : receiver;
  const m = inner.v;
  if (inner.type !== mapStringInterfaceType || !(m instanceof MapViewBase)) return notInPlace;
  const raw = m.rawAt(names, true);
  if (!Array.isArray(raw)) return notInPlace;
  // Read once: a Proxy's length trap may answer anything on each read (as ArrayView's).
  const n = raw.length;
  if (n === 0) return 0;
  if (n > inPlaceItems) return notInPlace;
  const items = want ? new Array<Value>(n) : null;
  for (let i = 0; i < n; i++) {
    let data: unknown;
    if (Object.hasOwn(raw, i) && lookupGetter.call(raw, i) === undefined) {
      data = raw[i];
      if (data !== undefined && data !== null && typeof data !== 'string' && typeof data !== 'number' && typeof data !== 'boolean') return notInPlace;
    }
    if (items !== null) items[i] = data === undefined || data === null ? nilElement : primitiveElement(data as string | number | boolean);
  }
  return items ?? n;
}

/** A JS array as the elements of a []interface{}. */
class ArrayView extends LazyItems implements Place {
  readonly length: number;
  // The views of the elements read so far (see keeps), created with the first.
  private read: Value[] | null = null;

  constructor(
    readonly obj: readonly unknown[],
    readonly parent: Place | null,
    readonly key: string | number | undefined,
    readonly depth: number,
    readonly top: Place | null,
    readonly conversion: Conversion,
  ) {
    super();
    this.length = obj.length;
  }

  item(i: number): Value {
    const known = this.read?.[i];
    if (known !== undefined) return known;
    // A hole or an accessor is nil, as undefined is. V8 answers a descriptor of an array
    // index in about 100 ns (a runtime call and an object); these three checks in a fifth:
    // own, then no getter (__lookupGetter__ reports an own accessor's without running it;
    // one with a setter alone reads undefined), then the value.
    const obj = this.obj;
    if (!Object.hasOwn(obj, i) || lookupGetter.call(obj, i) !== undefined) return nilElement;
    const data = obj[i];
    const v = element(data, this, i);
    if (keeps(data)) {
      // A constructor, not `[]`: V8 pretenures an array literal's site once its arrays outlive
      // a young collection, and per-execute memo lists in the old generation made GC 38%.
      // biome-ignore lint/style/useArrayLiterals: see above
      this.read ??= new Array<Value>();
      this.read[i] = v;
    }
    return v;
  }
}

/**
 * A JS object or Map as a map[string]interface{}: get converts one entry, size and the
 * key list convert none. Anything that needs every entry (entries: range, printing,
 * sorting), or changes the map (sprig's set), converts them all into the GoMap itself,
 * which then answers everything.
 */
abstract class MapViewBase<T extends object> extends GoMap implements Place {
  // The views of the entries read so far (see keeps): created on the first (many views
  // are only passed along), as pairs [key, view, key, view, ...] searched in order while
  // there are few (a template reads a few fields of each record), a Map past memoPairs.
  private read: (string | Value)[] | Map<string, Value> | null = null;
  // The keys as size listed them (most views never list theirs: one field, not three).
  private listing: Listing | null = null;
  private full = false;
  // Whether the GoMap's table is a KeyOrder's, shared with the views of other executes.
  private sharedTable = false;

  constructor(
    readonly obj: T,
    readonly parent: Place | null,
    readonly key: string | number | undefined,
    readonly depth: number,
    readonly top: Place | null,
    readonly conversion: Conversion,
  ) {
    super();
  }

  /** The keys that may be visible (lookup decides), in the source's order. */
  protected abstract candidateKeys(): string[];

  /** The JS value under a visible key k; unseen when k is not one (a value, not an object: V8 need not allocate one per read). */
  protected abstract lookup(k: string): unknown;

  override get entries(): ReadonlyMap<unknown, MapEntry> {
    this.fill();
    return super.entries;
  }

  override get size(): number {
    return this.full ? super.size : this.keyList().length;
  }

  override get(key: Value): Value | undefined {
    if (this.full) return super.get(key);
    const k = mapKeyOf(key);
    return typeof k === 'string' ? (this.value(k) ?? undefined) : undefined;
  }

  override getString(key: string): Value | undefined {
    return this.full ? super.getString(key) : (this.value(key) ?? undefined);
  }

  override set(key: Value, value: Value): void {
    this.fill();
    this.unshare();
    super.set(key, value);
  }

  override delete(key: Value): void {
    this.fill();
    this.unshare();
    super.delete(key);
  }

  /** Gives this view a table of its own before a change, when its table is a KeyOrder's. */
  private unshare(): void {
    if (!this.sharedTable) return;
    this.adoptTable(new Map(super.entries));
    this.sharedTable = false;
  }

  /** The JS value of each of keys, unseen where it is not visible. */
  private lookups(keys: readonly string[]): unknown[] {
    const raws = new Array<unknown>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      raws[i] = this.lookup(keys[i]);
    }
    return raws;
  }

  /** The visible keys, in the source's order. */
  private keyList(): readonly string[] {
    if (this.listing !== null) return this.listing.names;
    const candidates = this.candidateKeys();
    const names: string[] = [];
    const found = new Array<unknown>(candidates.length);
    for (let i = 0; i < candidates.length; i++) {
      const d = this.lookup(candidates[i]);
      found[i] = d;
      if (d !== unseen) names.push(candidates[i]);
    }
    this.listing = new Listing(candidates, names, found);
    return names;
  }

  private value(k: string): Value | null {
    const known = this.known(k);
    if (known !== undefined) return known;
    const found = this.lookup(k);
    if (found === unseen) return null;
    const v = element(found, this, k);
    if (keeps(found)) this.remember(k, v);
    return v;
  }

  /** The view read before under k, undefined if there is none. */
  private known(k: string): Value | undefined {
    const read = this.read;
    if (read === null) return undefined;
    if (read instanceof Map) return read.get(k);
    for (let i = 0; i < read.length; i += 2) if (read[i] === k) return read[i + 1] as Value;
    return undefined;
  }

  private remember(k: string, v: Value): void {
    const read = this.read;
    if (read === null) this.read = pairs(k, v);
    else if (read instanceof Map) read.set(k, v);
    // A second pair makes a list of 4 (push would grow it to 19 slots); more are pushed.
    else if (read.length === 2) this.read = pairs(read[0] as string, read[1] as Value, k, v);
    else if (read.length < 2 * memoPairs) read.push(k, v);
    else {
      const map = new Map<string, Value>();
      for (let i = 0; i < read.length; i += 2) map.set(read[i] as string, read[i + 1] as Value);
      map.set(k, v);
      this.read = map;
    }
  }

  /**
   * See readInPlace and itemsInPlace: the chain names read from this view (an array at its
   * end only when arrays is set); a view remembered along it is
   * followed (sprig's set may have changed it), an object without one is read in place.
   */
  rawAt(names: readonly string[], arrays: boolean): string | number | boolean | unknown[] | typeof notInPlace {
    if (!this.conversion.inPlace) return notInPlace;
    let view: MapViewBase<object> | null = this;
    // The object read in place when view is null, and those read in place before it since the last view.
    let obj: object = this.obj;
    let passed: object[] | null = null;
    let place: Place = this;
    let depth = this.depth;
    const last = names.length - 1;
    for (let i = 0; ; i++) {
      const k = names[i];
      let raw: unknown;
      if (view !== null) {
        // A filled view answers from its GoMap, which set may have changed.
        if (view.full) return notInPlace;
        const known = view.known(k);
        if (known !== undefined) {
          // An object or array with its view (see keeps): an object along the chain is followed.
          const inner = known.v;
          if (i === last || !(inner instanceof Value) || !(inner.v instanceof MapViewBase)) return notInPlace;
          view = inner.v as MapViewBase<object>;
          place = view;
          depth = view.depth;
          obj = view.obj;
          passed = null;
          continue;
        }
        raw = view.lookup(k);
      } else {
        raw = ownData(obj, k);
      }
      if (raw === unseen) return notInPlace; // missingkey decides
      if (i === last) {
        if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
        if (!arrays || !Array.isArray(raw)) return notInPlace;
      } else {
        // Midway, only a plain object is read in place.
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return notInPlace;
        const proto: unknown = Object.getPrototypeOf(raw);
        if (proto !== Object.prototype && proto !== null) return notInPlace;
      }
      // Within shallowDepth a cycle is found among the ancestors as convert would, then
      // refused by the views (the caller's path).
      if (++depth >= shallowDepth || raw === obj || passed?.includes(raw)) return notInPlace;
      for (let p: Place | null = place; p !== null; p = p.parent) if (p.obj === raw) return notInPlace;
      if (i === last) return raw as unknown[];
      if (view === null) {
        passed ??= [];
        passed.push(obj);
      }
      view = null;
      obj = raw;
    }
  }

  private fill(): void {
    if (this.full) return;
    // One lookup per key: size may have done them.
    const keys = this.listing?.candidates ?? this.candidateKeys();
    let found = this.listing?.found ?? null;
    const order = keys.length >= keptOrderSize ? keyOrderOf(this.obj, keys) : null;
    // The sorted entries of last time, still right if every entry is the one made then.
    const lastSorted = order?.sortedEntries ?? null;
    if (order !== null && lastSorted !== null && order.table !== null && this.read === null) {
      // With no view read from this one yet, every entry is the one made then when every
      // value is the same: the table of then serves too, shared until a change.
      found ??= this.lookups(keys);
      if (sameRaws(order.raws, found)) {
        this.adoptTable(order.table);
        this.sharedTable = true;
        this.knownOrder(stringKeyOrder, lastSorted);
        this.full = true;
        this.listing = null;
        return;
      }
    }
    let same = lastSorted !== null;
    // Dropped until this fill ends: a DataError midway leaves entries it no longer lists.
    if (order !== null) {
      order.sortedEntries = null;
      order.table = null;
    }
    // Whether every visible entry is kept in order (then so can their sorted list be).
    let allKept = true;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const memo = this.known(k);
      let raw: unknown = unkept;
      if (memo === undefined) {
        if (found !== null) raw = found[i];
        else {
          raw = this.lookup(k);
        }
      }
      if (order === null) {
        if (raw !== unseen) super.set(stringValue(k), memo ?? element(raw, this, k));
        continue;
      }
      if (raw === unseen) {
        same &&= order.raws[i] === unseen;
        order.raws[i] = unseen;
        order.entries[i] = undefined;
        continue;
      }
      const last = order.entries[i];
      if (last !== undefined && order.raws[i] === raw) {
        this.putEntry(last);
        continue;
      }
      same = false;
      const entry = this.setEntry(order.keyValues[i], memo ?? element(raw, this, k));
      const kept = memo === undefined && !keeps(raw);
      allKept &&= kept;
      order.raws[i] = kept ? raw : unkept;
      order.entries[i] = kept ? entry : undefined;
    }
    if (order !== null) {
      // The entries in the kept order, so that range, printing and encoding/json do not sort.
      const sorted = same && lastSorted !== null ? lastSorted : sortedByOrder(order, super.entries);
      order.sortedEntries = allKept ? sorted : null;
      if (allKept) {
        order.table = super.entries;
        this.sharedTable = true;
      }
      this.knownOrder(stringKeyOrder, sorted);
    }
    this.full = true;
    this.listing = null;
    this.read = null; // the GoMap answers from now on
  }
}

/** Own enumerable data properties; a function is no data. */
class ObjectView extends MapViewBase<object> {
  protected candidateKeys(): string[] {
    return Object.keys(this.obj);
  }

  protected lookup(k: string): unknown {
    return ownData(this.obj, k);
  }
}

/** The property k of obj as from-js sees it: the value of an own, enumerable data property that is not a function; else unseen. */
function ownData(obj: object, k: string): unknown {
  const d = Object.getOwnPropertyDescriptor(obj, k);
  return d === undefined || !d.enumerable || !('value' in d) || typeof d.value === 'function' ? unseen : d.value;
}

/** A Map with string keys; a function value is no data. */
class MapView extends MapViewBase<Map<unknown, unknown>> {
  protected candidateKeys(): string[] {
    const keys: string[] = [];
    for (const k of this.obj.keys()) {
      if (typeof k !== 'string')
        throw new DataError(pathOf(this.parent, this.key), `a Map key of type ${typeof k}: only string keys make a Go map[string]interface{}`);
      keys.push(k);
    }
    return keys;
  }

  protected lookup(k: string): unknown {
    const value = this.obj.get(k);
    return typeof value === 'function' || (value === undefined && !this.obj.has(k)) ? unseen : value;
  }
}

/** The path of the value that parent holds under key. */
function pathOf(parent: Place | null, key: string | number | undefined): (string | number)[] {
  const path: (string | number)[] = [];
  if (key !== undefined) path.push(key);
  for (let p = parent; p !== null && p.key !== undefined; p = p.parent) path.push(p.key);
  return path.reverse();
}

/** A path in template syntax: .a.b[3]["odd key"]; the data itself is "."; a deep one is cut. */
function pathText(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'at .';
  const shown = 8;
  if (path.length > shown) return `${pathText(path.slice(0, shown))}... (${path.length} levels)`;
  const parts = path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`));
  return `at ${parts.join('')}`;
}
