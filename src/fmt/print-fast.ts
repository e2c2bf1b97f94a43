// Fast paths of Sprintf with a parsed format: one verb of a common (verb, argument type,
// flags) combination printed straight into a string, as Printer.printArg would print it
// with the same flags, width and precision, but without a Printer or method lookup, by
// the functions the Printer prints with (print-verb.ts, format.ts). Each returns
// null for anything else (a type with methods, a bad verb, a flag the path does not
// model...), and the caller then takes the generic path for that verb. The cases are
// those of config templates and printf-heavy ones: strings and json.Number, bools,
// integers, floats, and plain %v / %#v of slices and maps of them.

import { type GoMap, type Value, jsonNumberType, stringType } from '../value/index.js';
import { quote } from '../go/strconv/index.js';
import { flatten } from './flatten.js';
import type { FmtFlags } from './format.js';
import { type PrintfVerb, noWrittenFlags, printfVerb } from './printf-format.js';
import { ppFmtBool, ppFmtFloat, ppFmtInteger, ppFmtString } from './print-verb.js';
import { sortedEntries } from './sort-keys.js';

/** What arg (a non-nil `any`) prints as under v, or null when the generic path must print it. */
export function fastVerb(v: PrintfVerb, arg: Value): string | null {
  const t = arg.type;
  // json.Number's String is its text, which handleMethods prints with fmtString; under
  // %#v (it has no GoString) printValue prints its string kind with fmtString: the same.
  if (t === stringType || t === jsonNumberType) return ppFmtString(v, v.verb, arg.v as string);
  if (t.methods.size !== 0) return null;
  switch (t.kind) {
    case 'slice':
    case 'array':
    case 'map':
      // A plain %v or %#v: widths and flags would apply to every element.
      return v.verb === 'v' && !(v.plusV || v.minus || v.space || v.zero || v.widPresent || v.precPresent)
        ? nestedValue(arg, v.sharpV ? goSyntaxV : plainV, null)
        : null;
    default:
      return basicValue(v, v.verb, arg);
  }
}

/**
 * What a slice, array or map (arg) prints as under a plain %v or %#v (sharpV): fastVerb's
 * text for it, or null when the generic path must print it.
 */
export function listOrMapText(arg: Value, sharpV: boolean): string | null {
  return nestedValue(arg, sharpV ? goSyntaxV : plainV, null);
}

/** printValue of a bool, integer or float (of a type without methods); null for other kinds. */
function basicValue(f: FmtFlags, verb: string, value: Value): string | null {
  switch (value.type.kind) {
    case 'bool':
      return ppFmtBool(f, verb, value.v as boolean);
    case 'float32':
      return ppFmtFloat(f, verb, value.v as number, 32);
    case 'float64':
      return ppFmtFloat(f, verb, value.v as number, 64);
    case 'int':
    case 'int8':
    case 'int16':
    case 'int32':
    case 'int64': {
      // printValue passes the uint64 bits of a signed integer.
      const n = value.v as bigint;
      return ppFmtInteger(f, verb, n < 0n ? BigInt.asUintN(64, n) : n, true);
    }
    case 'uint':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'uintptr':
      return ppFmtInteger(f, verb, value.v as bigint, false);
    default:
      return null;
  }
}

/** A plain %v and %#v: the flags printValue sees below them. */
const plainV = printfVerb('', 'v', noWrittenFlags);
const goSyntaxV = printfVerb('', 'v', { ...noWrittenFlags, sharp: true });

/**
 * printValue of a value under a plain %v or %#v (f is plainV or goSyntaxV), for strings,
 * json.Number, bools, integers, floats and (nested) slices and maps of them, none with
 * methods; null for anything else in it. Elements are met as printValue meets them at
 * depth > 0, where handleMethods would run a String or Error method: types with methods
 * are refused. The maps met (not those inside them) are added to `inner` when given.
 */
function nestedValue(value: Value, f: FmtFlags, inner: InnerMaps | null): string | null {
  let t = value.type;
  if (t.kind === 'interface') {
    const e = value.v as Value | null;
    // A nil interface element: "<nil>"; %#v prints its type, left to the generic path.
    if (e === null) return f.sharpV ? null : '<nil>';
    value = e;
    t = e.type;
  }
  // Without flags, fmtS prints a string as it is, and fmtQ (for %#v) as strconv.Quote.
  if (t === jsonNumberType || t === stringType) return f.sharpV ? quote(value.v as string) : (value.v as string);
  if (t.methods.size !== 0) return null;
  switch (t.kind) {
    case 'bool':
      return value.v ? 'true' : 'false';
    case 'slice':
    case 'array':
      return t.elem?.kind === 'uint8' ? null : nestedList(value, f, inner);
    case 'map':
      return nestedMap(value, f, inner);
    default:
      return basicValue(f, 'v', value);
  }
}

