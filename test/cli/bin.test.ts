import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const built = existsSync(join(ROOT, 'dist/cli/vtpl.cjs'));

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

  // Start-up (README "Start-up"): preview and check of recorded responses call nothing that
  // needs Node's crypto, child processes, HTTP or net, and run on the main thread; those
  // modules together cost a sixth of Node's own start, so they load on first use. stdout and
  // stderr are pipes here, which process.stdout/stderr would make net sockets: the main thread
  // writes fd 1 itself and asks a pipe whether it is a terminal without them. What Node loaded
  // is printed at exit.
  it('preview and check start without loading crypto, child_process, http(s), net or worker_threads', () => {
    const d = mkdtempSync(join(tmpdir(), 'vtpl-builtins-'));
    const report = join(d, 'report.cjs');
    // Written to fd 2 directly: process.stderr on a pipe would itself load net.
    writeFileSync(report, "process.on('exit', () => require('node:fs').writeSync(2, 'loaded: ' + process.moduleLoadList.join(',') + '\\n'));");
    for (const args of [
      ['preview', 'examples/deployment.yaml', '--responses', 'examples/vault'],
      ['check', 'examples/deployment.yaml'],
    ]) {
      const r = spawnSync(process.execPath, ['--require', report, join(ROOT, 'bin/vtpl'), ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status).toBe(0);
      const loaded = (/loaded: (.*)/.exec(r.stderr)?.[1] ?? '').split(',');
      expect(loaded).toContain('NativeModule fs');
      for (const m of ['crypto', 'child_process', 'http', 'https', 'tls', 'net', 'worker_threads'])
        expect(loaded, `${args[0]} loads node:${m}`).not.toContain(`NativeModule ${m}`);
    }
  });
  // render runs on the main thread with its output held back (start.ts); an output too large
  // to hold goes to the worker, which streams it (Go's Execute(os.Stdout, data)): 100 MB of
  // output with a 24 MB heap. Held whole, it ran out of heap (and past 512 MB, of string).
  it('render streams an output larger than the heap to stdout', () => {
    const d = mkdtempSync(join(tmpdir(), 'vtpl-stream-'));
    try {
      const line = `${'0123456789abcdef'.repeat(62)}-------\n`;
      writeFileSync(join(d, 't.tmpl'), `{{range 100000}}${line}{{end}}`);
      const fd = openSync(join(d, 'out'), 'w');
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/vtpl'), 'render', join(d, 't.tmpl')], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', fd, 'pipe'],
        env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=24' },
      });
      closeSync(fd);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(statSync(join(d, 'out')).size).toBe(100000 * line.length);
      expect(readFileSync(join(d, 'out'), 'latin1').endsWith(line.repeat(3))).toBe(true);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
  // On the worker (stdin input), stdout is a ByteSink: the template's output is encoded into
  // stdout's buffer. Its bytes are those of the output as one string, and on an error what
  // came before it is printed first, as in Go.
  it('render to stdout from the worker: the bytes of the output, then the error', () => {
    const d = mkdtempSync(join(tmpdir(), 'vtpl-bytes-'));
    try {
      const data = ['é€😀', '\ud83d', '\ude00', 'x'.repeat(70000), 'ü'.repeat(30000)];
      writeFileSync(join(d, 'd.json'), JSON.stringify({ list: data }));
      const template = '{{range .list}}<{{.}}> a text node of some length{{end}}{{.list.x}}';
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/vtpl'), 'render', '-', '--data', join(d, 'd.json')], { cwd: ROOT, input: template });
      expect(r.stderr.toString()).toContain("can't evaluate field x");
      expect(r.status).toBe(1);
      expect(r.stdout.equals(Buffer.from(data.map((s) => `<${s}> a text node of some length`).join('')))).toBe(true);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
  it('--version', () => {
    expect(vtpl('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // Found by fuzz:crash: each level used to wrap the stack error in its own "error calling
  // executeTemplate: ..." prefix, so on the 256 MB stack the message grew quadratically for
  // minutes. Go itself dies of a fatal stack overflow here; vtpl says why, once.
  it('unbounded recursion through executeTemplate ends in one short error', () => {
    const d = mkdtempSync(join(tmpdir(), 'vtpl-exectmpl-'));
    writeFileSync(join(d, 't.tmpl'), '{{ executeTemplate "" }}');
    const r = vtpl('render', join(d, 't.tmpl'), '--responses', d);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/exceeds the JavaScript stack/);
    expect(r.stderr.length).toBeLessThan(500);
  });

  // The CLI runs on a thread with a large stack, so recursion Go allows works (Go's
  // stacks grow; Node's main thread would stop after ~1,500 nested {{template}} calls).
  it("deep template recursion and nesting work as in Go; runaway recursion hits Go's limit", () => {
    const d = mkdtempSync(join(tmpdir(), 'vtpl-deep-'));
    writeFileSync(join(d, 'rec.tmpl'), '{{ define "R" }}{{ if . }}{{ template "R" (slice . 1) }}{{ end }}{{ end }}{{ template "R" .l }}done');
    writeFileSync(join(d, 'data.json'), JSON.stringify({ l: Array.from({ length: 5000 }, () => 1) }));
    const rec = vtpl('render', join(d, 'rec.tmpl'), '--data', join(d, 'data.json'));
    expect(rec.stderr).toBe('');
    expect(rec.stdout).toBe('done');

    writeFileSync(join(d, 'parens.tmpl'), `{{ ${'('.repeat(10000)}1${')'.repeat(10000)} }}`);
    expect(vtpl('render', join(d, 'parens.tmpl'), '--data', join(d, 'data.json')).stdout).toBe('1');

    writeFileSync(join(d, 'inf.tmpl'), '{{ define "I" }}{{ template "I" . }}{{ end }}{{ template "I" . }}');
    const inf = vtpl('render', join(d, 'inf.tmpl'), '--data', join(d, 'data.json'));
    expect(inf.status).toBe(1);
    expect(inf.stderr).toBe('vtpl render: template: inf.tmpl:1:28: executing "I" at <{{template "I" .}}>: exceeded maximum template depth (100000)\n');
  });
});
