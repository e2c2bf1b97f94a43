// AES-CBC decryption (crypto/aes + cipher.NewCBCDecrypter), for sprig's decryptAES.
// A plain byte-oriented AES (FIPS 197): the inputs are small.

// Built on first use: the search for inverses below costs several milliseconds, which every
// start of the CLI paid (the function map imports this module) for a rarely used decryptAES.
const sbox = new Uint8Array(256);
const invSbox = new Uint8Array(256);
let sboxesBuilt = false;

/** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
function mul(a: number, b: number): number {
  let p = 0;
  for (let i = 0; i < 8; i++) {
    if (b & 1) p ^= a;
    const hi = a & 0x80;
    a = (a << 1) & 0xff;
    if (hi) a ^= 0x1b;
    b >>= 1;
  }
  return p;
}

/** The S-box: the multiplicative inverse followed by the affine transform. */
function buildSboxes(): void {
  if (sboxesBuilt) return;
  for (let x = 0; x < 256; x++) {
    let inv = 0;
    for (let y = 1; y < 256 && x !== 0; y++) {
      if (mul(x, y) === 1) {
        inv = y;
        break;
      }
    }
    let s = inv;
    for (let k = 1; k <= 4; k++) s ^= ((inv << k) | (inv >> (8 - k))) & 0xff;
    s ^= 0x63;
    sbox[x] = s;
    invSbox[s] = x;
  }
  sboxesBuilt = true;
}

/** The key schedule: (rounds + 1) round keys of 16 bytes. */
function expandKey(key: Uint8Array): Uint8Array[] {
  const nk = key.length / 4;
  const rounds = nk + 6;
  const w = new Uint8Array(16 * (rounds + 1));
  w.set(key);
  let rcon = 1;
  for (let i = nk; i < 4 * (rounds + 1); i++) {
    let t = Array.from(w.subarray(4 * (i - 1), 4 * i));
    if (i % nk === 0) {
      t = [sbox[t[1]] ^ rcon, sbox[t[2]], sbox[t[3]], sbox[t[0]]];
      rcon = mul(rcon, 2);
    } else if (nk > 6 && i % nk === 4) {
      t = t.map((b) => sbox[b]);
    }
    for (let j = 0; j < 4; j++) w[4 * i + j] = w[4 * (i - nk) + j] ^ t[j];
  }
  return Array.from({ length: rounds + 1 }, (_, r) => w.subarray(16 * r, 16 * r + 16));
}

function decryptBlock(keys: readonly Uint8Array[], input: Uint8Array): Uint8Array {
  const rounds = keys.length - 1;
  let s = input.map((b, i) => b ^ keys[rounds][i]);
  for (let round = rounds - 1; round >= 0; round--) {
    // InvShiftRows then InvSubBytes: byte (row r, column c) comes from column c - r.
    const t = new Uint8Array(16);
    for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) t[4 * c + r] = invSbox[s[4 * ((c - r + 4) % 4) + r]];
    for (let i = 0; i < 16; i++) t[i] ^= keys[round][i];
    if (round > 0) {
      // InvMixColumns.
      for (let c = 0; c < 4; c++) {
        const [a0, a1, a2, a3] = t.subarray(4 * c, 4 * c + 4);
        t[4 * c] = mul(a0, 14) ^ mul(a1, 11) ^ mul(a2, 13) ^ mul(a3, 9);
        t[4 * c + 1] = mul(a0, 9) ^ mul(a1, 14) ^ mul(a2, 11) ^ mul(a3, 13);
        t[4 * c + 2] = mul(a0, 13) ^ mul(a1, 9) ^ mul(a2, 14) ^ mul(a3, 11);
        t[4 * c + 3] = mul(a0, 11) ^ mul(a1, 13) ^ mul(a2, 9) ^ mul(a3, 14);
      }
    }
    s = t;
  }
  return s;
}

/** cipher.NewCBCDecrypter(aes.NewCipher(key), iv).CryptBlocks; src is whole blocks. */
export function aesCBCDecrypt(key: Uint8Array, iv: Uint8Array, src: Uint8Array): Uint8Array {
  buildSboxes();
  const keys = expandKey(key);
  const out = new Uint8Array(src.length);
  let prev = iv;
  for (let off = 0; off < src.length; off += 16) {
    const block = src.subarray(off, off + 16);
    const plain = decryptBlock(keys, block);
    for (let i = 0; i < 16; i++) out[off + i] = plain[i] ^ prev[i];
    prev = block;
  }
  return out;
}
