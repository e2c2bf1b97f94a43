// toYAML: gopkg.in/yaml.v2 Marshal (encode.go + the libyaml emitter it drives) for the
// values templates hold: block mappings (keys in yaml.v2's keyList order), indentless
// block sequences inside mappings, scalars plain when they would read back as the same
// string, else single- or double-quoted, multi-line strings as literal blocks, and
// long plain/single-quoted scalars folded at column 80 as the emitter does.

import { formatFloat } from '../../fmt/index.js';
import { GoError, type Value, indirect, indirectInterface, isFloatKind, isIntKind, isUintKind, jsonNumberType, stringType } from '../../value/index.js';
import { parseFloat64 } from '../../go/strconv/index.js';
import { encode as base64Encode } from '../../go/encoding/base64/index.js';
import { firstEscape, runeError, utf8Bytes, utf8Length } from '../../go/unicode/utf8/index.js';
import { RFC3339Nano, formatTime } from '../../go/time/index.js';
import { goTimeOf, timeType } from '../../value/index.js';
import { resolvePlain } from './decode.js';

const bestWidth = 80;

/** tag: written before the scalar ('!!binary'); none is the implicit tag of a plain string. */
type Scalar = { kind: 'scalar'; text: string; style: 'plain' | 'single' | 'double' | 'literal'; tag?: string };
type Node = Scalar | { kind: 'map'; entries: [Node, Node][] } | { kind: 'seq'; items: Node[] };

function plainScalar(text: string): Scalar {
  return { kind: 'scalar', text, style: 'plain' };
}

/** The yaml.v2 jsonNumber rule: int64 if it parses, else float64, else the string. */
function jsonNumberNode(text: string): Node {
  if (/^[+-]?[0-9]+$/.test(text)) {
    const n = BigInt(text);
    if (n >= -(1n << 63n) && n < 1n << 63n) return plainScalar(n.toString());
  }
  try {
    return floatNode(parseFloat64(text));
  } catch {
    return stringNode(text);
  }
}

function floatNode(f: number, bits: 32 | 64 = 64): Node {
  let s = formatFloat(f, 'g', -1, bits);
  if (s === '+Inf') s = '.inf';
  else if (s === '-Inf') s = '-.inf';
  else if (s === 'NaN') s = '.nan';
  return plainScalar(s);
}

/** parseTimestamp's layouts: a plain scalar in one of them would read back as a timestamp. */
const timestampLike = /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})?)?$/;

function stringNode(s: string): Scalar {
  // An escape is an invalid byte: yaml.v2's stringv writes a string that is not valid UTF-8
  // as !!binary base64 of its bytes. (Any other lone surrogate stands for U+FFFD: valid.)
  if (firstEscape(s) >= 0) return binaryNode(utf8Bytes(s));
  const resolvesToString = resolvePlain(s).type === stringType && !timestampLike.test(s) && !/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
  if (s.includes('\n')) return { kind: 'scalar', text: s, style: 'literal' };
  return { kind: 'scalar', text: s, style: resolvesToString ? 'plain' : 'double' };
}

/**
 * yaml.v2's encodeBase64 under the !!binary tag: lines of 70, each ending in a line break
 * once there are two or more (so a literal block), else one plain line.
 */
function binaryNode(b: Uint8Array): Scalar {
  const enc = base64Encode(b);
  if (enc.length < 70) return { kind: 'scalar', text: enc, style: 'plain', tag: '!!binary' };
  let text = '';
  for (let i = 0; i < enc.length; i += 70) text += enc.slice(i, i + 70) + '\n';
  return { kind: 'scalar', text, style: 'literal', tag: '!!binary' };
}

