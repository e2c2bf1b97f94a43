// writeAtomic with contents produced in chunks (a template executing into the file):
// the same guarantees as with whole contents, including renderer.go's "identical bytes
// are not rewritten", and a producer's error leaves everything as it was.
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Producer, writeAtomic } from '../../src/agent/write.js';
import { Template } from '../../src/index.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'vtpl-write-producer-'));
const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes('.vtpl.tmp'));
const chunks =
  (...parts: string[]): Producer =>
  (file) => {
    for (const p of parts) file.write(p);
  };

describe('writeAtomic with a producer', () => {
  it('writes the chunks in order, as UTF-8', () => {
    const d = fresh();
    const p = join(d, 'f');
    expect(writeAtomic(p, chunks('héllo ', 'wörld', ''), { perms: 0o640 }).changed).toBe(true);
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
    const producer: Producer = (file) => {
      file.write('partial output');
      throw failure;
    };
    expect(() => writeAtomic(p, producer)).toThrow(failure);
    expect(readFileSync(p, 'utf8')).toBe('previous');
    expect(temps(d)).toEqual([]);
  });
  // A template executes straight into the file's buffer (64 KB), which is written out each
  // time it fills: the comparison with the existing file must hold across those writes.
  it('a template executing into the file: over many buffers, identical bytes are not rewritten', () => {
    const t = new Template('t').parse('{{range .}}{{.}}\n{{end}}');
    const lines = Array.from({ length: 20000 }, (_, i) => `línea ${i} €😀`);
    const text = t.execute(lines);
    const d = fresh();
    const p = join(d, 'f');
    expect(writeAtomic(p, (file) => t.executeTo(file, lines)).changed).toBe(true);
    expect(readFileSync(p, 'utf8')).toBe(text);
    expect(Buffer.byteLength(text)).toBeGreaterThan(5 << 16);
    const before = statSync(p);
    expect(writeAtomic(p, (file) => t.executeTo(file, lines)).changed).toBe(false);
    expect(statSync(p).ino).toBe(before.ino);
    const changed = [...lines.slice(0, -1), 'línea 19999 €😁'];
    expect(writeAtomic(p, (file) => t.executeTo(file, changed)).changed).toBe(true);
    expect(readFileSync(p, 'utf8')).toBe(t.execute(changed));
    expect(temps(d)).toEqual([]);
  });
});
