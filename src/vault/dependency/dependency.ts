// consul-template's Vault dependencies (dependency/vault_read.go, vault_write.go,
// vault_list.go, vault_pki.go): construction (argument checks, the String() key) and
// one Fetch against a VaultClient, with consul-template's error wrapping.

import { quote } from '../../go/strconv/quote.js';
import { GoError, Value, indirectInterface, sliceStringType, stringType, stringValue } from '../../value/index.js';
import { compareStrings } from '../../go/strings/compare.js';
import { utf8Bytes } from '../../go/unicode/utf8/utf8.js';
import { hex, sha1 } from '../../go/crypto/sha256/sha256.js';
import { parseRFC3339 } from '../../go/time/format.js';
import { parsePathURL } from '../go/url.js';
import { trim, trimSpace } from '../../go/strings/strings.js';
import type { VaultClient } from '../client.js';
import { isKVv2, shimKVv2Path, shimKvV2ListPath } from './kv2.js';
import { certStillGood, pemsCert } from './vault_pki.js';
import { pemValue } from './pem.js';
import { type ApiSecret, objectEntries, secretPtrType, secretValue } from './vault_common.js';
import { logicalList, logicalRead, logicalWrite } from './vault_api.js';

/** A Vault dependency: `key` is its String(), the brain's key; `fetch` gives the template's value. */
export interface Dependency {
  readonly key: string;
  fetch(client: VaultClient): Promise<Value>;
}

/** errors.Wrap(err, prefix). */
function wrap(err: unknown, prefix: string): GoError {
  return new GoError(`${prefix}: ${err instanceof Error ? err.message : String(err)}`);
}

function trimPath(s: string): string {
  return trim(trimSpace(s), '/');
}

/** deletedKVv2: a KV v2 version whose metadata.deletion_time is in the past counts as missing. */
function deletedKVv2(s: ApiSecret, now: number): boolean {
  const md = new Map(objectEntries(s.data)).get('metadata');
  if (!md || md.kind !== 'map') return false;
  const dt = new Map(objectEntries(md)).get('deletion_time');
  if (!dt || dt.type !== stringType) return false;
  const t = parseRFC3339(dt.str());
  return t !== undefined && now > t.sec * 1000 + t.nsec / 1e6;
}

/**
 * leaseCheckWait's one failure: a static role (rotation_period) whose ttl is 0 makes
 * consul-template retry instead of rendering.
 */
function checkRotatingTTL(s: ApiSecret): void {
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

/** `secret PATH` (GET). */
export class VaultReadQuery implements Dependency {
  readonly key: string;
  private readonly rawPath: string;
  private readonly query: Map<string, string[]>;

  constructor(s: string, private readonly opts: FetchOptions) {
    const p = trimPath(s);
    if (p === '') throw new GoError(`vault.read: invalid format: ${quote(p)}`);
    const u = parsePathURL(p);
    this.rawPath = u.path;
    this.query = u.query;
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

/** sha1Map: the hex of the first 4 bytes of SHA-1 over the sorted `k="v"` pairs. */
function sha1Map(data: ReadonlyMap<string, string>): string {
  const keys = [...data.keys()].sort(compareStrings);
  const text = keys.map((k) => `${k}=${quote(data.get(k) ?? '')}`).join('');
  return hex(sha1(utf8Bytes(text))).slice(0, 8);
}

/** `secret PATH k=v...` (PUT). */
export class VaultWriteQuery implements Dependency {
  readonly key: string;
  private readonly path: string;

  constructor(s: string, private readonly data: ReadonlyMap<string, string>) {
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

/** `pkiCert PATH k=v...`: issues a certificate (PUT) and splits the PEMs. */
export class VaultPKIQuery implements Dependency {
  readonly key: string;
  private readonly pkiPath: string;

  constructor(s: string, private readonly destination: string, private readonly data: ReadonlyMap<string, string>, private readonly opts: FetchOptions) {
    const p = trimPath(s);
    if (p === '') throw new GoError(`vault.read: invalid format: ${quote(p)}`);
    this.pkiPath = parsePathURL(p).path;
    this.key = `vault.pki(${this.pkiPath}->${destination})`;
  }

  /** fetchPEMs: every string in the response data, plus the ca_chain items, one per line. */
  private async fetchPEMs(client: VaultClient): Promise<string> {
    let secret: ApiSecret | null;
    try {
      secret = await logicalWrite(client, this.pkiPath, Object.fromEntries(this.data));
    } catch (e) {
      throw wrap(e, this.key);
    }
    if (secret === null) throw new GoError(`no secret exists at ${this.pkiPath}`);
    let pems = '';
    for (const [k, v] of objectEntries(secret.data)) {
      if (v.type === stringType) pems += `${v.str()}\n`;
      else if (v.kind === 'slice' && k === 'ca_chain') {
        for (const item of v.items()) {
          const s = indirectInterface(item);
          if (s.type === stringType) pems += `${s.str()}\n`;
        }
      }
    }
    return pems;
  }

  /** The destination's current contents: a certificate rendered earlier is reused while still good. */
  private async cached(): Promise<string> {
    if (!this.opts.readFile || this.destination === '') return '';
    try {
      return await this.opts.readFile(this.destination);
    } catch {
      return '';
    }
  }

  async fetch(client: VaultClient): Promise<Value> {
    for (let renew = false; ; renew = true) {
      let raw = renew ? '' : await this.cached();
      if (raw === '') raw = await this.fetchPEMs(client);
      const { pems, cert } = pemsCert(raw);
      if (certStillGood(cert, this.opts.now())) return pemValue(pems);
      if (renew) throw new GoError('needs renewal');
    }
  }
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
