// toTOML (funcs.go): github.com/BurntSushi/toml v1.5.0 Encoder (two-space indent), trimmed.
// Keys: plain values first, then tables, each group sorted (maps) or in field order (structs).

import { formatFloat } from '../../fmt/index.js';
import {
  GoError,
  GoPanic,
  type Value,
  indirectInterface,
  interfaceType,
  isFloatKind,
  isIntKind,
  isUintKind,
  jsonNumberType,
  stringValue,
} from '../../value/index.js';
import { compareStrings } from '../../go/strings/index.js';
import { parseFloat64 } from '../../go/strconv/index.js';
import { RFC3339Nano, formatTime } from '../../go/time/index.js';
import { goTimeOf, timeType } from '../../value/index.js';
import { trimSpace } from '../../go/strings/index.js';
import { S, fn } from '../funcs/sig.js';

const indentUnit = '  ';

function fail(msg: string): never {
  throw new GoError(msg);
}

/** eindirect: through pointers and interfaces (nil stays nil). */
function eindirect(v: Value): Value {
  let x = v;
  while ((x.kind === 'ptr' || x.kind === 'interface') && !x.isNil()) x = x.kind === 'ptr' ? x.elem() : indirectInterface(x);
  return x;
}

function isNil(v: Value): boolean {
  return (v.kind === 'interface' || v.kind === 'map' || v.kind === 'ptr' || v.kind === 'slice') && v.isNil();
}

type TomlType = 'hash' | 'arrayHash' | 'other' | undefined;

function tomlType(v: Value): TomlType {
  if (!v.isValid() || isNil(v)) return undefined;
  if (v.type === timeType) return 'other';
  if (v.kind === 'struct' || v.kind === 'map') return 'hash';
  if (v.kind === 'ptr' || v.kind === 'interface') return tomlType(eindirect(v));
  if (v.kind === 'slice' || v.kind === 'array') {
    const items = v.items();
    if (items.length === 0) return 'other';
    let table = true;
    for (const it of items) {
      const t = tomlType(eindirect(it));
      if (t === undefined) fail('toml: cannot encode array with nil element');
      if (t !== 'hash') table = false;
    }
    return table ? 'arrayHash' : 'other';
  }
  return 'other';
}

const isTable = (t: TomlType): boolean => t === 'hash' || t === 'arrayHash';

function quoted(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0) ?? 0;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\b') out += '\\b';
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\f') out += '\\f';
    else if (c === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += c;
  }
  return out + '"';
}

function keyPart(k: string): string {
  if (k === '') return '""';
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : quoted(k);
}

function floatText(f: number, bits: 32 | 64): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f < 0 ? '-inf' : 'inf';
  const s = formatFloat(f, 'f', -1, bits);
  return s.includes('.') ? s : `${s}.0`;
}

class Encoder {
  out = '';

  private newline(): void {
    if (this.out !== '') this.out += '\n';
  }

  element(v0: Value): void {
    const v = eindirect(v0);
    if (v.type === timeType) {
      this.out += formatTime(goTimeOf(v), RFC3339Nano);
      return;
    }
    if (v.type === jsonNumberType) {
      const n = v.str();
      if (n === '') {
        this.out += '0';
        return;
      }
      if (/^[+-]?[0-9]+$/.test(n) && BigInt(n) >= -(1n << 63n) && BigInt(n) < 1n << 63n) {
        this.out += BigInt(n).toString();
        return;
      }
      let f: number;
      try {
        f = parseFloat64(n);
      } catch {
        fail(`unable to convert ${quoted(n)} to int64 or float64`);
      }
      this.out += floatText(f, 64);
      return;
    }
    switch (v.kind) {
      case 'string':
        this.out += quoted(v.str());
        return;
      case 'bool':
        this.out += v.bool() ? 'true' : 'false';
        return;
      case 'slice':
      case 'array': {
        this.out += '[';
        v.items().forEach((it, i, all) => {
          this.element(it);
          if (i !== all.length - 1) this.out += ', ';
        });
        this.out += ']';
        return;
      }
      case 'map':
      case 'struct':
        this.table([], v, true);
        return;
      default:
        if (isIntKind(v.kind) || isUintKind(v.kind)) {
          this.out += v.int().toString();
          return;
        }
        if (isFloatKind(v.kind)) {
          this.out += floatText(v.float(), v.kind === 'float32' ? 32 : 64);
          return;
        }
        if (!v.isValid()) throw new GoPanic('reflect: call of reflect.Value.Type on zero Value');
        fail(`unexpected type: ${v.type.str}`);
    }
  }

