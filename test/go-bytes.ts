// Go string literals with bytes that are not valid UTF-8, for the tests of escapes
// (docs/design/go-bytes.md): Go's %q output and template literals read back as bytes.

import { goString } from '../src/go/unicode/utf8/utf8.js';

const encoder = new TextEncoder();

/** The bytes of the Go interpreted string literal body s (between its double quotes). */
export function unquoteBytes(s: string): Uint8Array {
  const out: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34, "'": 39 };
  for (let i = 0; i < s.length; ) {
    if (s[i] !== '\\') {
      const cp = s.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      out.push(...encoder.encode(ch));
      i += ch.length;
      continue;
    }
    const c = s[i + 1];
    if (c === 'x') {
      out.push(Number.parseInt(s.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (c >= '0' && c <= '7') {
      out.push(Number.parseInt(s.slice(i + 1, i + 4), 8));
      i += 4;
    } else if (c === 'u' || c === 'U') {
      const n = c === 'u' ? 4 : 8;
      out.push(...encoder.encode(String.fromCodePoint(Number.parseInt(s.slice(i + 2, i + 2 + n), 16))));
      i += 2 + n;
    } else {
      out.push(simple[c]);
      i += 2;
    }
  }
  return Uint8Array.from(out);
}

/** The string a Go %q (or "..." literal) denotes, invalid bytes held as escapes. */
export function goQuoted(q: string): string {
  if (!q.startsWith('"') || !q.endsWith('"')) throw new Error(`not a quoted Go string: ${q}`);
  return goString(unquoteBytes(q.slice(1, -1)));
}
