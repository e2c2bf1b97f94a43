// Proof of concept for docs/design/go-bytes.md: a Go string of arbitrary bytes held as a
// JS string, each byte Go's utf8.DecodeRune reads as invalid (RuneError, width 1) held as
// the lone surrogate U+DC00 + byte (U+DC80..U+DCFF). Not used by src/; step 1 of the
// design moves goBytes/goString/concat into src/go/unicode/utf8/utf8.ts.
//   node docs/design/go-bytes/surrogate-escape.mjs            self-checks (random bytes)
//   node docs/design/go-bytes/surrogate-escape.mjs --go DIR   also against Go's utf8.DecodeRune
//                                                              (DIR holds decode.go, run with `go run`)

const encoder = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether unit c at index i of s is an escape: U+DC80..U+DCFF not preceded by a high surrogate. */
function isEscapeAt(s, i, c) {
  if (c < 0xdc80 || c > 0xdcff) return false;
  return i === 0 || (s.charCodeAt(i - 1) & 0xfc00) !== 0xd800;
}

/** []byte(s): escapes are their byte, pairs 4 bytes, other lone surrogates U+FFFD (as today). */
export function goBytes(s) {
  // Well-formed UTF-16 has no lone surrogate, so no escape: the encoder is exact.
  if (s.isWellFormed()) return encoder.encode(s);
  const out = new Uint8Array(s.length * 3);
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out[at++] = c;
    else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
    } else if ((c & 0xf800) !== 0xd800) {
      out[at++] = 0xe0 | (c >> 12);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const r = ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00) + 0x10000;
      out[at++] = 0xf0 | (r >> 18);
      out[at++] = 0x80 | ((r >> 12) & 0x3f);
      out[at++] = 0x80 | ((r >> 6) & 0x3f);
      out[at++] = 0x80 | (r & 0x3f);
    } else if (c >= 0xdc80 && c <= 0xdcff) out[at++] = c & 0xff; // an escape (lone: a pair was taken above)
    else {
      out[at++] = 0xef; // any other lone surrogate: U+FFFD, as TextEncoder writes it
      out[at++] = 0xbf;
      out[at++] = 0xbd;
    }
  }
  return out.subarray(0, at);
}