  private keyValue(key: string[], v: Value, inline: boolean): void {
    if (key.length === 0) {
      this.element(v);
      return;
    }
    this.out += `${indentUnit.repeat(key.length - 1)}${keyPart(key[key.length - 1])} = `;
    this.element(v);
    if (!inline) this.newline();
  }

  encode(key: string[], v: Value): void {
    if (v.type === timeType) {
      this.keyValue(key, v, false);
      return;
    }
    switch (v.kind) {
      case 'interface':
      case 'ptr':
        if (!v.isNil()) this.encode(key, v.kind === 'ptr' ? v.elem() : indirectInterface(v));
        return;
      case 'map':
        if (v.isNil()) return;
        this.tableHeader(key, v);
        return;
      case 'struct':
        this.tableHeader(key, v);
        return;
      case 'slice':
      case 'array':
        if (tomlType(v) === 'arrayHash') {
          if (key.length === 0) fail('toml: top-level values must be Go maps or structs');
          for (const it of v.items()) {
            const t = eindirect(it);
            if (isNil(t)) continue;
            this.newline();
            this.out += `${indentUnit.repeat(key.length - 1)}[[${key.map(keyPart).join('.')}]]`;
            this.newline();
            this.table(key, t, false);
          }
        } else {
          this.keyValue(key, v, false);
        }
        return;
      default:
        this.keyValue(key, v, false);
    }
  }

  private tableHeader(key: string[], v: Value): void {
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.out += `${indentUnit.repeat(key.length - 1)}[${key.map(keyPart).join('.')}]`;
      this.newline();
    }
    this.table(key, v, false);
  }

  /** eMap / eStruct: direct keys first, then sub-tables. */
  table(key: string[], v: Value, inline: boolean): void {
    let entries: [string, Value][];
    if (v.kind === 'map') {
      if (v.type.key?.kind !== 'string') fail('toml: cannot encode a map with non-string key type');
      entries = [...(v.map()?.entries.values() ?? [])].map((e) => [e.key.str(), e.value]);
    } else {
      const fields = v.type.fields ?? [];
      entries = v.items().flatMap((f, i): [string, Value][] => (fields[i]?.exported ? [[fields[i].name, f]] : []));
    }
    const direct: [string, Value][] = [];
    const sub: [string, Value][] = [];
    for (const e of entries) (isTable(tomlType(eindirect(e[1]))) ? sub : direct).push(e);
    if (v.kind === 'map') {
      direct.sort((a, b) => compareStrings(a[0], b[0]));
      sub.sort((a, b) => compareStrings(a[0], b[0]));
    }
    if (inline) this.out += '{';
    const write = (list: [string, Value][], trailComma: boolean): void => {
      list.forEach(([k, raw], i) => {
        const val = eindirect(raw);
        if (isNil(val)) return;
        if (inline) {
          this.keyValue([k], val, true);
          if (trailComma || i !== list.length - 1) this.out += ', ';
        } else {
          this.encode([...key, k], val);
        }
      });
    };
    write(direct, sub.length > 0);
    write(sub, false);
    if (inline) this.out += '}';
  }
}

export const tomlFuncs = {
  toTOML: fn([interfaceType], S, ([v]) => {
    const enc = new Encoder();
    try {
      enc.encode([], eindirect(v));
    } catch (e) {
      if (e instanceof GoError) throw new GoError(`toTOML: ${e.message}`);
      throw e;
    }
    return stringValue(trimSpace(enc.out));
  }),
} satisfies Record<string, Value>;
