// Peak heap of one operation. Sampling between timed batches (as the timing loop does)
// misses the peak inside an operation; the heap only grows between collections, so its
// peak is the size just before one of the collections the operation triggers, or the
// size at its end. v8.GCProfiler reports the heap before every collection.

import { GCProfiler, getHeapStatistics } from 'node:v8';

export interface HeapUse {
  /** Most heap (V8 heap plus external memory) in use during the operation, above the heap before it. */
  readonly peakBytes: number;
  /**
   * Heap still in use after a full collection while the operation's result is alive (a
   * parsed tree, an output), per result.
   */
  readonly retainedBytes: number;
}

/** What GCProfiler reports per collection: camelCase names (@types/node types it as getHeapStatistics()'s snake_case). */
interface GCHeapStatistics {
  readonly usedHeapSize: number;
  readonly externalMemory: number;
}

function inUse(): number {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
}

/**
 * One run of op, measured after a full collection (`gc` from measure.ts's garbageCollector).
 * What a result retains is measured over `results` results kept alive at once, as a small
 * one is lost in the noise of a collection (a hundred KB).
 */
export function heapOf(op: () => unknown, gc: () => void, results = 1): HeapUse {
  // Twice: after the timing loop, one collection leaves garbage (weakly held, finalized) that
  // the next frees, which would otherwise be counted against what the result retains.
  gc();
  gc();
  const base = inUse();
  const profiler = new GCProfiler();
  profiler.start();
  // The results stay alive through the collections below (kept.length is read after them).
  const kept = [op()];
  const end = inUse();
  const { statistics } = profiler.stop();
  let peak = end;
  for (const s of statistics) {
    const before = s.beforeGC.heapStatistics as unknown as GCHeapStatistics;
    peak = Math.max(peak, before.usedHeapSize + before.externalMemory);
  }
  while (kept.length < results) kept.push(op());
  gc();
  gc();
  const retained = (inUse() - base) / kept.length;
  return { peakBytes: Math.max(0, peak - base), retainedBytes: Math.max(0, retained) };
}
