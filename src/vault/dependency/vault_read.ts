// consul-template dependency/vault_read.go: `secret PATH`, a GET (KV v2 paths shimmed).

import { quote } from '../../go/strconv/index.js';
import { GoError, type Value } from '../../value/index.js';
import { type GoURL, parseQuery, parseURL } from '../../go/net/url/index.js';
import type { VaultClient } from '../client.js';
import { isKVv2, shimKVv2Path } from './kv2.js';
import { type ApiSecret, secretValue } from './vault_common.js';
import { logicalRead } from './vault_api.js';
import { type Dependency, type FetchOptions, checkRotatingTTL, deletedKVv2, trimPath, wrap } from './dependency.js';

/**
 * NewVaultReadQuery's reading of PATH: spaces and slashes trimmed, then url.Parse, whose
 * Path (escapes decoded) is what is read and whose RawQuery carries the version.
 */
export function parseReadPath(s: string): GoURL {
  const p = trimPath(s);
  if (p === '') throw new GoError(`vault.read: invalid format: ${quote(p)}`);
  return parseURL(p);
}

/**
 * What NewVaultReadQuery makes of a PATH: the path read, its query and the dependency's
 * key; and the query last made from it, which the next call with the same fetch options
 * can return instead of a new one (a query is immutable).
 */
interface ReadTarget {
  readonly rawPath: string;
  readonly query: ReadonlyMap<string, readonly string[]>;
  readonly key: string;
  last: VaultReadQuery | undefined;
}

function readTarget(s: string): ReadTarget {
  const u = parseReadPath(s);
  const query = parseQuery(u.rawQuery);
  const version = query.get('version');
  const key = version && version.length > 0 ? `vault.read(${u.path}.v${version[0]})` : `vault.read(${u.path})`;
  return { rawPath: u.path, query, key, last: undefined };
}

/**
 * Read targets by PATH: every pass of every render calls `secret` with the same
 * paths, and url.Parse of each costs more than the rest of the call. A plain Map
 * emptied when full rather than an LRUCache: a pass over a listing looks up hundreds
 * of paths, and lru-cache's get (options, recency, statistics) took ~140 ns where a
 * Map's takes ~20; a cache that refills after being emptied costs one parse per path.
 */
const readTargets = new Map<string, ReadTarget>();
const maxReadTargets = 4096;

function targetOf(s: string): ReadTarget {
  let target = readTargets.get(s);
  if (target === undefined) {
    target = readTarget(s);
    if (readTargets.size >= maxReadTargets) readTargets.clear();
    readTargets.set(s, target);
  }
  return target;
}

/** `secret PATH` (GET). */
export class VaultReadQuery implements Dependency {
  readonly key: string;
  private readonly rawPath: string;
  private readonly query: ReadonlyMap<string, readonly string[]>;

  constructor(
    s: string,
    private readonly opts: FetchOptions,
    target: ReadTarget = targetOf(s),
  ) {
    this.rawPath = target.rawPath;
    this.query = target.query;
    this.key = target.key;
  }

  /**
   * NewVaultReadQuery(s) for a pass with these fetch options: the query made last time
   * from the same PATH and options, or a new one. Passes over the same template ask for
   * the same paths, and a render's passes share their options.
   */
  static of(s: string, opts: FetchOptions): VaultReadQuery {
    const target = targetOf(s);
    let q = target.last;
    if (q === undefined || q.opts !== opts) {
      q = new VaultReadQuery(s, opts, target);
      target.last = q;
    }
    return q;
  }

  async fetch(client: VaultClient): Promise<Value> {
    let secretPath = this.rawPath;
    try {
      const m = await isKVv2(client, this.rawPath);
      if (m.isV2) secretPath = shimKVv2Path(this.rawPath, m.mountPath, client.namespace);
    } catch {
      // consul-template logs "failed to check if PATH is KVv2, assume not" and reads the raw path.
    }
    let secret: ApiSecret | null;
    try {
      secret = await logicalRead(client, secretPath, this.query);
    } catch (e) {
      throw wrap(wrap(e, this.key), this.key);
    }
    if (secret === null || deletedKVv2(secret, this.opts.now())) throw wrap(`no secret exists at ${secretPath}`, this.key);
    checkRotatingTTL(secret);
    return secretValue(secret);
  }
}
