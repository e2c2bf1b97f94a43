// The string helpers of template/funcs.go: indent, join, split, splitToMap, trim*,
// replaceAll, toLower, toUpper, toTitle.

import { GoError, GoMap, Value, mapStringStringType, sliceStringType, stringValue, intType } from '../../value/index.js';
import * as gs from '../../go/strings/index.js';
import { joined } from '../../go/unicode/utf8/index.js';
import { S, SS, fn } from './sig.js';
import { toTitle } from './title.js';

const str = (f: (...a: string[]) => string) => (args: readonly Value[]) => stringValue(f(...args.map((a) => a.str())));

function indent(spaces: number, s: string): string {
  if (spaces < 0) throw new GoError('indent value must be a positive integer');
  const prefix = ' '.repeat(spaces);
  let out = '';
  let sp = true;
  for (const c of s) {
    if (sp && c !== '\n') out += prefix;
    out += c;
    sp = c === '\n';
  }
  return out;
}

export const stringFuncs = {
  indent: fn([intType, S], S, ([n, s]) => stringValue(indent(Number(n.int()), s.str()))),
  // strings.Join: pieces join as bytes (joined); replaceAll joins in go/strings.
  join: fn([S, SS], S, ([sep, a]) =>
    stringValue(
      joined(
        a
          .items()
          .map((x) => x.str())
          .join(sep.str()),
      ),
    ),
  ),
  split: fn([S, S], SS, ([sep, s]) => {
    const t = gs.trimSpace(s.str());
    if (t === '') return new Value(sliceStringType, []);
    return new Value(
      sliceStringType,
      gs.split(t, sep.str()).map((x) => stringValue(x)),
    );
  }),
  splitToMap: fn([S, S, S], mapStringStringType, ([sep1, sep2, s]) => {
    const m = new GoMap();
    const t = gs.trimSpace(s.str());
    if (t !== '') {
      for (const item of gs.split(t, sep1.str())) {
        const c = gs.cut(item, sep2.str());
        if (c.found) m.set(stringValue(c.before), stringValue(c.after));
      }
    }
    return new Value(mapStringStringType, m);
  }),
  trim: fn(
    [S, S],
    S,
    str((cutset, s) => gs.trim(s, cutset)),
  ),
  trimPrefix: fn(
    [S, S],
    S,
    str((prefix, s) => gs.trimPrefix(s, prefix)),
  ),
  trimSuffix: fn(
    [S, S],
    S,
    str((suffix, s) => gs.trimSuffix(s, suffix)),
  ),
  trimSpace: fn(
    [S],
    S,
    str((s) => gs.trimSpace(s)),
  ),
  replaceAll: fn(
    [S, S, S],
    S,
    str((f, t, s) => gs.replaceAll(s, f, t)),
  ),
  toLower: fn(
    [S],
    S,
    str((s) => gs.toLower(s)),
  ),
  toUpper: fn(
    [S],
    S,
    str((s) => gs.toUpper(s)),
  ),
  toTitle: fn(
    [S],
    S,
    str((s) => toTitle(s)),
  ),
} satisfies Record<string, Value>;
