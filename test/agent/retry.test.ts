// retryDelay against consul-template v0.42.1's own config.RetryConfig.RetryFunc: retry-go.json
// holds what a throwaway Go program printed (Finalize'd configs, retries 0..14).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../src/agent/retry.js';

const rows = JSON.parse(readFileSync(new URL('./retry-go.json', import.meta.url), 'utf8')) as {
  Attempts: number;
  Retry: number;
  Backoff: number;
  Max: number;
  Ok: boolean;
  SleepMs: number;
}[];

describe('retryDelay = consul-template RetryFunc', () => {
  it.each(rows.map((r) => [r.Attempts, r.Backoff, r.Max, r.Retry, r]))('attempts=%d backoff=%dms max=%dms retry %d', (_a, _b, _m, _r, r) => {
    const got = retryDelay({ attempts: r.Attempts, enabled: true, backoffMs: r.Backoff, maxBackoffMs: r.Max }, r.Retry);
    expect(got).toBe(r.Ok ? r.SleepMs : undefined);
  });
});
