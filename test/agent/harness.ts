// Running the agent runtime against the Vault test server on a manual clock: hours of
// leases in milliseconds. `advance` fires due timers one at a time, letting the agent
// finish its requests, writes and commands before time moves on.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, type AgentOptions } from '../../src/agent/runtime.js';
import { ManualClock } from '../../src/agent/clock.js';
import { type AgentConfig, agentConfigFromObject } from '../../src/agent/config.js';
import type { LogFields, LogLevel } from '../../src/agent/log.js';
import { type VaultServerOptions, type VaultTestServer, startVaultServer } from '../vault-server/server.js';

export interface LogLine {
  readonly at: number;
  readonly level: LogLevel;
  readonly msg: string;
  readonly fields: LogFields;
}

export interface Harness {
  readonly clock: ManualClock;
  readonly vault: VaultTestServer;
  readonly dir: string;
  readonly logs: LogLine[];
  agent: Agent;
  /** Moves time forward by `ms`, firing every timer due on the way. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** A seeded rand.Float64 stand-in, so jitters are reproducible. */
export function seededRandom(seed = 1): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `config` gives a decoded config file (JSON form), or an AgentConfig already read (as `{ parsed }`). */
export async function harness(
  server: VaultServerOptions,
  config: (h: { url: string; dir: string }) => unknown,
  extra: Partial<AgentOptions> = {},
): Promise<Harness> {
  const clock = new ManualClock();
  const vault = await startVaultServer({ ...server, now: () => clock.now() });
  const dir = mkdtempSync(join(tmpdir(), 'vtpl-agent-'));
  const logs: LogLine[] = [];
  const given = await config({ url: vault.url, dir });
  const cfg =
    given !== null && typeof given === 'object' && 'parsed' in given ? (given as { parsed: AgentConfig }).parsed : agentConfigFromObject(given, 'test.json');
  const agent = new Agent({
    config: cfg,
    clock,
    random: seededRandom(),
    // The runtime's own (consul-template) retries are under test: vault/api's transport-level
    // retries (VAULT_MAX_RETRIES, waiting in real time) are off.
    env: { VAULT_TOKEN: 'root', VAULT_ADDR: vault.url, VAULT_MAX_RETRIES: '0', PATH: process.env.PATH },
    log: (level, msg, fields = {}) => {
      logs.push({ at: clock.now(), level, msg, fields });
    },
    ...extra,
    ...(extra.env ? { env: { VAULT_MAX_RETRIES: '0', ...extra.env } } : {}),
  });
  const h: Harness = {
    clock,
    vault,
    dir,
    logs,
    agent,
    async advance(ms) {
      const end = clock.now() + ms;
      for (;;) {
        await h.agent.settled();
        if (!clock.fireNext(end)) break;
      }
      clock.setNow(end);
      await h.agent.settled();
    },
    async close() {
      await h.agent.stop();
      await vault.close();
    },
  };
  return h;
}

export const path = join;
