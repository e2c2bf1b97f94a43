// github.com/Masterminds/goutils, the parts sprig uses: AbbreviateFull (stringutils.go),
// WrapCustom and SwapCase (wordutils.go). Byte-based where Go is.

import * as gs from '../../go/strings/index.js';
import { bytesToString, joined, sliceBytes, utf8Bytes, utf8Length, withRuneErrors } from '../../go/unicode/utf8/index.js';
import { titleRune } from '../funcs/title.js';

/** goutils AbbreviateFull (byte-based, as in Go). */
export function abbreviateFull(str: string, offset0: number, maxWidth: number): string {
  if (str === '') return '';
  const n = utf8Length(str);
  if (n <= maxWidth) return str;
  let offset = Math.min(offset0, n);
  if (n - offset < maxWidth - 3) offset = n - (maxWidth - 3);
  if (offset <= 4) return sliceBytes(str, 0, maxWidth - 3) + '...';
  if (offset + maxWidth - 3 < n) return '...' + abbreviateFull(sliceBytes(str, offset), 0, maxWidth - 3);
  return '...' + sliceBytes(str, n - (maxWidth - 3));
}

export const isSpaceCode = (c: number): boolean => gs.isSpace(c);

/** goutils WrapCustom. */
export function wrapCustom(str: string, wrapLength0: number, newLine0: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  const newLine = newLine0 === '' ? '\n' : newLine0;
  const wrapLength = Math.max(1, wrapLength0);
  const b = utf8Bytes(str);
  const sub = (lo: number, hi: number): string => bytesToString(b.subarray(lo, hi));
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
  // The lines, cut from the bytes, and newLine join as bytes (a line may end in half a character).
  return joined(out + sub(offset, b.length));
}

export const isUpper = (r: string): boolean => /\p{Lu}/u.test(r);

export const isLower = (r: string): boolean => /\p{Ll}/u.test(r);

export const isTitle = (r: string): boolean => /\p{Lt}/u.test(r);

export const lower = (r: string): string => gs.toLower(r);

export const upper = (r: string): string => gs.toUpper(r);

/** goutils SwapCase. */
export function swapCase(str: string): string {
  let ws = true;
  let out = '';
  // Over []rune(str): an invalid byte (an escape) is U+FFFD.
  for (const r of withRuneErrors(str)) {
    if (isUpper(r) || isTitle(r)) {
      out += lower(r);
      ws = false;
    } else if (isLower(r)) {
      out += ws ? titleRune(r) : upper(r);
      ws = false;
    } else {
      out += r;
      ws = gs.isSpace(r.codePointAt(0) ?? 0);
    }
  }
  return out;
}
