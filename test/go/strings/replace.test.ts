// strings.NewReplacer, compared with Go's outputs (fixtures/replacer.json, written by
// fixtures/replacer-gen: `cd test/go/fixtures/replacer-gen && go run . > ../replacer.json`).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Replacer } from '../../../src/go/strings/index.js';

interface Row {
  oldnew: string[];
  in: string;
  out: string;
}

const rows = JSON.parse(readFileSync(new URL('../fixtures/replacer.json', import.meta.url), 'utf8')) as Row[];

describe('strings.NewReplacer matches Go', () => {
  it.each(rows.map((r, i) => [i, r] as const))('%i', (_, r) => {
    expect(new Replacer(r.oldnew).replace(r.in)).toBe(r.out);
  });

  it('panics on an odd argument count, as Go does', () => {
    expect(() => new Replacer(['a'])).toThrow('strings.NewReplacer: odd argument count');
  });
});

describe('a linear pass', () => {
  it('10,000 olds over a 1 MB text', () => {
    const olds = Array.from({ length: 10_000 }, (_, i) => `secret-${i.toString(36)}-value`);
    const text = olds.join(' ').repeat(Math.ceil(2 ** 20 / (olds.join(' ').length + 1)));
    const out = new Replacer(olds.flatMap((o) => [o, '[redacted]'])).replace(text);
    expect(out).toBe(
      Array(olds.length)
        .fill('[redacted]')
        .join(' ')
        .repeat(text.length / olds.join(' ').length),
    );
  });

  it('olds that are long partial matches of the text everywhere', () => {
    // A trie walk at every position would read 100,000 characters at each of 1,000,000.
    const old = `${'a'.repeat(100_000)}b`;
    const text = 'a'.repeat(2 ** 20);
    expect(new Replacer([old, 'x', 'aa', 'y']).replace(text)).toBe('y'.repeat(2 ** 19));
  });
});