/** keyFloat / numLess / the rune-wise natural order of yaml.v2's sorter.go. */
function keyLess(a: Value, b: Value): boolean {
  const ka = indirect(a).v;
  const kb = indirect(b).v;
  const num = (v: Value): number | undefined => {
    if (isIntKind(v.kind) || isUintKind(v.kind)) return Number(v.int());
    if (isFloatKind(v.kind)) return v.float();
    if (v.kind === 'bool') return v.bool() ? 1 : 0;
    return undefined;
  };
  const rank = [
    'invalid',
    'bool',
    'int',
    'int8',
    'int16',
    'int32',
    'int64',
    'uint',
    'uint8',
    'uint16',
    'uint32',
    'uint64',
    'uintptr',
    'float32',
    'float64',
    'complex64',
    'complex128',
    'array',
    'chan',
    'func',
    'interface',
    'map',
    'ptr',
    'slice',
    'string',
    'struct',
  ];
  const af = num(ka);
  const bf = num(kb);
  if (af !== undefined && bf !== undefined) {
    if (af !== bf) return af < bf;
    if (ka.kind !== kb.kind) return rank.indexOf(ka.kind) < rank.indexOf(kb.kind);
    if (ka.kind === 'bool') return !ka.bool() && kb.bool();
    return isFloatKind(ka.kind) ? ka.float() < kb.float() : ka.int() < kb.int();
  }
  if (ka.kind !== 'string' || kb.kind !== 'string') return rank.indexOf(ka.kind) < rank.indexOf(kb.kind);
  // []rune(s): an invalid byte (an escape) or any lone surrogate is U+FFFD.
  const ar = Array.from(ka.str(), loneToRuneError);
  const br = Array.from(kb.str(), loneToRuneError);
  const isLetter = (r: string): boolean => /\p{L}/u.test(r);
  const isDigit = (r: string | undefined): boolean => r !== undefined && /\p{Nd}/u.test(r);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return (ar[i].codePointAt(0) ?? 0) < (br[i].codePointAt(0) ?? 0);
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt((ar[ai].codePointAt(0) ?? 48) - 48)); // int64, wrapping as in Go
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt((br[bi].codePointAt(0) ?? 48) - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return (ar[i].codePointAt(0) ?? 0) < (br[i].codePointAt(0) ?? 0);
  }
  return ar.length < br.length;
}

/** A code point of Array.from(s): a lone surrogate (one unit in 0xD800..0xDFFF) becomes U+FFFD. */
function loneToRuneError(c: string): string {
  return c.length === 1 && (c.charCodeAt(0) & 0xf800) === 0xd800 ? String.fromCharCode(runeError) : c;
}

/** Builds the node tree (encoder.marshal). */
function toNode(v0: Value, depth = 0): Node {
  if (depth > 10000) throw new GoError('yaml: exceeded max depth');
  let v = indirectInterface(v0);
  while (v.kind === 'ptr' && !v.isNil() && v.type.elem !== timeType) v = indirectInterface(v.elem());
  if (!v.isValid() || (v.isNil() && (v.kind === 'ptr' || v.kind === 'interface'))) return plainScalar('null');
  if (v.kind === 'ptr') v = v.elem();
  if (v.type === jsonNumberType) return jsonNumberNode(v.str());
  if (v.type === timeType) return plainScalar(formatTime(goTimeOf(v), RFC3339Nano));
  switch (v.kind) {
    case 'map': {
      const entries = [...(v.map()?.entries.values() ?? [])].sort((a, b) => (keyLess(a.key, b.key) ? -1 : keyLess(b.key, a.key) ? 1 : 0));
      return { kind: 'map', entries: entries.map((e) => [toNode(e.key, depth + 1), toNode(e.value, depth + 1)]) };
    }
    case 'slice':
    case 'array':
      return { kind: 'seq', items: v.items().map((x) => toNode(x, depth + 1)) };
    case 'struct': {
      const fields = v.type.fields ?? [];
      const entries: [Node, Node][] = [];
      v.items().forEach((f, i) => {
        if (fields[i]?.exported) entries.push([stringNode(fields[i].name.toLowerCase()), toNode(f, depth + 1)]);
      });
      return { kind: 'map', entries };
    }
    case 'string':
      return stringNode(v.str());
    case 'bool':
      return plainScalar(v.bool() ? 'true' : 'false');
    default:
      if (isIntKind(v.kind) || isUintKind(v.kind)) return plainScalar(v.int().toString());
      if (isFloatKind(v.kind)) return floatNode(v.float(), v.kind === 'float32' ? 32 : 64);
      throw new GoError(`cannot marshal type: ${v.type.str}`);
  }
}

