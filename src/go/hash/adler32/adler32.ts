// hash/adler32 Checksum.

/** hash/adler32 Checksum. */
export function adler32(msg: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of msg) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}
