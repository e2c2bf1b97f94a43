// js builtin (funcs.go JSEscaper / JSEscapeString).

import { goFunc, stringValue } from '../value/index.js';
import { evalArgs } from './eval-args.js';
import { anyVariadicToString } from './signatures.js';
import { isPrint } from '../go/strconv/index.js';

const asciiEscapes: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

function hex4(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}

function escapeCodePoint(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return asciiEscapes[ch] ?? (cp < 0x20 ? `\\u00${hex4(cp).slice(2)}` : ch);
  // ch is a whole code point (the regex's u flag), so a surrogate here is lone. An escape
  // is an invalid byte: Go decodes it as RuneError, which IsPrint accepts, and writes the
  // byte itself. Any other lone surrogate reaches Go as the UTF-8 of U+FFFD, also printable.
  if (cp >= 0xd800 && cp <= 0xdfff) return cp >= 0xdc80 && cp <= 0xdcff ? ch : '\uFFFD';
  return isPrint(cp) ? ch : `\\u${hex4(cp)}`;
}

/** template.JSEscapeString: only jsIsSpecial runes change. */
export function jsEscape(s: string): string {
  return s.replace(/[\\'"<>&=\x00-\x1f]|[^\x00-\x7f]/gu, escapeCodePoint);
}

export const jsFunc = goFunc(anyVariadicToString, (args) => stringValue(jsEscape(evalArgs(args))));
