// More sprig string functions: trunc, abbrev, substr, nospace, initials, untitle,
// swapcase, wrap, plural, camelcase, splitn, toStrings, b32, hashes, paths, fail
// (strings.go, functions.go, goutils, xstrings).

import { GoError, GoMap, GoPanic, Value, boolType, boolValue, intType, mapStringStringType, sliceStringType, stringValue, stringType } from '../../value/index.js';
import { bytesToString, utf8Bytes } from '../../go/unicode/utf8/index.js';
import { hex } from '../../go/encoding/hex/index.js';
import { sha1 } from '../../go/crypto/sha1/index.js';
import { adler32 } from '../../go/hash/adler32/index.js';
import { sha512 } from '../../go/crypto/sha512/index.js';
import { clean } from '../../go/path/index.js';
import * as gs from '../../go/strings/index.js';
import { I, S, fn, fnNoErr } from '../funcs/sig.js';
import { strslice } from './convert.js';
import { titleRune } from '../funcs/title.js';
import { camelCaseToLowerCase } from '../xstrings/convert.js';

const bytesOf = (s: string): Uint8Array => utf8Bytes(s);
const text = (b: Uint8Array): string => bytesToString(b);

/** A Go slice expression s[lo:hi] on bytes; out of range panics as Go does. */
function sliceBytes(s: string, lo: number, hi?: number): string {
  const b = bytesOf(s);
  const h = hi ?? b.length;
  if (h < 0 || h > b.length) throw new GoPanic(`runtime error: slice bounds out of range [:${h}] with length ${b.length}`);
  if (lo < 0 || lo > h) throw new GoPanic(`runtime error: slice bounds out of range [${lo}:${h}]`);
  return text(b.subarray(lo, h));
}

function byteLen(s: string): number {
  return bytesOf(s).length;
}

/** goutils AbbreviateFull (byte-based, as in Go). */
function abbreviateFull(str: string, offset0: number, maxWidth: number): string {
  if (str === '') return '';
  const n = byteLen(str);
  if (n <= maxWidth) return str;
  let offset = Math.min(offset0, n);
  if (n - offset < maxWidth - 3) offset = n - (maxWidth - 3);
  if (offset <= 4) return sliceBytes(str, 0, maxWidth - 3) + '...';
  if (offset + maxWidth - 3 < n) return '...' + abbreviateFull(sliceBytes(str, offset), 0, maxWidth - 3);
  return '...' + sliceBytes(str, n - (maxWidth - 3));
}

const isSpaceCode = (c: number): boolean => gs.isSpace(c);

/** goutils WrapCustom. */
function wrapCustom(str: string, wrapLength0: number, newLine0: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  const newLine = newLine0 === '' ? '\n' : newLine0;
  const wrapLength = Math.max(1, wrapLength0);
  const b = bytesOf(str);
  const sub = (lo: number, hi: number): string => text(b.subarray(lo, hi));
  let offset = 0;
  let out = '';
  while (b.length - offset > wrapLength) {
    if (b[offset] === 0x20) {
      offset++;
      continue;
    }
    const end = Math.min(wrapLength + offset + 1, b.length);
    const lastSpace = b.subarray(offset, end).lastIndexOf(0x20);
    if (lastSpace >= 0) {
      out += sub(offset, offset + lastSpace) + newLine;
      offset += lastSpace + 1;
    } else if (wrapLongWords) {
      out += sub(offset, wrapLength + offset) + newLine;
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const idx = b.subarray(e).indexOf(0x20);
      if (idx === -1) {
        out += sub(offset, b.length);
        offset = b.length;
      } else {
        out += sub(offset, idx + e) + newLine;
        offset = idx + e + 1;
      }
    }
  }
  return out + sub(offset, b.length);
}

const isUpper = (r: string): boolean => /\p{Lu}/u.test(r);
const isLower = (r: string): boolean => /\p{Ll}/u.test(r);
const isTitle = (r: string): boolean => /\p{Lt}/u.test(r);
const lower = (r: string): string => gs.toLower(r);
const upper = (r: string): string => gs.toUpper(r);

/** goutils SwapCase. */
function swapCase(str: string): string {
  let ws = true;
  let out = '';
  for (const r of str) {
    if (isUpper(r) || isTitle(r)) { out += lower(r); ws = false; }
    else if (isLower(r)) { out += ws ? titleRune(r) : upper(r); ws = false; }
    else { out += r; ws = gs.isSpace(r.codePointAt(0) ?? 0); }
  }
  return out;
}

/** xstrings toCamelCase (isBig: PascalCase, which sprig's camelcase uses). */
function toCamelCase(str: string, isBig: boolean): string {
  const rs = Array.from(str);
  if (rs.length === 0) return '';
  const isConnector = (r: string): boolean => r === '-' || r === '_' || gs.isSpace(r.codePointAt(0) ?? 0);
  let out = '';
  let i = 0;
  let r0 = '';
  let firstUpper = false;
  for (; i < rs.length; i++) {
    r0 = rs[i];
    if (!isConnector(r0)) {
      firstUpper = isUpper(r0);
      r0 = isBig ? upper(r0) : lower(r0);
      i++;
      break;
    }
    out += r0;
  }
  if (i >= rs.length) return isConnector(r0) ? out : out + r0;
  for (; i < rs.length; i++) {
    const r1 = r0;
    r0 = rs[i];
    if (isConnector(r0) && isConnector(r1)) {
      out += r1;
      continue;
    }
    if (isConnector(r1)) {
      firstUpper = isUpper(r0);
      r0 = upper(r0);
    } else {
      if (firstUpper) {
        if (isUpper(r0)) r0 = lower(r0);
        else firstUpper = false;
      }
      out += r1;
    }
  }
  if (firstUpper && !isBig) r0 = lower(r0);
  return out + r0;
}

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.subarray(i, i + 5);
    let bits = 0n;
    for (let j = 0; j < 5; j++) bits = (bits << 8n) | BigInt(chunk[j] ?? 0);
    const chars = [2, 4, 5, 7, 8][chunk.length - 1];
    for (let j = 0; j < 8; j++) out += j < chars ? base32Alphabet[Number((bits >> BigInt(35 - j * 5)) & 31n)] : '=';
  }
  return out;
}

