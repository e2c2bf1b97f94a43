// Go's strconv.Quote and the fmt verbs the parser's messages use (%q, %.10q, %#U).
// The parse layer comes first in the engine, so it carries its own small copy.

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return printable.test(String.fromCodePoint(cp));
}

const hex = '0123456789abcdef';

function escapeRune(cp: number): string {
  if (cp === 0x22) return '\\"';
  if (cp === 0x5c) return '\\\\';
  if (isPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex[cp >> 4] + hex[cp & 15];
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** Code point of a JS string position; lone surrogates stand for U+FFFD, as invalid UTF-8 does in Go. */
function runeOf(s: string, i: number): number {
  const cp = s.codePointAt(i) ?? 0xfffd;
  return cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
}

/** strconv.Quote (fmt's %q for strings). */
export function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0;
    out += escapeRune(runeOf(s, i));
    i += cp > 0xffff ? 2 : 1;
  }
  return out + '"';
}

/** fmt's %.Nq: the string cut to its first N runes, then quoted. */
export function quotePrefix(s: string, runes: number): string {
  let end = 0;
  for (let n = 0; n < runes && end < s.length; n++) end += (s.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return quote(s.slice(0, end));
}

/** fmt's %#U: "U+0041 'A'", or just "U+0001" when the rune is not printable. */
export function formatRune(cp: number): string {
  const u = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(cp) ? `${u} '${String.fromCodePoint(cp)}'` : u;
}

/** Length in bytes of the UTF-8 encoding of s (Go positions and lengths are byte counts). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
