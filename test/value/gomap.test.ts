// GoMap keeps its sorted entries until it changes; fmt, range and encoding/json share them.
// The JSON texts are what Go 1.26's json.Marshal prints for the same maps (checked with go run).

import { describe, expect, it } from 'vitest';
import { sortedEntries, sprintf } from '../../src/fmt/index.js';
import { marshalJSON } from '../../src/go/encoding/json/index.js';
import { GoMap, Value, box, intValue, mapOf, stringType, interfaceType, stringValue } from '../../src/value/index.js';

const keys = (m: GoMap): string[] => sortedEntries(m).map((e) => e.key.str());

function mapOfKeys(...ks: string[]): GoMap {
  const m = new GoMap();
  for (const k of ks) m.set(stringValue(k), box(intValue(k.length)));
  return m;
}

describe('sorted map entries', () => {
  it('are computed once and shared by fmt and encoding/json while the map is unchanged', () => {
    const m = mapOfKeys('b', 'c', 'a');
    const first = sortedEntries(m);
    expect(sortedEntries(m)).toBe(first);
    expect(marshalJSON(new Value(mapOf(stringType, interfaceType), m), { escapeHTML: true })).toBe('{"a":1,"b":1,"c":1}');
    expect(sortedEntries(m)).toBe(first);
  });

  it('follow set and delete', () => {
    const m = mapOfKeys('b', 'c');
    const before = sortedEntries(m);
    m.set(stringValue('a'), box(intValue(7)));
    expect(keys(m)).toEqual(['a', 'b', 'c']);
    expect(sortedEntries(m)[0].value.elem().int()).toBe(7n);
    m.delete(stringValue('b'));
    expect(keys(m)).toEqual(['a', 'c']);
    m.delete(stringValue('nothing'));
    expect(keys(m)).toEqual(['a', 'c']);
    expect(before.map((e) => e.key.str())).toEqual(['b', 'c']); // a range that began before the change keeps its snapshot
  });

  it('order strings by code point (UTF-8), not UTF-16, with or without surrogates', () => {
    expect(keys(mapOfKeys('\uFF5E', '\u{1F600}', 'z'))).toEqual(['z', '\uFF5E', '\u{1F600}']);
    expect(keys(mapOfKeys('\uFF5E', 'z', 'a'))).toEqual(['a', 'z', '\uFF5E']);
  });

  it('order integer keys numerically for fmt and by decimal text for encoding/json', () => {
    const m = new GoMap();
    for (const n of [10, 9, -1]) m.set(intValue(n), box(intValue(n)));
    expect(sortedEntries(m).map((e) => e.key.int())).toEqual([-1n, 9n, 10n]);
    expect(marshalJSON(new Value(mapOf(intValue(0).type, interfaceType), m), { escapeHTML: true })).toBe('{"-1":-1,"10":10,"9":9}');
    expect(sortedEntries(m).map((e) => e.key.int())).toEqual([-1n, 9n, 10n]);
  });
});

describe('derived values', () => {
  it('are computed once per key until set or delete changes the map', () => {
    const m = mapOfKeys('b', 'a');
    let made = 0;
    const keyList = (g: GoMap): string => {
      made++;
      return keys(g).join(',');
    };
    expect([m.derive(keyList, keyList), m.derive(keyList, keyList), made]).toEqual(['a,b', 'a,b', 1]);
    m.set(stringValue('c'), box(intValue(1)));
    expect([m.derive(keyList, keyList), made]).toEqual(['a,b,c', 2]);
    m.delete(stringValue('a'));
    expect([m.derive(keyList, keyList), made]).toEqual(['b,c', 3]);
    m.delete(stringValue('absent'));
    expect([m.derive(keyList, keyList), made]).toEqual(['b,c', 3]);
  });
});

describe('fmt %v of a map it keeps the text of', () => {
  const mapType = mapOf(stringType, interfaceType);
  const print = (m: GoMap, format = '%v'): string => sprintf(format, [new Value(mapType, m)]);
  // What the same entries print as in a map printed for the first time.
  const fresh = (m: GoMap, format = '%v'): string => {
    const copy = new GoMap();
    for (const e of m.entries.values()) copy.set(e.key, e.value);
    return print(copy, format);
  };

  it('follows set and delete of the map', () => {
    const m = mapOfKeys('b', 'a');
    const before = print(m);
    expect(print(m)).toBe(before);
    m.set(stringValue('c'), box(stringValue('x y')));
    expect(print(m)).toBe(fresh(m));
    expect(print(m)).not.toBe(before);
    m.delete(stringValue('a'));
    expect(print(m)).toBe(fresh(m));
  });

  it('is not used for flags, widths or other verbs', () => {
    const m = mapOfKeys('bb', 'a');
    print(m);
    for (const format of ['%5v', '%-v', '%+v', '%#v', '%s', '%q', '%.1v']) expect(print(m, format)).toBe(fresh(m, format));
  });

  it('is not kept for a map holding a map, whose changes it would miss', () => {
    const inner = mapOfKeys('x', 'y');
    const m = mapOfKeys('a', 'b');
    m.set(stringValue('inner'), box(new Value(mapType, inner)));
    print(m);
    inner.set(stringValue('z'), box(stringValue('new')));
    expect(print(m)).toBe(fresh(m));
    expect(print(m)).toContain('z:new');
  });
});

describe('getString', () => {
  // Keys an object index could get wrong: inherited names, __proto__'s accessor, array indexes, "".
  const odd = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '1', '0', '', 'a'];
  const asked = [...odd, 'missing', '2'];
  const same = (m: GoMap): void => {
    for (const k of asked) expect([k, m.getString(k)]).toEqual([k, m.get(stringValue(k))]);
  };

  it('answers as get does before and after it has read enough to index the map', () => {
    const m = mapOfKeys(...odd.slice(0, 5));
    // Enough rounds to pass the lookups after which the map indexes its values.
    for (let round = 0; round < 20; round++) same(m);
    expect(m.getString('toString')?.elem().int()).toBe(8n);
    expect(m.getString('1')).toBeUndefined();
  });

  it('follows set and delete after the map was indexed', () => {
    const m = mapOfKeys('a', 'b');
    for (let round = 0; round < 20; round++) same(m);
    m.set(stringValue('__proto__'), box(intValue(1)));
    m.set(stringValue('a'), box(intValue(2)));
    same(m);
    expect(m.getString('a')?.elem().int()).toBe(2n);
    m.delete(stringValue('b'));
    for (let round = 0; round < 20; round++) same(m);
    expect(m.getString('b')).toBeUndefined();
    expect(m.getString('__proto__')?.elem().int()).toBe(1n);
  });

  it('answers undefined on an empty map', () => {
    const m = new GoMap();
    for (let round = 0; round < 5; round++) same(m);
  });
});
