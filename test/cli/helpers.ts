import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/main.js';
import type { IO } from '../../src/cli/io.js';

export interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process with captured output and no colours. */
export async function vtpl(...args: string[]): Promise<Ran> {
  let out = '';
  let err = '';
  const io: IO = {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    color: false,
    errTTY: false,
  };
  const code = await run(args, io);
  return { code, out, err };
}

/** A temporary directory holding the given files (path -> content). */
export function tempTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vtpl-test-'));
  for (const [p, content] of Object.entries(files)) {
    const full = join(dir, p);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** A Vault read response body as `vault read -format=json` prints it. */
export function vaultBody(data: string, extra = ''): string {
  return `{"request_id":"6b1f5a2e-0000-4000-8000-000000000001","lease_id":"","lease_duration":0,"renewable":false,"data":${data},"warnings":null${extra}}`;
}

export function pod(annotations: Record<string, string>, kind = 'Pod'): string {
  const lines = Object.entries(annotations).map(([k, v]) =>
    v.includes('\n')
      ? `    ${k}: |\n${v
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => `      ${l}`)
          .join('\n')}`
      : `    ${k}: ${JSON.stringify(v)}`,
  );
  return `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: app\n  annotations:\n${lines.join('\n')}\nspec:\n  containers:\n  - name: app\n    image: busybox\n`;
}
