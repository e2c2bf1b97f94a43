// regexMatch and regexReplaceAll: Go's regexp (RE2 syntax, via re2js) with Go's
// ReplaceAllString loop and $-expansion (regexp.go replaceAll, expand, extract).

import type { RE2JS } from 're2js';
import { lazyRequire } from '../lazy-require.js';
import { GoError, type Value, boolType, boolValue, stringValue } from '../../value/index.js';
import { joined } from '../../go/unicode/utf8/index.js';
import { S, fn } from './sig.js';

const re2js = lazyRequire<typeof import('re2js')>('re2js');

/** regexp.Compile: syntax errors carry Go's text ("error parsing regexp: ..."). */
export function compile(re: string): RE2JS {
  try {
    return re2js().RE2JS.compile(re);
  } catch (e) {
    throw new GoError(e instanceof Error ? e.message : String(e));
  }
}

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
  const m = re.matcher(src);
  const names = re.namedGroups();
  const groups = m.groupCount();
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= src.length && m.find(searchPos)) {
    const a0 = m.start();
    const a1 = m.end();
    out += src.slice(lastMatchEnd, a0);
    if (a1 > lastMatchEnd || a0 === 0) out += literal ? repl : expand(repl, (i) => (i <= groups ? m.group(i) : null), names);
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
  regexMatch: fn([S, S], boolType, ([re, s]) => boolValue(compile(re.str()).matcher(s.str()).find())),
  regexReplaceAll: fn([S, S, S], S, ([re, pl, s]) => stringValue(replaceAllString(compile(re.str()), s.str(), pl.str()))),
} satisfies Record<string, Value>;
