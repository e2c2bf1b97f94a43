// The Go side: `vtpl-oracle bench` times real text/template and consul-template on
// the same workloads (conformance/oracle/bench.go).

import { spawnSync } from 'node:child_process';
import { oracleBin } from '../scripts/oracle.js';
import type { Measurement } from './measure.js';
import type { Workload } from './workloads.js';

export interface GoResult {
  readonly name: string;
  readonly output?: string;
  readonly error?: string;
  readonly parse?: Measurement;
  readonly execute?: Measurement;
  readonly heapPeakBytes: number;
  readonly maxRSSBytes: number;
}

export interface GoReport {
  readonly goVersion: string;
  readonly consulTemplateVersion: string;
  readonly results: readonly GoResult[];
}

/** A workload in the oracle's case format; data and Vault bodies are inserted as raw JSON text. */
function caseJSON(w: Workload, budgetMs: number): string {
  const fields = [`"name":${JSON.stringify(w.name)}`, `"mode":${JSON.stringify(w.mode)}`, `"template":${JSON.stringify(w.template)}`];
  if (w.mode === 'text/template') {
    fields.push(`"data":${w.dataJSON}`);
  } else {
    const raw = (m: Readonly<Record<string, string>>) =>
      `{${Object.entries(m)
        .map(([k, v]) => `${JSON.stringify(k)}:${v}`)
        .join(',')}}`;
    fields.push(`"vault":${raw(w.vault)}`, `"mounts":${raw(w.mounts)}`);
  }
  fields.push(`"budgetMs":${budgetMs}`);
  if (w.rounds !== undefined) fields.push(`"rounds":${w.rounds}`);
  return `{${fields.join(',')}}`;
}

/** Runs the Go bench on `list` in a fresh oracle process. */
export function runGoBench(list: readonly Workload[], budgetMs: number): GoReport {
  const r = spawnSync(oracleBin, ['bench'], {
    input: `[${list.map((w) => caseJSON(w, budgetMs)).join(',')}]`,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`vtpl-oracle bench exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as GoReport;
}
