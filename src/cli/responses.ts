// Recorded Vault responses for the CLI: a client for rendering and KV-version lookups for check.

import { loadRecorded } from '../vault/node.js';
import { recordedClient, type RecordedVaultClient } from '../vault/index.js';
import type { KvVerdict } from '../agent/index.js';
import { UserError } from './io.js';

function load(dir: string): ReturnType<typeof loadRecorded> {
  try {
    return loadRecorded(dir);
  } catch (e) {
    throw new UserError(`cannot load recorded responses from ${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function responsesClient(dir: string): RecordedVaultClient {
  return recordedClient(load(dir));
}

/**
 * KV version of a path from the recorded mount table (DIR/_mounts.json), by longest mount
 * prefix as Vault resolves it; undefined when no recorded mount covers the path.
 */
export function recordedKvVersions(dir: string): (path: string) => KvVerdict | undefined {
  const { mounts } = load(dir);
  const table: { path: string; kv2: boolean; type: string }[] = [];
  const entries = mounts instanceof Map ? [...mounts] : [];
  for (const [mount, info] of entries) {
    let parsed: { type?: unknown; options?: { version?: unknown } | null };
    try {
      parsed = JSON.parse(info) as typeof parsed;
    } catch {
      throw new UserError(`${dir}/_mounts.json: mount ${mount} is not a JSON object`);
    }
    const type = typeof parsed.type === 'string' ? parsed.type : '';
    const version = parsed.options?.version;
    const path = mount.replace(/^\/+/, '').replace(/\/?$/, '/');
    table.push({ path, type, kv2: type === 'kv' && String(version) === '2' });
  }
  table.sort((a, b) => b.path.length - a.path.length);
  return (p: string) => {
    const m = table.find((x) => `${p}/`.startsWith(x.path));
    if (!m) return undefined;
    return { kv2: m.kv2, basis: `recorded mount ${m.path} is ${m.type}${m.kv2 ? ' version 2' : ''}` };
  };
}
