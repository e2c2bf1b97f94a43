// regexMatch and regexReplaceAll: Go's regexp (RE2 syntax, via re2js) with Go's
// ReplaceAllString loop and $-expansion (regexp.go replaceAll, expand, extract).
//
// Go's regexp reads an invalid byte as U+FFFD of width 1 and returns slices of the input's
// bytes. An escape (utf8.ts) and U+FFFD are both one UTF-16 unit, so re2js matches on the
// input with its escapes made U+FFFD (withRuneErrors: the same indexes) and every result is
// cut from the input itself, keeping the bytes.

import type { RE2JS } from 're2js';
import { lazyRequire } from '../lazy-require.js';
import { GoError, type Value, boolType, boolValue, stringValue } from '../../value/index.js';
import { joined } from '../../go/unicode/utf8/index.js';
import { S, fn } from './sig.js';
import { firstEscape, isWellFormed, withRuneErrors } from '../../go/unicode/utf8/index.js';

const re2js = lazyRequire<typeof import('re2js')>('re2js');

/** regexp.Compile: syntax errors carry Go's text ("error parsing regexp: ..."). */
export function compile(re: string): RE2JS {
  if (!isWellFormed(re)) {
    const at = firstEscape(re);
    if (at >= 0) throw new GoError(invalidUTF8(re, at));
    // Only lone surrogates that are not escapes: Go reads them as the U+FFFD they stand for.
    re = withRuneErrors(re);
  }
  try {
    return re2js().RE2JS.compile(re);
  } catch (e) {
    throw new GoError(e instanceof Error ? e.message : String(e));
  }
}

/** re2js's error text for the pattern (Go's), or undefined when it compiles. */
function syntaxError(re: string): string | undefined {
  try {
    re2js().RE2JS.compile(re);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Go's error for a pattern whose first invalid byte (an escape) is at index at. Go's parser
 * reports ErrInvalidUTF8 when it reads that byte, unless a syntax error comes first. An error
 * found before the byte is read does not depend on it: the pattern cut there and ended by two
 * different ordinary runes fails alike, while an error at or past the cut quotes the rune.
 * The invalid-UTF-8 text runs from the byte to the end of the pattern, or to the end of the
 * name when the byte is inside the name of a (?P<name> or a \p{name}: Go finds the closing
 * '>' or '}' first and checks the name as a whole. That the cut is inside such a name is
 * re2js's own error for the cut pattern.
 */
function invalidUTF8(re: string, at: number): string {
  const prefix = withRuneErrors(re.slice(0, at));
  const before = syntaxError(prefix + '\uFFFD');
  if (before !== undefined && before === syntaxError(prefix + '\uFFFE')) return before;
  const close = before?.startsWith(`${errorPrefix}invalid named capture: `)
    ? '>'
    : before?.startsWith(`${errorPrefix}invalid character class range: \`\\p{`) || before?.startsWith(`${errorPrefix}invalid character class range: \`\\P{`)
      ? '}'
      : '';
  let rest = re.slice(at);
  if (close !== '' && rest.includes(close)) rest = rest.slice(0, rest.indexOf(close));
  return `${errorPrefix}invalid UTF-8: \`${rest}\``;
}

const errorPrefix = 'error parsing regexp: ';

/** extract from regexp.go: a $name / ${name} reference at the start of str. */
function extract(str: string): { name: string; num: number; rest: string } | undefined {
  let s = str;
  const brace = s.startsWith('{');
  if (brace) s = s.slice(1);
  const m = /^[\p{L}\p{Nd}_]+/u.exec(s);
  if (!m) return undefined;
  const name = m[0];
  let i = name.length;
  if (brace) {
    if (s[i] !== '}') return undefined;
    i++;
  }
  let num = /^[0-9]+$/.test(name) && name.length <= 9 ? Number(name) : -1;
  if (name.length > 1 && name[0] === '0') num = -1;
  return { name, num, rest: s.slice(i) };
}

/** Regexp.expand with the groups of one match. */
function expand(template: string, group: (i: number) => string | null, names: Record<string, number>): string {
  let out = '';
  let t = template;
  for (;;) {
    const k = t.indexOf('$');
    if (k < 0) break;
    out += t.slice(0, k);
    t = t.slice(k + 1);
    if (t.startsWith('$')) {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const ref = extract(t);
    if (!ref) {
      out += '$';
      continue;
    }
    t = ref.rest;
    const idx = ref.num >= 0 ? ref.num : names[ref.name];
    if (idx !== undefined) out += group(idx) ?? '';
  }
  return out + t;
}

/**
 * Regexp.ReplaceAllString (or ReplaceAllLiteralString when `literal`): no replacement
 * for an empty match right after a previous match.
 */
export function replaceAllString(re: RE2JS, src: string, repl: string, literal = false): string {
  const m = re.matcher(withRuneErrors(src));
  const names = re.namedGroups();
  const groups = m.groupCount();
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= src.length && m.find(searchPos)) {
    const a0 = m.start();
    const a1 = m.end();
    out += src.slice(lastMatchEnd, a0);
    if (a1 > lastMatchEnd || a0 === 0)
      out += literal ? repl : expand(repl, (i) => (i <= groups && m.start(i) >= 0 ? src.slice(m.start(i), m.end(i)) : null), names);
    lastMatchEnd = a1;
    const cp = src.codePointAt(searchPos);
    const width = cp === undefined ? 0 : cp > 0xffff ? 2 : 1;
    if (searchPos + width > a1) searchPos += width;
    else if (searchPos + 1 > a1) searchPos++;
    else searchPos = a1;
  }
  // The kept text and the replacements join as bytes.
  return joined(out + src.slice(lastMatchEnd));
}

export const regexFuncs = {
  regexMatch: fn([S, S], boolType, ([re, s]) => boolValue(compile(re.str()).matcher(withRuneErrors(s.str())).find())),
  regexReplaceAll: fn([S, S, S], S, ([re, pl, s]) => stringValue(replaceAllString(compile(re.str()), s.str(), pl.str()))),
} satisfies Record<string, Value>;
