// Micro-benchmark for docs/design/go-bytes.md section 6: what the check for escapes
// (U+DC80..U+DCFF) costs on the output hot paths. Run after `npm run build`:
//   taskset -c 1 node docs/design/go-bytes/hot-path-bench.mjs BASE_DIST
// BASE_DIST is a build from before the check (step 2 of section 7: a `dist` built from commit
// 87d36e0). It drives the real ByteOutput of both builds (BASE_DIST's and this checkout's
// dist/src/exec/byte-output.js, whose encode tests isWellFormed before the sink's encoder)
// through a BufferedSink whose encode is Buffer.write (as src/agent/write.ts and
// src/cli/io.ts pass it), and times the check alone on one-byte and two-byte strings.
// Alternating rounds, medians.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const base = process.argv[2];
if (base === undefined) throw new Error('usage: node hot-path-bench.mjs BASE_DIST (a dist built before the check)');
const builds = {
  before: (await import(pathToFileURL(resolve(base, 'src/exec/byte-output.js')).href)).BufferedSink,
  after: (await import(new URL('../../../dist/src/exec/byte-output.js', import.meta.url).href)).BufferedSink,
};
const escape = /[\uDC80-\uDCFF]/;

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

function run(list, BufferedSink) {
  const buffer = Buffer.allocUnsafe(1 << 16);
  let total = 0;
  const sink = new BufferedSink(buffer, (b) => (total += b.length), (s, at) => buffer.write(s, at));
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
  const times = { before: [], after: [] };
  for (let round = 0; round < 31; round++) for (const v of round % 2 ? ['after', 'before'] : ['before', 'after']) times[v].push(run(list, builds[v]).ns);
  const bytes = run(list, builds.before).total / 20;
  if (run(list, builds.after).total / 20 !== bytes) throw new Error('the builds wrote different lengths');
  const b = median(times.before);
  console.log(
    `output replay ${nonLatin ? 'two-byte (non-Latin-1) ' : 'one-byte (ASCII)       '} ${list.length} pieces, ${(bytes / 1024).toFixed(0)} KB: ` +
      Object.entries(times)
        .map(([k, v]) => `${k} ${(median(v) / 1e3).toFixed(0)} us (${((median(v) / b - 1) * 100).toFixed(1)}%)`)
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
