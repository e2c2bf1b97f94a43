// Secrets with leases: the database engine (fresh credentials per read), PKI issuing, and
// sys/leases/renew|revoke (developer.hashicorp.com/vault/api-docs/secret/databases, secret/pki,
// system/leases).

import { readFileSync } from 'node:fs';
import { type Reply, errors, noContent, ok, randomId } from './bodies.js';
import type { EngineRequest } from './kv.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').trimEnd();

/** The database role's default TTL (seconds). */
const DB_TTL = 3600;

interface Lease {
  expires: number;
  readonly renewable: boolean;
}

export class Leases {
  readonly active = new Map<string, Lease>();

  constructor(private readonly now: () => number) {}

  issue(id: string, seconds: number, renewable: boolean): void {
    this.active.set(id, { expires: this.now() + seconds * 1000, renewable });
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
    if (!lease || lease.expires < this.now()) return errors(400, 'lease not found');
    if (!lease.renewable) return errors(400, 'lease is not renewable');
    const increment = typeof b.increment === 'number' ? b.increment : DB_TTL;
    const seconds = Math.min(increment, DB_TTL);
    lease.expires = this.now() + seconds * 1000;
    return ok({ data: 'null', leaseId: id, renewable: true, leaseDuration: seconds });
  }
}


export class Database {
  constructor(private readonly mount: string, private readonly roles: ReadonlySet<string>, private readonly leases: Leases) {}

  handle(r: EngineRequest): Reply {
    const m = /^creds\/([^/]+)$/.exec(r.rel);
    if (!m || r.method !== 'GET') return errors(405, 'unsupported operation');
    const role = m[1] as string;
    if (!this.roles.has(role)) return errors(400, `unknown role: ${role}`);
    const leaseId = `${this.mount}/creds/${role}/${randomId(24)}`;
    this.leases.issue(leaseId, DB_TTL, true);
    const username = `v-token-${role.slice(0, 8)}-${randomId(20)}-${Math.floor(Date.now() / 1000)}`;
    const data = JSON.stringify({ password: `${randomId(4)}-${randomId(16)}`, username });
    return ok({ data, leaseId, renewable: true, leaseDuration: DB_TTL, mountType: 'database' });
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
    if (typeof body.common_name !== 'string' || body.common_name === '') return errors(400, 'the common_name field is required, or must be provided in a CSR with "use_csr_common_name" set to true, unless "require_cn" is set to false');
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
