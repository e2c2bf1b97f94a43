// A VaultClient answering from recorded responses (the conformance case form):
//   responses: "PATH" -> body of GET /v1/PATH ("PATH?QUERY" first when a query is sent),
//              "LIST PATH" -> body of a LIST, "PUT PATH" -> body of a write;
//   mounts:    mount path -> mount info ({"type": "kv", "options": {"version": "2"}}),
//              served at sys/internal/ui/mounts/ by longest-prefix match, as Vault does.
// Recorded bodies answer 200; a request with no recording answers Vault's 404 {"errors":[]}.
// Bodies are JSON text so that number literals keep their exact text (1.50, 1e3).

import { Value, indirectInterface } from '../value/index.js';
import { marshalJSON } from '../go/encoding/json/index.js';
import type { VaultClient, VaultResponse } from './client.js';
import { encodeQuery } from './dependency/vault_api.js';
import { objectEntries } from './dependency/vault_common.js';

/** The address in vault/api error texts: Vault Agent's templates talk to http://127.0.0.1:8200 (as the conformance oracle does). */
export const DEFAULT_VAULT_ADDRESS = 'http://127.0.0.1:8200';

export type Recorded = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export interface RecordedOptions {
  /** Request key -> response body JSON text. */
  readonly responses?: Recorded;
  /**
   * Mount table: mount path -> mount info. Either a map of JSON texts, or one decoded
   * JSON object Value (map[string]interface{}) as decodeJSON gives it.
   */
  readonly mounts?: Recorded | Value;
  readonly address?: string;
  readonly namespace?: string;
}

const notFound: VaultResponse = { status: 404, body: '{"errors":[]}' };

function toMap(r: Recorded | undefined): Map<string, string> {
  if (r === undefined) return new Map();
  return r instanceof Map ? new Map(r) : new Map(Object.entries(r as Record<string, string>));
}

function mountTable(m: Recorded | Value | undefined): Map<string, string> {
  if (m === undefined) return new Map();
  if (!(m instanceof Value)) return toMap(m);
  const v = indirectInterface(m);
  return new Map(objectEntries(v).map(([k, info]) => [k, marshalJSON(info, { escapeHTML: false })]));
}

function withSlash(p: string): string {
  const s = p.replace(/^\/+/, '');
  return s.endsWith('/') ? s : `${s}/`;
}

export class RecordedVaultClient implements VaultClient {
  readonly address: string;
  readonly namespace: string;
  private readonly responses: Map<string, string>;
  /** Longest mount path first. */
  private readonly mounts: { path: string; body: string }[];

  constructor(opts: RecordedOptions) {
    this.address = opts.address ?? DEFAULT_VAULT_ADDRESS;
    this.namespace = opts.namespace ?? '';
    this.responses = toMap(opts.responses);
    this.mounts = [...mountTable(opts.mounts)]
      .map(([key, info]) => {
        const path = withSlash(key);
        // The body Vault's pathInternalUIMountRead returns: the mount info plus its path.
        const trimmed = info.trim();
        const isObject = trimmed.startsWith('{');
        const withPath =
          !isObject || /"path"\s*:/.test(trimmed)
            ? trimmed
            : /^\{\s*\}$/.test(trimmed)
              ? `{"path":${JSON.stringify(path)}}`
              : `{"path":${JSON.stringify(path)},${trimmed.slice(1)}`;
        const body = `{"request_id":"00000000-0000-0000-0000-000000000000","lease_id":"","renewable":false,"lease_duration":0,"data":${withPath},"wrap_info":null,"warnings":null,"auth":null}`;
        return { path, body };
      })
      .sort((a, b) => b.path.length - a.path.length);
  }

  private answer(...keys: string[]): VaultResponse {
    for (const k of keys) {
      const body = this.responses.get(k);
      if (body !== undefined) return { status: 200, body };
    }
    return notFound;
  }

  async read(path: string, query?: ReadonlyMap<string, readonly string[]>): Promise<VaultResponse> {
    const q = query && query.size > 0 ? encodeQuery(query) : '';
    return q ? this.answer(`${path}?${q}`, path) : this.answer(path);
  }

  async list(path: string): Promise<VaultResponse> {
    const p = path.replace(/\/+$/, '');
    return this.answer(`LIST ${path}`, `LIST ${p}`, `LIST ${p}/`);
  }

  async write(path: string): Promise<VaultResponse> {
    return this.answer(`PUT ${path}`);
  }

  async mountInfo(path: string): Promise<VaultResponse> {
    const p = withSlash(path);
    const m = this.mounts.find((x) => p.startsWith(x.path));
    return m ? { status: 200, body: m.body } : notFound;
  }
}

/** A client answering from recorded responses (see RecordedOptions). */
export function recordedClient(opts: RecordedOptions): RecordedVaultClient {
  return new RecordedVaultClient(opts);
}
