// toTitle: cases.Title(language.Und, cases.NoLower) from golang.org/x/text — the first
// letter of every word is title-cased, everything else is kept. Words follow the
// Unicode word-break rules closely enough for text: letters, digits, marks and "_"
// continue a word, and ' . : between two word characters do not break it.

const titleSpecial: Record<string, string> = {
  ß: 'Ss',
  ǆ: 'ǅ',
  Ǆ: 'ǅ',
  ǅ: 'ǅ',
  ǉ: 'ǈ',
  Ǉ: 'ǈ',
  ǈ: 'ǈ',
  ǌ: 'ǋ',
  Ǌ: 'ǋ',
  ǋ: 'ǋ',
  ǳ: 'ǲ',
  Ǳ: 'ǲ',
  ǲ: 'ǲ',
  ﬀ: 'Ff',
  ﬁ: 'Fi',
  ﬂ: 'Fl',
  ﬃ: 'Ffi',
  ﬄ: 'Ffl',
  ﬅ: 'St',
  ﬆ: 'St',
};

// Made by the first toTitle: V8 parses a \p{...} pattern when the RegExp is created, and
// every preview and check loads this module without calling it.
let classes: { wordChar: RegExp; midChar: RegExp; cased: RegExp } | undefined;

/** unicode.ToTitle of one rune (digraphs and ligatures have their own title forms). */
export function titleRune(r: string): string {
  const special = titleSpecial[r];
  if (special) return special;
  const up = r.toUpperCase();
  return Array.from(up).length === 1 ? up : Array.from(up)[0] + Array.from(up).slice(1).join('').toLowerCase();
}

export function toTitle(s: string): string {
  classes ??= { wordChar: /[\p{L}\p{N}\p{M}_]/u, midChar: /['.:\u2019\u00b7]/u, cased: /[\p{Lu}\p{Ll}\p{Lt}]/u };
  const { wordChar, midChar, cased } = classes;
  const rs = Array.from(s);
  let out = '';
  let inWord = false;
  let titled = false;
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i];
    const isWord = wordChar.test(r);
    const joins = !isWord && midChar.test(r) && inWord && i + 1 < rs.length && wordChar.test(rs[i + 1]);
    if (isWord || joins) {
      if (!inWord) titled = false;
      inWord = true;
      if (!titled && cased.test(r)) {
        out += titleRune(r);
        titled = true;
        continue;
      }
    } else {
      inWord = false;
    }
    out += r;
  }
  return out;
}
