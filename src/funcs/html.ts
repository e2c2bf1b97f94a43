// html builtin (funcs.go HTMLEscaper / HTMLEscapeString).

import { goFunc, stringValue } from '../value/index.js';
import { evalArgs } from './eval-args.js';
import { anyVariadicToString } from './signatures.js';

const replacements: Readonly<Record<string, string>> = {
  '\0': '\uFFFD',
  '"': '&#34;', // shorter than "&quot;"
  "'": '&#39;', // shorter than "&apos;" and apos was not in HTML until HTML5
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

/** template.HTMLEscapeString. */
export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => replacements[c]);
}

export const htmlFunc = goFunc(anyVariadicToString, (args) => stringValue(htmlEscape(evalArgs(args))));
