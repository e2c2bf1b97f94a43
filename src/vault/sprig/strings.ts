// sprig's strings.go: base64/32, abbrev, trunc, substr, initials, untitle, quote, squote,
// cat, indent, nindent, replace, plural, join, split(n), toString(s).

import {
  GoMap,
  Value,
  intType,
  mapStringStringType,
  sliceStringType,
  stringValue,
  indirectInterface,
  sliceInterfaceType,
  Value as V,
} from '../../value/index.js';
import { bytesToString, joined, utf8Bytes, sliceBytes, utf8Length, withRuneErrors } from '../../go/unicode/utf8/index.js';
import { I, S, fnNoErr } from '../funcs/sig.js';
import { strslice, strval, bytesOf, str1 } from './convert.js';
import { quote as goQuote } from '../../go/strconv/index.js';
import { sprint } from '../../fmt/index.js';
import { decode, encode } from '../../go/encoding/base64/index.js';
import { abbreviateFull, isSpaceCode, lower } from '../goutils/goutils.js';
import { base32Encode, base32Decode } from '../../go/encoding/base32/index.js';
import * as gs from '../../go/strings/index.js';

function indent(spaces: number, v: string): string {
  const pad = ' '.repeat(Math.max(0, spaces));
  return pad + gs.replaceAll(v, '\n', '\n' + pad);
}

const nonNil = (args: readonly Value[]): Value[] => args.filter((a) => indirectInterface(a).isValid());

export const sprigStrings = {
  trunc: fnNoErr([intType, S], S, ([c0, s0]) => {
    const c = Number(c0.int());
    const s = s0.str();
    const n = utf8Length(s);
    if (c < 0 && n + c > 0) return stringValue(sliceBytes(s, n + c));
    if (c >= 0 && n > c) return stringValue(sliceBytes(s, 0, c));
    return s0;
  }),
  abbrev: fnNoErr([intType, S], S, ([w, s]) => stringValue(Number(w.int()) < 4 ? s.str() : abbreviateFull(s.str(), 0, Number(w.int())))),
  abbrevboth: fnNoErr([intType, intType, S], S, ([l, r, s]) => {
    const left = Number(l.int());
    const right = Number(r.int());
    if (right < 4 || (left > 0 && right < 7)) return s;
    return stringValue(abbreviateFull(s.str(), left, right));
  }),
  substr: fnNoErr([intType, intType, S], S, ([a, b, s]) => {
    const start = Number(a.int());
    const end = Number(b.int());
    if (start < 0) return stringValue(sliceBytes(s.str(), 0, end));
    if (end < 0 || end > utf8Length(s.str())) return stringValue(sliceBytes(s.str(), start));
    return stringValue(sliceBytes(s.str(), start, end));
  }),
  initials: str1((s) => {
    let out = '';
    let gap = true;
    for (const c of bytesOf(s)) {
      if (isSpaceCode(c)) gap = true;
      else if (gap) {
        out += String.fromCodePoint(c);
        gap = false;
      }
    }
    return out;
  }),
  untitle: str1((s) => {
    let next = true;
    let out = '';
    // goutils Uncapitalize works on []rune(s): an invalid byte (an escape) is U+FFFD.
    for (const r of withRuneErrors(s)) {
      if (gs.isSpace(r.codePointAt(0) ?? 0)) {
        next = true;
        out += r;
      } else if (next) {
        out += lower(r);
        next = false;
      } else out += r;
    }
    return out;
  }),
  plural: fnNoErr([S, S, intType], S, ([one, many, n]) => (n.int() === 1n ? one : many)),
  splitn: fnNoErr([S, intType, S], mapStringStringType, ([sep, n, orig]) => {
    const m = new GoMap();
    gs.splitN(orig.str(), sep.str(), Number(n.int())).forEach((p, i) => {
      m.set(stringValue(`_${i}`), stringValue(p));
    });
    return new Value(mapStringStringType, m);
  }),
  toStrings: fnNoErr(
    [I],
    sliceStringType,
    ([v]) =>
      new Value(
        sliceStringType,
        strslice(v).map((x) => stringValue(x)),
      ),
  ),
  b32enc: str1((s) => base32Encode(bytesOf(s))),
  b32dec: str1(base32Decode),
  replace: fnNoErr([S, S, S], S, ([o, n, src]) => stringValue(gs.replaceAll(src.str(), o.str(), n.str()))),
  quote: fnNoErr(
    [sliceInterfaceType],
    S,
    (args) =>
      stringValue(
        nonNil(args)
          .map((a) => goQuote(strval(a)))
          .join(' '),
      ),
    true,
  ),
  squote: fnNoErr(
    [sliceInterfaceType],
    S,
    (args) =>
      stringValue(
        nonNil(args)
          .map((a) => `'${sprint([a])}'`)
          .join(' '),
      ),
    true,
  ),
  cat: fnNoErr(
    [sliceInterfaceType],
    S,
    (args) =>
      stringValue(
        nonNil(args)
          .map((a) => sprint([a]))
          .join(' '),
      ),
    true,
  ),
  indent: fnNoErr([intType, S], S, ([n, s]) => stringValue(indent(Number(n.int()), s.str()))),
  nindent: fnNoErr([intType, S], S, ([n, s]) => stringValue('\n' + indent(Number(n.int()), s.str()))),
  b64enc: str1((s) => encode(utf8Bytes(s))),
  b64dec: str1((s) => {
    try {
      return bytesToString(decode(utf8Bytes(s)));
    } catch (e) {
      return (e as Error).message;
    }
  }),
  toString: fnNoErr([I], S, ([v]) => stringValue(strval(v))),
  // strings.Join: pieces join as bytes (joined); replace and repeat join in go/strings.
  join: fnNoErr([S, I], S, ([sep, v]) => stringValue(joined(strslice(v).join(sep.str())))),
  split: fnNoErr([S, S], mapStringStringType, ([sep, orig]) => {
    const m = new GoMap();
    gs.split(orig.str(), sep.str()).forEach((p, i) => {
      m.set(stringValue(`_${i}`), stringValue(p));
    });
    return new V(mapStringStringType, m);
  }),
} satisfies Record<string, Value>;