// ---- emitter -----------------------------------------------------------------

/** yaml.v2's is_break: the YAML line breaks. */
function isBreak(c: string): boolean {
  return c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
}

/** yaml.v2's is_printable: note that it rejects U+0085 and everything beyond the BMP. */
function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

/** yaml_emitter_analyze_scalar: which styles can carry the text. */
function analyze(text: string): { plain: boolean; single: boolean; block: boolean } {
  if (text === '') return { plain: false, single: true, block: false };
  if (text.startsWith('---') || text.startsWith('...')) return { plain: false, single: true, block: true };
  const cs = Array.from(text);
  let blockInd = false;
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  let precededByWS = true;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    const next = cs[i + 1];
    const followedByWS = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
    if (i === 0) {
      // Only block-context indicators matter: vtpl emits no flow collections with scalars in them.
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockInd = true;
      else if ((c === '?' || c === ':') && followedByWS) blockInd = true;
      else if (c === '-' && followedByWS) blockInd = true;
    } else if ((c === ':' && followedByWS) || (c === '#' && precededByWS)) {
      blockInd = true;
    }
    if (!isPrintable(c.codePointAt(0) ?? 0)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === cs.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === cs.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevBreak = true;
      prevSpace = false;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWS = c === ' ' || c === '\t' || c === '\n' || c === '\r';
  }
  let plain = true;
  let single = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) plain = false;
  if (trailingSpace) block = false;
  if (breakSpace) {
    plain = false;
    single = false;
  }
  if (spaceBreak || special) {
    plain = false;
    single = false;
    block = false;
  }
  if (lineBreaks) plain = false;
  if (blockInd) plain = false;
  return { plain, single, block };
}

/** check_simple_key for a scalar: no line breaks and at most 128 bytes, its tag's included. */
function isSimpleKey(n: Scalar): boolean {
  return !Array.from(n.text).some(isBreak) && (n.tag?.length ?? 0) + utf8Length(n.text) <= 128;
}

const doubleEscapes: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

class Emitter {
  out = '';
  column = 0;

  write(s: string): void {
    this.out += s;
    const nl = s.lastIndexOf('\n');
    this.column = nl >= 0 ? Array.from(s.slice(nl + 1)).length : this.column + Array.from(s).length;
  }

  newline(indent: number): void {
    this.write('\n' + ' '.repeat(indent));
  }

