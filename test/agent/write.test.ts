// The atomic writer (src/agent/write.ts), checked against consul-template's renderer.go behaviour.
import { chmodSync, existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteError, liveTempFiles, onTempFile, writeAtomic } from '../../src/agent/write.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'vtpl-write-'));
const mode = (p: string) => statSync(p).mode & 0o7777;
const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes('.vtpl.tmp'));

describe('writeAtomic', () => {
  // perms as given -> the file's mode; `existing` = mode of a file already there (undefined = none).
  const modes: { name: string; perms?: number; existing?: number; want: number }[] = [
    { name: 'no perms, new file: 0644 (DefaultFilePerms)', want: 0o644 },
    { name: 'perms 0 is unset: 0644', perms: 0, want: 0o644 },
    { name: 'perms 0440', perms: 0o440, want: 0o440 },
    { name: 'perms 0777 whatever the umask', perms: 0o777, want: 0o777 },
    { name: 'perms 6777 keeps only the permission bits (no setuid/setgid)', perms: 0o6777, want: 0o777 },
    { name: 'perms 1644 drops the sticky bit', perms: 0o1644, want: 0o644 },
    { name: 'no perms, existing file: its mode', existing: 0o600, want: 0o600 },
    { name: 'perms 0000, existing file: its mode', perms: 0, existing: 0o640, want: 0o640 },
    { name: 'perms win over the existing mode', perms: 0o400, existing: 0o666, want: 0o400 },
  ];
  for (const c of modes) {
    it(c.name, () => {
      const d = fresh();
      const p = join(d, 'f');
      if (c.existing !== undefined) {
        writeFileSync(p, 'old');
        chmodSync(p, c.existing);
      }
      expect(writeAtomic(p, 'new', { perms: c.perms }).changed).toBe(true);
      expect(readFileSync(p, 'utf8')).toBe('new');
      expect(mode(p)).toBe(c.want);
      expect(temps(d)).toEqual([]);
    });
  }

  it('identical bytes are not rewritten (same inode, mode untouched) and the result says so', () => {
    const d = fresh();
    const p = join(d, 'f');
    writeAtomic(p, 'same\n', { perms: 0o600 });
    const ino = statSync(p).ino;
    const r = writeAtomic(p, Buffer.from('same\n'), { perms: 0o644 });
    expect(r).toEqual({ changed: false, warnings: [] });
    expect(statSync(p).ino).toBe(ino);
    expect(mode(p)).toBe(0o600); // Render returns before AtomicWrite, so perms are not applied either
    expect(writeAtomic(p, 'other\n').changed).toBe(true);
    expect(statSync(p).ino).not.toBe(ino);
  });

  it('a string is a Go string: an escape is written as its byte, and compared as it', () => {
    const d = fresh();
    const p = join(d, 'f');
    const bytes = Buffer.from([0xff, 0xe2, 0x82, 0xac, 0x80]);
    expect(writeAtomic(p, '\udcff€\udc80').changed).toBe(true);
    expect(readFileSync(p)).toEqual(bytes);
    expect(writeAtomic(p, '\udcff€\udc80').changed).toBe(false);
    expect(writeAtomic(p, bytes).changed).toBe(false);
  });

  it('creates missing parent directories 0755 by default; createDestDirs false is ErrNoParentDir', () => {
    const d = fresh();
    writeAtomic(join(d, 'a/b/f'), 'x');
    expect(statSync(join(d, 'a/b')).mode & 0o777).toBe(0o755);
    expect(() => writeAtomic(join(d, 'c/f'), 'x', { createDestDirs: false })).toThrow(
      new WriteError(join(d, 'c/f'), 'ENOPARENT', 'parent directory is missing'),
    );
    expect(existsSync(join(d, 'c'))).toBe(false);
  });

  it('backup keeps the previous file as .bak (and replaces an older .bak)', () => {
    const d = fresh();
    const p = join(d, 'f');
    writeAtomic(p, 'one', { backup: true }); // nothing to back up yet: a warning, as Go logs one
    expect(existsSync(`${p}.bak`)).toBe(false);
    writeAtomic(p, 'two', { backup: true });
    expect(readFileSync(`${p}.bak`, 'utf8')).toBe('one');
    writeAtomic(p, 'three', { backup: true });
    expect(readFileSync(`${p}.bak`, 'utf8')).toBe('two');
    expect(existsSync(`${p}.old.bak`)).toBe(false);
    expect(readFileSync(p, 'utf8')).toBe('three');
  });

  it('an empty destination is ErrMissingDest', () => {
    expect(() => writeAtomic('', 'x')).toThrow('cannot write : missing destination');
  });

  it('a failure names the path in words, leaves the old file and no temporary file', () => {
    const d = fresh();
    writeFileSync(join(d, 'file'), 'x');
    expect(() => writeAtomic(join(d, 'file/sub'), 'x')).toThrow(`cannot write ${join(d, 'file/sub')}: not a directory`);
    const p = join(d, 'dir');
    writeAtomic(join(p, 'inner'), 'x');
    expect(() => writeAtomic(p, 'x')).toThrow(`cannot write ${p}: is a directory`);
    expect(temps(d)).toEqual([]);
    expect(temps(p)).toEqual([]);
  });

  it('a FIFO at the destination is replaced, not read (reading it would block forever)', () => {
    const d = fresh();
    const p = join(d, 'f');
    execFileSync('mkfifo', [p]);
    expect(writeAtomic(p, 'x').changed).toBe(true);
    expect(readFileSync(p, 'utf8')).toBe('x');
  });

  it('tracks the temporary file while it exists, and reports its removal', () => {
    const d = fresh();
    const events: string[] = [];
    onTempFile((e, path) => events.push(`${e} ${path.startsWith(join(d, '.f.vtpl.tmp.')) ? 'ok' : path}`));
    writeAtomic(join(d, 'f'), 'x');
    expect(events).toEqual(['add ok', 'remove ok']);
    expect(liveTempFiles()).toEqual([]);
  });

  it('a later write removes stale temporary files of the same destination, not live ones of others', () => {
    const d = fresh();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = join(d, `.f.vtpl.tmp.${dead}.abcdef`);
    const ownStale = join(d, `.f.vtpl.tmp.${process.pid}.123456`);
    const otherLive = join(d, `.f.vtpl.tmp.${process.ppid}.fedcba`); // a running process's write in progress
    const otherDest = join(d, `.g.vtpl.tmp.${dead}.abcdef`);
    for (const f of [stale, ownStale, otherLive, otherDest]) writeFileSync(f, 'secret');
    writeAtomic(join(d, 'f'), 'x');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(ownStale)).toBe(false);
    expect(existsSync(otherLive)).toBe(true);
    expect(existsSync(otherDest)).toBe(true);
  });

  it('a destination name longer than a temporary name allows still works', () => {
    const d = fresh();
    const p = join(d, 'n'.repeat(250));
    writeAtomic(p, 'x');
    expect(readFileSync(p, 'utf8')).toBe('x');
  });

  it('writes over a hard-linked destination without changing the other link', () => {
    const d = fresh();
    const p = join(d, 'f');
    writeFileSync(p, 'old');
    linkSync(p, join(d, 'other'));
    writeAtomic(p, 'new');
    expect(readFileSync(join(d, 'other'), 'utf8')).toBe('old');
  });
});
