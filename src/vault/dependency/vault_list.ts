// consul-template dependency/vault_list.go: `secrets PATH`, a LIST.

import { quote } from '../../go/strconv/index.js';
import { GoError, Value, indirectInterface, sliceStringType, stringType, stringValue } from '../../value/index.js';
import { compareStrings } from '../../go/strings/index.js';
import type { VaultClient } from '../client.js';
import { isKVv2, shimKvV2ListPath } from './kv2.js';
import { type ApiSecret, objectEntries } from './vault_common.js';
import { logicalList } from './vault_api.js';
import { type Dependency, trimPath, wrap } from './dependency.js';

/** `secrets PATH` (LIST). */
export class VaultListQuery implements Dependency {
  readonly key: string;
  private readonly path: string;

  constructor(s: string) {
    this.path = trimPath(s);
    if (this.path === '') throw new GoError(`vault.list: invalid format: ${quote(this.path)}`);
    this.key = `vault.list(${this.path})`;
  }

  async fetch(client: VaultClient): Promise<Value> {
    let path = this.path;
    try {
      const m = await isKVv2(client, path);
      if (m.isV2) path = shimKvV2ListPath(path, m.mountPath);
    } catch {
      // Fetch ignores mount lookup failures.
    }
    let secret: ApiSecret | null;
    try {
      secret = await logicalList(client, path);
    } catch (e) {
      throw wrap(e, this.key);
    }
    const none = new Value(sliceStringType, null);
    if (secret === null || secret.data.isNil()) return none;
    const keys = new Map(objectEntries(secret.data)).get('keys');
    if (keys === undefined) return none;
    if (keys.kind !== 'slice') throw new GoError(`${this.key}: unexpected response`);
    const result = keys.items().map((k) => {
      const s = indirectInterface(k);
      if (s.type !== stringType) throw new GoError(`${this.key}: non-string in list`);
      return s.str();
    });
    result.sort(compareStrings);
    return new Value(sliceStringType, result.length === 0 ? null : result.map((k) => stringValue(k)));
  }
}
