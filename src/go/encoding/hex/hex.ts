// encoding/hex EncodeToString.

/** hex.EncodeToString. */
export function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
