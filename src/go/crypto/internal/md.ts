// The Merkle–Damgård plumbing MD5, SHA-1 and SHA-256 share (pure JS: the engine must run in a browser).

export function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

export function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

/** Merkle–Damgård padding: message || 0x80 || zeros || bit length (big or little endian). */
export function pad(msg: Uint8Array, littleEndian: boolean): DataView {
  const len = msg.length;
  const total = Math.ceil((len + 9) / 64) * 64;
  const buf = new Uint8Array(total);
  buf.set(msg);
  buf[len] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = BigInt(len) * 8n;
  if (littleEndian) view.setBigUint64(total - 8, bits, true);
  else view.setBigUint64(total - 8, bits, false);
  return view;
}

export function wordsBE(h: Uint32Array): Uint8Array {
  const out = new Uint8Array(h.length * 4);
  const ov = new DataView(out.buffer);
  h.forEach((x, i) => {
    ov.setUint32(i * 4, x, false);
  });
  return out;
}
