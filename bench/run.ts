// `npm run bench [-- NAME...]`: times vtpl, real Go (the conformance oracle) and the best
// JS peer on the same workloads in one run, checks that their outputs equal Go's, prints
// one table with ratios and writes every figure with the commit to bench/results/
// (latest.json and a file named by date and commit; git-ignored).
// `npm run bench -- --compare A.json B.json` compares two such files row by row.
//
// The engines take turns workload by workload (Go in a fresh oracle process, then vtpl
// and the peer), so a change in machine load affects them alike.
//
// vtpl and the peer run each workload on a fresh worker thread with the CLI's 256 MB stack
// (bin/vtpl), so deeply nested templates run as users run them, and no workload inherits
// the heap another left behind: after the 100 MB output rows, a 1 KB parse in the same
// thread measured 4x slower than alone.

import { writeSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { buildOracle } from '../scripts/oracle.js';
import { type ColdStart, measureColdStart } from './cold-start.js';
import { compareFiles } from './compare.js';
import { type GoReport, type GoResult, runGoBench } from './go.js';
import { garbageCollector } from './measure.js';
import { benchPeer } from './peer.js';
import { type Row, type WorkloadResult, coldStartRows, combine, summary, table, workloadRows } from './report.js';
import { type BenchRun, commitInfo, format, writeRun } from './results.js';
import { benchVtpl } from './vtpl.js';
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

/**
 * Progress, written straight to the file descriptor: a worker's process.stderr is passed to
 * the main thread only when the worker's event loop turns, and the timing loops never let it.
 */
function progress(text: string): void {
  writeSync(2, text);
}

/** `npm run bench -- NAME...` selects the rows whose names contain one of the NAMEs. */
function selected(name: string, only: readonly string[]): boolean {
  return only.length === 0 || only.some((n) => name.includes(n));
}

/** What a workload's worker sends back: the outputs are compared there, and stay there. */
interface Measured {
  readonly result: WorkloadResult;
  readonly goReport?: GoReport;
}

/** One workload on this (fresh) worker thread: Go's side, then vtpl's and the peer's. */
async function measureWorkload(name: string, haveGo: boolean): Promise<Measured> {
  const w = workloads.find((w) => w.name === name);
  if (w === undefined) throw new Error(`no workload ${name}`);
  const go = haveGo ? goSide(w) : { result: null };
  const vtpl = await benchVtpl(w, budgetMs, garbageCollector());
  const peer = benchPeer(w, go.result?.output, budgetMs, () => {});
  return { result: combine(w, vtpl, go.result, peer), goReport: go.report };
}

function onFreshWorker(name: string, haveGo: boolean): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { name, haveGo }, resourceLimits: { stackSizeMb: 256 } });
    let measured: Measured | undefined;
    worker.on('message', (m: Measured) => {
      measured = m;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (measured ? resolve(measured) : reject(new Error(`the worker for ${name} exited with code ${code}`))));
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const haveGo = buildOracle();
  if (!haveGo) console.error('!!! Go is not available (or the oracle does not build): measuring vtpl only; outputs are NOT verified.');
  const loadAtStart = loadavg();
  let goReport: GoReport | undefined;
  const results: WorkloadResult[] = [];
  const rows: Row[] = [];
  for (const w of workloads.filter((w) => selected(w.name, only))) {
    progress(`${w.name} ... `);
    const { result: r, goReport: report } = await onFreshWorker(w.name, haveGo);
    goReport ??= report;
    results.push(r);
    rows.push(...workloadRows(r));
    progress('done\n');
    if (r.mismatch) {
      process.exitCode = 1;
      console.error(`\n!!! OUTPUT MISMATCH in ${w.name}: vtpl differs from Go at offset ${r.mismatch.offset}; its timings are meaningless.`);
      console.error(`    Go:   ${JSON.stringify(r.mismatch.go)}`);
      console.error(`    vtpl: ${JSON.stringify(r.mismatch.vtpl)}\n`);
    }
  }

  let coldStart: ColdStart | null = null;
  if (selected('cold-start', only)) {
    progress('cold start ... ');
    coldStart = measureColdStart();
    rows.push(...coldStartRows(coldStart));
    progress('done\n');
  }

  const run: BenchRun = {
    format,
    ...commitInfo(),
    date: new Date().toISOString(),
    only,
    node: process.version,
    go: goReport?.goVersion ?? null,
    consulTemplate: goReport?.consulTemplateVersion ?? null,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAverageAtStart: loadAtStart,
    budgetMs,
    rows,
    workloads: results,
    coldStart,
  };
  const written = writeRun(run);

  console.log(
    `\nvtpl ${run.commit?.slice(0, 10) ?? ''}${run.dirty ? ' (dirty)' : ''} on Node ${run.node} vs ${run.go ?? 'no Go'}` +
      `${run.consulTemplate ? ` + consul-template ${run.consulTemplate}` : ''}` +
      ` on ${run.cores} x ${run.cpu} (load ${loadAtStart.map((l) => l.toFixed(1)).join(' ')})\n`,
  );
  console.log(table(rows));
  console.log(`
Time per operation, the median of ${budgetMs} ms of timed rounds after warm-up (CPU-bound, one thread);
vtpl/Go and peer/Go are Go's time over theirs: above 1, faster than Go. peer = @promptctl/go-template-js
on plain JS data, timed only where its output equals Go's bytes. heap = peak V8 heap of one vtpl operation
above the heap before it; for parse rows, (N B/B) = heap the parsed template keeps per template byte.
${summary(rows)}`);
  console.log(`\nwritten: ${written.join(', ')} (compare two: npm run bench -- --compare A.json B.json)`);
  if (results.some((r) => r.mismatch)) console.error('\n!!! Some outputs differ from Go: see the messages above.');
}

if (process.argv[2] === '--compare') {
  const [a, b] = process.argv.slice(3);
  if (a === undefined || b === undefined) {
    console.error('usage: npm run bench -- --compare A.json B.json');
    process.exitCode = 2;
  } else {
    compareFiles(a, b);
  }
} else if (isMainThread) {
  await main();
} else {
  const { name, haveGo } = workerData as { name: string; haveGo: boolean };
  parentPort?.postMessage(await measureWorkload(name, haveGo));
}
