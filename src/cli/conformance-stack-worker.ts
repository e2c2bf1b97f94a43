// Worker entry of conformance-stack.ts: renders one case on this thread's large stack.

import { parentPort, workerData } from 'node:worker_threads';
import type { ConformanceCase } from './conformance-cases.js';
import { renderConsul, renderText } from './conformance-run.js';

const c = workerData as ConformanceCase;
parentPort?.postMessage(c.mode === 'consul-template' ? await renderConsul(c) : renderText(c));
