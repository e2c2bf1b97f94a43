// The KV secrets engine, versions 1 and 2, as Vault's HTTP API documents it
// (developer.hashicorp.com/vault/api-docs/secret/kv/kv-v1 and kv-v2).

import { type Reply, errors, noContent, notFound, ok, vaultTime } from './bodies.js';

export interface EngineRequest {
  readonly method: 'GET' | 'LIST' | 'PUT' | 'DELETE';
  /** The path below the mount, without leading/trailing slashes. */
  readonly rel: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** The body's JSON text, when there is one. */
  readonly text?: string;
}

/** KV v1's default lease_duration (the system max TTL, 32 days). */
const KV1_LEASE = 2764800;

/** LIST: the immediate children of `prefix` among `paths` (folders with a trailing "/"), or 404. */
function listChildren(paths: Iterable<string>, prefix: string): Reply {
  const p = prefix === '' ? '' : `${prefix}/`;
  const keys = new Set<string>();
  for (const path of paths) {
    if (!path.startsWith(p)) continue;
    const rest = path.slice(p.length);
    const slash = rest.indexOf('/');
    keys.add(slash < 0 ? rest : rest.slice(0, slash + 1));
  }
  if (keys.size === 0) return notFound;
  return ok({ data: JSON.stringify({ keys: [...keys].sort() }), mountType: 'kv' });
}

function dataText(v: unknown): string {
  if (typeof v === 'string') return v;
  return JSON.stringify(v ?? {});
}

/**
 * Data as KV v2 keeps it: the plugin decodes the written JSON into float64s, so each number
 * reads back as Go's encoding/json prints the float64 (2.50 as 2.5, 1e3 as 1000, -0.0 as -0;
 * checked against a real Vault 1.21.4). KV v1 keeps the literals as written.
 */
function float64Numbers(json: string): string {
  return json.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token) => {
    if (token.startsWith('"')) return token;
    const n = Number(token);
    // JavaScript prints a double as Go does (shortest, exponent below 1e-6 and from 1e21), except -0.
    return Object.is(n, -0) ? '-0' : String(n);
  });
}

export class KvV1 {
  /** path -> data JSON text. */
  readonly secrets = new Map<string, string>();

  put(path: string, data: string | Record<string, unknown>): void {
    this.secrets.set(path, dataText(data));
  }

  handle(r: EngineRequest): Reply {
    switch (r.method) {
      case 'GET': {
        const data = this.secrets.get(r.rel);
        return data === undefined ? notFound : ok({ data, leaseDuration: KV1_LEASE, mountType: 'kv' });
      }
      case 'LIST':
        return listChildren(this.secrets.keys(), r.rel);
      case 'PUT':
        this.secrets.set(r.rel, r.text ?? '{}');
        return noContent;
      case 'DELETE':
        this.secrets.delete(r.rel);
        return noContent;
    }
  }
}

interface Version {
  readonly data: string;
  readonly created: number;
  deleted?: number;
  destroyed: boolean;
}

const INVALID_V2_PATH =
  "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation.";

export class KvV2 {
  /** path -> versions (index 0 is version 1). */
  readonly secrets = new Map<string, Version[]>();

  constructor(private readonly now: () => number) {}

  /** Writes a new version; returns its number. */
  put(path: string, data: string | Record<string, unknown>): number {
    const versions = this.secrets.get(path) ?? [];
    versions.push({ data: float64Numbers(dataText(data)), created: this.now(), destroyed: false });
    this.secrets.set(path, versions);
    return versions.length;
  }

  /** Soft-deletes a version (default: the latest), as DELETE data/PATH or POST delete/PATH do. */
  delete(path: string, version?: number): void {
    const versions = this.secrets.get(path) ?? [];
    const v = versions[(version ?? versions.length) - 1];
    if (v) v.deleted = this.now();
  }

  /** Destroys a version's data permanently (POST destroy/PATH). */
  destroy(path: string, version: number): void {
    const v = this.secrets.get(path)?.[version - 1];
    if (v) v.destroyed = true;
  }

  private versionMetadata(v: Version, n: number): string {
    return (
      `{"created_time":${JSON.stringify(vaultTime(v.created))},"custom_metadata":null,` +
      `"deletion_time":${JSON.stringify(v.deleted === undefined ? '' : vaultTime(v.deleted))},"destroyed":${v.destroyed},"version":${n}}`
    );
  }

  private read(path: string, query: URLSearchParams): Reply {
    const versions = this.secrets.get(path);
    if (!versions) return notFound;
    const asked = query.get('version');
    const n = asked === null || asked === '0' ? versions.length : Number(asked);
    const v = versions[n - 1];
    if (!v || !Number.isInteger(n)) return notFound;
    const gone = v.destroyed || v.deleted !== undefined;
    const data = `{"data":${gone ? 'null' : v.data},"metadata":${this.versionMetadata(v, n)}}`;
    // A deleted or destroyed version answers 404 with its metadata.
    return { status: gone ? 404 : 200, body: ok({ data, mountType: 'kv' }).body };
  }

  private metadata(path: string): Reply {
    const versions = this.secrets.get(path);
    if (!versions) return notFound;
    const first = versions[0] as Version;
    const last = versions[versions.length - 1] as Version;
    const each = versions.map(
      (v, i) =>
        `${JSON.stringify(String(i + 1))}:{"created_time":${JSON.stringify(vaultTime(v.created))},` +
        `"deletion_time":${JSON.stringify(v.deleted === undefined ? '' : vaultTime(v.deleted))},"destroyed":${v.destroyed}}`,
    );
    const data =
      `{"cas_required":false,"created_time":${JSON.stringify(vaultTime(first.created))},"current_version":${versions.length},` +
      `"custom_metadata":null,"delete_version_after":"0s","max_versions":0,"oldest_version":0,` +
      `"updated_time":${JSON.stringify(vaultTime(last.created))},"versions":{${each.join(',')}}}`;
    return ok({ data, mountType: 'kv' });
  }

  handle(r: EngineRequest): Reply {
    const slash = r.rel.indexOf('/');
    const op = slash < 0 ? r.rel : r.rel.slice(0, slash);
    const path = slash < 0 ? '' : r.rel.slice(slash + 1);
    const body = (r.body ?? {}) as { data?: unknown; versions?: unknown };
    const versionsArg = Array.isArray(body.versions) ? body.versions.map(Number) : [];
    switch (`${r.method} ${op}`) {
      case 'GET data':
        return this.read(path, r.query);
      case 'PUT data': {
        if (typeof body.data !== 'object' || body.data === null) return errors(400, 'no data provided');
        const n = this.put(path, body.data as Record<string, unknown>);
        const v = this.secrets.get(path)?.[n - 1] as Version;
        return ok({ data: this.versionMetadata(v, n), mountType: 'kv' });
      }
      case 'DELETE data':
        this.delete(path);
        return noContent;
      case 'PUT delete':
        for (const n of versionsArg) this.delete(path, n);
        return noContent;
      case 'PUT destroy':
        for (const n of versionsArg) this.destroy(path, n);
        return noContent;
      case 'GET metadata':
        return this.metadata(path);
      case 'LIST metadata':
        return listChildren(this.secrets.keys(), path);
      case 'DELETE metadata':
        this.secrets.delete(path);
        return noContent;
      default:
        // Paths outside data/, metadata/, ...: Vault answers 404 with a warning.
        return { status: 404, body: ok({ data: 'null', warnings: [INVALID_V2_PATH], mountType: 'kv' }).body };
    }
  }
}
