// `vtpl record` against the real Vault, then real `vault agent` rendering from exactly the
// recorded responses (a replay server) vs `vtpl preview --responses`: byte for byte, dynamic
// secrets included. The record/preview commands are the ones the README gives.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_YAML, E, REPO, type AgentRun, agentForManifest, cleanEnv, readTree, run, tempDir, vaultOk } from './env.js';
import { type ReplayServer, startReplayServer } from './replay-server.js';

/** The `npx vtpl ...` lines of the README's section on recording, in order. */
function readmeRecordingCommands(): string[][] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = /^## Recording responses from a live Vault\n([\s\S]*?)(?=^## )/m.exec(readme);
  if (!section) throw new Error('README.md has no "## Recording responses from a live Vault" section');
  const block = /```sh\n([\s\S]*?)```/.exec(section[1]);
  if (!block) throw new Error('the README recording section has no sh block');
  return block[1]
    .split('\n')
    .filter((l) => l.startsWith('npx vtpl '))
    .map((l) =>
      l
        .replace(/\s+#.*$/, '')
        .split(/\s+/)
        .slice(1),
    );
}

let rec: string;
let replay: ReplayServer;
let agent: { runs: AgentRun[]; files: Map<string, string> };
let preview: Map<string, string>;
let recordRun: { code: number | null; err: string };

beforeAll(async () => {
  rec = tempDir('recorded');
  const out = tempDir('preview');
  const cmds = readmeRecordingCommands();
  expect(cmds.map((c) => c[1])).toEqual(['record', 'preview']);
  // The README's placeholders: k8s/app.yaml is the manifest, recorded/ the folder, out/ the preview output.
  const subst = (a: string): string => (a === 'k8s/app.yaml' ? APP_YAML : a === 'recorded/' ? rec : a === 'out/' ? out : a);
  // A token with the pods' policy, as the README asks for.
  const token = ((await vaultOk('POST', 'auth/token/create', { policies: ['app'], ttl: '1h' })).auth as { client_token: string }).client_token;
  const env = cleanEnv({ VAULT_ADDR: E.addr, VAULT_TOKEN: token });
  const [record, prev] = cmds.map((c) => c.slice(1).map(subst));
  const r = await run(process.execPath, [join(REPO, 'bin/vtpl'), ...record], { env });
  recordRun = { code: r.code, err: r.err };
  const p = await run(process.execPath, [join(REPO, 'bin/vtpl'), ...prev, '--out', out], { env });
  expect(p.err).toBe('');
  preview = readTree(out);
  replay = await startReplayServer(rec);
  agent = await agentForManifest(APP_YAML, { addr: replay.url });
});

afterAll(async () => {
  await replay?.close();
});

describe('vtpl record, replayed to vault agent', () => {
  it('records every read of the manifest from the real Vault', () => {
    expect(recordRun.err).toBe('');
    expect(recordRun.code).toBe(0);
    const files = [...readTree(rec).keys()].sort();
    expect(files).toEqual(
      expect.arrayContaining([
        '_mounts.json',
        'database/creds/my-app-db-role.json',
        'pki/issue/web.put.json',
        'secret/data/web/config.json',
        'secret/data/web/config?version=1.json',
        'kv/legacy/smtp.json',
      ]),
    );
  });

  it('vault agent finds every response it asks for in the recording', () => {
    for (const r of agent.runs) expect(r.code, `vault agent:\n${r.out}${r.err}`).toBe(0);
    expect(replay.missing).toEqual([]);
  });

  it('vault agent on the recording and vtpl preview --responses agree byte for byte, dynamic secrets too', () => {
    expect([...preview.keys()].sort()).toEqual([...agent.files.keys()].sort());
    for (const [f, content] of agent.files) expect(preview.get(f), f).toBe(content);
  });
});
