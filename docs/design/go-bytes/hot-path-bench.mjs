// Micro-benchmark for docs/design/go-bytes.md section 6: what a check for escape
// surrogates (U+DC80..U+DCFF) costs on the output hot paths. Run after `npm run build`:
//   taskset -c 1 node docs/design/go-bytes/hot-path-bench.mjs
// It drives the real ByteOutput (dist/exec/byte-output.js) through a BufferedSink whose
// encode is Buffer.write (as src/agent/write.ts and src/cli/io.ts pass it), with and
// without the check the design adds in front of the encoder, and times the check alone
// on one-byte and two-byte strings. Alternating rounds, medians.
import { BufferedSink } from '../../../dist/src/exec/byte-output.js';

const escape = /[\uDC80-\uDCFF]/;
let flagged = false; // the design's "an escape was ever made" flag (section 6, option B)

function pieces(nonLatin) {
  // A config-like output: short names, values of 20..300 characters, a PEM now and then.
  const out = [];
  const word = nonLatin ? 'пароль-密码-' : 'password-x-';
  const cert = ('MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n').repeat(20);
  for (let i = 0; i < 6000; i++) {
    out.push('  key_' + (i % 97), ' = "', (word + i).repeat(1 + (i % 7)), '"\n');
    if (i % 300 === 0) out.push(cert);
    if (i % 50 === 0) out.push(`# section ${i} ${'-'.repeat(40)}\n`);
  }
  return out;
}

function run(list, encodeVariant) {
  const buffer = Buffer.allocUnsafe(1 << 16);
  let total = 0;
  const write = (s, at) => buffer.write(s, at);
  const encode =
    encodeVariant === 'plain'
      ? write
      : encodeVariant === 'regex'
        ? (s, at) => (escape.test(s) ? write(s, at) /* slow path stands here */ : write(s, at))
        : encodeVariant === 'wellFormed'
          ? (s, at) => (!s.isWellFormed() && escape.test(s) ? write(s, at) : write(s, at))
          : (s, at) => (flagged && escape.test(s) ? write(s, at) : write(s, at));
  const sink = new BufferedSink(buffer, (b) => (total += b.length), encode);
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < 20; k++) {
    for (const p of list) sink.write(p);
    sink.flush();
  }
  return { ns: Number(process.hrtime.bigint() - t0) / 20, total };
}

function median(a) {
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1];
}

for (const nonLatin of [false, true]) {
  // Flat strings, as most pieces are after printing.
  const list = pieces(nonLatin).map((s) => JSON.parse(JSON.stringify(s)));
  const times = { plain: [], regex: [], wellFormed: [], flag: [] };
  for (let round = 0; round < 31; round++) for (const v of Object.keys(times)) times[v].push(run(list, v).ns);
  const bytes = run(list, 'plain').total / 20;
  const base = median(times.plain);
  console.log(
    `output replay ${nonLatin ? 'two-byte (non-Latin-1) ' : 'one-byte (ASCII)       '} ${list.length} pieces, ${(bytes / 1024).toFixed(0)} KB: ` +
      Object.entries(times)
        .map(([k, v]) => `${k} ${(median(v) / 1e3).toFixed(0)} us (${((median(v) / base - 1) * 100).toFixed(1)}%)`)
        .join(', '),
  );
}

// The check alone, per call, on strings of several lengths.
for (const len of [16, 64, 256, 4096]) {
  const one = 'a'.repeat(len);
  const two = ('é€' + 'a'.repeat(30)).repeat(len / 32 + 1).slice(0, len);
  for (const [name, s, check] of [['one-byte', one, 'regex'], ['two-byte', two, 'regex'], ['one-byte', one, 'isWellFormed'], ['two-byte', two, 'isWellFormed']]) {
    const samples = [];
    for (let r = 0; r < 15; r++) {
      const n = 2e5;
      let hits = 0;
      const t0 = process.hrtime.bigint();
      if (check === 'regex') for (let i = 0; i < n; i++) hits += escape.test(s) ? 1 : 0;
      else for (let i = 0; i < n; i++) hits += s.isWellFormed() ? 0 : 1;
      samples.push(Number(process.hrtime.bigint() - t0) / n);
      if (hits) throw new Error('unexpected');
    }
    console.log(`${check} ${name} length ${len}: ${median(samples).toFixed(1)} ns/call`);
  }
}
