// `npm run bench -- --compare A.json B.json`: two bench runs (say, before and after a
// change) row by row. Each run's vtpl/Go ratio was measured against Go in the same run,
// so comparing ratios cancels most of a change in machine load between the runs; the
// raw vtpl times are shown too.

import { type Row, align, duration, ratio, times } from './report.js';
import { type BenchRun, readRun } from './results.js';

function label(run: BenchRun, path: string): string {
  return `${path}: ${run.commit?.slice(0, 10) ?? 'no commit'}${run.dirty ? ' (dirty)' : ''} ${run.date}, load ${run.loadAverageAtStart.map((l) => l.toFixed(1)).join(' ')}`;
}

export function compareRuns(a: BenchRun, b: BenchRun): string {
  const byName = new Map<string, Row>(b.rows.map((r) => [r.name, r]));
  const head = ['row', 'vtpl A', 'vtpl B', 'A/B time (>1: B faster)', 'vtpl/Go A', 'vtpl/Go B', 'B/A of vtpl/Go'];
  const lines: string[][] = [];
  for (const ra of a.rows) {
    const rb = byName.get(ra.name);
    if (rb === undefined) continue;
    lines.push([
      ra.name,
      duration(ra.vtpl),
      duration(rb.vtpl),
      times(ratio(ra.vtpl, rb.vtpl)),
      times(ra.vtplVsGo),
      times(rb.vtplVsGo),
      times(ratio(rb.vtplVsGo, ra.vtplVsGo)),
    ]);
  }
  const onlyA = a.rows.filter((r) => !byName.has(r.name)).map((r) => r.name);
  const inA = new Set(a.rows.map((r) => r.name));
  const onlyB = b.rows.filter((r) => !inA.has(r.name)).map((r) => r.name);
  return [align(head, lines), ...(onlyA.length ? [`only in A: ${onlyA.join(', ')}`] : []), ...(onlyB.length ? [`only in B: ${onlyB.join(', ')}`] : [])].join(
    '\n',
  );
}

export function compareFiles(pathA: string, pathB: string): void {
  const a = readRun(pathA);
  const b = readRun(pathB);
  console.log(`A = ${label(a, pathA)}\nB = ${label(b, pathB)}\n`);
  console.log(compareRuns(a, b));
}
