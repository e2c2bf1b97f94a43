// Crash fuzzing: `npm run fuzz:crash -- --runs N --seed S [--mode both|text|consul]
//   [--batch B] [--time-limit-ms T] [--memory-mb M] [--max-size K] [--out DIR]`.
//
// Throws generated templates (the differential fuzzers' grammar, damaged ones, random bytes and
// unicode, huge literals, deep nesting) with random JS data at the public API (Template,
// render) and at the Vault Agent renderer with recorded (and malformed) responses. Any failure
// that is not a TemplateError / ConsulTemplateError is a raw exception: a bug. Each batch runs
// in a fresh worker with a heap limit (M MB) and a watchdog (no progress for T ms is a hang);
// a worker that dies is a crash. Every distinct failure is shrunk with fast-check and written to
// DIR as a reproducer: case.bin (v8.serialize of the case), case.txt (readable), report.txt and
// repro.mjs (`node DIR/<failure>/repro.mjs` runs it again against dist/).

import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { crashCase, type CrashCase } from './fuzz/crash-arbitraries.js';
import type { BatchResult, BatchTask, Failure, OneTask } from './fuzz/crash-worker.js';
import type { CaseOutcome } from './fuzz/crash-case.js';

interface Options {
  readonly runs: number;
  readonly seed: number;
  readonly modes: readonly ('text' | 'consul')[];
  readonly batch: number;
  readonly timeLimitMs: number;
  readonly memoryMb: number;
  readonly maxSize: number;
  readonly out: string;
  /** Time allowed for shrinking one hang or crash (each try runs in a fresh worker). */
  readonly shrinkBudgetMs: number;
}

const USAGE = 'usage: fuzz:crash [--runs N] [--seed S] [--mode both|text|consul] [--batch B] [--time-limit-ms T] [--memory-mb M] [--max-size K] [--out DIR]';

