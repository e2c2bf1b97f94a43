// consul-template's Brain: one set of fetched secrets shared by every template of a pod
// (or of an agent). A dependency is fetched once; every template that uses it sees the
// same response, and concurrent renders asking for the same dependency wait on one
// request instead of making two (two templates reading database/creds/x must agree).

import type { Value } from '../value/index.js';
import type { VaultClient } from './client.js';
import type { Dependency } from './dependency/index.js';

export class Brain {
  private readonly data = new Map<string, Value>();
  private readonly pending = new Map<string, Promise<Value>>();

  /** The fetched values by dependency key, as the template functions read them. */
  get view(): ReadonlyMap<string, Value> {
    return this.data;
  }

  get(key: string): Value | undefined {
    return this.data.get(key);
  }

  /** Brain.Remember: stores (or replaces) a dependency's data. */
  remember(key: string, value: Value): void {
    this.data.set(key, value);
  }

  /** Brain.Forget: the next render fetches the dependency again. */
  forget(key: string): void {
    this.data.delete(key);
  }

  /**
   * The dependency's data: from the brain when present, else fetched once (callers that
   * ask while the fetch is in flight share it). A failed fetch is not remembered.
   */
  async fetch(dep: Dependency, client: VaultClient): Promise<Value> {
    const known = this.data.get(dep.key);
    if (known !== undefined) return known;
    let p = this.pending.get(dep.key);
    if (p === undefined) {
      p = dep
        .fetch(client)
        .then((v) => {
          this.data.set(dep.key, v);
          return v;
        })
        .finally(() => this.pending.delete(dep.key));
      this.pending.set(dep.key, p);
    }
    return p;
  }
}
