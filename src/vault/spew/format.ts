// Port of go-spew's format.go: the fmt.Formatter that spew.Sprintf wraps around every
// argument. It handles %v, %+v (adds pointer addresses), %#v (adds types) and %#+v itself,
// ignoring width and precision; other verbs go to fmt unchanged. Maps print in fmt's
// sorted order where Go (spew's default Config) would use its random iteration order.

import { sortedEntries } from '../../fmt/index.js';
import type { Value } from '../../value/index.js';
import { asStatic, derefChain, fakeAddress, methodText, scalarText } from './common.js';

export interface VFlags {
  /** '#': show types. */
  readonly sharp: boolean;
  /** '+': show pointer addresses (and struct field names). */
  readonly plus: boolean;
}

class FormatState {
  out = '';
  private ignoreNextType = false;

  constructor(private readonly flags: VFlags) {}

  private unpack(v: Value): Value {
    if (v.kind !== 'interface') return v;
    this.ignoreNextType = false;
    return v.isNil() ? v : v.elem();
  }

  private formatPtr(v: Value): void {
    const showTypes = this.flags.sharp;
    if (v.isNil() && (!showTypes || this.ignoreNextType)) {
      this.out += '<nil>';
      return;
    }
    const walked = derefChain(v);
    const { ve, nilFound } = walked;
    let indirects = walked.indirects;
    const chain = indirects;
    if (showTypes && !this.ignoreNextType) {
      this.out += `(${'*'.repeat(indirects)}${ve.type.str})`;
    } else {
      if (nilFound) indirects += ve.type.str.split('*').length - 1;
      this.out += `<${'*'.repeat(indirects)}>`;
    }
    if (this.flags.plus && chain > 0) this.out += `(${Array(chain).fill(fakeAddress).join('->')})`;
    if (nilFound) {
      this.out += '<nil>';
    } else {
      this.ignoreNextType = true;
      this.format(ve);
    }
  }

  format(v: Value): void {
    const kind = v.kind;
    if (kind === 'invalid') {
      this.out += '<invalid>';
      return;
    }
    if (kind === 'ptr') {
      this.formatPtr(v);
      return;
    }
    if (!this.ignoreNextType && this.flags.sharp) this.out += `(${v.type.str})`;
    this.ignoreNextType = false;

    const text = methodText(v);
    if (text !== undefined) {
      this.out += text;
      return;
    }

    const scalar = scalarText(v);
    if (scalar !== undefined) this.out += scalar;
    else if (kind === 'string') this.out += v.str();
    else if (kind === 'interface' || ((kind === 'slice' || kind === 'map') && v.isNil())) this.out += '<nil>';
    else if (kind === 'slice' || kind === 'array') {
      this.out += '[';
      v.items().forEach((item, i) => {
        if (i > 0) this.out += ' ';
        this.ignoreNextType = true;
        this.format(this.unpack(asStatic(item, v.type.elem)));
      });
      this.out += ']';
    } else if (kind === 'map') {
      this.out += 'map[';
      const m = v.map();
      if (m)
        sortedEntries(m).forEach(({ key, value }, i) => {
          if (i > 0) this.out += ' ';
          this.ignoreNextType = true;
          this.format(this.unpack(asStatic(key, v.type.key)));
          this.out += ':';
          this.ignoreNextType = true;
          this.format(this.unpack(asStatic(value, v.type.elem)));
        });
      this.out += ']';
    } else if (kind === 'struct') {
      const fields = v.type.fields ?? [];
      this.out += '{';
      v.items().forEach((f, i) => {
        if (i > 0) this.out += ' ';
        if (this.flags.plus || this.flags.sharp) this.out += `${fields[i].name}:`;
        this.format(this.unpack(asStatic(f, fields[i].type)));
      });
      this.out += '}';
    } else {
      this.out += v.isNil() ? '<nil>' : fakeAddress;
    }
  }
}

/** formatState.Format for the verb v: `value` is the wrapped `any` (invalid for nil). */
export function spewV(value: Value, flags: VFlags): string {
  if (!value.isValid()) return flags.sharp ? '(interface {})<nil>' : '<nil>';
  const f = new FormatState(flags);
  f.format(value);
  return f.out;
}
