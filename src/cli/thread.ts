// The CLI's entry on the worker thread that bin/vtpl starts (see there for why).
// A worker's stdout and stderr are pipes to the main thread, so the CLI is told
// whether the real ones are terminals (colours and the progress line depend on it).

import { parentPort, workerData } from 'node:worker_threads';
import { onTempFile } from '../agent/index.js';
import { main } from './main.js';

export interface ThreadData {
  readonly stdoutTTY: boolean;
  readonly stderrTTY: boolean;
}

export async function runThread(): Promise<void> {
  const { stdoutTTY, stderrTTY } = workerData as ThreadData;
  Object.defineProperty(process.stdout, 'isTTY', { value: stdoutTTY });
  Object.defineProperty(process.stderr, 'isTTY', { value: stderrTTY });
  // Signals reach only the main thread: it removes the temporary files a write in progress
  // holds if a signal ends this worker (bin/vtpl).
  onTempFile((event, path) => parentPort?.postMessage({ vtplTempFile: event, path }));
  await main();
}
