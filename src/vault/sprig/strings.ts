// sprig string functions (strings.go, functions.go genericMap).

import { quote as goQuote } from '../../go/strconv/index.js';
import { sprint } from '../../fmt/index.js';
import { utf8Bytes, bytesToString } from '../../go/unicode/utf8/index.js';
import { type Value, boolType, boolValue, GoMap, indirectInterface, intType, mapStringStringType, sliceInterfaceType, sliceStringType, stringValue, Value as V } from '../../value/index.js';
import { decode, encode } from '../../go/encoding/base64/index.js';
import { hex } from '../../go/encoding/hex/index.js';
import { sha256 } from '../../go/crypto/sha256/index.js';
import * as gs from '../../go/strings/index.js';
import { I, S, SS, fnNoErr } from '../funcs/sig.js';
import { strslice, strval } from './convert.js';

const str1 = (f: (s: string) => string): Value => fnNoErr([S], S, ([s]) => stringValue(f(s.str())));
const str2 = (f: (a: string, b: string) => string): Value => fnNoErr([S, S], S, ([a, b]) => stringValue(f(a.str(), b.str())));
const pred2 = (f: (a: string, b: string) => boolean): Value => fnNoErr([S, S], boolType, ([a, b]) => boolValue(f(a.str(), b.str())));

/** strings.Title: upper-cases letters that follow a separator (deprecated Go API, kept by sprig). */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const r of s) {
    const isSep = (c: string): boolean => {
      const cp = c.codePointAt(0) ?? 0;
      if (cp <= 0x7f) return !/[0-9A-Za-z_]/.test(c);
      if (/[\p{L}\p{Nd}]/u.test(c)) return false;
      return /\s/u.test(c);
    };
    out += isSep(prev) ? gs.toUpper(r) : r;
    prev = r;
  }
  return out;
}

function indent(spaces: number, v: string): string {
  const pad = ' '.repeat(Math.max(0, spaces));
  return pad + gs.replaceAll(v, '\n', '\n' + pad);
}

const nonNil = (args: readonly Value[]): Value[] => args.filter((a) => indirectInterface(a).isValid());

export const sprigStringFuncs = {
  trim: str1(gs.trimSpace),
  trimAll: str2((a, b) => gs.trim(b, a)),
  trimall: str2((a, b) => gs.trim(b, a)),
  trimSuffix: str2((a, b) => gs.trimSuffix(b, a)),
  trimPrefix: str2((a, b) => gs.trimPrefix(b, a)),
  upper: str1(gs.toUpper),
  lower: str1(gs.toLower),
  title: str1(title),
  repeat: fnNoErr([intType, S], S, ([n, s]) => stringValue(s.str().repeat(Math.max(0, Number(n.int()))))),
  replace: fnNoErr([S, S, S], S, ([o, n, src]) => stringValue(gs.replaceAll(src.str(), o.str(), n.str()))),
  contains: pred2((sub, s) => s.includes(sub)),
  hasPrefix: pred2((p, s) => s.startsWith(p)),
  hasSuffix: pred2((p, s) => s.endsWith(p)),
  quote: fnNoErr([sliceInterfaceType], S, (args) => stringValue(nonNil(args).map((a) => goQuote(strval(a))).join(' ')), true),
  squote: fnNoErr([sliceInterfaceType], S, (args) => stringValue(nonNil(args).map((a) => `'${sprint([a])}'`).join(' ')), true),
  cat: fnNoErr([sliceInterfaceType], S, (args) => stringValue(nonNil(args).map((a) => sprint([a])).join(' ')), true),
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
  sha256sum: str1((s) => hex(sha256(utf8Bytes(s)))),
  toString: fnNoErr([I], S, ([v]) => stringValue(strval(v))),
  join: fnNoErr([S, I], S, ([sep, v]) => stringValue(strslice(v).join(sep.str()))),
  split: fnNoErr([S, S], mapStringStringType, ([sep, orig]) => {
    const m = new GoMap();
    gs.split(orig.str(), sep.str()).forEach((p, i) => {
      m.set(stringValue(`_${i}`), stringValue(p));
    });
    return new V(mapStringStringType, m);
  }),
  splitList: fnNoErr([S, S], SS, ([sep, orig]) => new V(sliceStringType, gs.split(orig.str(), sep.str()).map((p) => stringValue(p)))),
} satisfies Record<string, Value>;
