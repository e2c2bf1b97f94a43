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

/** `secret PATH` (GET). */
export class VaultReadQuery implements Dependency {
  readonly key: string;
  private readonly rawPath: string;
  private readonly query: Map<string, string[]>;

  constructor(
    s: string,
    private readonly opts: FetchOptions,
  ) {
    const u = parseReadPath(s);
    this.rawPath = u.path;
    this.query = parseQuery(u.rawQuery);
    const version = this.query.get('version');
    this.key = version && version.length > 0 ? `vault.read(${this.rawPath}.v${version[0]})` : `vault.read(${this.rawPath})`;
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
