// How long to wait before trying again: consul-template's config/retry.go RetryFunc (the
// view's retries of a failed fetch) and the backoff Vault Agent's template server uses
// before restarting a failed runner.

import type { RetryPolicy } from './config.js';

/** consul-template config/retry.go RetryFunc: whether to retry after `retry` failures, and how long to wait. */
export function retryDelay(p: RetryPolicy, retry: number): number | undefined {
  if (!p.enabled) return undefined;
  if (p.attempts > 0 && retry > p.attempts - 1) return undefined;
  if (p.maxBackoffMs > 0) {
    const tillMax = Math.trunc(Math.log2(p.maxBackoffMs / p.backoffMs));
    if (retry > tillMax) return p.maxBackoffMs;
  }
  return 2 ** retry * p.backoffMs;
}

/** Vault Agent's template server restarts a failed runner after 1s..5m (exponential). */
export function restartDelay(n: number): number {
  return Math.min(1000 * 2 ** n, 5 * 60_000);
}
