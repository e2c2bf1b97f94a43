// The JSON file a bench run writes (bench/results/, git-ignored) and `--compare` reads:
// every figure, and the commit it was measured on.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from '../scripts/oracle.js';
import type { ColdStart } from './cold-start.js';
import type { Row, WorkloadResult } from './report.js';

export interface BenchRun {
  /** Bumped when a field changes meaning, so --compare refuses what it would misread. */
  readonly format: typeof format;
  readonly commit: string | null;
  /** True when the work tree had uncommitted changes: the figures are not the commit's alone. */
  readonly dirty: boolean | null;
  readonly date: string;
  /** The NAME filters given (empty: the whole bench). */
  readonly only: readonly string[];
  readonly node: string;
  readonly go: string | null;
  readonly consulTemplate: string | null;
  readonly cpu: string;
  readonly cores: number;
  readonly loadAverageAtStart: readonly number[];
  readonly budgetMs: number;
  readonly rows: readonly Row[];
  readonly workloads: readonly WorkloadResult[];
  readonly coldStart: ColdStart | null;
}

export const format = 1;

function git(...args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function commitInfo(): { commit: string | null; dirty: boolean | null } {
  const commit = git('rev-parse', 'HEAD');
  const status = git('status', '--porcelain', '--untracked-files=no');
  return { commit, dirty: status === null ? null : status !== '' };
}

/** Writes the run as bench/results/latest.json and under a name of its own; returns both paths (relative to the repository). */
export function writeRun(run: BenchRun): string[] {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = run.date.replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const own = join(dir, `${stamp}-${run.commit?.slice(0, 10) ?? 'nocommit'}${run.dirty ? '-dirty' : ''}.json`);
  const text = `${JSON.stringify(run, null, 2)}\n`;
  writeFileSync(own, text);
  writeFileSync(join(dir, 'latest.json'), text);
  return [own, join(dir, 'latest.json')].map((p) => relative(root, p));
}

export function readRun(path: string): BenchRun {
  const run = JSON.parse(readFileSync(path, 'utf8')) as Partial<BenchRun>;
  if (run.format !== format || !Array.isArray(run.rows)) {
    throw new Error(`${path}: not a bench result of format ${format} (written by an older bench?)`);
  }
  return run as BenchRun;
}
