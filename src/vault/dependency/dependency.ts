// consul-template's dependency.Dependency for the Vault kinds (dependency/dependency.go,
// vault_common.go): the interface, errors.Wrap, and the checks the kinds share.

import { quote } from '../../go/strconv/index.js';
import { GoError, type Value, stringType } from '../../value/index.js';
import { parseRFC3339 } from '../../go/time/index.js';
import { trim, trimSpace } from '../../go/strings/index.js';
import type { VaultClient } from '../client.js';
import { type ApiSecret, objectEntries } from './vault_common.js';

/** A Vault dependency: `key` is its String(), the brain's key; `fetch` gives the template's value. */
export interface Dependency {
  readonly key: string;
  fetch(client: VaultClient): Promise<Value>;
}

/** errors.Wrap(err, prefix). */
export function wrap(err: unknown, prefix: string): GoError {
  return new GoError(`${prefix}: ${err instanceof Error ? err.message : String(err)}`);
}

export function trimPath(s: string): string {
  return trim(trimSpace(s), '/');
}

/** deletedKVv2: a KV v2 version whose metadata.deletion_time is in the past counts as missing. */
export function deletedKVv2(s: ApiSecret, now: number): boolean {
  const md = new Map(objectEntries(s.data)).get('metadata');
  if (md?.kind !== 'map') return false;
  const dt = new Map(objectEntries(md)).get('deletion_time');
  if (!dt || dt.type !== stringType) return false;
  const t = parseRFC3339(dt.str());
  return t !== undefined && now > t.sec * 1000 + t.nsec / 1e6;
}

/**
 * leaseCheckWait's one failure: a static role (rotation_period) whose ttl is 0 makes
 * consul-template retry instead of rendering.
 */
export function checkRotatingTTL(s: ApiSecret): void {
  const renewable = s.auth ? s.auth.renewable : s.renewable;
  if (renewable || s.leaseID !== '') return;
  const data = new Map(objectEntries(s.data));
  if (!data.has('rotation_period')) return;
  const ttl = data.get('ttl');
  if (ttl && ttl.kind === 'string' && ttl.type !== stringType && /^[+-]?[0-9]+$/.test(ttl.str()) && BigInt(ttl.str()) === 0n) {
    throw new GoError('vault rotating secret returned ttl=0, will retry');
  }
}

export interface FetchOptions {
  /** Milliseconds since the epoch; deletion times and certificate lifetimes are judged against it. */
  readonly now: () => number;
  /** Reads a local file (pkiCert's destination cache); absent when file access is not allowed. */
  readonly readFile?: (path: string) => Promise<string>;
}

/** The k=v arguments of secret/pkiCert: empty ones skipped, others must contain "=". */
export function parseKVArgs(rest: readonly string[]): Map<string, string> {
  const data = new Map<string, string>();
  for (const str of rest) {
    if (str.length === 0) continue;
    const eq = str.indexOf('=');
    if (eq < 0) throw new GoError(`not k=v pair ${quote(str)}`);
    data.set(trimSpace(str.slice(0, eq)), trimSpace(str.slice(eq + 1)));
  }
  return data;
}
