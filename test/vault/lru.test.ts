// LRUMap (template-cache.ts's bounded maps): what lru-cache's LRUCache did for them, a bound
// in entries and in total size, the least recently used (set or got) dropped first.

import { describe, expect, it } from 'vitest';
import { LRUMap } from '../../src/vault/lru.js';

describe('LRUMap', () => {
  it('keeps at most max entries, dropping the least recently used; get and set make an entry the most recent', () => {
    const m = new LRUMap<string, number>(3);
    m.set('a', 1);
    m.set('b', 2);
    m.set('c', 3);
    expect(m.get('a')).toBe(1);
    m.set('d', 4);
    expect([...m.keys()]).toEqual(['c', 'a', 'd']);
    expect(m.get('b')).toBeUndefined();
    m.set('c', 30);
    expect([...m.keys()]).toEqual(['a', 'd', 'c']);
    expect(m.get('c')).toBe(30);
  });

  it('keeps the total size within maxSize, dropping the least recently used until the new entry fits', () => {
    const m = new LRUMap<string, string>(100, 10, (v) => v.length);
    m.set('a', 'xxxx');
    m.set('b', 'xxxx');
    m.set('c', 'xx');
    expect([...m.keys()]).toEqual(['a', 'b', 'c']);
    m.set('d', 'xxxxx');
    expect([...m.keys()]).toEqual(['c', 'd']);
    // A replaced entry's old size no longer counts.
    m.set('d', 'x');
    m.set('e', 'xxxxxxx');
    expect([...m.keys()]).toEqual(['c', 'd', 'e']);
  });

  it('does not keep an entry larger than maxSize, and drops the one it would have replaced', () => {
    const m = new LRUMap<string, string>(100, 4, (v) => v.length);
    m.set('a', 'xx');
    m.set('b', 'xx');
    m.set('a', 'xxxxx');
    expect(m.get('a')).toBeUndefined();
    expect([...m.keys()]).toEqual(['b']);
  });

  it('delete removes an entry and its size', () => {
    const m = new LRUMap<string, string>(100, 4, (v) => v.length);
    m.set('a', 'xxxx');
    m.delete('a');
    m.set('b', 'xxxx');
    expect([...m.keys()]).toEqual(['b']);
  });
});
