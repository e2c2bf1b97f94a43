// What writeAtomic asks of the system, seen through node:fs: the temporary file is created
// no more readable than 0600 and has its final mode before the first byte of the secret; a
// write that makes no progress is an error, not a silently short file.
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, openSync: vi.fn(real.openSync), writeSync: vi.fn(real.writeSync) };
});

const { writeAtomic } = await import('../../src/agent/write.js');
const openSpy = vi.mocked(fs.openSync);
const writeSpy = vi.mocked(fs.writeSync);
const realWrite = (await vi.importActual<typeof import('node:fs')>('node:fs')).writeSync as (fd: number, buf: Uint8Array, off: number, len: number) => number;
const fresh = () => mkdtempSync(join(tmpdir(), 'vtpl-write-sys-'));

afterEach(() => {
  openSpy.mockClear();
  writeSpy.mockClear();
});

describe('writeAtomic system calls', () => {
  const cases: { perms?: number; create: number; final: number }[] = [
    { create: 0o600, final: 0o644 },
    { perms: 0o777, create: 0o600, final: 0o777 },
    { perms: 0o440, create: 0o400, final: 0o440 },
    { perms: 0o400, create: 0o400, final: 0o400 },
    { perms: 0o6777, create: 0o600, final: 0o777 },
  ];
  for (const c of cases) {
    it(`perms ${c.perms?.toString(8) ?? 'unset'}: created 0${c.create.toString(8)} (O_EXCL), 0${c.final.toString(8)} before the first byte`, () => {
      const d = fresh();
      const modesAtWrite: number[] = [];
      writeSpy.mockImplementation(((fd: number, buf: Uint8Array, off: number, len: number) => {
        modesAtWrite.push(fs.fstatSync(fd).mode & 0o7777);
        return realWrite(fd, buf, off, len);
      }) as unknown as typeof fs.writeSync);
      writeAtomic(join(d, 'secret'), 'SECRET', { perms: c.perms });
      const open = openSpy.mock.calls.find(([p]) => String(p).includes('.vtpl.tmp.'));
      expect(open?.[1]).toBe(fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL);
      expect(open?.[2]).toBe(c.create);
      expect(modesAtWrite).toEqual([c.final]);
      expect(readFileSync(join(d, 'secret'), 'utf8')).toBe('SECRET');
    });
  }

  it('a write that makes no progress is an error; the old file stays, no temporary file', () => {
    const d = fresh();
    const p = join(d, 'secret');
    writeAtomic(p, 'old');
    writeSpy.mockImplementation((() => 0) as unknown as typeof fs.writeSync);
    expect(() => writeAtomic(p, 'new secret')).toThrow(`cannot write ${p}: short write (0 of 10 bytes written)`);
    expect(readFileSync(p, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['secret']);
  });

  it('partial writes are continued until every byte is written', () => {
    const d = fresh();
    const p = join(d, 'secret');
    // One byte per call, as a pipe or a nearly full disk may do.
    writeSpy.mockImplementation(((fd: number, buf: Uint8Array, off: number) => realWrite(fd, buf, off, 1)) as unknown as typeof fs.writeSync);
    writeAtomic(p, 'abcdef');
    expect(readFileSync(p, 'utf8')).toBe('abcdef');
    expect(writeSpy).toHaveBeenCalledTimes(6);
  });
});
