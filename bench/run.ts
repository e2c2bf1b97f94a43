// `npm run bench [-- NAME...]`: times vtpl and real Go (the conformance oracle) on the same
// workloads in one run, checks that both produce the same output, prints a
// table and writes bench/results/latest.json.
//
// The two engines take turns workload by workload (Go in a fresh oracle process,
// then vtpl in this one), so a change in machine load affects both alike.
//
// vtpl is measured on a worker thread with the CLI's 256 MB stack (bin/vtpl), so
// deeply nested templates run as users run them.

import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread } from 'node:worker_threads';
import { buildOracle, root } from '../scripts/oracle.js';
import { type GoReport, type GoResult, runGoBench } from './go.js';
import { garbageCollector } from './measure.js';
import { type WorkloadResult, combine, table } from './report.js';
import { benchVtpl } from './vtpl.js';
import { measureColdStart } from './cold-start.js';
import { type Workload, workloads } from './workloads.js';

/** Timed part of each measurement; each also warms up for a quarter of this. */
const budgetMs = 800;

function goSide(w: Workload): { report?: GoReport; result: GoResult | null } {
  try {
    const report = runGoBench([w], budgetMs);
    return { report, result: report.results[0] ?? null };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { result: { name: w.name, error, heapPeakBytes: 0, maxRSSBytes: 0 } };
  }
}

async function main(): Promise<void> {
  const haveGo = buildOracle();
  if (!haveGo) console.error('!!! Go is not available (or the oracle does not build): measuring vtpl only; outputs are NOT verified.');
  const gc = garbageCollector();
  const loadAtStart = loadavg();
  let goReport: GoReport | undefined;
  const results: WorkloadResult[] = [];
  // `npm run bench -- NAME...` runs only the workloads whose names contain one of the NAMEs.
  const only = process.argv.slice(2);
  const selected = only.length === 0 ? workloads : workloads.filter((w) => only.some((n) => w.name.includes(n)));
  for (const w of selected) {
    process.stderr.write(`${w.name} ... `);
    const go = haveGo ? goSide(w) : { result: null };
    goReport ??= go.report;
    const vtpl = await benchVtpl(w, budgetMs, gc);
    const r = combine(w, vtpl, go.result);
    results.push(r);
    process.stderr.write('done\n');
    if (r.mismatch) {
      process.exitCode = 1;
      console.error(`\n!!! OUTPUT MISMATCH in ${w.name}: vtpl differs from Go at offset ${r.mismatch.offset}; its timings are meaningless.`);
      console.error(`    Go:   ${JSON.stringify(r.mismatch.go)}`);
      console.error(`    vtpl: ${JSON.stringify(r.mismatch.vtpl)}\n`);
    }
  }

  process.stderr.write('cold start ... ');
  const coldStart = measureColdStart();
  process.stderr.write('done\n');

  const run = {
    coldStart,
    date: new Date().toISOString(),
    node: process.version,
    go: goReport?.goVersion ?? null,
    consulTemplate: goReport?.consulTemplateVersion ?? null,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAverageAtStart: loadAtStart,
    budgetMs,
    workloads: results,
  };
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(run, null, 2)}\n`);

  console.log(
    `\nvtpl ${run.node} vs ${run.go ?? 'no Go'}${run.consulTemplate ? ` + consul-template ${run.consulTemplate}` : ''}` +
      ` on ${run.cores} x ${run.cpu} (load ${loadAtStart.map((l) => l.toFixed(1)).join(' ')})`,
  );
  console.log(table(results));
  console.log(`
ops/s over ${budgetMs} ms per measurement after warm-up; vtpl/Go > 1 means vtpl is faster.
text/template: parse = New(name).Parse(text); exec = Execute of the parsed template (dot = JSON data, json.Number).
consul-template: parse = one render pass with an empty brain (function map + parse; the secret is still missing),
  exec = one render pass with the brain filled (function map + parse + execute: Template.Execute always parses).
heap = peak heap in use sampled between timed batches after a full GC (Node heapUsed, Go HeapAlloc).`);
  for (const r of results) {
    console.log(
      `  ${r.name}: ${r.description}; RSS peak vtpl ${(r.vtpl.rssPeakBytes / 2 ** 20).toFixed(0)} MB (whole Node process)` +
        (r.go ? `, Go ${(r.go.maxRSSBytes / 2 ** 20).toFixed(0)} MB (oracle process maxrss)` : ''),
    );
  }
  console.log(`\ncold start (CPU, median of ${coldStart.runs}; goal: 2x node -e 0 or less): node -e 0 ${coldStart.nodeMs.toFixed(0)} ms`);
  for (const c of coldStart.commands) console.log(`  vtpl ${c.command}: ${c.ms.toFixed(0)} ms, ${c.ratio.toFixed(2)}x`);
  console.log(`\nwritten: ${join('bench', 'results', 'latest.json')}`);
  if (results.some((r) => r.mismatch)) console.error('\n!!! Some outputs differ from Go: see the messages above.');
}

if (isMainThread) {
  const worker = new Worker(new URL(import.meta.url), { argv: process.argv.slice(2), resourceLimits: { stackSizeMb: 256 } });
  worker.on('exit', (code) => {
    process.exitCode ||= code;
  });
} else {
  await main();
}
