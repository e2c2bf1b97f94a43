// urlquery builtin (funcs.go URLQueryEscaper = net/url QueryEscape).

import { goFunc, stringValue } from '../value/index.js';
import { evalArgs } from './eval-args.js';
import { anyVariadicToString } from './signatures.js';
import { utf8Bytes } from '../go/unicode/utf8/index.js';

/** Bytes url.shouldEscape leaves alone in encodeQueryComponent mode: alphanumerics and -._~ */
function unreserved(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e;
}

/** url.QueryEscape: space becomes '+', other reserved bytes of the UTF-8 become %XX. */
export function queryEscape(s: string): string {
  if (/^[A-Za-z0-9\-._~]*$/.test(s)) return s;
  let out = '';
  for (const c of utf8Bytes(s)) {
    if (unreserved(c)) out += String.fromCharCode(c);
    else if (c === 0x20) out += '+';
    else out += `%${c.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export const urlqueryFunc = goFunc(anyVariadicToString, (args) => stringValue(queryEscape(evalArgs(args))));
