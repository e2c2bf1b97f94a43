// Go strings are UTF-8 byte sequences; vtpl holds them as JS strings. These helpers
// give the byte view that len, index, slice and the escapers observe in Go.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** The string's bytes in UTF-8 (a lone surrogate encodes as U+FFFD, like Go's string(rune)). */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** len(s) in Go: the number of UTF-8 bytes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Bytes back to a string. A JS string cannot hold bytes that are not valid UTF-8,
 * so a slice that cuts a character apart gets U+FFFD where Go would keep raw bytes.
 */
export function utf8Decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Go's string ordering (bytewise over UTF-8, which is code point order): -1, 0 or 1. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // UTF-16 units order like code points except that surrogates (U+10000 and up)
      // sort below U+E000..U+FFFF; compare whole code points to get byte order.
      const cx = a.codePointAt(i) ?? x;
      const cy = b.codePointAt(i) ?? y;
      return cx < cy ? -1 : 1;
    }
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
