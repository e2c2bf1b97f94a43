// Every ```js block of the README runs, as a user would run it: an ES module inside this
// package (so `import ... from 'vtpl/vault'` resolves through package.json "exports"),
// from the repository root, with VAULT_ADDR and VAULT_TOKEN pointing at the Vault test
// server. A ```text block right after a js block is its expected output.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VaultTestServer, startVaultServer } from './vault-server/server.js';

const root = new URL('..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Block {
  readonly line: number;
  readonly code: string;
  readonly output?: string;
}

function jsBlocks(text: string): Block[] {
  const fence = /^```(\w*)\n([\s\S]*?)^```\n/gm;
  const all = [...text.matchAll(fence)].map((m) => ({ lang: m[1], body: m[2] as string, index: m.index as number, end: (m.index as number) + m[0].length }));
  return all.flatMap((b, i) => {
    if (b.lang !== 'js') return [];
    const next = all[i + 1];
    const output = next && next.lang === 'text' && text.slice(b.end, next.index).trim() === '' ? next.body : undefined;
    return [{ line: text.slice(0, b.index).split('\n').length, code: b.body, output }];
  });
}

const blocks = jsBlocks(readme);
let vault: VaultTestServer;
let dir: string;

beforeAll(async () => {
  vault = await startVaultServer({ databaseRoles: ['my-app-db-role'] });
  dir = mkdtempSync(join(root, '.readme-blocks-'));
});
afterAll(async () => {
  await vault.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('README code blocks', () => {
  it('has js blocks for each entry point', () => {
    for (const entry of ["from 'vtpl'", "from 'vtpl/vault'", "from 'vtpl/agent'"]) expect(blocks.some((b) => b.code.includes(entry))).toBe(true);
  });

  it.each(blocks.map((b) => [b.line, b] as const))('README.md:%i runs and prints what the README says', async (_line, b) => {
    const file = join(dir, `block-${b.line}.mjs`);
    writeFileSync(file, b.code);
    const { stdout } = await promisify(execFile)(process.execPath, [file], {
      cwd: root,
      env: { ...process.env, VAULT_ADDR: vault.url, VAULT_TOKEN: 'root' },
      timeout: 30_000,
    });
    if (b.output !== undefined) expect(stdout).toBe(b.output);
  });
});
