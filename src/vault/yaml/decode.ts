// parseYAML: gopkg.in/yaml.v2 Unmarshal into interface{}. The `yaml` library parses
// (failsafe schema, so every scalar stays text) and yaml.v2's resolve rules type the
// plain scalars: YAML 1.1 booleans (yes/on/...), base-prefixed ints, floats, null.
// Mappings become map[interface{}]interface{}; timestamps stay strings, as in v2.

import { type Alias, type Document, type YAMLError, isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import {
  GoError, GoMap, Value, boolValue, box, float64Value, int64Value, interfaceType, intValue, invalid, mapOf,
  sliceInterfaceType, stringValue, uint64Value,
} from '../../value/index.js';

export const mapIfaceIfaceType = mapOf(interfaceType, interfaceType);

const boolWords = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((w) => [w, true] as [string, boolean]),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((w) => [w, false] as [string, boolean]),
]);
const nullWords = new Set(['', '~', 'null', 'Null', 'NULL']);
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const maxInt64 = (1n << 63n) - 1n;
const minInt64 = -(1n << 63n);

/** strconv.ParseInt(s, 0, 64) / ParseUint: base prefixes 0x, 0o, 0b and a leading 0 (octal). */
function parseIntBase0(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  let body = m[2];
  if (/^0[oO]/.test(body)) body = '0o' + body.slice(2);
  else if (/^0[0-7]+$/.test(body)) body = '0o' + body.slice(1);
  const n = BigInt(body);
  return m[1] === '-' ? -n : n;
}

const timestampRe = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(?:Z|[+-]\d{1,2}(?::\d{2})?))?)?$/;

/** yaml.v2 resolve() for an untagged plain scalar. */
export function resolvePlain(text: string): Value {
  if (nullWords.has(text)) return invalid;
  const b = boolWords.get(text);
  if (b !== undefined) return boolValue(b);
  if (/^[.+-]?\.(nan|NaN|NAN)$/.test(text) && !text.startsWith('+') && !text.startsWith('-')) return float64Value(NaN);
  if (/^\+?\.(inf|Inf|INF)$/.test(text)) return float64Value(Infinity);
  if (/^-\.(inf|Inf|INF)$/.test(text)) return float64Value(-Infinity);
  const hint = text[0];
  if (hint === '.') {
    if (yamlStyleFloat.test(text)) return float64Value(Number(text));
    return stringValue(text);
  }
  if (!/[-+0-9]/.test(hint)) return stringValue(text);
  if (timestampRe.test(text)) return stringValue(text);
  const plain = text.replace(/_/g, '');
  const n = parseIntBase0(plain);
  if (n !== undefined) {
    if (n >= minInt64 && n <= maxInt64) return intValue(n);
    if (n >= 0n && n < 1n << 64n) return uint64Value(n);
  }
  if (yamlStyleFloat.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return float64Value(f);
  }
  const bin = /^(-?)0b([01]+)$/.exec(plain);
  if (bin) {
    const v = BigInt('0b' + bin[2]) * (bin[1] ? -1n : 1n);
    if (v >= minInt64 && v <= maxInt64) return bin[1] ? intValue(v) : int64Value(v);
  }
  return stringValue(text);
}

function convert(node: Node | null | undefined, doc: Document, depth: number): Value {
  if (depth > 10000) throw new GoError('yaml: exceeded max depth of 10000');
  if (node === null || node === undefined) return invalid;
  if (isAlias(node)) return convert((node as Alias).resolve(doc) as Node | undefined, doc, depth + 1);
  if (isScalar(node)) {
    const text = String(node.value ?? '');
    const tag = node.tag;
    if (tag === 'tag:yaml.org,2002:str' || node.type !== 'PLAIN') {
      if (tag && tag !== 'tag:yaml.org,2002:str') return resolvePlain(text);
      return stringValue(text);
    }
    return resolvePlain(text);
  }
  if (isSeq(node)) {
    return new Value(sliceInterfaceType, node.items.map((it) => box(convert(it as Node, doc, depth + 1))));
  }
  if (isMap(node)) {
    const m = new GoMap();
    const isMerge = (k: Node): boolean => isScalar(k) && k.type === 'PLAIN' && k.value === '<<';
    // Merged mappings first (earlier ones take precedence), then the explicit keys win.
    for (const pair of [...node.items].reverse()) {
      if (!isMerge(pair.key as Node)) continue;
      const src = convert(pair.value as Node, doc, depth + 1);
      const maps = src.kind === 'slice' ? src.items().map((x) => x.elem()).reverse() : [src];
      for (const mm of maps) {
        if (mm.kind !== 'map') throw new GoError('yaml: map merge requires map or sequence of maps as the value');
        for (const { key, value } of (mm.map() as GoMap).entries.values()) m.set(key, value);
      }
    }
    for (const pair of node.items) {
      if (isMerge(pair.key as Node)) continue;
      m.set(box(convert(pair.key as Node, doc, depth + 1)), box(convert(pair.value as Node, doc, depth + 1)));
    }
    return new Value(mapIfaceIfaceType, m);
  }
  return invalid;
}

/**
 * libyaml's wording for the errors the `yaml` parser reports, where they map clearly;
 * others keep the `yaml` library's message. Scanner errors on the first line carry no
 * "line N:" prefix in yaml.v2.
 */
function yamlError(e: YAMLError): GoError {
  const line = e.linePos?.[0]?.line ?? 1;
  const scanner = (msg: string): GoError => new GoError(`yaml: ${line > 1 ? `line ${line}: ` : ''}${msg}`);
  switch (e.code) {
    case 'TAB_AS_INDENT': return scanner('found character that cannot start any token');
    case 'BAD_DQ_ESCAPE': return scanner('found unknown escape character');
    case 'MISSING_CHAR':
      if (/quote/.test(e.message)) return new GoError('yaml: found unexpected end of stream');
      if (/\]/.test(e.message)) return new GoError(`yaml: line ${line}: did not find expected ',' or ']'`);
      if (/\}/.test(e.message)) return new GoError(`yaml: line ${line}: did not find expected ',' or '}'`);
      break;
    default:
      // An unterminated flow collection, whatever the library calls it.
      if (/end with a \]/.test(e.message)) return new GoError(`yaml: line ${line}: did not find expected ',' or ']'`);
      if (/end with a \}/.test(e.message)) return new GoError(`yaml: line ${line}: did not find expected ',' or '}'`);
      break;
  }
  return new GoError(`yaml: line ${line}: ${e.message.split('\n')[0]}`);
}

/** yaml.Unmarshal([]byte(s), &data) with data interface{}. */
export function parseYAMLv2(s: string): Value {
  const doc = parseDocument(s, { schema: 'failsafe', version: '1.1', uniqueKeys: false, merge: false });
  if (doc.errors.length > 0) throw yamlError(doc.errors[0]);
  return convert(doc.contents as Node | null, doc, 0);
}
