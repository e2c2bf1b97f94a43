// consul-template's function map is one table (src/vault/funcmap.ts): every name in it
// is defined in exactly one group of functions, so no definition silently shadows another.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/value/index.js';
import { consulTemplateFuncNames } from '../../src/vault/index.js';

const vault = new URL('../../src/vault/', import.meta.url).pathname;

/** Exported objects whose every property is a template function or a per-render maker of one. */
async function groups(dir: string): Promise<[string, string[]][]> {
  const out: [string, string[]][] = [];
  for (const file of readdirSync(vault + dir).filter((f) => f.endsWith('.ts'))) {
    const mod = (await import(`${vault}${dir}/${file}`)) as Record<string, unknown>;
    for (const [name, v] of Object.entries(mod)) {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Value) continue;
      const props = Object.values(v);
      if (props.length > 0 && props.every((p) => p instanceof Value || typeof p === 'function')) out.push([`${dir}/${file}:${name}`, Object.keys(v)]);
    }
  }
  return out;
}

describe('function map', () => {
  it('defines every name of the table once', async () => {
    const where = new Map<string, string[]>();
    for (const [dir, prefix] of [
      ['funcs', ''],
      ['spew', ''],
      ['sprig', 'sprig_'],
    ]) {
      for (const [group, keys] of await groups(dir)) {
        for (const k of keys) where.set(prefix + k, [...(where.get(prefix + k) ?? []), group]);
      }
    }
    const twice = consulTemplateFuncNames.filter((n) => (where.get(n)?.length ?? 0) > 1).map((n) => `${n}: ${where.get(n)?.join(', ')}`);
    expect(twice).toEqual([]);
  });

  it('has no name twice', () => {
    expect(new Set(consulTemplateFuncNames).size).toBe(consulTemplateFuncNames.length);
  });
});
