// Port of go-spew's dump.go (Sdump) under spew's default Config, which consul-template
// keeps: Indent " ", methods on, pointer addresses and capacities shown, keys unsorted.
// Go prints map entries in its random iteration order; we print them in fmt's sorted
// order. Slice capacities are assumed (capacity.ts).

import { sortedEntries } from '../../fmt/index.js';
import { quote } from '../../go/strconv/index.js';
import { utf8Bytes } from '../../go/unicode/utf8/index.js';
import { type Value, sliceInterfaceType } from '../../value/index.js';
import { appendedCap } from './capacity.js';
import { asStatic, derefChain, fakeAddress, methodText, scalarText } from './common.js';
import { hexDump } from './hexdump.js';

const indentUnit = ' ';

class DumpState {
  out = '';
  private depth = 0;
  private ignoreNextType = false;
  private ignoreNextIndent = false;

  private indent(): void {
    if (this.ignoreNextIndent) {
      this.ignoreNextIndent = false;
      return;
    }
    this.out += indentUnit.repeat(this.depth);
  }

  /** unpackValue: the value inside a non-nil interface. */
  private unpack(v: Value): Value {
    return v.kind === 'interface' && !v.isNil() ? v.elem() : v;
  }

  private dumpPtr(v: Value): void {
    const { ve, indirects, nilFound } = derefChain(v);
    this.out += `(${'*'.repeat(indirects)}${ve.type.str})`;
    if (indirects > 0) this.out += `(${Array(indirects).fill(fakeAddress).join('->')})`;
    this.out += '(';
    if (nilFound) {
      this.out += '<nil>';
    } else {
      this.ignoreNextType = true;
      this.dump(ve);
    }
    this.out += ')';
  }

  private dumpSlice(v: Value): void {
    const items = v.items();
    if (items.length > 0 && v.type.elem?.kind === 'uint8') {
      const indent = indentUnit.repeat(this.depth);
      const str = (indent + hexDump(items.map((b) => Number(b.int())))).replaceAll('\n', '\n' + indent);
      this.out += str.replace(/ +$/, '');
      return;
    }
    items.forEach((item, i) => {
      this.dump(this.unpack(asStatic(item, v.type.elem)));
      this.out += i < items.length - 1 ? ',\n' : '\n';
    });
  }

  /** Writes "{\n", the body one level deeper, then the closing brace at this level. */
  private block(body: () => void): void {
    this.out += '{\n';
    this.depth++;
    body();
    this.depth--;
    this.indent();
    this.out += '}';
  }

  dump(v: Value): void {
    const kind = v.kind;
    if (kind === 'invalid') {
      this.out += '<invalid>';
      return;
    }
    if (kind === 'ptr') {
      this.indent();
      this.dumpPtr(v);
      return;
    }
    if (!this.ignoreNextType) {
      this.indent();
      this.out += `(${v.type.str}) `;
    }
    this.ignoreNextType = false;

    let len = 0;
    let cap = 0;
    // A channel is taken to be unbuffered and empty (consul-template's loop makes one).
    if (kind === 'array') len = cap = v.items().length;
    else if (kind === 'slice') {
      len = v.items().length;
      cap = v.type === sliceInterfaceType ? appendedCap(len) : len;
    } else if (kind === 'map') len = v.map()?.size ?? 0;
    else if (kind === 'string') len = utf8Bytes(v.str()).length;
    if (len !== 0 || cap !== 0) {
      const parts = [len !== 0 ? `len=${len}` : '', cap !== 0 ? `cap=${cap}` : ''].filter((p) => p !== '');
      this.out += `(${parts.join(' ')}) `;
    }

    const text = methodText(v);
    if (text !== undefined) {
      this.out += text;
      return;
    }

    const scalar = scalarText(v);
    if (scalar !== undefined) this.out += scalar;
    else if (kind === 'string') this.out += quote(v.str());
    else if (kind === 'interface')
      this.out += '<nil>'; // only nil interfaces get here (unpack)
    else if (kind === 'slice' && v.isNil()) this.out += '<nil>';
    else if (kind === 'slice' || kind === 'array') this.block(() => this.dumpSlice(v));
    else if (kind === 'map') {
      const m = v.map();
      if (m === null) {
        this.out += '<nil>';
        return;
      }
      this.block(() => {
        const entries = sortedEntries(m);
        entries.forEach(({ key, value }, i) => {
          this.dump(this.unpack(asStatic(key, v.type.key)));
          this.out += ': ';
          this.ignoreNextIndent = true;
          this.dump(this.unpack(asStatic(value, v.type.elem)));
          this.out += i < entries.length - 1 ? ',\n' : '\n';
        });
      });
    } else if (kind === 'struct') {
      const fields = v.type.fields ?? [];
      this.block(() => {
        v.items().forEach((f, i) => {
          this.indent();
          this.out += `${fields[i].name}: `;
          this.ignoreNextIndent = true;
          this.dump(this.unpack(asStatic(f, fields[i].type)));
          this.out += i < fields.length - 1 ? ',\n' : '\n';
        });
      });
    } else {
      // chan and func: their address.
      this.out += v.isNil() ? '<nil>' : fakeAddress;
    }
  }
}

/** spew.Sdump(args...): each argument dumped on its own line(s). */
export function sdump(args: readonly Value[]): string {
  let out = '';
  for (const arg0 of args) {
    const arg = arg0.kind === 'interface' ? arg0.elem() : arg0;
    if (!arg.isValid()) {
      out += '(interface {}) <nil>\n';
      continue;
    }
    const d = new DumpState();
    d.dump(arg);
    out += d.out + '\n';
  }
  return out;
}
