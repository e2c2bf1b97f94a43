// json.Marshal / json.MarshalIndent / json.Encoder over Values (encode.go, indent.go).
//
// The encoder walks the value with an explicit work stack instead of recursion,
// so a value as deep as the decoder accepts (10000 levels) encodes without
// exhausting the JS call stack.

import { quote as goQuote } from '../../strconv/index.js';
import { bytesToString, utf8Bytes } from '../../unicode/utf8/index.js';
import { jsonNumberType } from '../../../value/index.js';
import { Scanner, scanError, scanSkipSpace } from './scanner.js';
import { type GoType, type Method, boolType, float64Type, invalidType, stringType, isFloatKind, isIntKind, isUintKind, ptrTo } from '../../../value/index.js';
import { GoError, type GoMap, type MapEntry, type MapOrder, Value, stringKeyOrder } from '../../../value/index.js';

export interface MarshalOptions {
  /** Escape <, > and & in strings as \u003c \u003e \u0026 (json.Marshal does; Encoder.SetEscapeHTML(false) does not). */
  readonly escapeHTML: boolean;
  /**
   * When prefix or indent is given (even ""), the output is indented as by json.MarshalIndent.
   * json.Encoder with SetIndent writes the same text followed by "\n"; that newline is left to callers.
   */
  readonly prefix?: string;
  readonly indent?: string;
}

/** Encodes v as Go's encoding/json does; errors are thrown as GoError with Go's text. */
export function marshalJSON(v: Value, opts: MarshalOptions): string {
  const pretty = opts.prefix !== undefined || opts.indent !== undefined;
  return new Encoder(opts.escapeHTML, pretty ? (opts.prefix ?? '') : null, opts.indent ?? '').encode(v);
}

/** Past this many nested maps, slices and pointers Go starts looking for cycles. */
const startDetectingCyclesAfter = 1000;

/**
 * A map, struct, slice or array being written: its elements in order, with each one's
 * key text (quoted, with the colon) for objects. `ref` is what enter counted, if anything.
 */
interface Composite {
  readonly values: readonly Value[];
  readonly keys: readonly string[] | null;
  /** A map's element texts known so far (see QuotedEntries); null for other composites. */
  readonly texts: (string | null | undefined)[] | null;
  readonly addr: boolean;
  readonly close: string;
  readonly ref: unknown;
  next: number;
}

/**
 * Pending work: a composite to continue, a pointer's element to write (a task, not a
 * call: pointer chains may be as deep as composites), or the end of that pointer.
 */
type Task = Composite | { readonly elem: Value } | { readonly leave: unknown };

/**
 * Writes compact JSON, or with `prefix` non-null the text json.Indent would make of it:
 * Indent only respaces the compact text's punctuation, which the encoder writes itself
 * (an empty object or array stays {} or []; a MarshalJSON result is indented as text).
 */
class Encoder {
  private out = '';
  private readonly tasks: Task[] = [];
  private ptrLevel = 0;
  private readonly ptrSeen = new Set<unknown>();
  private depth = 0;
  // newline + prefix + indent per depth, built once per depth.
  private readonly newlines: string[] = [];
  private readonly colon: string;

  constructor(
    private readonly escapeHTML: boolean,
    private readonly prefix: string | null,
    private readonly indent: string,
  ) {
    this.colon = prefix === null ? ':' : ': ';
  }

  encode(root: Value): string {
    // Marshal's argument is an interface: the top-level value is not addressable.
    this.value(root, false);
    const tasks = this.tasks;
    while (tasks.length > 0) {
      const t = tasks[tasks.length - 1];
      if ('leave' in t) {
        tasks.pop();
        this.leave(t.leave);
        continue;
      }
      if ('elem' in t) {
        tasks.pop();
        this.value(t.elem, true);
        continue;
      }
      const i = t.next;
      if (i === t.values.length) {
        tasks.pop();
        this.closeComposite(t.close);
        if (t.ref !== undefined) this.leave(t.ref);
        continue;
      }
      t.next = i + 1;
      let sep = i > 0 ? ',' : '';
      if (this.prefix !== null) sep += this.newline(this.depth);
      if (t.keys !== null) sep += t.keys[i] + this.colon;
      const texts = t.texts;
      if (texts !== null) {
        let text = texts[i];
        if (text === undefined) {
          text = scalarText(t.values[i], this.escapeHTML);
          texts[i] = text;
        }
        if (text !== null) {
          this.out += sep + text;
          continue;
        }
      }
      this.out += sep;
      // May push a task of its own, which runs before this composite's next element.
      this.value(t.values[i], t.addr);
    }
    return this.out;
  }