/** Size of the valid sequence at b[i] (first byte >= 0x80), 0 if invalid: utf8.DecodeRune's rules. */
function seqSize(b, i) {
  const c = b[i];
  const cont = (k, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) return cont(1, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf) && cont(2) ? 3 : 0;
  if (c >= 0xf0 && c <= 0xf4) return cont(1, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** string(b): valid UTF-8 decodes as today; each invalid byte becomes its escape. */
export function goString(b) {
  try {
    return strict.decode(b);
  } catch {
    // Not valid UTF-8: runs of valid bytes decoded together, invalid bytes one by one.
  }
  let s = '';
  let start = 0;
  for (let i = 0; i < b.length; ) {
    if (b[i] < 0x80) {
      i++;
      continue;
    }
    const n = seqSize(b, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (i > start) s += strict.decode(b.subarray(start, i));
    s += String.fromCharCode(0xdc00 | b[i]);
    start = ++i;
  }
  if (start < b.length) s += strict.decode(b.subarray(start));
  return s;
}

/**
 * a + b as Go concatenates bytes: escapes ending a and starting b may together be valid
 * UTF-8 (E2 | 82 AC is "€"), so the escapes on both sides of the join are decoded again.
 * Anything else is a plain JS concatenation (substrings of a canonical string are canonical).
 */
export function concat(a, b) {
  if (a === '' || b === '') return a + b;
  const last = a.length - 1;
  if (!isEscapeAt(a, last, a.charCodeAt(last)) || !isEscapeAt(b, 0, b.charCodeAt(0))) return a + b;
  let i = last; // at most 3 escapes before the join can start a sequence
  while (i > 0 && last - i < 3 && isEscapeAt(a, i - 1, a.charCodeAt(i - 1))) i--;
  let j = 0;
  while (j + 1 < b.length && j < 3 && isEscapeAt(b, j + 1, b.charCodeAt(j + 1))) j++;
  return a.slice(0, i) + goString(goBytes(a.slice(i) + b.slice(0, j + 1))) + b.slice(j + 1);
}

/** Go's string comparison (bytes), for strings in this representation. */
export function compare(a, b) {
  const x = goBytes(a);
  const y = goBytes(b);
  return Buffer.compare(Buffer.from(x.buffer, x.byteOffset, x.length), Buffer.from(y.buffer, y.byteOffset, y.length));
}

// ---- self-checks ----

/** Random bytes biased towards lead and continuation bytes, so partial sequences are common. */
function randomBytes(rand, n) {
  const pool = [0x41, 0x7f, 0x80, 0x82, 0xac, 0xbf, 0xc0, 0xc2, 0xc3, 0xa9, 0xdf, 0xe0, 0xe2, 0xed, 0xa0, 0xef, 0xbd, 0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xff, 0xfe];
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = rand() < 0.8 ? pool[Math.floor(rand() * pool.length)] : Math.floor(rand() * 256);
  return b;
}

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const eq = (x, y) => x.length === y.length && x.every((v, i) => v === y[i]);

function selfCheck(runs) {
  const rand = mulberry32(42);
  for (let k = 0; k < runs; k++) {
    const a = randomBytes(rand, Math.floor(rand() * 12));
    const b = randomBytes(rand, Math.floor(rand() * 12));
    const sa = goString(a);
    if (!eq(goBytes(sa), a)) throw new Error(`round trip ${a}`);
    if (goString(goBytes(sa)) !== sa) throw new Error(`not canonical ${a}`);
    const ab = new Uint8Array([...a, ...b]);
    if (concat(sa, goString(b)) !== goString(ab)) throw new Error(`concat ${a} | ${b}`);
    const cmp = Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));
    if (compare(sa, goString(b)) !== cmp) throw new Error(`compare ${a} ${b}`);
  }
  // Fixed cases from the design's tables.
  const fixed = [
    ['/+8=', [0xff, 0xef]],
    ['4oKs', [0xe2, 0x82, 0xac]],
  ];
  for (const [b64, bytes] of fixed) {
    const s = goString(Buffer.from(b64, 'base64'));
    if (!eq(goBytes(s), bytes)) throw new Error(b64);
  }
  if (concat(goString(Uint8Array.of(0xe2)), goString(Uint8Array.of(0x82, 0xac))) !== '€') throw new Error('E2 | 82 AC');
  if (goString(Uint8Array.of(0xff)) !== '\uDCFF') throw new Error('FF');
  // U+10080 is the pair D800 DC80: its low half is not an escape.
  if (!eq(goBytes('\u{10080}'), [0xf0, 0x90, 0x82, 0x80])) throw new Error('pair');
  console.log(`self-check: ${runs} random byte strings: round trip, canonical form, concat, byte order ok`);
}

/** Against Go: for each random byte string, Go's []rune segmentation (rune, width) must match ours. */
async function goCheck(dir, runs) {
  const { spawnSync } = await import('node:child_process');
  const rand = mulberry32(7);
  const inputs = [];
  for (let k = 0; k < runs; k++) inputs.push(randomBytes(rand, 1 + Math.floor(rand() * 10)));
  const r = spawnSync('go', ['run', '.'], { cwd: dir, input: inputs.map((b) => Buffer.from(b).toString('hex')).join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(r.stderr);
  const lines = r.stdout.trim().split('\n');
  inputs.forEach((b, k) => {
    const s = goString(b);
    // Ours: an escape is (RuneError, 1); any other code point is itself with its UTF-8 width.
    const ours = [];
    for (const ch of s) {
      const cp = ch.codePointAt(0);
      ours.push(cp >= 0xdc80 && cp <= 0xdcff ? `fffd/1` : `${cp.toString(16)}/${encoder.encode(ch).length}`);
    }
    if (ours.join(' ') !== lines[k]) throw new Error(`Go differs on ${Buffer.from(b).toString('hex')}: go ${lines[k]} ours ${ours.join(' ')}`);
  });
  console.log(`go check: ${runs} random byte strings segment as Go's utf8.DecodeRune does`);
}

selfCheck(200000);
const at = process.argv.indexOf('--go');
if (at >= 0) await goCheck(process.argv[at + 1], 20000);
