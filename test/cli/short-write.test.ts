// A full disk or a file-size limit while `preview --out` or `render --out` writes: the write is an error, the
// previous file stays as it was, no temporary file is left, and vtpl exits non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pod, tempTree, vaultBody } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const built = existsSync(join(ROOT, 'dist/cli/vtpl.cjs'));
const P = 'vault.hashicorp.com/';

/** A pod whose one file is the secret kv/a's value `v`; `good` is recorded first. */
function setup(good: string) {
  const dir = tempTree({
    'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-big']: '{{ with secret "kv/a" }}{{ .Data.v }}{{ end }}' }),
    'vault/kv/a.json': vaultBody(JSON.stringify({ v: good })),
  });
  const out = join(dir, 'out');
  const dest = join(out, 'pod-app/vault/secrets/big');
  const setSecret = (v: string) => writeFileSync(join(dir, 'vault/kv/a.json'), vaultBody(JSON.stringify({ v })));
  const args = ['preview', join(dir, 'app.yaml'), '--responses', join(dir, 'vault'), '--out', out];
  return { dir, out, dest, setSecret, args };
}

const leftovers = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.includes('.vtpl.tmp'));
const bin = join(ROOT, 'bin/vtpl');
/** args as one sh command line, each word single-quoted. */
const shellWords = (args: readonly string[]) => args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
const BIG = 'x'.repeat(3 << 20); // 3 MB, as in the issue's report

// Mounting needs root (or CAP_SYS_ADMIN); without it the full-disk case cannot be made for real.
const mounted: string[] = [];
function smallTmpfs(dir: string): boolean {
  if (process.getuid?.() !== 0) return false;
  mkdirSync(dir, { recursive: true });
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
  if (r.status !== 0) return false;
  mounted.push(dir);
  return true;
}
afterAll(() => {
  for (const d of mounted) spawnSync('umount', [d]);
});

describe.skipIf(!built)('short writes (bin/vtpl, built)', () => {
  it('a full disk (1 MB tmpfs): ENOSPC is an error, the previous file stays, no temp file', (ctx) => {
    const s = setup('good-v1');
    if (!smallTmpfs(s.out)) {
      ctx.skip(); // not root, or mount refused: a real full disk cannot be made here
      return;
    }
    const first = spawnSync(process.execPath, [bin, ...s.args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(first.status).toBe(0);
    expect(readFileSync(s.dest, 'utf8')).toBe('good-v1');

    s.setSecret(BIG);
    const r = spawnSync(process.execPath, [bin, ...s.args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`vtpl preview: not written: cannot write ${s.dest}: no space left on device\n`);
    expect(readFileSync(s.dest, 'utf8')).toBe('good-v1');
    expect(leftovers(s.out)).toEqual([]);
  });

  it('a file-size limit (ulimit -f): EFBIG is an error, the previous file stays, no temp file', () => {
    const s = setup('good-v1');
    const first = spawnSync(process.execPath, [bin, ...s.args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(first.status).toBe(0);

    s.setSecret(BIG);
    // 1024 blocks is 512 KB (sh) or 1 MB (bash): either way below the 3 MB secret. The limit
    // applies to the shell and vtpl only; the responses were written above.
    const quoted = shellWords([process.execPath, bin, ...s.args]);
    const r = spawnSync('sh', ['-c', `ulimit -f 1024 && exec ${quoted}`], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.signal).toBe(null); // Node ignores SIGXFSZ, so the write fails with EFBIG instead
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`vtpl preview: not written: cannot write ${s.dest}: file too large\n`);
    expect(readFileSync(s.dest, 'utf8')).toBe('good-v1');
    expect(leftovers(s.out)).toEqual([]);
  });

  it('render --out streams into the file: EFBIG midway is an error naming it, the previous file stays', () => {
    const dir = tempTree({ 't.tmpl': '{{ range 3000000 }}x{{ end }}', 'out.txt': 'good-v1' });
    const dest = join(dir, 'out.txt');
    const quoted = shellWords([process.execPath, bin, 'render', join(dir, 't.tmpl'), '--out', dest]);
    const r = spawnSync('sh', ['-c', `ulimit -f 1024 && exec ${quoted}`], { encoding: 'utf8' });
    expect(r.signal).toBe(null);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`vtpl render: cannot write ${dest}: file too large\n`);
    expect(readFileSync(dest, 'utf8')).toBe('good-v1');
    expect(leftovers(dir)).toEqual([]);
  });
});