/** printList under %v or %#v. */
function nestedList(value: Value, f: FmtFlags, inner: InnerMaps | null): string | null {
  const sharpV = f.sharpV;
  if (sharpV && value.v === null) return null; // "[]T(nil)"
  const items = value.items();
  let out = sharpV ? value.type.str + '{' : '[';
  for (let i = 0; i < items.length; i++) {
    const s = nestedValue(items[i], f, inner);
    if (s === null) return null;
    if (i > 0) out += sharpV ? ', ' : ' ';
    out += s;
  }
  return out + (sharpV ? '}' : ']');
}

/** printMap under %v or %#v; under %v a map keeps its text until it changes (plainMap). */
function nestedMap(value: Value, f: FmtFlags, inner: InnerMaps | null): string | null {
  const m = value.v as GoMap | null;
  if (m === null) return f.sharpV ? null : 'map[]';
  if (f.sharpV) {
    const entries = mapEntries(m, f, null);
    return entries === null ? null : value.type.str + '{' + entries + '}';
  }
  const kept = keptText(m);
  if (inner !== null) {
    inner.maps.push(m);
    inner.versions.push(kept.version);
  }
  return kept.text;
}

/** The entries of m as printMap prints them between its brackets, in fmtsort's order. */
function mapEntries(m: GoMap, f: FmtFlags, inner: InnerMaps | null): string | null {
  const sorted = sortedEntries(m);
  let out = '';
  for (let i = 0; i < sorted.length; i++) {
    const key = nestedValue(sorted[i].key, f, inner);
    if (key === null) return null;
    const val = nestedValue(sorted[i].value, f, inner);
    if (val === null) return null;
    if (i > 0) out += f.sharpV ? ', ' : ' ';
    out += key + ':' + val;
  }
  return out;
}

/** The maps a map's text was made from, each with the version of its kept text then. */
interface InnerMaps {
  maps: GoMap[];
  versions: number[];
}

/** A map's plain %v text as last printed, with the maps inside that text depends on. */
class KeptText {
  text: string | null = null;
  inner: InnerMaps | null = null;
  /**
   * Which text this is: a number no other text has had (texts), so that a map containing
   * this one tells whether it changed by comparing numbers. Comparing the texts instead
   * would make V8 flatten both ropes and keep the copies: a flat copy of the text below
   * at every level of a deep value, quadratic in time and memory.
   */
  version = 0;
  /** The pass (epoch) in which the text was last made or found right. */
  checked = 0;
}

function newKeptText(): KeptText {
  return new KeptText();
}

/** Numbers KeptText versions: the last one given. */
let texts = 0;

/**
 * What a plain %v prints for a non-nil map (printValue at any depth prints the same), or
 * null where the generic path must print it.
 */
export function plainMap(this: void, m: GoMap): string | null {
  return keptText(m).text;
}

/**
 * plainMap's text of m, with its version. A Vault Agent pass prints the same secrets each
 * time: a map keeps its text (GoMap.derive drops it when the map changes), with the maps
 * it contains (as values or in lists, not inside another map) and the version of their
 * text then; it is right while each of those still has that version, checked the same
 * way. Nothing else in it can change: keys, scalars and list elements are immutable.
 * A map is checked once per Sprintf (an epoch: nothing changes a map while it prints),
 * so that a deep value is walked once, not once per level.
 */
function keptText(m: GoMap): KeptText {
  const kept = m.derive(plainMap, newKeptText);
  if (kept.checked !== epoch) {
    if (kept.inner === null || !unchanged(kept.inner)) {
      // Printed here rather than in a function of its own: a frame fewer per level of a
      // deep value, whose printing recurses as deep as it nests.
      const inner: InnerMaps = { maps: [], versions: [] };
      const entries = mapEntries(m, plainV, inner);
      const text = entries === null ? null : 'map[' + entries + ']';
      // A short text is made flat once, rather than a rope of every piece walked by each
      // output that prints it. A long one stays a rope, which shares the kept texts of the
      // maps inside it: a flat copy at every level of a deep value is quadratic.
      kept.text = text === null || text.length > flatLimit ? text : flatten(text);
      kept.inner = inner;
      kept.version = ++texts;
    }
    kept.checked = epoch;
  }
  return kept;
}

let epoch = 0;

/** Starts an epoch: called as each Sprint, Sprintf or Sprintln starts. */
export function newEpoch(): void {
  epoch++;
}

/** Whether each map's kept text is still the one it had. */
function unchanged(inner: InnerMaps): boolean {
  for (let i = 0; i < inner.maps.length; i++) if (keptText(inner.maps[i]).version !== inner.versions[i]) return false;
  return true;
}

/** Kept texts up to this length are flat: a character is copied into at most ~40 of them (each level adds "map[", "]" and a key). */
const flatLimit = 256;
