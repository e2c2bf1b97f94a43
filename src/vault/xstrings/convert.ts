// github.com/huandu/xstrings v1.5.0 convert.go, as sprig uses it: ToSnakeCase / ToKebabCase
// (camelCaseToLowerCase and its word scanner) and ToCamelCase, over runes. A lone surrogate
// (an escape: an invalid byte) is one rune, which Go decodes as RuneError.

import * as gs from '../../go/strings/index.js';
import { isSpace } from '../../go/strings/index.js';
import { withRuneErrors } from '../../go/unicode/utf8/index.js';

type WordType = 'invalid' | 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other';

const isUpper = (r: string): boolean => /\p{Lu}/u.test(r);
const isLetter = (r: string): boolean => /\p{L}/u.test(r);
const isNumber = (r: string): boolean => /\p{N}/u.test(r);
const isPunct = (r: string): boolean => /\p{P}/u.test(r);
const isConnector = (r: string): boolean => r === '-' || r === '_' || isSpace(r.codePointAt(0) ?? 0);

function isAlphabet(r: string): boolean {
  if (!isLetter(r)) return false;
  const c = r.codePointAt(0) ?? 0;
  if (c < 0x3400) return true;
  if (c >= 0x4e00 && c <= 0x9fcc) return false;
  if (c >= 0x3400 && c <= 0x4d85) return false;
  if (c >= 0x20000 && c <= 0x2b81d) return false;
  return true;
}

/**
 * Whether r is what utf8.DecodeRuneInString reads as RuneError: U+FFFD itself, an escape
 * (an invalid byte) or any other lone surrogate.
 */
const isRuneError = (r: string): boolean => r === '\uFFFD' || (r.length === 1 && (r.charCodeAt(0) & 0xf800) === 0xd800);

/**
 * nextValidRune: the first rune of rs from i that is not RuneError, and how many runes up to
 * and including it; past the end, prev and the runes left. The RuneErrors skipped join the
 * word being scanned (so "\xffa" is one word, its byte kept).
 */
function nextValidRune(rs: string[], i: number, prev: string): { r: string; n: number } {
  for (let j = i; j < rs.length; j++) if (!isRuneError(rs[j])) return { r: rs[j], n: j - i + 1 };
  return { r: prev, n: rs.length - i };
}

/** nextWord: the type and length (in runes) of the word at the start of rs. */
function nextWord(rs: string[]): { wt: WordType; len: number } {
  if (rs.length === 0) return { wt: 'invalid', len: 0 };
  let { r, n: i } = nextValidRune(rs, 0, '\uFFFD');
  // Only RuneErrors: one invalid word.
  if (r === '\uFFFD') return { wt: 'invalid', len: i };
  // Extends the word while the next valid rune passes pred; r is left at the rune that failed.
  const run = (pred: (x: string) => boolean): void => {
    while (i < rs.length) {
      const next = nextValidRune(rs, i, r);
      r = next.r;
      if (!pred(r)) break;
      i += next.n;
    }
  };
  if (isConnector(r)) {
    run(isConnector);
    return { wt: 'connector', len: i };
  }
  if (isPunct(r)) {
    run(isPunct);
    return { wt: 'punct', len: i };
  }
  if (isUpper(r)) {
    if (i < rs.length) {
      const next = nextValidRune(rs, i, r);
      r = next.r;
      if (isUpper(r)) {
        // A run of capitals: the last one starts the next word when a lower-case letter follows.
        let prevSize = next.n;
        i += next.n;
        while (i < rs.length) {
          const more = nextValidRune(rs, i, r);
          r = more.r;
          if (!isUpper(r)) break;
          prevSize = more.n;
          i += more.n;
        }
        if (i < rs.length && isAlphabet(r)) i -= prevSize;
      } else if (isAlphabet(r)) {
        i += next.n;
        run((x) => isAlphabet(x) && !isUpper(x));
      }
    }
    return { wt: 'upper', len: i };
  }
  if (isAlphabet(r)) {
    run((x) => isAlphabet(x) && !isUpper(x));
    return { wt: 'alphabet', len: i };
  }
  if (isNumber(r)) {
    run(isNumber);
    return { wt: 'number', len: i };
  }
  run((x) => !(isConnector(x) || isAlphabet(x) || isNumber(x) || isPunct(x)));
  return { wt: 'other', len: i };
}

/** toLower: upper-case and connector words are rewritten rune by rune, RuneErrors as U+FFFD. */
function toLowerWord(wt: WordType, word: string[], connector: string): string {
  if (wt !== 'upper' && wt !== 'connector') return word.join('');
  return word.map((r) => (isConnector(r) ? connector : isUpper(r) ? r.toLowerCase() : isRuneError(r) ? '\uFFFD' : r)).join('');
}

/** camelCaseToLowerCase. */
export function camelCaseToLowerCase(str: string, connector: string): string {
  let rest = Array.from(str);
  if (rest.length === 0) return '';
  let out = '';
  const take = (): { wt: WordType; word: string[] } => {
    const { wt, len } = nextWord(rest);
    const word = rest.slice(0, len);
    rest = rest.slice(len);
    return { wt, word };
  };
  let { wt, word } = take();
  while (rest.length > 0) {
    if (wt !== 'connector') out += toLowerWord(wt, word, connector);
    const prev = wt;
    const last = word;
    ({ wt, word } = take());
    switch (prev) {
      case 'number':
        while (wt === 'alphabet' || wt === 'number') {
          out += toLowerWord(wt, word, connector);
          ({ wt, word } = take());
        }
        if (wt !== 'invalid' && wt !== 'punct' && wt !== 'connector') out += connector;
        break;
      case 'connector':
        out += toLowerWord(prev, last, connector);
        break;
      case 'punct':
        break;
      default: {
        if (wt !== 'number') {
          if (wt !== 'connector' && wt !== 'punct') out += connector;
          break;
        }
        if (rest.length === 0) break;
        const lastNum = word;
        ({ wt, word } = take());
        if (wt !== 'alphabet') {
          out += toLowerWord('number', lastNum, connector);
          if (wt !== 'connector' && wt !== 'punct') out += connector;
          break;
        }
        out += connector + toLowerWord('number', lastNum, connector);
        while (wt === 'alphabet' || wt === 'number') {
          out += toLowerWord(wt, word, connector);
          ({ wt, word } = take());
        }
        if (wt !== 'invalid' && wt !== 'connector' && wt !== 'punct') out += connector;
      }
    }
  }
  return out + toLowerWord(wt, word, connector);
}

const upper = (r: string): string => gs.toUpper(r);
const lower = (r: string): string => gs.toLower(r);

/** xstrings toCamelCase (isBig: PascalCase, which sprig's camelcase uses). */
export function toCamelCase(str: string, isBig: boolean): string {
  // Every rune is written back with WriteRune: an invalid byte (an escape) is U+FFFD.
  const rs = Array.from(withRuneErrors(str));
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
