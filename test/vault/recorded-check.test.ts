// loadRecordedDir checks each response file as lossless-json's parse would, without running it
// where JSON.parse settles the answer (plainJSON): the same files are accepted and the same
// errors thrown as when every file was parsed by lossless-json.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { loadRecordedDir, plainJSON } from '../../src/vault/recorded-fs.js';

const losslessAccepts = (text: string): boolean => {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('plainJSON', () => {
  it.each([
    ['{"a":1,"b":"x"}', true],
    ['{"a":{"a":1},"b":[{"a":2},{"a":3}]}', true],
    ['{"k\\"ey":"va\\\\","x":"\\"","y":"\\\\"}', false], // an escaped key: lossless-json decides
    ['{"x":"\\\\\\"a","y":1}', true],
    ['[1,"a,b",{"c":"{"}]', true],
    ['{"a":1,"a":1}', false], // repeated, with the same value: lossless-json accepts it
    ['{"a":1,"a":2}', false],
    ['{"a":1', false],
    ['', false],
    [`${'['.repeat(65)}${']'.repeat(65)}`, false],
    [`${'['.repeat(64)}${']'.repeat(64)}`, true],
  ])('%s -> %s', (text, want) => {
    expect(plainJSON(text)).toBe(want);
  });

  it('says true only of text lossless-json accepts', () => {
    // JSON with keys drawn from a few names, so that objects often repeat one, and text cut short.
    const key = fc.constantFrom('a', 'b', 'c', 'a\\u0062', '"', '\\');
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constantFrom('1', '-0.5e3', 'true', 'null', '"s\\"t"'), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
      object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((kv) => `{${kv.map(([k, v]) => `"${k}":${v}`).join(', ')}}`),
    }));
    fc.assert(
      fc.property(json.value as fc.Arbitrary<string>, fc.nat(), (text, cut) => {
        for (const t of [text, text.slice(0, cut % (text.length + 1))]) {
          if (plainJSON(t)) expect(losslessAccepts(t)).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('loadRecordedDir checks every file as lossless-json would', () => {
  const load = (body: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'vtpl-check-'));
    writeFileSync(join(dir, 'a.json'), body);
    return () => loadRecordedDir(dir);
  };

  it('a key repeated with another value is an error, with the same value it is not', () => {
    expect(load('{"data":{"v":1,\n"v":2}}')).toThrow(/a\.json:2:2: Duplicate key 'v' encountered$/);
    expect(load('{"data":{"v":1,"v":1}}')().responses.get('a')).toBe('{"data":{"v":1,"v":1}}');
    expect(load('{"data":{"v":1,"\\u0076":2}}')).toThrow(/Duplicate key 'v'/);
  });

  it('a syntax error is placed at its line and column', () => {
    expect(load('{"data":\n {"v":1,}}')).toThrow(/a\.json:2:9: Quoted object key expected but got '}'$/);
  });
});