function parseArgs(argv: readonly string[]): Options {
  const get = (flag: string, dflt: string): string => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : dflt;
  };
  const int = (flag: string, dflt: number): number => {
    const n = Number(get(flag, String(dflt)));
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${flag} wants a whole number\n${USAGE}`);
    return n;
  };
  const mode = get('--mode', 'both');
  if (mode !== 'both' && mode !== 'text' && mode !== 'consul') throw new Error(USAGE);
  return {
    runs: int('--runs', 10_000),
    seed: int('--seed', Date.now() % 2 ** 31),
    modes: mode === 'both' ? ['text', 'consul'] : [mode],
    batch: Math.max(1, int('--batch', 5_000)),
    timeLimitMs: int('--time-limit-ms', 10_000),
    memoryMb: int('--memory-mb', 1024),
    maxSize: Math.max(1, int('--max-size', 20_000)),
    out: resolve(get('--out', 'fuzz-crash')),
    shrinkBudgetMs: int('--shrink-budget-ms', 60_000),
  };
}

/** Worker limits: a heap cap, and the 256 MB stack the vtpl CLI runs with (README: Go's depth limits need it). */
function limits(o: Options) {
  return { maxOldGenerationSizeMb: o.memoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 256 };
}

const workerURL = new URL('./fuzz/crash-worker.js', import.meta.url);

type Ended<T> = { kind: 'done'; value: T } | { kind: 'hang' } | { kind: 'crash'; error: string };

/** Runs a worker to its result; `stalled` says when it is hung (checked every 100 ms). */
function runWorker<T>(data: BatchTask | OneTask, o: Options, stalled: () => boolean): Promise<Ended<T>> {
  return new Promise((done) => {
    const w = new Worker(workerURL, { workerData: data, resourceLimits: limits(o) });
    let ended: Ended<T> | undefined;
    const timer = setInterval(() => {
      if (ended === undefined && stalled()) {
        ended = { kind: 'hang' };
        void w.terminate();
      }
    }, 100);
    w.on('message', (value: T) => {
      ended ??= { kind: 'done', value };
    });
    w.on('error', (e) => {
      ended ??= { kind: 'crash', error: `${e.name}: ${e.message}` };
    });
    w.on('exit', (code) => {
      clearInterval(timer);
      done(ended ?? { kind: 'crash', error: `worker exited with code ${code}` });
    });
  });
}

/** One case in a fresh worker: its outcome, or that it hung or crashed. */
async function isolated(c: CrashCase, o: Options): Promise<'ok' | 'raw' | 'hang' | 'crash'> {
  const started = Date.now();
  // Module loading is not the case's time: allow it on top of the limit.
  const r = await runWorker<CaseOutcome>({ task: 'one', case: c }, o, () => Date.now() - started > o.timeLimitMs + 5_000);
  if (r.kind !== 'done') return r.kind;
  return r.value.ok ? 'ok' : 'raw';
}

/** The case at `index` of a batch (fast-check replays seed + path), shrunk while it still hangs or crashes. */
async function shrinkIsolated(
  mode: 'text' | 'consul',
  seed: number,
  index: number,
  kind: 'hang' | 'crash',
  o: Options,
): Promise<{ c: CrashCase; shrinks: number; reproduced: boolean }> {
  const arb = crashCase(mode, { maxSize: o.maxSize });
  const deadline = Date.now() + o.shrinkBudgetMs;
  let smallest: CrashCase | undefined;
  let original: CrashCase | undefined;
  const r = await fc.check(
    fc.asyncProperty(arb, async (c) => {
      const first = original === undefined;
      original ??= c;
      if (!first && Date.now() > deadline) return true; // out of budget: keep the smallest so far
      if ((await isolated(c, o)) !== kind) return true;
      smallest = c;
      return false;
    }),
    { seed, path: String(index), numRuns: 1 },
  );
  return { c: smallest ?? (original as CrashCase), shrinks: r.numShrinks, reproduced: smallest !== undefined };
}

/** How many hangs and crashes are shrunk (each try of each costs up to the time limit). */
const MAX_SHRUNK_ISOLATED = 3;

interface Report {
  readonly kind: 'exception' | 'hang' | 'crash';
  readonly mode: 'text' | 'consul';
  readonly seed: number;
  readonly index: number;
  readonly title: string;
  readonly detail: string;
  readonly c: CrashCase;
  readonly shrinks: number;
}

const distRoot = new URL('..', import.meta.url); // dist/

function writeReproducer(r: Report, o: Options): string {
  const dir = join(o.out, `${r.kind}-${r.mode}-seed${r.seed}-path${r.index}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'case.bin'), serialize(r.c));
  writeFileSync(join(dir, 'case.txt'), `${inspect(r.c, { depth: 12, maxArrayLength: 200, maxStringLength: 4000, breakLength: 120 })}\n`);
  writeFileSync(
    join(dir, 'report.txt'),
    [
      `${r.kind}: ${r.title}`,
      '',
      r.detail,
      '',
      `mode ${r.mode}, batch seed ${r.seed}, fast-check path ${r.index}, shrunk ${r.shrinks} times`,
      `run again: node ${join(dir, 'repro.mjs')}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'repro.mjs'),
    [
      '// Runs this case again against the built vtpl (npm run build first).',
      "import { readFileSync } from 'node:fs';",
      "import { deserialize } from 'node:v8';",
      `const { runCase } = await import(${JSON.stringify(new URL('scripts/fuzz/crash-case.js', distRoot).href)});`,
      "const c = deserialize(readFileSync(new URL('./case.bin', import.meta.url)));",
      'console.log(await runCase(c));',
      '',
    ].join('\n'),
  );
  return dir;
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const started = Date.now();
  // At least one batch per mode, so a short run covers both.
  const batchSize = Math.min(o.batch, Math.ceil(o.runs / o.modes.length));
  const batches = Math.ceil(o.runs / batchSize);
  const ran = { text: 0, consul: 0 };
  const reports: Report[] = [];
  const seen = new Set<string>();
  for (let b = 0; b < batches; b++) {
    const mode = o.modes[b % o.modes.length] as 'text' | 'consul';
    const runs = Math.min(batchSize, o.runs - b * batchSize);
    const seed = (o.seed + b * 7919) % 2 ** 31;
    let skip = 0;
    // A hang or a crash ends the worker: resume the batch after the case that caused it.
    while (skip < runs) {
      const heartbeat = new SharedArrayBuffer(8);
      const hb = new Int32Array(heartbeat);
      let last = -1;
      let since = Date.now();
      const stalled = (): boolean => {
        const now = Atomics.load(hb, 0);
        if (now !== last) {
          last = now;
          since = Date.now();
          return false;
        }
        // Startup (module loading) and shrinking are not one case's time: give them longer.
        const allowance = Atomics.load(hb, 1) === 1 ? o.shrinkBudgetMs : o.timeLimitMs;
        return Date.now() - since > allowance + (last === -1 ? 10_000 : 0);
      };
      Atomics.store(hb, 0, -1);
      const r = await runWorker<BatchResult>({ task: 'batch', mode, seed, runs, skip, maxSize: o.maxSize, heartbeat }, o, stalled);
      if (r.kind === 'done') {
        ran[mode] += r.value.ran;
        for (const f of r.value.failures) addException(f, mode, seed, reports, seen, o);
        break;
      }
      const index = Atomics.load(hb, 0);
      const shrinking = Atomics.load(hb, 1) === 1;
      if (index < 0) {
        console.error(`fuzz:crash: the ${mode} worker failed before running a case: ${r.kind === 'crash' ? r.error : 'hang'}`);
        return 2;
      }
      ran[mode] += index - skip + 1;
      const what = r.kind === 'hang' ? `no progress for ${o.timeLimitMs} ms` : r.error;
      console.error(
        `fuzz:crash: ${r.kind} at ${mode} seed ${seed} path ${index}${shrinking ? ' (while shrinking an exception)' : ''}: ${what}; shrinking in fresh workers`,
      );
      // Shrinking a hang costs the time limit per try: only the first few are shrunk, the
      // rest are replayed once (usually the same bug again) and written as generated.
      const isolatedSoFar = reports.filter((x) => x.kind !== 'exception').length;
      const s = await shrinkIsolated(mode, seed, index, r.kind, isolatedSoFar < MAX_SHRUNK_ISOLATED ? o : { ...o, shrinkBudgetMs: 0 });
      report(o, reports, {
        kind: r.kind,
        mode,
        seed,
        index,
        c: s.c,
        shrinks: s.shrinks,
        title: r.kind === 'hang' ? `no progress for ${o.timeLimitMs} ms (time limit)` : what,
        detail: s.reproduced ? 'reproduced in a fresh worker' : 'did not happen again in a fresh worker (depends on earlier cases or on load)',
      });
      if (shrinking) break; // the batch's cases all ran; only its shrinking was cut short
      skip = index + 1;
    }
    const done = (b + 1) * batchSize;
    if (batches > 1 && ((b + 1) % 10 === 0 || b === batches - 1)) {
      console.log(`fuzz:crash: ${Math.min(done, o.runs)}/${o.runs} cases, ${reports.length} failure(s), ${((Date.now() - started) / 1000).toFixed(0)}s`);
    }
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const total = ran.text + ran.consul;
  const count = (k: Report['kind']) => reports.filter((r) => r.kind === k).length;
  const summary = `${total} cases (text ${ran.text}, consul ${ran.consul}), seed ${o.seed}: ${count('exception')} raw exception(s), ${count('hang')} hang(s), ${count('crash')} crash(es) (${secs}s)`;
  if (reports.length === 0) {
    console.log(`fuzz:crash: ${summary}`);
    return 0;
  }
  console.error(`\nfuzz:crash: ${summary}`);
  return 1;
}

/** Records a failure and writes its reproducer at once, so a long run shows what it found as it goes. */
function report(o: Options, reports: Report[], r: Report): void {
  reports.push(r);
  const dir = writeReproducer(r, o);
  console.error(
    `\n${r.kind}: ${r.title}\n  ${r.detail.split('\n').slice(0, 6).join('\n  ')}\n  case: ${inspect(r.c, { depth: 4, maxStringLength: 300, breakLength: Infinity })}\n  reproducer: ${dir}\n`,
  );
}

/** One report per distinct raw exception (class + first vtpl frame) across all batches. */
function addException(f: Failure, mode: 'text' | 'consul', seed: number, reports: Report[], seen: Set<string>, o: Options): void {
  if (seen.has(f.signature)) return;
  seen.add(f.signature);
  report(o, reports, {
    kind: 'exception',
    mode,
    seed,
    index: f.index,
    c: f.case,
    shrinks: f.shrinks,
    title: f.signature,
    detail: `${f.name}: ${f.message}\n${f.stack}`,
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`fuzz:crash: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