/** base32.StdEncoding.DecodeString; errors as text, as sprig's b32dec returns them. */
function base32Decode(s: string): string {
  const clean32 = s.replace(/[\r\n]/g, '');
  if (clean32.length % 8 !== 0) return `illegal base32 data at input byte ${Math.floor(clean32.length / 8) * 8}`;
  const out: number[] = [];
  for (let i = 0; i < clean32.length; i += 8) {
    const block = clean32.slice(i, i + 8);
    const pad = block.length - block.replace(/=+$/, '').length;
    let bits = 0n;
    for (let j = 0; j < 8; j++) {
      const c = block[j];
      const v = c === '=' && j >= 8 - pad ? 0 : base32Alphabet.indexOf(c);
      if (v < 0) return `illegal base32 data at input byte ${i + j}`;
      bits = (bits << 5n) | BigInt(v);
    }
    const n = [5, 4, 0, 3, 2, 0, 1][pad] ?? 0;
    if (n === 0) return `illegal base32 data at input byte ${i + 8 - pad}`;
    for (let j = 0; j < n; j++) out.push(Number((bits >> BigInt(32 - j * 8)) & 0xffn));
    if (pad > 0 && i + 8 < clean32.length) return `illegal base32 data at input byte ${i + 8}`;
  }
  return text(Uint8Array.from(out));
}

/** path.Base, path.Dir, path.Ext, path.IsAbs. */
function base(p: string): string {
  if (p === '') return '.';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

function dir(p: string): string {
  const i = p.lastIndexOf('/');
  return clean(p.slice(0, i + 1));
}

function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

const str1 = (f: (s: string) => string): Value => fnNoErr([S], S, ([s]) => stringValue(f(s.str())));

export const sprigTextFuncs = {
  trunc: fnNoErr([intType, S], S, ([c0, s0]) => {
    const c = Number(c0.int());
    const s = s0.str();
    const n = byteLen(s);
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
    if (end < 0 || end > byteLen(s.str())) return stringValue(sliceBytes(s.str(), start));
    return stringValue(sliceBytes(s.str(), start, end));
  }),
  // goutils DeleteWhiteSpace writes each kept byte as a rune (so non-ASCII text is
  // re-encoded byte by byte) unless nothing was removed.
  nospace: str1((s) => {
    const b = bytesOf(s);
    const kept = b.filter((c) => !isSpaceCode(c));
    return kept.length === b.length ? s : Array.from(kept, (c) => String.fromCodePoint(c)).join('');
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
    for (const r of s) {
      if (gs.isSpace(r.codePointAt(0) ?? 0)) { next = true; out += r; }
      else if (next) { out += lower(r); next = false; }
      else out += r;
    }
    return out;
  }),
  swapcase: str1(swapCase),
  camelcase: str1((s) => toCamelCase(s, true)),
  snakecase: str1((s) => camelCaseToLowerCase(s, '_')),
  kebabcase: str1((s) => camelCaseToLowerCase(s, '-')),
  wrap: fnNoErr([intType, S], S, ([l, s]) => stringValue(wrapCustom(s.str(), Number(l.int()), '', false))),
  wrapWith: fnNoErr([intType, S, S], S, ([l, sep, s]) => stringValue(wrapCustom(s.str(), Number(l.int()), sep.str(), true))),
  plural: fnNoErr([S, S, intType], S, ([one, many, n]) => (n.int() === 1n ? one : many)),
  splitn: fnNoErr([S, intType, S], mapStringStringType, ([sep, n, orig]) => {
    const m = new GoMap();
    gs.splitN(orig.str(), sep.str(), Number(n.int())).forEach((p, i) => {
      m.set(stringValue(`_${i}`), stringValue(p));
    });
    return new Value(mapStringStringType, m);
  }),
  toStrings: fnNoErr([I], sliceStringType, ([v]) => new Value(sliceStringType, strslice(v).map((x) => stringValue(x)))),
  b32enc: str1((s) => base32Encode(bytesOf(s))),
  b32dec: str1(base32Decode),
  sha512sum: str1((s) => hex(sha512(bytesOf(s)))),
  sha1sum: str1((s) => hex(sha1(bytesOf(s)))),
  adler32sum: str1((s) => String(adler32(bytesOf(s)))),
  base: str1(base),
  dir: str1(dir),
  clean: str1(clean),
  ext: str1(ext),
  isAbs: fnNoErr([S], boolType, ([s]) => boolValue(s.str().startsWith('/'))),
  osBase: str1(base),
  osDir: str1(dir),
  osClean: str1(clean),
  osExt: str1(ext),
  osIsAbs: fnNoErr([S], boolType, ([s]) => boolValue(s.str().startsWith('/'))),
  hello: fnNoErr([], stringType, () => stringValue('Hello!')),
  fail: fn([S], stringType, ([msg]) => {
    throw new GoError(msg.str());
  }),
} satisfies Record<string, Value>;

