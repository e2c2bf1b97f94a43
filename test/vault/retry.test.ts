// retry.ts against go-retryablehttp v0.7.8 client.go and vault/api client.go: which answers
// are retried, the backoff's waits, and how many attempts Client.Do makes.

import { describe, expect, it } from 'vitest';
import { type AttemptResult, DEFAULT_RETRY, type RetryClock, backoffMs, retryableStatus, withRetries } from '../../src/vault/retry.js';

describe('retryableStatus (vault/api DefaultRetryPolicy over baseRetryPolicy)', () => {
  it.each([
    [0, true],
    [200, false],
    [204, false],
    [307, false],
    [400, false],
    [403, false],
    [404, false],
    [412, true],
    [429, true],
    [500, true],
    [501, false],
    [502, true],
    [503, true],
    [504, true],
    [599, true],
    [999, true],
  ])('%i -> %s', (status, want) => {
    expect(retryableStatus(status)).toBe(want);
  });
});

describe('backoffMs (RateLimitLinearJitterBackoff)', () => {
  const now = Date.UTC(2026, 0, 1, 0, 0, 0);
  it.each([
    ['attempt 0, no jitter', 0, undefined, undefined, 0, 1000],
    ['attempt 0, top of the jitter', 0, undefined, undefined, 0.999999, 1499],
    ['attempt 1 doubles', 1, 500, undefined, 0.5, 2500],
    ['attempt 2 triples', 2, 500, undefined, 0.5, 3750],
    ['Retry-After seconds on 429', 0, 429, '3', 0.5, 3000],
    ['Retry-After seconds on 503', 1, 503, '0', 0.5, 0],
    ['Retry-After is ignored on 500', 0, 500, '3', 0.5, 1250],
    ['a negative Retry-After is ignored', 0, 429, '-3', 0.5, 1250],
    ['Retry-After as an RFC 1123 date', 0, 429, 'Thu, 01 Jan 2026 00:00:09 GMT', 0.5, 9000],
    ['a past date waits 0', 0, 503, 'Wed, 31 Dec 2025 23:00:00 GMT', 0.5, 0],
    ['an unparsable Retry-After is ignored', 0, 429, 'soon', 0.5, 1250],
  ])('%s', (_name, attempt, status, retryAfter, random, want) => {
    expect(backoffMs(DEFAULT_RETRY, attempt, status, retryAfter, () => random, now)).toBe(want);
  });

  it('min >= max: min times the attempt number', () => {
    expect(backoffMs({ maxRetries: 3, minWaitMs: 200, maxWaitMs: 100 }, 2, undefined, undefined, () => 0.9)).toBe(600);
  });
});

describe('withRetries (retryablehttp Client.Do)', () => {
  const clock = (): RetryClock & { waits: number[] } => {
    const waits: number[] = [];
    return {
      waits,
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0,
    };
  };
  const replies = (...seq: AttemptResult<string>[]) => {
    let n = 0;
    return async (): Promise<AttemptResult<string>> => seq[Math.min(n++, seq.length - 1)] as AttemptResult<string>;
  };
  const status = (s: number): AttemptResult<string> => ({ response: String(s), status: s });
  const failure = (retryable: boolean): AttemptResult<string> => ({ error: new Error('dial'), retryable });

  it.each([
    ['success at once', [status(200)], 1, false, []],
    ['a 500 then 200', [status(500), status(200)], 2, false, [1000]],
    ['500s until retries run out', [status(500)], 3, true, [1000, 2000]],
    ['a retryable connection error, then 200', [failure(true), status(200)], 2, false, [1000]],
    ['a connection error not worth retrying', [failure(false)], 1, false, []],
    ['a 500 then a 403: not retried further, not exhausted', [status(500), status(403)], 2, false, [1000]],
  ])('%s', async (_name, seq, attempts, exhausted, waits) => {
    const c = clock();
    const out = await withRetries(replies(...seq), DEFAULT_RETRY, { clock: c });
    expect(out.attempts).toBe(attempts);
    expect(out.exhausted).toBe(exhausted);
    expect(c.waits).toEqual(waits);
  });

  it('maxRetries 0 sends once, and one failure is not "giving up" on retries', async () => {
    const out = await withRetries(replies(status(500)), { ...DEFAULT_RETRY, maxRetries: 0 }, { clock: clock() });
    expect(out).toMatchObject({ attempts: 1, exhausted: false });
  });

  it('an aborted deadline stops the loop with its reason, even after a good answer', async () => {
    const deadline = new AbortController();
    deadline.abort(new Error('context deadline exceeded'));
    await expect(withRetries(replies(status(200)), DEFAULT_RETRY, { clock: clock(), signal: deadline.signal })).rejects.toThrow('context deadline exceeded');
  });
});
