// The leases `vtpl record` creates: reading database/creds/..., pki issue and the like makes
// Vault issue real credentials. They are listed after recording, and `--revoke` revokes them
// (PUT sys/leases/revoke), so recording does not leave live database users behind.

import type { VaultClient } from '../vault/index.js';
import type { RecordedExchange } from '../vault/index.js';

export interface CreatedLease {
  readonly request: string;
  readonly leaseId: string;
}

/** Every lease a successful answer carried (KV reads have none). */
export function createdLeases(exchanges: readonly RecordedExchange[]): CreatedLease[] {
  const out = new Map<string, CreatedLease>();
  for (const x of exchanges) {
    if (x.status !== 200 || x.method === 'MOUNT') continue;
    let leaseId: unknown;
    try {
      leaseId = (JSON.parse(x.body) as { lease_id?: unknown }).lease_id;
    } catch {
      continue; // not JSON: nothing issued that we could name
    }
    if (typeof leaseId === 'string' && leaseId !== '') out.set(leaseId, { request: `${x.method} ${x.path}`, leaseId });
  }
  return [...out.values()];
}

/** Revokes each lease; returns one message per lease Vault did not revoke. */
export async function revokeLeases(client: VaultClient, leases: readonly CreatedLease[]): Promise<string[]> {
  const failures: string[] = [];
  for (const l of leases) {
    try {
      const r = await client.write('sys/leases/revoke', { lease_id: l.leaseId });
      if (r.status >= 300) failures.push(`revoking ${l.leaseId}: Vault answered ${r.status}: ${r.body.trim()}`);
    } catch (e) {
      failures.push(`revoking ${l.leaseId}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return failures;
}
