// `npm run bench:agent`: the agent runtime holding 1,000 leases through 24 hours of
// simulated time (ManualClock): 100 templates reading 10 database credentials each,
// leases of 1 h (max TTL 4 h), so every lease is renewed about every 40 minutes and
// replaced every 4 hours. Reports the work done and the heap after the first render and
// after 24 h (after a full GC): memory must stay flat however long the agent runs.
// Vault is an in-memory VaultClient here, so the figures are the agent's own.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, ManualClock, agentConfigFromObject, type AgentVaultClient } from '../src/agent/public.js';
import type { VaultResponse } from '../src/vault/public.js';
import { garbageCollector } from './measure.js';
import { root } from '../scripts/oracle.js';

const TEMPLATES = 100;
const PER_TEMPLATE = 10;
const TTL = 3600;
const MAX_TTL = 4 * 3600;

/** Database credentials with leases, in memory, on the manual clock. */
class MemoryVault implements AgentVaultClient {
  readonly address = 'http://127.0.0.1:8200';
  readonly namespace = '';
  private n = 0;
  readonly leases = new Map<string, { expires: number; max: number }>();
  reads = 0;
  renewals = 0;

  constructor(private readonly now: () => number) {}

  setToken(): void {}

  async read(path: string): Promise<VaultResponse> {
    this.reads++;
    const id = `${path}/${++this.n}`;
    const now = this.now();
    this.leases.set(id, { expires: now + TTL * 1000, max: now + MAX_TTL * 1000 });
    const data = JSON.stringify({ username: `v-app-${this.n}`, password: `pw-${this.n}` });
    return { status: 200, body: `{"request_id":"r${this.n}","lease_id":"${id}","renewable":true,"lease_duration":${TTL},"data":${data},"warnings":null}` };
  }

  async list(): Promise<VaultResponse> {
    return { status: 404, body: '{"errors":[]}' };
  }

  async write(path: string, data: Readonly<Record<string, unknown>>): Promise<VaultResponse> {
    if (path !== 'sys/leases/renew') return { status: 404, body: '{"errors":[]}' };
    const id = String(data.lease_id);
    const l = this.leases.get(id);
    if (!l || l.expires <= this.now()) return { status: 400, body: '{"errors":["lease not found"]}' };
    this.renewals++;
    l.expires = Math.min(this.now() + TTL * 1000, l.max);
    // Expired leases are dropped, as Vault's expiration manager does.
    for (const [k, v] of this.leases) if (v.expires <= this.now()) this.leases.delete(k);
    return { status: 200, body: `{"lease_id":"${id}","renewable":true,"lease_duration":${Math.floor((l.expires - this.now()) / 1000)},"data":null}` };
  }

  async mountInfo(): Promise<VaultResponse> {
    return { status: 404, body: '{"errors":[]}' };
  }
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

async function main(): Promise<void> {
  const gc = garbageCollector();
  const clock = new ManualClock();
  const vault = new MemoryVault(() => clock.now());
  const dir = mkdtempSync(join(tmpdir(), 'vtpl-bench-agent-'));
  const template = (t: number): string =>
    Array.from(
      { length: PER_TEMPLATE },
      (_, i) => `{{ with secret "database/creds/role-${t}-${i}" }}export U${i}="{{ .Data.username }}" P${i}="{{ .Data.password }}"\n{{ end }}`,
    ).join('');
  const config = agentConfigFromObject({
    template: Array.from({ length: TEMPLATES }, (_, t) => ({ contents: template(t), destination: join(dir, `t${t}`) })),
  });
  let renders = 0;
  const agent = new Agent({
    config,
    clock,
    connect: async () => vault,
    env: { VAULT_TOKEN: 'bench' },
    log: (_level, msg) => {
      if (msg === 'rendered') renders++;
    },
  });
  const wall = Date.now();
  await agent.start();
  gc();
  const before = process.memoryUsage().heapUsed;
  const end = clock.now() + 24 * 3600_000;
  for (;;) {
    await agent.settled();
    if (!clock.fireNext(end)) break;
  }
  await agent.settled();
  gc();
  const after = process.memoryUsage().heapUsed;
  const timers = clock.size;
  await agent.stop();
  rmSync(dir, { recursive: true, force: true });
  const row = {
    date: new Date().toISOString(),
    node: process.version,
    leases: TEMPLATES * PER_TEMPLATE,
    simulatedHours: 24,
    reads: vault.reads,
    renewals: vault.renewals,
    renders,
    timersPending: timers,
    heapBeforeBytes: before,
    heapAfterBytes: after,
    wallSeconds: (Date.now() - wall) / 1000,
  };
  console.log(
    `agent: ${row.leases} leases over ${row.simulatedHours} h simulated: ${row.reads} reads, ${row.renewals} renewals, ${row.renders} renders, ` +
      `${row.timersPending} timers pending; heap ${mb(before)} after the first render, ${mb(after)} after 24 h; ${row.wallSeconds.toFixed(1)} s wall`,
  );
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'agent-leases.json'), `${JSON.stringify(row, null, 2)}\n`);
}

await main();
