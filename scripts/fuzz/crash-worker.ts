// A crash-fuzzing worker (started by scripts/fuzz-crash.ts with time and memory limits).
// task "batch": runs `runs` generated cases from `seed`, publishing the index of the case in
// progress in `heartbeat` (so the main thread can name a case that hangs or kills the worker),
// then shrinks the first case of each distinct raw exception with fast-check.
// task "one": runs a single case (the main thread shrinking a hang or a crash).

import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import { crashCase, type CrashCase } from './crash-arbitraries.js';
import { runCase, type CaseOutcome } from './crash-case.js';

export interface BatchTask {
  readonly task: 'batch';
  readonly mode: 'text' | 'consul';
  readonly seed: number;
  readonly runs: number;
  /** Cases before this index are generated but not run (resuming after a hang or crash). */
  readonly skip: number;
  readonly maxSize: number;
  /** Int32 [index of the case being run, phase: 0 running, 1 shrinking]. */
  readonly heartbeat: SharedArrayBuffer;
}

export interface OneTask {
  readonly task: 'one';
  readonly case: CrashCase;
}

export type Failure = Extract<CaseOutcome, { ok: false }> & {
  readonly index: number;
  readonly case: CrashCase;
  readonly shrinks: number;
};

export interface BatchResult {
  readonly ran: number;
  readonly failures: readonly Failure[];
}

async function batch(t: BatchTask): Promise<BatchResult> {
  const hb = new Int32Array(t.heartbeat);
  const arb = crashCase(t.mode, { maxSize: t.maxSize });
  const first = new Map<string, { index: number; c: CrashCase; outcome: Extract<CaseOutcome, { ok: false }> }>();
  let index = 0;
  let ran = 0;
  await fc.check(
    fc.asyncProperty(arb, async (c) => {
      const i = index++;
      if (i < t.skip) return true;
      Atomics.store(hb, 0, i);
      const o = await runCase(c);
      ran++;
      if (!o.ok && !first.has(o.signature)) first.set(o.signature, { index: i, c, outcome: o });
      return true; // every case runs; failures are shrunk one by one below
    }),
    { seed: t.seed, numRuns: t.runs },
  );
  Atomics.store(hb, 1, 1);
  const failures: Failure[] = [];
  for (const [signature, { index: at, c: original, outcome }] of first) {
    // Replay the case (seed + path) and shrink it while the same raw exception happens.
    let smallest: { c: CrashCase; o: Extract<CaseOutcome, { ok: false }> } | undefined;
    const r = await fc.check(
      fc.asyncProperty(arb, async (c) => {
        const o = await runCase(c);
        if (!o.ok && o.signature === signature) {
          smallest = { c, o };
          return false;
        }
        return true;
      }),
      { seed: t.seed, path: String(at), numRuns: 1 },
    );
    // A case that does not fail again on replay (it depended on earlier state) is kept as it was.
    failures.push(smallest ? { ...smallest.o, index: at, case: smallest.c, shrinks: r.numShrinks } : { ...outcome, index: at, case: original, shrinks: 0 });
  }
  return { ran, failures };
}

const task = workerData as BatchTask | OneTask;
const result = task.task === 'batch' ? await batch(task) : await runCase(task.case);
parentPort?.postMessage(result);
