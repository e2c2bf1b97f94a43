import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const built = existsSync(join(ROOT, 'dist/src/cli/main.js'));

const vtpl = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/vtpl'), ...args], { cwd: ROOT, encoding: 'utf8' });

// Runs against the compiled CLI (`npm test` builds first).
describe.skipIf(!built)('bin/vtpl (built)', () => {
  it('previews the examples with exit 0 and no colours when piped', () => {
    const r = vtpl('preview', 'examples/deployment.yaml', '--responses', 'examples/vault');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('==> /vault/secrets/myappdb.txt  mode 0644');
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stderr).toBe('');
  });
  it('exit 2 on usage errors, message on stderr', () => {
    const r = vtpl('render', '--mode');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error: option '--mode <text\|consul>' argument missing/);
  });
  it('exit 1 with a one-line error and no stack trace', () => {
    const r = vtpl('check', 'does-not-exist.yaml');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('vtpl check: cannot read does-not-exist.yaml: no such file or directory\n');
  });
  it('--version', () => {
    expect(vtpl('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
