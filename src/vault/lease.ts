// What a fetched dependency says about its lifetime, and when consul-template v0.42.1
// looks at it again: leaseCheckWait (dependency/vault_common.go) for non-renewable
// secrets, goodFor (dependency/vault_pki.go) for pkiCert, and vault/api's
// LifetimeWatcher arithmetic (calculateGrace, calculateSleepDuration) for renewals.

import { type Value, indirectInterface, stringType } from '../value/index.js';
import { pemEncodedType } from './dependency/pem.js';
import { pemsCert } from './dependency/vault_pki.js';
import { objectEntries, secretPtrType } from './dependency/vault_common.js';

/** A dependency's Vault lease, as the render result reports it. */
export interface LeaseInfo {
  /** lease_id ("" for secrets without one, such as KV). */
  readonly id: string;
  /** lease_duration in seconds (auth.lease_duration for a login response). */
  readonly duration: number;
  readonly renewable: boolean;
}

/** The fields of a *dependency.Secret the lifecycle depends on. */
export interface SecretLifetime extends LeaseInfo {
  /** Data's top-level values (certificate, expiration, rotation_period, ttl, secret_id, secret_id_ttl). */
  readonly data: ReadonlyMap<string, Value>;
  readonly isAuth: boolean;
}

/** The lease of a `secret` result (a *dependency.Secret); undefined for other values (lists, pkiCert, files). */
export function secretLifetime(v: Value): SecretLifetime | undefined {
  if (v.type !== secretPtrType || v.isNil()) return undefined;
  const [, leaseID, leaseDuration, renewable, data, , auth] = v.elem().items();
  let duration = Number(leaseDuration.int());
  let renew = renewable.bool();
  const isAuth = !auth.isNil();
  if (isAuth) {
    const a = auth.elem().items();
    const authDuration = Number(a[4].int());
    if (authDuration > 0) duration = authDuration;
    renew = a[5].bool();
  }
  return { id: leaseID.str(), duration, renewable: renew, data: new Map(objectEntries(data)), isAuth };
}

/** updateSecret after a renewal: the brain's secret (a pointer in Go) takes the new lease duration. */
export function updateLeaseDuration(v: Value, seconds: number, makeInt: (n: bigint) => Value): void {
  if (v.type !== secretPtrType || v.isNil()) return;
  v.elem().items()[2] = makeInt(BigInt(seconds));
}

/** json.Number.Int64 of a data value; undefined when it is not an integer number. */
function jsonInt(v: Value | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = indirectInterface(v);
  if (x.kind !== 'string' || x.type === stringType || !/^[+-]?[0-9]+$/.test(x.str())) return undefined;
  return Number(x.str());
}

export interface LeaseCheckOptions {
  /** ms since the epoch. */
  readonly now: number;
  /** Math.random (rand.Float64). */
  readonly random: () => number;
  /** VaultLeaseRenewalThreshold (template_config lease_renewal_threshold, default 0.9). */
  readonly threshold: number;
  /** VaultDefaultLeaseDuration in seconds (static_secret_render_interval, default 300). */
  readonly defaultLeaseSeconds: number;
}

/** Why the wait was chosen (for the agent's log line). */
export type WaitReason =
  | 'renewable lease'
  | 'non-renewable lease'
  | 'certificate expiration'
  | 'approle secret_id ttl'
  | 'rotation ttl'
  | 'static secret interval';

/**
 * leaseCheckWait: milliseconds until a secret is looked at again. Throws on the
 * rotating secret with ttl=0 (consul-template retries it).
 */
export function leaseCheckWait(s: SecretLifetime, o: LeaseCheckOptions): { ms: number; reason: WaitReason } {
  let base = s.duration;
  let reason: WaitReason = s.renewable ? 'renewable lease' : 'non-renewable lease';
  if (s.id === '' && s.data.has('certificate')) {
    const exp = jsonInt(s.data.get('expiration'));
    if (exp !== undefined) {
      base = exp - Math.trunc(o.now / 1000);
      reason = 'certificate expiration';
    }
  }
  if (s.id === '' && s.data.has('secret_id')) {
    const ttl = jsonInt(s.data.get('secret_id_ttl'));
    if (ttl !== undefined && ttl > 0) {
      base = ttl + 1;
      reason = 'approle secret_id ttl';
    }
  }
  let rotating = false;
  if (s.id === '' && s.data.has('rotation_period')) {
    const ttl = jsonInt(s.data.get('ttl'));
    if (ttl !== undefined && ttl > 0) {
      base = ttl + 1;
      rotating = true;
      reason = 'rotation ttl';
    } else if (ttl === 0) {
      throw new Error('vault rotating secret returned ttl=0, will retry');
    }
  }
  if (base <= 0) {
    base = o.defaultLeaseSeconds;
    if (reason === 'non-renewable lease') reason = 'static secret interval';
  }
  let sleep = base * 1000;
  if (s.renewable) {
    sleep = sleep / 3;
    sleep = (sleep * (o.random() + 1)) / 2;
  } else if (!rotating) {
    let fraction = o.threshold + (o.random() - 0.5) * 0.1;
    if (fraction >= 1 || fraction <= 0) fraction = o.threshold;
    sleep = sleep * fraction;
  }
  return { ms: Math.trunc(sleep), reason };
}

/**
 * goodFor for a pkiCert value: milliseconds until the certificate's rotation time
 * (threshold of its lifetime after NotBefore; the ±3% jitter in Go is an integer
 * division by 100 and always 0), or undefined when it needs renewal now.
 */
export function certGoodFor(v: Value, now: number, threshold: number): number | undefined {
  if (v.type !== pemEncodedType) return undefined;
  const { cert } = pemsCert(v.items()[0].str());
  if (cert === undefined || cert.notAfter <= now) return undefined;
  const life = cert.notAfter - cert.notBefore;
  const sleep = cert.notBefore + Math.trunc(life * threshold) - now;
  return sleep > 0 ? sleep : undefined;
}

/**
 * vault/api LifetimeWatcher state for one renewable lease: grace is recomputed while
 * renewals extend the lease; once they stop extending it (max TTL), the watcher gives
 * up when the remaining time falls within the grace, and the secret is read again.
 */
export class LifetimeWatch {
  private grace = 0;
  private prior: number;

  constructor(
    initialSeconds: number,
    private readonly random: () => number,
  ) {
    this.prior = initialSeconds * 1000;
    this.calculateGrace(this.prior);
  }

  /** calculateGrace with increment 0: 10% of the lease plus up to another 10%. */
  private calculateGrace(leaseMs: number): void {
    if (leaseMs <= 0) {
      this.grace = 0;
      return;
    }
    const jitterMax = 0.1 * leaseMs;
    this.grace = jitterMax + Math.floor(this.random() * jitterMax);
  }

  /**
   * After a successful renewal granting `seconds`: the wait before the next renewal, or
   * undefined when the watcher is done (the lease will not last another round).
   */
  next(seconds: number): number | undefined {
    const remaining = seconds * 1000;
    if (remaining > this.prior) this.calculateGrace(remaining);
    const sleep = (remaining * 2) / 3 + this.grace / 3;
    this.prior = remaining;
    if (remaining <= this.grace || remaining - sleep <= this.grace) return undefined;
    return Math.trunc(sleep);
  }
}

/** Whether `v` came from Vault with a lease the agent can renew (for the result's lease info). */
export function leaseInfo(v: Value): LeaseInfo | undefined {
  const s = secretLifetime(v);
  return s === undefined ? undefined : { id: s.id, duration: s.duration, renewable: s.renewable };
}
