// The retry policy of Vault's Go client: hashicorp/vault api/client.go (DefaultConfig,
// DefaultRetryPolicy, rawRequestWithContext) over hashicorp/go-retryablehttp v0.7.8
// client.go (Client.Do, baseRetryPolicy, RateLimitLinearJitterBackoff). No I/O: the caller
// sends, the clock sleeps, so an agent runtime can drive it with its own clock and its
// `vault { retry { num_retries } }` setting.

/** How often and how long to wait (vault/api Config.MaxRetries, MinRetryWait, MaxRetryWait). */
export interface RetryConfig {
  /** Retries after the first attempt (VAULT_MAX_RETRIES; 0 sends once). */
  readonly maxRetries: number;
  readonly minWaitMs: number;
  readonly maxWaitMs: number;
}

/** vault/api DefaultConfig: MaxRetries 2, MinRetryWait 1000ms, MaxRetryWait 1500ms. */
export const DEFAULT_RETRY: RetryConfig = { maxRetries: 2, minWaitMs: 1000, maxWaitMs: 1500 };

/** What the retry loop needs from time. */
export interface RetryClock {
  /** Resolves after `ms`; rejects with `signal.reason` as soon as the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1) for the jitter (Go: math/rand Float64). */
  random(): number;
}

/** Real time. */
export const realClock: RetryClock = {
  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
  random: Math.random,
};

/** One attempt's answer: an HTTP status (and Retry-After header), or a failure to get one. */
export type AttemptResult<R> =
  | { readonly response: R; readonly status: number; readonly retryAfter?: string }
  | { readonly error: unknown; readonly retryable: boolean };

/**
 * vault/api DefaultRetryPolicy: retryablehttp's (connection errors other than certificate,
 * scheme, header and redirect-count errors; 429; status 0 and 5xx except 501) plus 412, which
 * Vault returns while an X-Vault-Index state is not yet replicated.
 */
export function retryableStatus(status: number): boolean {
  return status === 412 || status === 429 || status === 0 || (status >= 500 && status !== 501);
}

/**
 * RateLimitLinearJitterBackoff: on 429 and 503 a Retry-After of whole seconds (or an HTTP date)
 * is obeyed; otherwise LinearJitterBackoff, (min + rand*(max-min)) * (attempt+1).
 */
export function backoffMs(
  config: RetryConfig,
  attempt: number,
  status: number | undefined,
  retryAfter: string | undefined,
  random: () => number,
  now = Date.now(),
): number {
  if ((status === 429 || status === 503) && retryAfter) {
    const wait = parseRetryAfter(retryAfter, now);
    if (wait !== undefined) return wait;
  }
  const n = attempt + 1;
  if (config.maxWaitMs <= config.minWaitMs) return config.minWaitMs * n;
  return Math.trunc(random() * (config.maxWaitMs - config.minWaitMs) + config.minWaitMs) * n;
}

/** parseRetryAfterHeader: seconds (non-negative integer) or an RFC 1123 date. */
function parseRetryAfter(h: string, now: number): number | undefined {
  if (/^[+-]?\d+$/.test(h)) {
    const s = Number(h);
    return s < 0 ? undefined : s * 1000;
  }
  if (!/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [A-Z]{3}$/.test(h)) return undefined;
  const t = Date.parse(h);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}

/**
 * vault/api hands back the last attempt's failure unchanged (retryablehttp's
 * PassthroughErrorHandler); vtpl appends retryablehttp's own words for running out of
 * retries, so a slow failure is not a silent one.
 */
export function givingUp(attempts: number): string {
  return `(giving up after ${attempts} attempt(s))`;
}

/** The outcome of the retry loop: the last attempt's result and how many attempts were made. */
export interface RetryOutcome<R> {
  readonly last: AttemptResult<R>;
  readonly attempts: number;
  /** The last result was itself worth retrying, but no retries were left. */
  readonly exhausted: boolean;
}

/**
 * retryablehttp Client.Do with vault/api's settings: attempts until one is not worth retrying or
 * `maxRetries` retries are spent, sleeping the backoff between them. The signal is the request's
 * deadline: once it aborts, nothing is retried and a sleep ends with its reason.
 */
export async function withRetries<R>(
  attempt: (n: number) => Promise<AttemptResult<R>>,
  config: RetryConfig,
  opts: { readonly clock?: RetryClock; readonly signal?: AbortSignal } = {},
): Promise<RetryOutcome<R>> {
  const clock = opts.clock ?? realClock;
  for (let i = 0; ; i++) {
    const last = await attempt(i);
    // DefaultRetryPolicy: "do not retry on context.Canceled or context.DeadlineExceeded".
    if (opts.signal?.aborted) throw opts.signal.reason;
    const retry = 'error' in last ? last.retryable : retryableStatus(last.status);
    if (!retry) return { last, attempts: i + 1, exhausted: false };
    if (config.maxRetries - i <= 0) return { last, attempts: i + 1, exhausted: i > 0 };
    const wait = 'error' in last ? backoffMs(config, i, undefined, undefined, clock.random) : backoffMs(config, i, last.status, last.retryAfter, clock.random);
    await clock.sleep(wait, opts.signal);
  }
}
