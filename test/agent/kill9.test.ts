// kill -9 at random moments while the agent rewrites a large file hundreds of times: the
// destination is always either the previous render or the next one, never partial or empty
// (renderer.go's atomic write: temp file in the same directory, fsync, rename). A reader
// polling the file meanwhile never sees a partial file either.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VaultTestServer, startVaultServer } from '../vault-server/server.js';
import { seededRandom } from './harness.js';

const child = new URL('./fixtures/fast-agent.mjs', import.meta.url).pathname;
const WHOLE =
  /^export DB_USER="v-token-app-[A-Za-z0-9]+-\d+" DB_PASSWORD="[A-Za-z0-9-]+"\n(# padding to make every write large enough to be interrupted\n){1500}# end\n$/;

let vault: VaultTestServer;
beforeAll(async () => {
  vault = await startVaultServer({ databaseRoles: [{ name: 'app', ttl: 1, renewable: false }] });
});
afterAll(() => vault.close());

function check(file: string, bad: string[]): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  if (!WHOLE.test(text)) bad.push(`${text.length} bytes: ${JSON.stringify(text.slice(0, 80))}...${JSON.stringify(text.slice(-40))}`);
}

describe('kill -9 during renders', () => {
  it('never leaves a partial or empty destination over 200 renders', async () => {
    const random = seededRandom(42);
    const dir = mkdtempSync(join(tmpdir(), 'vtpl-kill9-'));
    const dest = join(dir, 'secrets', 'db-creds');
    const bad: string[] = [];
    let renders = 0;
    let kills = 0;
    while (renders < 200) {
      const p = spawn(process.execPath, [child, vault.url, dest], { stdio: ['ignore', 'pipe', 'pipe'] });
      let mine = 0;
      let err = '';
      p.stdout.on('data', (b: Buffer) => {
        mine += b
          .toString()
          .split('\n')
          .filter((l) => l === 'rendered').length;
      });
      p.stderr.on('data', (b: Buffer) => {
        err += b.toString();
      });
      const exited = new Promise<void>((resolve) => p.on('exit', () => resolve()));
      // Let it render a few times (reading the file meanwhile), then kill it at a random moment.
      const target = 25 + Math.floor(random() * 40);
      const deadline = Date.now() + 20_000;
      while (mine < target && Date.now() < deadline) {
        check(dest, bad);
        await new Promise((r) => setTimeout(r, 1 + random() * 5));
      }
      p.kill('SIGKILL');
      await exited;
      kills++;
      expect(err).toBe('');
      check(dest, bad);
      renders += mine;
      expect(mine, 'the agent made progress').toBeGreaterThan(0);
    }
    expect(bad).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(WHOLE.test(readFileSync(dest, 'utf8'))).toBe(true);
  }, 120_000);
});