  /**
   * Plain or single-quoted text (write_plain_scalar / write_single_quoted_scalar): a
   * space past the best width becomes a line break; a line break inside single quotes
   * is kept, the next text starting on an indented line.
   */
  folded(text: string, indent: number, allowBreaks: boolean, quote: boolean): void {
    const cs = Array.from(text);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && i + 1 < cs.length && cs[i + 1] !== ' ' && (!quote || i !== 0)) {
          this.newline(indent);
        } else {
          this.write(c);
        }
        spaces = true;
      } else if (quote && isBreak(c)) {
        if (!breaks && c === '\n') this.write('\n');
        this.out += c;
        this.column = 0;
        breaks = true;
      } else {
        if (breaks) this.write(' '.repeat(indent));
        this.write(quote && c === "'" ? "''" : c);
        spaces = false;
        breaks = false;
      }
    }
  }

  double(text: string): void {
    let s = '"';
    for (const c of text) {
      const cp = c.codePointAt(0) ?? 0;
      const esc = doubleEscapes[cp];
      if (esc !== undefined && (cp === 0x22 || cp === 0x5c || !isPrintable(cp) || cp === 0x85 || cp === 0xa0 || cp === 0x2028 || cp === 0x2029 || cp === 0x0a))
        s += '\\' + esc;
      else if (!isPrintable(cp) || cp === 0xfeff)
        s +=
          cp <= 0xff
            ? '\\x' + cp.toString(16).toUpperCase().padStart(2, '0')
            : cp <= 0xffff
              ? '\\u' + cp.toString(16).toUpperCase().padStart(4, '0')
              : '\\U' + cp.toString(16).toUpperCase().padStart(8, '0');
      else s += c;
    }
    this.write(s + '"');
  }

  literal(text: string, indent: number): void {
    const chomp = !text.endsWith('\n') ? '-' : text.endsWith('\n\n') || text === '\n' ? '+' : '';
    const indicator = text.startsWith(' ') || text.startsWith('\n') ? '2' : '';
    this.write(`|${indicator}${chomp}`);
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    for (const line of body.split('\n')) {
      this.write('\n');
      if (line !== '') this.write(' '.repeat(indent) + line);
    }
  }

  scalar(n: Scalar, indent: number, simpleKey: boolean): void {
    if (n.tag !== undefined) this.write(n.tag + ' ');
    const a = analyze(n.text);
    let style = n.style;
    if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
    if (style === 'plain' && (!a.plain || (n.text === '' && simpleKey))) style = 'single';
    if (style === 'single' && !a.single) style = 'double';
    switch (style) {
      case 'plain':
        this.folded(n.text, indent, !simpleKey, false);
        break;
      case 'single':
        this.write("'");
        this.folded(n.text, indent, !simpleKey, true);
        this.write("'");
        break;
      case 'double':
        this.double(n.text);
        break;
      case 'literal':
        this.literal(n.text, indent);
        break;
    }
  }

  /** A value after "key:" or "- ": inline scalars/empty collections, else a nested block. */
  node(n: Node, indent: number, inSeq: boolean): void {
    if (n.kind === 'scalar') {
      this.scalar(n, indent + 2, false);
      return;
    }
    if (n.kind === 'map' && n.entries.length === 0) {
      this.write('{}');
      return;
    }
    if (n.kind === 'seq' && n.items.length === 0) {
      this.write('[]');
      return;
    }
    if (n.kind === 'map') {
      if (inSeq) this.mapping(n.entries, indent + 2, true);
      else {
        this.newline(indent + 2);
        this.mapping(n.entries, indent + 2, true);
      }
      return;
    }
    if (inSeq) this.sequence(n.items, indent + 2, true);
    else {
      this.newline(indent);
      this.sequence(n.items, indent, true);
    }
  }

  mapping(entries: [Node, Node][], indent: number, first: boolean): void {
    entries.forEach(([k, v], i) => {
      if (i > 0 || !first) this.newline(indent);
      if (k.kind !== 'scalar') throw new GoError('toYAML: mapping keys that are collections are not supported by vtpl');
      if (!isSimpleKey(k)) {
        // check_simple_key failed: "? KEY" then ": VALUE", the value laid out like a sequence item.
        this.write('? ');
        this.scalar(k, indent + 2, false);
        this.newline(indent);
        this.write(': ');
        this.node(v, indent, true);
        return;
      }
      this.scalar(k, indent, true);
      this.write(v.kind === 'scalar' || (v.kind === 'map' && v.entries.length === 0) || (v.kind === 'seq' && v.items.length === 0) ? ': ' : ':');
      this.node(v, indent, false);
    });
  }

  sequence(items: Node[], indent: number, first: boolean): void {
    items.forEach((item, i) => {
      if (i > 0 || !first) this.newline(indent);
      this.write('- ');
      this.node(item, indent, true);
    });
  }
}

/** yaml.Marshal(v) (with its trailing newline). */
export function marshalYAMLv2(v: Value): string {
  const n = toNode(v);
  const e = new Emitter();
  if (n.kind === 'map' && n.entries.length > 0) e.mapping(n.entries, 0, true);
  else if (n.kind === 'seq' && n.items.length > 0) e.sequence(n.items, 0, true);
  // A root scalar's continuation lines are indented by the emitter's best indent.
  else if (n.kind === 'scalar') e.scalar(n, 2, false);
  else e.write(n.kind === 'map' ? '{}' : '[]');
  return e.out + '\n';
}