  private newline(depth: number): string {
    const known = this.newlines[depth];
    if (known !== undefined) return known;
    const text = `\n${this.prefix}${this.indent.repeat(depth)}`;
    this.newlines[depth] = text;
    return text;
  }

  /** Starts a composite of values (keys: their quoted names for an object); {} and [] when empty. */
  private openComposite(
    open: string,
    close: string,
    values: readonly Value[],
    keys: readonly string[] | null,
    texts: (string | null | undefined)[] | null,
    addr: boolean,
    ref: unknown,
  ): void {
    if (values.length === 0) {
      this.out += open + close;
      if (ref !== undefined) this.leave(ref);
      return;
    }
    this.out += open;
    this.depth++;
    this.tasks.push({ values, keys, texts, addr, close, ref, next: 0 });
  }

  private closeComposite(close: string): void {
    this.depth--;
    this.out += this.prefix === null ? close : this.newline(this.depth) + close;
  }

  // newTypeEncoder's choice, made per value. `addr` is reflect's CanAddr: true for
  // values reached through a pointer or a slice, which may use pointer-receiver methods.
  private value(v: Value, addr: boolean): void {
    if (!v.isValid()) {
      this.out += 'null';
      return;
    }
    const t = v.type;
    const k = t.kind;
    // The common cases first: string and json.Number, whose pointers have no MarshalJSON.
    if (t === stringType) {
      this.out += quote(v.str(), this.escapeHTML);
      return;
    }
    if (t === jsonNumberType) {
      this.out += numberLiteral(v.str());
      return;
    }
    if (k !== 'ptr' && k !== 'interface' && addr) {
      const pt = ptrTo(t);
      const m = pt.methods.get('MarshalJSON');
      if (m) {
        this.marshaler(m, new Value(pt, v), t);
        return;
      }
    }
    const m = k === 'interface' ? undefined : t.methods.get('MarshalJSON');
    if (m) {
      if (k === 'ptr' && v.isNil()) this.out += 'null';
      else this.marshaler(m, v, t);
      return;
    }
    if (k === 'bool') this.out += v.bool() ? 'true' : 'false';
    else if (isIntKind(k) || isUintKind(k)) this.out += v.int().toString();
    else if (isFloatKind(k)) this.out += formatFloat(v.float(), k === 'float32' ? 32 : 64);
    else if (k === 'string') this.out += t === jsonNumberType ? numberLiteral(v.str()) : quote(v.str(), this.escapeHTML);
    // Directly, not as a task: an interface never holds an interface, so this recurses once.
    else if (k === 'interface') this.value(v.elem(), false);
    else if (k === 'struct') this.struct(v, addr);
    else if (k === 'map') this.map(v);
    else if (k === 'slice') this.slice(v);
    else if (k === 'array') this.openComposite('[', ']', v.items(), null, null, addr, undefined);
    else if (k === 'ptr') {
      if (v.isNil()) this.out += 'null';
      else {
        const elem = v.elem();
        this.enter(elem, t);
        this.tasks.push({ leave: elem }, { elem });
      }
    } else throw new GoError(`json: unsupported type: ${t.str}`);
  }

  // marshalerEncoder / addrMarshalerEncoder: the method's JSON, validated and compacted.
  private marshaler(m: Method, recv: Value, errType: GoType): void {
    // A value-receiver method reached through a pointer is called on the pointee.
    const self = recv.kind === 'ptr' && recv.type.elem?.methods.get(m.name) === m ? recv.elem() : recv;
    let json: string;
    try {
      json = compact(bytesOf(m.call(self, [])), this.escapeHTML);
    } catch (e) {
      if (e instanceof GoError) {
        throw new GoError(`json: error calling MarshalJSON for type ${errType.str}: ${e.message}`);
      }
      throw e;
    }
    this.out += this.prefix === null ? json : indentJSON(json, this.prefix, this.indent, this.depth);
  }

  private struct(v: Value, addr: boolean): void {
    const fields = v.type.fields ?? [];
    const items = v.items();
    const keys: string[] = [];
    const values: Value[] = [];
    for (let i = 0; i < fields.length; i++) {
      if (!fields[i].exported) continue;
      keys.push(quote(fields[i].name, this.escapeHTML));
      values.push(items[i]);
    }
    this.openComposite('{', '}', values, keys, null, addr, undefined);
  }

