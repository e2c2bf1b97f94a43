// Conformance cases whose recursion Go allows (its stacks grow to 1 GB) but that exhaust the
// JavaScript stack of the thread running them: they are run again on a worker thread with a
// 256 MB stack, as bin/vtpl runs the CLI, so the case compares what Go compares.

import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConformanceCase } from './conformance-cases.js';
import type { Outcome } from './conformance-run.js';

/** The engine's text when the JS stack (not a Go limit) stopped the render. */
export function ranOutOfStack(error: string): boolean {
  return /JavaScript stack ran out|exceeds the JavaScript stack/.test(error);
}

/**
 * The worker's module: next to this one when running built (dist/src/cli, or the CLI bundle in
 * dist/cli); when this module is the TypeScript source (under vitest), the built copy in dist/
 * (`npm test` builds first).
 */
function workerURL(): URL {
  const here = new URL(import.meta.url);
  if (!here.pathname.endsWith('.ts')) return new URL('./conformance-stack-worker.js', here);
  return new URL('../../dist/src/cli/conformance-stack-worker.js', here);
}

export function renderOnLargeStack(c: ConformanceCase): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const w = new Worker(fileURLToPath(workerURL()), { workerData: c, resourceLimits: { stackSizeMb: 256 } });
    w.once('message', (m: Outcome) => resolve(m));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`conformance worker exited with ${code}`));
    });
  });
}
