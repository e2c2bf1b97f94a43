// `vtpl check --responses DIR`: the recorded files must be what Vault sends, or every render
// against them is quietly wrong (a file holding only the data object renders `<no value>`).

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'lossless-json';
import type { Problem } from '../agent/index.js';
import { loadRecorded } from '../vault/node.js';
import { recordCommand } from '../agent/index.js';

/** Keys of Vault's response envelope besides "data" (vault/api's Secret). */
const ENVELOPE = ['request_id', 'lease_id', 'lease_duration', 'renewable', 'warnings', 'wrap_info', 'auth'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !('isLosslessNumber' in v);
}

/** The file a request key was loaded from, and the command that records it. */
function fileOf(root: string, isDir: boolean, key: string): { file: string; record: string } {
  const [verb, path] = key.startsWith('LIST ') ? ['LIST', key.slice(5)] : key.startsWith('PUT ') ? ['PUT', key.slice(4)] : ['GET', key];
  if (!isDir) return { file: `${root} ("${key}")`, record: `vault read -format=json ${path}` };
  const file = join(root, `${path}${verb === 'LIST' ? '.list' : verb === 'PUT' ? '.put' : ''}.json`);
  return { file, record: recordCommand({ method: verb, path: path as string }, root) };
}

/** Every problem with the recorded responses at `root` (a directory or a single JSON file). */
export function checkRecorded(root: string): Problem[] {
  const problems: Problem[] = [];
  const error = (file: string, message: string, hint?: string) => problems.push({ severity: 'error', file, message, hint });
  let loaded;
  try {
    loaded = loadRecorded(root);
  } catch (e) {
    error(root, `cannot load recorded responses: ${e instanceof Error ? e.message : String(e)}`);
    return problems;
  }
  const isDir = statSync(root).isDirectory();
  const responses = loaded.responses instanceof Map ? loaded.responses : new Map(Object.entries(loaded.responses ?? {}));
  for (const [key, body] of responses) {
    const { file, record } = fileOf(root, isDir, key);
    const doc: unknown = parse(body);
    if (!isObject(doc)) {
      error(file, 'not a Vault response: expected a JSON object', `record it with: ${record}`);
      continue;
    }
    if (!('data' in doc) || !ENVELOPE.some((k) => k in doc)) {
      error(
        file,
        `not a Vault response: it has no envelope (${ENVELOPE.slice(0, 3).join(', ')}, data, ...); it looks like the data alone, which templates would see as empty`,
        `record the whole response with: ${record}`,
      );
      continue;
    }
    if (key.startsWith('LIST ')) {
      const keys = isObject(doc.data) ? doc.data.keys : undefined;
      if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) {
        error(file, 'a LIST response needs data.keys, a list of strings', `record it with: ${record}`);
      }
    }
  }
  const mounts = loaded.mounts instanceof Map ? loaded.mounts : undefined;
  for (const [mount, info] of mounts ?? []) {
    const m: unknown = parse(info);
    if (!isObject(m) || typeof m.type !== 'string') {
      error(isDir ? join(root, '_mounts.json') : root, `mount "${mount}" has no "type"; _mounts.json is what \`vault secrets list -format=json\` prints`);
    }
  }
  return problems;
}