  private map(v: Value): void {
    const t = v.type;
    const kk = t.key?.kind ?? 'invalid';
    if (kk !== 'string' && !isIntKind(kk) && !isUintKind(kk)) throw new GoError(`json: unsupported type: ${t.str}`);
    const m = v.map();
    if (m === null) {
      this.out += 'null';
      return;
    }
    this.enter(m, t);
    const q = quotedEntries(m, this.escapeHTML);
    if (q.values.length > 0 && allText(q)) {
      this.out += this.wholeMap(q);
      this.leave(m);
      return;
    }
    this.openComposite('{', '}', q.values, q.keys, q.texts, false, m);
  }

  /** The text of a map whose every value's text is known, kept per layout (its depth when indented). */
  private wholeMap(q: QuotedEntries): string {
    // The text depends on the newline before its elements and the one before '}' only,
    // which that key determines: the second is the first without its last indent.
    const layout = this.prefix === null ? '' : `${this.indent.length} ${this.newline(this.depth + 1)}`;
    const known = q.wholes.get(layout);
    if (known !== undefined) return known;
    const inner = this.prefix === null ? '' : this.newline(this.depth + 1);
    const parts: string[] = ['{'];
    for (let i = 0; i < q.keys.length; i++) parts.push(i > 0 ? ',' : '', inner, q.keys[i], this.colon, q.texts[i] as string);
    if (this.prefix !== null) parts.push(this.newline(this.depth));
    parts.push('}');
    // Joined, not concatenated: a flat string, which each pass copies instead of walking a
    // rope of a thousand pieces when the output is flattened.
    const text = parts.join('');
    q.wholes.set(layout, text);
    return text;
  }

  private slice(v: Value): void {
    const items = v.isNil() ? null : v.items();
    if (items === null) {
      this.out += 'null';
      return;
    }
    const elem = v.type.elem;
    if (elem?.kind === 'uint8') {
      const pm = ptrTo(elem).methods;
      if (!pm.has('MarshalJSON') && !pm.has('MarshalText')) {
        this.out += `"${base64(items.map((b) => Number(b.int())))}"`;
        return;
      }
    }
    this.enter(items, v.type);
    this.openComposite('[', ']', items, null, null, true, items);
  }

  /** Counts one more map/slice/pointer level; deep enough, a repeat of `ref` is a cycle. */
  private enter(ref: unknown, t: GoType): void {
    if (++this.ptrLevel > startDetectingCyclesAfter) {
      if (this.ptrSeen.has(ref)) throw new GoError(`json: unsupported value: encountered a cycle via ${t.str}`);
      this.ptrSeen.add(ref);
    }
  }

  private leave(ref: unknown): void {
    if (this.ptrLevel-- > startDetectingCyclesAfter) this.ptrSeen.delete(ref);
  }
}

interface QuotedEntries {
  readonly keys: readonly string[];
  readonly values: readonly Value[];
  /**
   * Each value's JSON text once written, if it is a string or json.Number (the same
   * every time: Values do not change); null for values of other types.
   */
  readonly texts: (string | null | undefined)[];
  /** Whether every value's text is known (once true, it stays true). */
  complete: boolean;
  /** The whole map's text once complete, per layout (see Encoder.wholeMap). */
  readonly wholes: Map<string, string>;
}

function allText(q: QuotedEntries): boolean {
  if (q.complete) return true;
  for (const t of q.texts) if (typeof t !== 'string') return false;
  q.complete = true;
  return true;
}

// A map keeps what it derives until it changes, and a Vault Agent pass encodes the same
// secret every time: its quoted keys and scalar values' texts are kept by the map, so a
// pass over an unchanged secret quotes nothing again.
const quotedKeys = (m: GoMap): QuotedEntries => quoteEntries(sortedEntries(m), false);
const quotedKeysHTML = (m: GoMap): QuotedEntries => quoteEntries(sortedEntries(m), true);

/** The map's sorted entries, with key names quoted (kept by a map of 2 entries or more). */
function quotedEntries(m: GoMap, escapeHTML: boolean): QuotedEntries {
  const quoted = escapeHTML ? quotedKeysHTML : quotedKeys;
  // A map of one entry or none is quick to redo: it keeps nothing.
  return m.size < 2 ? quoted(m) : m.derive(quoted, quoted);
}

