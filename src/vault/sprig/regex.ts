// sprig regex functions (regex.go): the plain ones panic like regexp.MustCompile,
// the must* ones return the compile error.

import { GoPanic, Value, boolType, boolValue, intType, sliceStringType, stringValue } from '../../value/index.js';
import { S, fn, fnNoErr, type Pair, mustName } from '../funcs/sig.js';
import { canBackquote, quote } from '../../go/strconv/index.js';
import { compile, replaceAllString } from '../funcs/regex.js';
import type { RE2JS } from 're2js';
import { withRuneErrors } from '../../go/unicode/utf8/index.js';

// Matching is on the text with its escapes made U+FFFD, as Go reads invalid bytes; results
// are cut from the original by index (see funcs/regex.ts).

/** regexp.MustCompile's panic text. */
function mustCompile(re: string): RE2JS {
  try {
    return compile(re);
  } catch (e) {
    const q = canBackquote(re) ? `\`${re}\`` : quote(re);
    throw new GoPanic(`regexp: Compile(${q}): ${(e as Error).message}`);
  }
}

/** Regexp.allMatches: [start, end] pairs, no empty match right after a previous match. */
function allMatches(re: RE2JS, s: string, n0: number): [number, number][] {
  const n = n0 < 0 ? s.length + 1 : n0;
  const m = re.matcher(withRuneErrors(s));
  const out: [number, number][] = [];
  let prevMatchEnd = -1;
  for (let pos = 0; out.length < n && pos <= s.length; ) {
    if (!m.find(pos)) break;
    const a0 = m.start();
    const a1 = m.end();
    let accept = true;
    if (a1 === pos) {
      if (a0 === prevMatchEnd) accept = false;
      const cp = s.codePointAt(pos);
      pos += cp === undefined ? 1 : cp > 0xffff ? 2 : 1;
    } else {
      pos = a1;
    }
    prevMatchEnd = a1;
    if (accept) out.push([a0, a1]);
  }
  return out;
}

/** Regexp.Split. */
function split(re: RE2JS, s: string, n: number, expr: string): string[] | null {
  if (n === 0) return null;
  if (expr.length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const [a0, a1] of allMatches(re, s, n)) {
    if (n > 0 && out.length === n - 1) break;
    end = a0;
    if (a1 !== 0) out.push(s.slice(beg, end));
    beg = a1;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** regexp.QuoteMeta. */
function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

const strs = (xs: string[] | null): Value => new Value(sliceStringType, xs === null ? null : xs.map((x) => stringValue(x)));

function pair<N extends string>(
  name: N,
  params: Value['type'][],
  result: Value['type'],
  impl: (re: RE2JS, args: readonly Value[], expr: string) => Value,
): Pair<N> {
  return {
    [name]: fnNoErr(params, result, ([re, ...rest]) => impl(mustCompile(re.str()), rest, re.str())),
    [mustName(name)]: fn(params, result, ([re, ...rest]) => impl(compile(re.str()), rest, re.str())),
  } as Pair<N>;
}

export const sprigRegex = {
  regexMatch: fnNoErr([S, S], boolType, ([re, s]) => {
    try {
      return boolValue(compile(re.str()).matcher(withRuneErrors(s.str())).find());
    } catch {
      return boolValue(false);
    }
  }),
  mustRegexMatch: fn([S, S], boolType, ([re, s]) => boolValue(compile(re.str()).matcher(withRuneErrors(s.str())).find())),
  ...pair('regexFind', [S, S], S, (re, [s]) => {
    const m = re.matcher(withRuneErrors(s.str()));
    return stringValue(m.find() ? s.str().slice(m.start(), m.end()) : '');
  }),
  ...pair('regexFindAll', [S, S, intType], sliceStringType, (re, [s, n]) => {
    const ms = allMatches(re, s.str(), Number(n.int()));
    return strs(ms.length === 0 ? null : ms.map(([a, b]) => s.str().slice(a, b)));
  }),
  ...pair('regexReplaceAll', [S, S, S], S, (re, [s, repl]) => stringValue(replaceAllString(re, s.str(), repl.str()))),
  ...pair('regexReplaceAllLiteral', [S, S, S], S, (re, [s, repl]) => stringValue(replaceAllString(re, s.str(), repl.str(), true))),
  ...pair('regexSplit', [S, S, intType], sliceStringType, (re, [s, n], expr) => strs(split(re, s.str(), Number(n.int()), expr))),
  regexQuoteMeta: fnNoErr([S], S, ([s]) => stringValue(quoteMeta(s.str()))),
} satisfies Record<string, Value>;
