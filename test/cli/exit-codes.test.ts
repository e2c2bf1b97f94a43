// Exit codes and messages when something fails outside the templates: a crashed worker is 70
// with a message a person can act on; a directory vtpl cannot write is 1, said in words with
// its path, after the preview is printed; a full stdout is 1 without a stack trace.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, copyFileSync, cpSync, existsSync, symlinkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pod, tempTree, vaultBody } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const built = existsSync(join(ROOT, 'dist/cli/vtpl.cjs'));
const P = 'vault.hashicorp.com/';
const run = (bin: string, args: string[], opts: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });

/** Two pods, web and api, each writing one secret. */
function twoPods() {
  const one = (name: string) =>
    pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-cfg']: `{{ with secret "kv/a" }}${name}={{ .Data.v }}{{ end }}` }).replace(
      'name: app',
      `name: ${name}`,
    );
  const dir = tempTree({ 'pods.yaml': `${one('web')}---\n${one('api')}`, 'vault/kv/a.json': vaultBody('{"v":"s3cret"}') });
  return { dir, out: join(dir, 'out'), args: ['preview', join(dir, 'pods.yaml'), '--responses', join(dir, 'vault'), '--out', join(dir, 'out')] };
}

describe.skipIf(!built)('exit codes (bin/vtpl, built)', () => {
  it('a worker that crashes: exit 70, what happened and what to do, the stack only with VTPL_DEBUG', () => {
    // bin/vtpl and the built CLI as shipped, but with a CLI thread that dies of an uncaught
    // error (preview always runs on that thread).
    const d = tempTree({});
    mkdirSync(join(d, 'bin'));
    copyFileSync(join(ROOT, 'bin/vtpl'), join(d, 'bin/vtpl'));
    cpSync(join(ROOT, 'dist'), join(d, 'dist'), { recursive: true });
    writeFileSync(join(d, 'dist/cli/thread.js'), 'throw new TypeError("boom");\n');
    symlinkSync(join(ROOT, 'node_modules'), join(d, 'node_modules'));
    const r = run(join(d, 'bin/vtpl'), ['preview', 'x.yaml']);
    expect(r.status).toBe(70);
    expect(r.stderr).toBe(
      'vtpl: internal error: TypeError: boom\nThis is a bug in vtpl. Please report it with the command and inputs that caused it; VTPL_DEBUG=1 adds a stack trace.\n',
    );
    const debug = run(join(d, 'bin/vtpl'), ['preview', 'x.yaml'], { env: { ...process.env, VTPL_DEBUG: '1' } });
    expect(debug.status).toBe(70);
    expect(debug.stderr).toMatch(/^vtpl: internal error: TypeError: boom\nTypeError: boom\n\s+at /);
  });

  it('a pod directory that cannot be made: said in words with the path, the preview still printed, other pods written, exit 1', () => {
    const s = twoPods();
    mkdirSync(s.out);
    writeFileSync(join(s.out, 'pod-api'), 'a file where the pod directory would go');
    const r = run(join(ROOT, 'bin/vtpl'), s.args);
    expect(r.status).toBe(1);
    const dest = join(s.out, 'pod-api/vault/secrets/cfg');
    expect(r.stderr).toBe(`vtpl preview: not written: cannot write ${dest}: not a directory\n`);
    expect(r.stdout).toContain(`    not written: cannot write ${dest}: not a directory\n`);
    expect(r.stdout).toContain('# Pod/web');
    expect(r.stdout).toContain('web=s3cret');
    expect(r.stdout).toContain('api=s3cret');
    expect(readFileSync(join(s.out, 'pod-web/vault/secrets/cfg'), 'utf8')).toBe('web=s3cret');
    expect((readdirSync(s.out, { recursive: true }) as string[]).filter((n) => n.includes('.vtpl.tmp'))).toEqual([]);
  });

  it('EACCES on a pod directory: "permission denied" with the path, exit 1', (ctx) => {
    const s = twoPods();
    mkdirSync(join(s.out, 'pod-api'), { recursive: true });
    chmodSync(join(s.out, 'pod-api'), 0o555);
    chmodSync(s.dir, 0o755);
    // Root ignores permissions: run as nobody when root, if nobody can read the built CLI.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if ('uid' in asNobody) {
      chmodSync(s.out, 0o777);
      chmodSync(join(s.dir, 'vault'), 0o755);
      const nobodyCanRun =
        spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(ROOT, 'dist/cli/vtpl.cjs'))})`], { uid: 65534, gid: 65534 })
          .status === 0;
      if (!nobodyCanRun) {
        ctx.skip(); // running as root, and user nobody cannot read the checkout: no way to meet EACCES
        return;
      }
    } else {
      try {
        accessSync(join(s.out, 'pod-api'), constants.W_OK);
        ctx.skip(); // this user can write a 0555 directory (e.g. CAP_DAC_OVERRIDE)
        return;
      } catch {
        // as expected: permission denied
      }
    }
    const r = run(join(ROOT, 'bin/vtpl'), s.args, asNobody);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`vtpl preview: not written: cannot write ${join(s.out, 'pod-api/vault/secrets/cfg')}: permission denied\n`);
    expect(r.stdout).toContain('api=s3cret');
  });

  it('a full standard output: said in words, exit 1, no stack trace', (ctx) => {
    if (!existsSync('/dev/full')) {
      ctx.skip(); // only Linux has /dev/full
      return;
    }
    const r = spawnSync('sh', ['-c', `exec '${process.execPath}' '${join(ROOT, 'bin/vtpl')}' render --help > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('vtpl: cannot write standard output: no space left on device\n');
  });
});
