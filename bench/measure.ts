// The timing loop, the same as the Go oracle's (conformance/oracle/bench.go):
// warm up for a quarter of the budget while finding a batch size that takes
// about a fiftieth of it, then run timed batches in 5 rounds until the budget is
// spent (an operation longer than the budget runs once to warm up and once per
// round); the median round's rate is reported, so a burst of load from elsewhere
// on the machine moves it less.
// Memory is sampled between batches, outside the timed part.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** ops in seconds (batch time only), in `rounds` rounds; opsPerSec is the median round's. */
export interface Measurement {
  readonly ops: number;
  readonly seconds: number;
  readonly opsPerSec: number;
  /** ops/s of each round. */
  readonly rounds: readonly number[];
}

/** Timed rounds per measurement; a workload whose one operation takes seconds asks for fewer. */
export const defaultRounds = 5;

/** Each result is stored here so the optimizer cannot drop the work. */
let _sink: unknown;

function timeBatch(op: () => unknown, n: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) _sink = op();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export function measure(op: () => unknown, budgetMs: number, sample: () => void, roundCount = defaultRounds): Measurement {
  const budget = budgetMs / 1000;
  const target = budget / 50;
  let batch = 1;
  let warm = 0;
  for (;;) {
    const t = timeBatch(op, batch);
    warm += t;
    if (t < target) batch *= 2;
    else if (warm >= budget / 4) break;
  }
  let ops = 0;
  let seconds = 0;
  const rounds: number[] = [];
  for (let r = 0; r < roundCount; r++) {
    let roundOps = 0;
    let spent = 0;
    while (spent < budget / roundCount) {
      spent += timeBatch(op, batch);
      roundOps += batch;
      sample();
    }
    ops += roundOps;
    seconds += spent;
    rounds.push(roundOps / spent);
  }
  const sorted = [...rounds].sort((a, b) => a - b);
  return { ops, seconds, opsPerSec: sorted[sorted.length >> 1], rounds };
}

/**
 * A full garbage collection, so each workload's heap peak starts from a collected
 * heap (the Go side calls runtime.GC). `npm run bench` runs plain `node`, so the
 * flag is set at run time and gc is taken from a fresh context, where it appears.
 */
export function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
