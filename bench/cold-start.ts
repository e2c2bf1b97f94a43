// Cold start: the CPU a whole `vtpl render` of a small template costs, against bare Node
// (`node -e 0`), and the same for `vtpl preview` and `vtpl check` of examples/deployment.yaml
// (the README's first commands). Most `vtpl` runs are this small, so start-up is what people
// feel. Each process reports its own CPU (all threads, user + system) when it exits, through a
// preloaded script; the median of several runs is kept.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../scripts/oracle.js';

/** One command's cold start. */
export interface ColdStartCommand {
  /** The command line after `vtpl`. */
  readonly command: string;
  /** Median CPU milliseconds. */
  readonly ms: number;
  /** ms / nodeMs: the goal is 2 or less. */
  readonly ratio: number;
}

export interface ColdStart {
  readonly runs: number;
  /** Median CPU milliseconds of `node -e 0`. */
  readonly nodeMs: number;
  /** render, preview and check, in that order. */
  readonly commands: readonly ColdStartCommand[];
}

const REPORT = `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeSync(2, '\\ncpu-us ' + (u.user + u.system) + '\\n'); });`;

function cpuMs(args: readonly string[], preload: string): number {
  const r = spawnSync(process.execPath, ['--require', preload, ...args], { encoding: 'utf8', cwd: root });
  const m = /cpu-us (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`cold start: ${args.join(' ')} failed: ${r.stderr}`);
  return Number(m[1]) / 1000;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

export function measureColdStart(runs = 9): ColdStart {
  const dir = mkdtempSync(join(tmpdir(), 'vtpl-cold-'));
  try {
    const preload = join(dir, 'cpu.cjs');
    writeFileSync(preload, REPORT);
    const template = join(dir, 'small.tmpl');
    writeFileSync(template, '{{ range $i, $n := .items }}{{ $i }}={{ $n }} {{ end }}\n');
    const commands = [
      ['render', template],
      ['preview', join('examples', 'deployment.yaml'), '--responses', join('examples', 'vault')],
      ['check', join('examples', 'deployment.yaml')],
    ];
    const node: number[] = [];
    const vtpl: number[][] = commands.map(() => []);
    // Interleaved, so a change in machine load affects all alike.
    for (let i = 0; i < runs; i++) {
      node.push(cpuMs(['-e', '0'], preload));
      for (const [j, c] of commands.entries()) vtpl[j]?.push(cpuMs([join(root, 'bin', 'vtpl'), ...c], preload));
    }
    const nodeMs = median(node);
    const measured = commands.map((c, j) => {
      const ms = median(vtpl[j] ?? []);
      return { command: c.join(' ').replace(template, 'small.tmpl'), ms, ratio: ms / nodeMs };
    });
    return { runs, nodeMs, commands: measured };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
