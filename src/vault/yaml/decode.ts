// parseYAML: gopkg.in/yaml.v2 Unmarshal into interface{}. The `yaml` library parses
// (failsafe schema, so every scalar stays text) and yaml.v2's resolve rules type the
// plain scalars: YAML 1.1 booleans (yes/on/...), base-prefixed ints, floats, null.
// Mappings become map[interface{}]interface{}; timestamps stay strings, as in v2.

import { type Alias, type Document, type Node, type YAMLError, type YAMLMap, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import {
  GoError,
  GoMap,
  Value,
  boolValue,
  box,
  float64Value,
  int64Value,
  interfaceType,
  intValue,
  invalid,
  mapOf,
  sliceInterfaceType,
  stringValue,
  uint64Value,
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

// yaml.v2's defence against alias bombs ("billion laughs"), ported from decode.go: every
// node decoded counts, nodes decoded through an alias count as aliased too, and decoding
// fails once aliased decodes exceed a share of all decodes that shrinks as documents grow.
const aliasRatioRangeLow = 400000;
const aliasRatioRangeHigh = 4000000;
const aliasRatioRange = aliasRatioRangeHigh - aliasRatioRangeLow;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= aliasRatioRangeLow) return 0.99;
  if (decodeCount >= aliasRatioRangeHigh) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - aliasRatioRangeLow) / aliasRatioRange);
}

const failWantMap = (): GoError => new GoError('yaml: map merge requires map or sequence of maps as the value');

/** Each alias's node: the latest node before it with that anchor, as yaml.v2's parser records them. */
function aliasTargets(doc: Document): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target === undefined) throw new GoError(`yaml: unknown anchor '${node.source}' referenced`);
        targets.set(node, target);
      } else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

/** decode.go's decoder, unmarshalling into interface{}: the calls, their order and their counts. */
class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly expanding = new Set<Alias>();

  constructor(private readonly targets: Map<Alias, Node>) {}

  /** The bookkeeping at the top of d.unmarshal, for every node (the document node included). */
  count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new GoError('yaml: document contains excessive aliasing');
    }
  }

  unmarshal(node: Node | null | undefined, depth: number): Value {
    this.count();
    if (depth > 10000) throw new GoError('yaml: exceeded max depth of 10000');
    if (node === null || node === undefined) return invalid;
    if (isAlias(node)) return this.alias(node, (target) => this.unmarshal(target, depth + 1));
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
      return new Value(
        sliceInterfaceType,
        node.items.map((it) => box(this.unmarshal(it as Node, depth + 1))),
      );
    }
    if (isMap(node)) {
      const m = new GoMap();
      this.mapping(node, m, depth);
      return new Value(mapIfaceIfaceType, m);
    }
    return invalid;
  }

  /** d.alias: decodes the anchored node through f, counting what it decodes as aliased. */
  private alias<T>(node: Alias, f: (target: Node | undefined) => T): T {
    if (this.expanding.has(node)) throw new GoError(`yaml: anchor '${node.source}' value contains itself`);
    this.expanding.add(node);
    this.aliasDepth++;
    const v = f(this.targets.get(node));
    this.aliasDepth--;
    this.expanding.delete(node);
    return v;
  }

  /** d.mapping into m: pairs in order; a merge key ("<<") sets the merged keys into m right there. */
  private mapping(node: YAMLMap, m: GoMap, depth: number): void {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (isScalar(key) && key.type === 'PLAIN' && key.value === '<<') {
        this.merge(value, m, depth + 1);
        continue;
      }
      const k = box(this.unmarshal(key, depth + 1));
      m.set(k, box(this.unmarshal(value, depth + 1)));
    }
  }

  /** d.merge: a mapping, an alias of one, or a sequence of them (later ones first, so earlier ones win). */
  private merge(node: Node | null, m: GoMap, depth: number): void {
    if (isMap(node)) {
      this.mergeInto(node, m, depth);
      return;
    }
    if (isAlias(node)) {
      if (!isMap(this.targets.get(node))) throw failWantMap();
      this.mergeInto(node, m, depth);
      return;
    }
    if (!isSeq(node)) throw failWantMap();
    for (const item of [...node.items].reverse()) {
      if (!(isMap(item) || (isAlias(item) && isMap(this.targets.get(item))))) throw failWantMap();
      this.mergeInto(item as Node, m, depth);
    }
  }

  /** d.unmarshal of a mapping (or an alias of one) into an existing map. */
  private mergeInto(node: Node, m: GoMap, depth: number): void {
    this.count();
    if (isAlias(node)) this.alias(node, (target) => this.mergeInto(target as Node, m, depth + 1));
    else this.mapping(node as YAMLMap, m, depth);
  }
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
    case 'TAB_AS_INDENT':
      return scanner('found character that cannot start any token');
    case 'BAD_DQ_ESCAPE':
      return scanner('found unknown escape character');
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
  const d = new Decoder(aliasTargets(doc));
  d.count(); // the document node
  return d.unmarshal(doc.contents as Node | null, 0);
}
