// Comparing the two sides of a workload and printing the results table.

import type { GoResult } from './go.js';
import type { VtplResult } from './vtpl.js';
import type { Workload } from './workloads.js';

export interface Mismatch {
  /** UTF-16 offset of the first difference. */
  readonly offset: number;
  readonly go: string;
  readonly vtpl: string;
}

export interface WorkloadResult {
  readonly name: string;
  readonly mode: Workload['mode'];
  readonly description: string;
  readonly outputBytes: number | null;
  /** True when vtpl's output equals Go's; null when there is nothing to compare. */
  readonly outputMatches: boolean | null;
  readonly mismatch?: Mismatch;
  readonly vtpl: Omit<VtplResult, 'output'>;
  readonly go: Omit<GoResult, 'output'> | null;
  /** vtpl ops/s divided by Go ops/s. */
  readonly parseRatio: number | null;
  readonly executeRatio: number | null;
}

/** The first difference of two outputs, with some context either side. */
export function firstDifference(go: string, vtpl: string): Mismatch | undefined {
  if (go === vtpl) return undefined;
  let i = 0;
  while (i < go.length && i < vtpl.length && go[i] === vtpl[i]) i++;
  const from = Math.max(0, i - 40);
  return { offset: i, go: go.slice(from, i + 40), vtpl: vtpl.slice(from, i + 40) };
}

/** The outputs are compared, not stored: only their size is kept. */
function withoutOutput<T extends { readonly output?: string }>(r: T): Omit<T, 'output'> {
  const { output: _output, ...rest } = r;
  return rest;
}

export function combine(w: Workload, vtpl: VtplResult, go: GoResult | null): WorkloadResult {
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? a / b : null);
  const canCompare = go?.output !== undefined && vtpl.output !== undefined;
  const mismatch = canCompare ? firstDifference(go.output ?? '', vtpl.output ?? '') : undefined;
  const output = go?.output ?? vtpl.output;
  return {
    name: w.name,
    mode: w.mode,
    description: w.description,
    outputBytes: output === undefined ? null : Buffer.byteLength(output),
    outputMatches: canCompare ? mismatch === undefined : null,
    ...(mismatch ? { mismatch } : {}),
    vtpl: withoutOutput(vtpl),
    go: go === null ? null : withoutOutput(go),
    parseRatio: ratio(vtpl.parse?.opsPerSec, go?.parse?.opsPerSec),
    executeRatio: ratio(vtpl.execute?.opsPerSec, go?.execute?.opsPerSec),
  };
}

const opsFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Slow workloads (a few operations per second or fewer) keep two significant digits. */
const slowOpsFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

function ops(m: { opsPerSec: number } | undefined): string {
  if (m === undefined) return '-';
  return (m.opsPerSec < 10 ? slowOpsFormat : opsFormat).format(m.opsPerSec);
}

function times(r: number | null): string {
  return r === null ? '-' : `${r.toFixed(2)}x`;
}

function mb(bytes: number | undefined): string {
  return bytes === undefined || bytes === 0 ? '-' : (bytes / 2 ** 20).toFixed(1);
}

function verdict(r: WorkloadResult): string {
  if (r.vtpl.error !== undefined) return `vtpl error: ${r.vtpl.error.split('\n')[0].slice(0, 60)}`;
  if (r.go?.error !== undefined) return `Go error: ${r.go.error.split('\n')[0].slice(0, 60)}`;
  if (r.outputMatches === null) return 'not verified';
  return r.outputMatches ? `same (${r.outputBytes} B)` : 'MISMATCH';
}

/** The results as an aligned text table. */
export function table(results: readonly WorkloadResult[]): string {
  const head = ['workload', 'parse/s vtpl', 'Go', 'vtpl/Go', 'exec/s vtpl', 'Go', 'vtpl/Go', 'heap MB vtpl', 'Go', 'output'];
  const rows = results.map((r) => [
    r.name,
    ops(r.vtpl.parse),
    ops(r.go?.parse),
    times(r.parseRatio),
    ops(r.vtpl.execute),
    ops(r.go?.execute),
    times(r.executeRatio),
    mb(r.vtpl.heapPeakBytes),
    mb(r.go?.heapPeakBytes),
    verdict(r),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
