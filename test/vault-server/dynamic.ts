// Secrets with leases: the database engine (fresh credentials per read), PKI issuing, and
// sys/leases/renew|revoke (developer.hashicorp.com/vault/api-docs/secret/databases, secret/pki,
// system/leases).

import { readFileSync } from 'node:fs';
import { type Reply, errors, noContent, ok, randomId } from './bodies.js';
import type { EngineRequest } from './kv.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').trimEnd();

/** A database role's default TTL (seconds) when none is configured. */
const DB_TTL = 3600;

/** A dynamic database role (database/roles/NAME): default_ttl, max_ttl, renewable leases. */
export interface DatabaseRole {
  readonly name: string;
  /** default_ttl in seconds (default 3600). */
  readonly ttl?: number;
  /** max_ttl in seconds (default: none). */
  readonly maxTtl?: number;
  /** Leases can be renewed (default true). */
  readonly renewable?: boolean;
}

/** A static database role (database/static-roles/NAME): one user whose password rotates every rotation_period. */
export interface StaticRole {
  readonly name: string;
  readonly username: string;
  /** rotation_period in seconds. */
  readonly rotationPeriod: number;
}

interface Lease {
  expires: number;
  readonly maxExpires: number;
  readonly ttl: number;
  readonly renewable: boolean;
  /** The credentials the lease stands for (revoked with it). */
  readonly username?: string;
}

export class Leases {
  readonly active = new Map<string, Lease>();
  /** Renewals answered (lease ids, in order). */
  readonly renewals: string[] = [];

  constructor(private readonly now: () => number) {}

  issue(id: string, seconds: number, renewable: boolean, maxSeconds = 0, username?: string): void {
    const now = this.now();
    this.active.set(id, { expires: now + seconds * 1000, maxExpires: maxSeconds > 0 ? now + maxSeconds * 1000 : Infinity, ttl: seconds, renewable, username });
  }

  /** Whether the lease exists and has not expired (the database user can still log in). */
  valid(id: string): boolean {
    const l = this.active.get(id);
    return l !== undefined && l.expires > this.now();
  }

  /** PUT sys/leases/renew | sys/leases/revoke. */
  handle(op: string, body: unknown): Reply {
    const b = (body ?? {}) as { lease_id?: unknown; increment?: unknown };
    const id = typeof b.lease_id === 'string' ? b.lease_id : '';
    if (id === '') return errors(400, 'lease_id must be specified');
    const lease = this.active.get(id);
    if (op === 'revoke') {
      this.active.delete(id);
      return noContent;
    }
    // One reading of the clock: a millisecond passing between two made a 60 s renewal answer 59.
    const now = this.now();
    if (!lease || lease.expires <= now) return errors(400, 'lease not found');
    if (!lease.renewable) return errors(400, 'lease is not renewable');
    // An increment of 0 (or none) asks for the role's TTL; the lease never outlives max_ttl.
    const increment = typeof b.increment === 'number' && b.increment > 0 ? b.increment : lease.ttl;
    const expires = Math.min(now + increment * 1000, lease.maxExpires);
    lease.expires = expires;
    this.renewals.push(id);
    const seconds = Math.max(0, Math.floor((expires - now) / 1000));
    return ok({ data: 'null', leaseId: id, renewable: true, leaseDuration: seconds });
  }
}

export class Database {
  private readonly roles = new Map<string, DatabaseRole>();
  private readonly statics = new Map<string, StaticRole & { password: string; rotated: number }>();

  constructor(
    private readonly mount: string,
    roles: readonly (string | DatabaseRole)[],
    private readonly leases: Leases,
    private readonly now: () => number,
    statics: readonly StaticRole[] = [],
  ) {
    for (const r of roles) this.roles.set(typeof r === 'string' ? r : r.name, typeof r === 'string' ? { name: r } : r);
    for (const s of statics) this.statics.set(s.name, { ...s, password: randomId(20), rotated: now() });
  }

  handle(r: EngineRequest): Reply {
    const st = /^static-creds\/([^/]+)$/.exec(r.rel);
    if (st && r.method === 'GET') return this.staticCreds(st[1] as string);
    const m = /^creds\/([^/]+)$/.exec(r.rel);
    if (!m || r.method !== 'GET') return errors(405, 'unsupported operation');
    const name = m[1] as string;
    const role = this.roles.get(name);
    if (!role) return errors(400, `unknown role: ${name}`);
    const leaseId = `${this.mount}/creds/${name}/${randomId(24)}`;
    const ttl = role.ttl ?? DB_TTL;
    const renewable = role.renewable ?? true;
    const username = `v-token-${name.slice(0, 8)}-${randomId(20)}-${Math.floor(this.now() / 1000)}`;
    this.leases.issue(leaseId, ttl, renewable, role.maxTtl ?? 0, username);
    const data = JSON.stringify({ password: `${randomId(4)}-${randomId(16)}`, username });
    return ok({ data, leaseId, renewable, leaseDuration: ttl, mountType: 'database' });
  }

  /** GET static-creds/NAME: no lease; ttl = seconds until the next rotation (the password changes then). */
  private staticCreds(name: string): Reply {
    const s = this.statics.get(name);
    if (!s) return errors(400, `unknown role: ${name}`);
    const period = s.rotationPeriod * 1000;
    const now = this.now(); // read once, as in handle
    while (now >= s.rotated + period) {
      s.rotated += period;
      s.password = randomId(20);
    }
    const ttl = Math.ceil((s.rotated + period - now) / 1000);
    const data = JSON.stringify({
      last_vault_rotation: new Date(s.rotated).toISOString(),
      password: s.password,
      rotation_period: s.rotationPeriod,
      ttl,
      username: s.username,
    });
    return ok({ data, mountType: 'database' });
  }
}

export class Pki {
  private serial = 0;

  constructor(private readonly roles: ReadonlySet<string>) {}

  handle(r: EngineRequest): Reply {
    const m = /^issue\/([^/]+)$/.exec(r.rel);
    if (!m || r.method !== 'PUT') return errors(405, 'unsupported operation');
    const role = m[1] as string;
    if (!this.roles.has(role)) return errors(400, `unknown role: ${role}`);
    const body = (r.body ?? {}) as { common_name?: unknown };
    if (typeof body.common_name !== 'string' || body.common_name === '')
      return errors(
        400,
        'the common_name field is required, or must be provided in a CSR with "use_csr_common_name" set to true, unless "require_cn" is set to false',
      );
    this.serial++;
    const ca = fixture('ca.pem');
    const serial = `4a:fe:cf:6b:5a:03:d5:aa:7b:1c:75:5b:98:d9:a2:27:25:e4:f0:${this.serial.toString(16).padStart(2, '0')}`;
    const data = JSON.stringify({
      ca_chain: [ca],
      certificate: fixture('leaf.pem'),
      expiration: 4949474282,
      issuing_ca: ca,
      private_key: fixture('leaf.key'),
      private_key_type: 'ec',
      serial_number: serial,
    });
    return ok({ data, mountType: 'pki' });
  }
}
