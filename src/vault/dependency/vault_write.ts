// consul-template dependency/vault_write.go: `secret PATH k=v...`, a PUT keyed by a hash of the data.

import { quote } from '../../go/strconv/index.js';
import { GoError, Value } from '../../value/index.js';
import { compareStrings } from '../../go/strings/index.js';
import { utf8Bytes } from '../../go/unicode/utf8/index.js';
import { nodeCrypto } from '../lazy-require.js';
import type { VaultClient } from '../client.js';
import { isKVv2, shimKVv2Path } from './kv2.js';
import { type ApiSecret, secretPtrType, secretValue } from './vault_common.js';
import { logicalWrite } from './vault_api.js';
import { type Dependency, checkRotatingTTL, trimPath, wrap } from './dependency.js';

/** sha1Map: the hex of the first 4 bytes of SHA-1 over the sorted `k="v"` pairs. */
function sha1Map(data: ReadonlyMap<string, string>): string {
  const keys = [...data.keys()].sort(compareStrings);
  const text = keys.map((k) => `${k}=${quote(data.get(k) ?? '')}`).join('');
  return nodeCrypto().createHash('sha1').update(utf8Bytes(text)).digest('hex').slice(0, 8);
}

/** `secret PATH k=v...` (PUT). */
export class VaultWriteQuery implements Dependency {
  readonly key: string;
  private readonly path: string;

  constructor(
    s: string,
    private readonly data: ReadonlyMap<string, string>,
  ) {
    this.path = trimPath(s);
    if (this.path === '') throw new GoError(`vault.write: invalid format: ${quote(this.path)}`);
    this.key = `vault.write(${this.path} -> ${sha1Map(data)})`;
  }

  async fetch(client: VaultClient): Promise<Value> {
    let path = this.path;
    let body: Record<string, unknown> = Object.fromEntries(this.data);
    let isV2 = false;
    try {
      const m = await isKVv2(client, path);
      isV2 = m.isV2;
      if (isV2) {
        path = shimKVv2Path(path, m.mountPath, client.namespace);
        body = { data: body };
      }
    } catch {
      // writeSecret ignores mount lookup failures.
    }
    let secret: ApiSecret | null;
    try {
      secret = await logicalWrite(client, path, body);
    } catch (e) {
      throw wrap(wrap(e, this.key), this.key);
    }
    if (isV2 && secret === null) throw wrap(`no secret exists at ${this.path}`, this.key);
    // A KV v1 write answers 204: Fetch then hands the template a nil *Secret.
    if (secret === null) return new Value(secretPtrType, null);
    checkRotatingTTL(secret);
    return secretValue(secret);
  }
}
