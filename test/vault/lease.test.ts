// leaseCheckWait's branches (consul-template dependency/vault_common.go) and the
// LifetimeWatcher's renew-or-stop decision (vault/api lifetime_watcher.go).

import { describe, expect, it } from 'vitest';
import { LifetimeWatch, leaseCheckWait, secretLifetime } from '../../src/vault/lease.js';
import { parseVaultResponse, secretValue } from '../../src/vault/dependency/vault_common.js';

const lifetime = (body: string) => secretLifetime(secretValue(parseVaultResponse(body) as NonNullable<ReturnType<typeof parseVaultResponse>>));
const opts = (random: number) => ({ now: Date.UTC(2026, 0, 1), random: () => random, threshold: 0.9, defaultLeaseSeconds: 300 });

describe('leaseCheckWait', () => {
  it.each([
    // body, rand.Float64, expected ms, reason
    ['{"lease_id":"db/1","lease_duration":3600,"renewable":true,"data":{}}', 0, 600_000, 'renewable lease'],
    ['{"lease_id":"db/1","lease_duration":3600,"renewable":true,"data":{}}', 0.999999, 1_199_999, 'renewable lease'],
    ['{"lease_id":"db/1","lease_duration":1000,"renewable":false,"data":{}}', 0.5, 900_000, 'non-renewable lease'],
    ['{"lease_id":"db/1","lease_duration":1000,"renewable":false,"data":{}}', 0, 850_000, 'non-renewable lease'],
    ['{"lease_id":"","lease_duration":0,"data":{"k":"v"}}', 0.5, 270_000, 'static secret interval'],
    ['{"lease_id":"","data":{"password":"p","rotation_period":600,"ttl":120}}', 0.3, 121_000, 'rotation ttl'],
    ['{"lease_id":"","data":{"secret_id":"s","secret_id_ttl":59}}', 0.5, 54_000, 'approle secret_id ttl'],
    [`{"lease_id":"","data":{"certificate":"c","expiration":${Date.UTC(2026, 0, 1) / 1000 + 100}}}`, 0.5, 90_000, 'certificate expiration'],
  ])('%s with rand %d: %d ms (%s)', (body, random, ms, reason) => {
    expect(leaseCheckWait(lifetime(body) as NonNullable<ReturnType<typeof lifetime>>, opts(random))).toEqual({ ms, reason });
  });

  it('a rotating secret with ttl 0 is an error consul-template retries', () => {
    const s = lifetime('{"lease_id":"","data":{"rotation_period":600,"ttl":0}}') as NonNullable<ReturnType<typeof lifetime>>;
    expect(() => leaseCheckWait(s, opts(0.5))).toThrow('vault rotating secret returned ttl=0, will retry');
  });
});

describe('LifetimeWatch', () => {
  it('renews at 2/3 of the lease plus a third of the grace while the lease is extended, and stops once it is not', () => {
    const w = new LifetimeWatch(60, () => 0.5); // grace = 6 s + 3 s
    expect(w.next(60)).toBe(43_000);
    expect(w.next(60)).toBe(43_000);
    expect(w.next(40)).toBe(29_666);
    expect(w.next(30)).toBeUndefined(); // 30 s left, a 23 s sleep would land within the 9 s grace
    expect(w.next(12)).toBeUndefined();
  });
});
