// writeAtomic with contents produced in chunks (a template executing into the file):
// the same guarantees as with whole contents, including renderer.go's "identical bytes
// are not rewritten", and a producer's error leaves everything as it was.
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Producer, writeAtomic } from '../../src/agent/write.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'vtpl-write-producer-'));
const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes('.vtpl.tmp'));
const chunks =
  (...parts: (string | Uint8Array)[]): Producer =>
  (write) => {
    for (const p of parts) write(p);
  };

describe('writeAtomic with a producer', () => {
  it('writes the chunks in order, strings as UTF-8', () => {
    const d = fresh();
    const p = join(d, 'f');
    expect(writeAtomic(p, chunks('héllo ', Buffer.from('wörld'), ''), { perms: 0o640 }).changed).toBe(true);
    expect(readFileSync(p, 'utf8')).toBe('héllo wörld');
    expect(statSync(p).mode & 0o777).toBe(0o640);
    expect(temps(d)).toEqual([]);
  });

  const existing: { name: string; parts: string[]; changed: boolean }[] = [
    { name: 'the same bytes in other chunks: not rewritten', parts: ['ab', 'c', 'def'], changed: false },
    { name: 'a prefix of the existing file: rewritten', parts: ['abc'], changed: true },
    { name: 'longer than the existing file: rewritten', parts: ['abcdef', 'g'], changed: true },
    { name: 'same length, one byte differs: rewritten', parts: ['abcdeX'], changed: true },
    { name: 'nothing at all: rewritten (empty file)', parts: [], changed: true },
  ];
  for (const c of existing) {
    it(c.name, () => {
      const d = fresh();
      const p = join(d, 'f');
      writeFileSync(p, 'abcdef');
      const before = statSync(p);
      expect(writeAtomic(p, chunks(...c.parts)).changed).toBe(c.changed);
      expect(readFileSync(p, 'utf8')).toBe(c.changed ? c.parts.join('') : 'abcdef');
      if (!c.changed) expect(statSync(p).ino).toBe(before.ino);
      expect(temps(d)).toEqual([]);
    });
  }

  it("rethrows the producer's error unchanged and leaves the destination and no temporary file", () => {
    const d = fresh();
    const p = join(d, 'f');
    writeFileSync(p, 'previous');
    const failure = new Error('template failed');
    const producer: Producer = (write) => {
      write('partial output');
      throw failure;
    };
    expect(() => writeAtomic(p, producer)).toThrow(failure);
    expect(readFileSync(p, 'utf8')).toBe('previous');
    expect(temps(d)).toEqual([]);
  });
});