/**
 * The JSON text of nil, a bool, a finite float64, a string or a valid json.Number (held
 * in an interface or not), which depends on nothing else; null for any other value,
 * which the encoder writes itself (and fails on, if it must, when it gets there).
 */
function scalarText(v: Value, escapeHTML: boolean): string | null {
  const e = v.type.kind === 'interface' ? v.elem() : v;
  const t = e.type;
  if (t === stringType) return quote(e.str(), escapeHTML);
  if (t === invalidType) return 'null';
  if (t === boolType) return e.bool() ? 'true' : 'false';
  if (t === float64Type && Number.isFinite(e.float())) return formatFloat(e.float(), 64);
  if (t === jsonNumberType) {
    const s = e.str();
    if (s === '' || numberGrammar.test(s)) return numberLiteral(s);
  }
  return null;
}

/** The entries' key names quoted (as resolveKeyName and appendString make them), and their values. */
function quoteEntries(entries: readonly MapEntry[], escapeHTML: boolean): QuotedEntries {
  const keys: string[] = new Array(entries.length);
  const values: Value[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    keys[i] = quote(keyText(entries[i].key), escapeHTML);
    values[i] = entries[i].value;
  }
  return { keys, values, texts: new Array<string | null | undefined>(entries.length), complete: false, wholes: new Map() };
}

/** resolveKeyName: a string key is itself, an integer key its decimal text. */
function keyText(key: Value): string {
  return key.kind === 'string' ? key.str() : key.int().toString();
}

/**
 * The entries sorted by resolved key name with strings.Compare, kept by the map. With
 * string keys that is fmtsort's order too, and fmt and range share the sort.
 */
function sortedEntries(m: GoMap): readonly MapEntry[] {
  if (m.size < 2) return Array.from(m.entries.values());
  const first = m.entries.values().next().value as MapEntry;
  return m.sorted(first.key.kind === 'string' ? stringKeyOrder : integerKeyOrder);
}

/** Integer keys sort by their decimal text, not by value. */
const integerKeyOrder: MapOrder = (m) => {
  const keyed = Array.from(m.entries.values(), (e) => ({ k: keyText(e.key), e }));
  // strings.Compare orders by UTF-8 bytes; digits and '-' are ASCII, compared natively.
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.e);
};

/** The bytes a MarshalJSON method returned ([]byte), as text. */
function bytesOf(v: Value): Uint8Array {
  if (v.kind === 'string') return utf8Bytes(v.str());
  return Uint8Array.from(v.items(), (b) => Number(b.int()));
}

// appendCompact with escape: checks the JSON, drops insignificant space and HTML-escapes.
function compact(src: Uint8Array, escape: boolean): string {
  const scan = new Scanner();
  const dst: number[] = [];
  let start = 0;
  const copy = (end: number): void => {
    for (let j = start; j < end; j++) dst.push(src[j]);
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (escape && (c === 0x3c || c === 0x3e || c === 0x26)) {
      copy(i);
      for (const ch of `\\u00${c.toString(16)}`) dst.push(ch.charCodeAt(0));
      start = i + 1;
    }
    if (escape && c === 0xe2 && i + 2 < src.length && src[i + 1] === 0x80 && (src[i + 2] & ~1) === 0xa8) {
      copy(i);
      for (const ch of `\\u202${(src[i + 2] & 0xf).toString(16)}`) dst.push(ch.charCodeAt(0));
      start = i + 3;
    }
    const op = scan.step(scan, c);
    if (op >= scanSkipSpace) {
      if (op === scanError) break;
      copy(i);
      start = i + 1;
    }
  }
  if (scan.eof() === scanError) throw new GoError(scan.err ?? '');
  copy(src.length);
  // Go copies the bytes, invalid ones included (the scanner takes any byte in a string).
  return bytesToString(dst);
}

// floatEncoder: ES6 number-to-string style, which is also what JS's String(number) produces.
function formatFloat(f: number, bits: 32 | 64): string {
  if (!Number.isFinite(f)) throw new GoError(`json: unsupported value: ${Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'}`);
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  // Both use the shortest digits that read back as the same number, and switch to
  // exponent form below 1e-6 and from 1e21 on (Go then trims "e-07" to "e-7", as JS writes it).
  return bits === 64 ? String(f) : String(shortestFloat32(f));
}

/**
 * The float64 of the shortest decimal that reads back as float32 f (its String() has
 * those digits): the closest such decimal, ties going to an even last digit like Go.
 */
