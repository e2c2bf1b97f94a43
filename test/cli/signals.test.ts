// SIGTERM/SIGINT while `preview --out` is writing a secret: the temporary file holding it is
// removed and vtpl exits 128+signo (bin/vtpl forwards the worker's temporary files, since
// signals only reach the main thread).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pod, tempTree, vaultBody } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const built = existsSync(join(ROOT, 'dist/cli/vtpl.cjs'));
const P = 'vault.hashicorp.com/';

const tempFiles = (dir: string) => (existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.includes('.vtpl.tmp')) : []);

/** Runs a preview writing a large secret; sends `signal` as soon as its temporary file exists. */
async function interrupt(signal: 'SIGTERM' | 'SIGINT'): Promise<{ code: number | null; caught: boolean; left: string[] }> {
  const dir = tempTree({
    'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-big']: '{{ with secret "kv/big" }}{{ .Data.v }}{{ end }}' }),
    'vault/kv/big.json': vaultBody(JSON.stringify({ v: 's'.repeat(16 << 20) })),
  });
  const out = join(dir, 'out');
  const child = spawn(process.execPath, [join(ROOT, 'bin/vtpl'), 'preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'), '--out', out], {
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
  });
  let caught = false;
  while (!done) {
    if (tempFiles(out).length > 0) {
      child.kill(signal);
      caught = true;
      break;
    }
    await new Promise((r) => setImmediate(r));
  }
  const code = await exited;
  return { code, caught, left: tempFiles(out) };
}

describe.skipIf(!built)('signals during a write (bin/vtpl, built)', () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal}: no temporary file left, exit ${code}`, async () => {
      // The write must still be going when the signal arrives; try again if it was too quick.
      for (let attempt = 0; attempt < 5; attempt++) {
        const r = await interrupt(signal);
        if (!r.caught) continue;
        expect(r.left).toEqual([]);
        expect(r.code).toBe(code);
        return;
      }
      throw new Error('the write always finished before the signal could be sent');
    }, 60_000);
  }
});
