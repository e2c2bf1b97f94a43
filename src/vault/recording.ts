// Recording Vault responses into the directory layout recorded-fs.ts reads:
//   DIR/PATH.json (GET; "PATH?QUERY.json" when a query is sent), DIR/PATH.list.json (LIST),
//   DIR/PATH.put.json (writes), DIR/_mounts.json (mount path -> mount info).
// Only answers with a body and a 2xx status are kept: a 404 replayed from a recording must
// stay a 404, so the recorded and the live render agree.

import { isLosslessNumber, parse, stringify } from 'lossless-json';
import type { VaultClient, VaultResponse } from './client.js';
import { encodeQuery } from './dependency/vault_api.js';

export type RecordedMethod = 'GET' | 'LIST' | 'PUT' | 'MOUNT';

export interface RecordedExchange {
  readonly method: RecordedMethod;
  readonly path: string;
  /** Encoded query of a GET ("" for none). */
  readonly query: string;
  readonly status: number;
  readonly body: string;
}

/** Wraps a client and keeps every exchange. */
export class RecordingClient implements VaultClient {
  readonly exchanges: RecordedExchange[] = [];

  constructor(private readonly inner: VaultClient) {}

  get address(): string {
    return this.inner.address;
  }

  get namespace(): string {
    return this.inner.namespace;
  }

  private async keep(method: RecordedMethod, path: string, query: string, p: Promise<VaultResponse>): Promise<VaultResponse> {
    const res = await p;
    this.exchanges.push({ method, path, query, status: res.status, body: res.body });
    return res;
  }

  read(path: string, query?: ReadonlyMap<string, readonly string[]>): Promise<VaultResponse> {
    return this.keep('GET', path, query && query.size > 0 ? encodeQuery(query) : '', this.inner.read(path, query));
  }

  list(path: string): Promise<VaultResponse> {
    return this.keep('LIST', path, '', this.inner.list(path));
  }

  write(path: string, data: Readonly<Record<string, unknown>>): Promise<VaultResponse> {
    return this.keep('PUT', path, '', this.inner.write(path, data));
  }

  mountInfo(path: string): Promise<VaultResponse> {
    return this.keep('MOUNT', path, '', this.inner.mountInfo(path));
  }
}

export const REDACTED = 'REDACTED';

type Json = unknown;

/**
 * Every non-empty string becomes "REDACTED" and is added to `seen`. An empty string stays
 * empty: it is no secret, and `{{ if .Data.x }}` must stay false for it.
 */
function redactValue(v: Json, seen: Set<string>): Json {
  if (typeof v === 'string') {
    if (v === '') return v;
    seen.add(v);
    return REDACTED;
  }
  if (Array.isArray(v)) return v.map((x) => redactValue(x, seen));
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactValue(x, seen)]));
  return v; // numbers (exact text kept), booleans, null
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isLosslessNumber(v);
}

/** The named string fields of an object redacted (a copy), or the value as it is. */
function redactFields(v: Json, fields: readonly string[], seen: Set<string>): Json {
  if (!isObject(v)) return v;
  const out = { ...v };
  for (const k of fields) if (typeof out[k] === 'string') out[k] = redactValue(out[k], seen);
  return out;
}

/**
 * Each redacted value inside a text becomes "REDACTED": one pass, at each position the longest
 * value that starts there (the alternation is tried longest first).
 */
function redactIn(text: string, seen: ReadonlySet<string>): string {
  if (seen.size === 0) return text;
  const values = [...seen].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(values.join('|'), 'g'), REDACTED);
}

/**
 * Every string under `data` becomes "REDACTED" (keys, numbers, booleans, nulls and empty
 * strings stay, so templates still render and branch alike); so do the tokens and accessors
 * of `auth` and `wrap_info` (a wrapping token unwraps the secret it stands for), and every
 * one of those values where it is repeated in `warnings`.
 */
export function redactBody(doc: Json): Json {
  if (!isObject(doc)) return doc;
  const seen = new Set<string>();
  const out: Record<string, Json> = { ...doc };
  if ('data' in out) out.data = redactValue(out.data, seen);
  if ('auth' in out) out.auth = redactFields(out.auth, ['client_token', 'accessor'], seen);
  if ('wrap_info' in out) out.wrap_info = redactFields(out.wrap_info, ['token', 'accessor', 'wrapped_accessor'], seen);
  if (Array.isArray(out.warnings)) out.warnings = out.warnings.map((w) => (typeof w === 'string' ? redactIn(w, seen) : w));
  return out;
}

/** A body as `vault read -format=json` prints it: indented, numbers by their exact text. */
function pretty(doc: Json): string {
  return `${stringify(doc, undefined, 2) ?? 'null'}\n`;
}

/** A recorded path must stay inside DIR: no empty, "." or ".." segments. */
export function safeRecordPath(path: string): boolean {
  return path !== '' && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

export interface RecordingFiles {
  /** Relative file -> content, for every response worth keeping. */
  readonly files: Map<string, string>;
  /** Mount path -> mount info JSON text (for DIR/_mounts.json). */
  readonly mounts: Map<string, string>;
  /** Exchanges that could not be stored (unsafe path, unparsable body). */
  readonly skipped: readonly { readonly exchange: RecordedExchange; readonly reason: string }[];
}

/** Lays out the successful exchanges as files (see the file comment). */
export function recordingFiles(exchanges: readonly RecordedExchange[], opts: { readonly redact: boolean }): RecordingFiles {
  const files = new Map<string, string>();
  const mounts = new Map<string, string>();
  const skipped: { exchange: RecordedExchange; reason: string }[] = [];
  for (const x of exchanges) {
    if (x.status < 200 || x.status >= 300 || x.body.trim() === '') continue;
    let doc: Json;
    try {
      doc = parse(x.body);
    } catch (e) {
      skipped.push({ exchange: x, reason: `the body is not JSON: ${(e as Error).message}` });
      continue;
    }
    if (x.method === 'MOUNT') {
      const data = isObject(doc) ? doc.data : undefined;
      if (isObject(data) && typeof data.path === 'string') mounts.set(data.path, stringify(data) ?? '{}');
      continue;
    }
    if (!safeRecordPath(x.path)) {
      skipped.push({ exchange: x, reason: 'the path has empty, "." or ".." segments' });
      continue;
    }
    const name = x.method === 'LIST' ? `${x.path}.list.json` : x.method === 'PUT' ? `${x.path}.put.json` : `${x.path}${x.query ? `?${x.query}` : ''}.json`;
    // LIST answers are key names the templates range over: never redacted.
    files.set(name, pretty(opts.redact && x.method !== 'LIST' ? redactBody(doc) : doc));
  }
  return { files, mounts, skipped };
}

/** DIR/_mounts.json content: existing entries (JSON text or undefined) merged with new ones. */
export function mergeMounts(existing: string | undefined, mounts: ReadonlyMap<string, string>): string {
  const table: Record<string, Json> = {};
  if (existing !== undefined) {
    const doc = parse(existing);
    if (isObject(doc)) Object.assign(table, doc);
  }
  for (const [path, info] of mounts) table[path] = parse(info);
  return pretty(table);
}