function shortestFloat32(x: number): number {
  const f = Math.fround(x); // a float32 Value should already hold one; nine digits always suffice for it
  for (let p = 1; ; p++) {
    const s = f.toPrecision(p);
    const d = Number(s);
    if (Math.fround(d) !== f) continue;
    // toPrecision breaks a tie upwards (in magnitude); Go keeps the even digit instead.
    const m = /^(-?[0-9.]*)([13579])(e.*)?$/.exec(s);
    if (!m) return d;
    const lower = Number(`${m[1]}${Number(m[2]) - 1}${m[3] ?? ''}`);
    // d and lower carry rounding of ~2^-53 relative; a non-tie's distances differ by at least ~2^-27 relative.
    const tie = Math.abs(Math.abs(d - f) - Math.abs(lower - f)) <= Math.abs(f) * 2 ** -40;
    return tie && Math.fround(lower) === f ? lower : d;
  }
}

// isValidNumber's grammar (a JSON number), for json.Number.
const numberGrammar = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

function numberLiteral(s: string): string {
  // The zero json.Number ("") encodes as 0.
  const text = s === '' ? '0' : s;
  if (!numberGrammar.test(text)) throw new GoError(`json: invalid number literal ${goQuote(text)}`);
  return text;
}

const hexDigits = '0123456789abcdef';

// What quote must escape (surrogates: a lone one; a valid pair passes through); most
// strings hold none, and one RegExp search is much faster than the loop below.
const needsEscape = /[\u0000-\u001f"\\\u2028\u2029\uD800-\uDFFF]/;
const needsEscapeHTML = /[\u0000-\u001f"\\<>&\u2028\u2029\uD800-\uDFFF]/;

/** appendString: a JSON string literal for s. */
function quote(s: string, escapeHTML: boolean): string {
  if (!(escapeHTML ? needsEscapeHTML : needsEscape).test(s)) return `"${s}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && !(escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))) continue;
      switch (c) {
        case 0x22:
          esc = '\\"';
          break;
        case 0x5c:
          esc = '\\\\';
          break;
        case 0x08:
          esc = '\\b';
          break;
        case 0x0c:
          esc = '\\f';
          break;
        case 0x0a:
          esc = '\\n';
          break;
        case 0x0d:
          esc = '\\r';
          break;
        case 0x09:
          esc = '\\t';
          break;
        default:
          esc = `\\u00${hexDigits[c >> 4]}${hexDigits[c & 0xf]}`;
      }
    } else if (c === 0x2028 || c === 0x2029) {
      esc = `\\u202${hexDigits[c & 0xf]}`;
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++; // a valid surrogate pair is one code point
      continue;
    } else if (c >= 0xd800 && c < 0xe000) {
      esc = '\\ufffd'; // a lone surrogate stands for invalid UTF-8
    } else {
      continue;
    }
    out += s.slice(start, i) + esc;
    start = i + 1;
  }
  return `${out}${s.slice(start)}"`;
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding (padded). */
function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += base64Alphabet[(n >> 18) & 63] + base64Alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.length ? base64Alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? base64Alphabet[n & 63] : '=';
  }
  return out;
}

// appendIndent over a compacted MarshalJSON result (valid JSON; strings hold no raw
// control characters), written at `start` levels deep. Strings and other literals are copied whole; only punctuation is respaced.
const literalRun = /"(?:[^"\\]|\\.)*"|[^{}[\],:"]+/y;

function indentJSON(src: string, prefix: string, indent: string, start: number): string {
  const parts: string[] = [];
  let needIndent = false;
  let depth = start;
  const newline = (): string => `\n${prefix}${indent.repeat(depth)}`;
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (needIndent && c !== '}' && c !== ']') {
      needIndent = false;
      depth++;
      parts.push(newline());
    }
    switch (c) {
      case '{':
      case '[':
        // Delay the newline so that empty objects and arrays stay {} and [].
        needIndent = true;
        parts.push(c);
        break;
      case ',':
        parts.push(c, newline());
        break;
      case ':':
        parts.push(': ');
        break;
      case '}':
      case ']':
        if (needIndent) {
          needIndent = false;
        } else {
          depth--;
          parts.push(newline());
        }
        parts.push(c);
        break;
      default: {
        literalRun.lastIndex = i;
        const m = literalRun.exec(src);
        const text = m ? m[0] : c;
        parts.push(text);
        i += text.length;
        continue;
      }
    }
    i++;
  }
  return parts.join('');
}
