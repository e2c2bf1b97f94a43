// The engine's layering: each layer imports only from layers below it, and the
// core (go, parse, value, fmt, exec, funcs, template) imports nothing from Node, so
// it runs in a browser.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('../../src/', import.meta.url).pathname;
const order = ['go', 'parse', 'value', 'fmt', 'exec', 'funcs', 'template.ts', 'index.ts', 'vault', 'agent', 'cli'];
const core = new Set(['go', 'parse', 'value', 'fmt', 'exec', 'funcs', 'template.ts', 'index.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function layerOf(path: string): string {
  return relative(src, path).split('/')[0];
}

const importRe = /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

describe('layers', () => {
  for (const file of files(src)) {
    const layer = layerOf(file);
    const rank = order.indexOf(layer);
    it(relative(src, file), () => {
      expect(rank, `unknown layer ${layer}`).toBeGreaterThanOrEqual(0);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(importRe)) {
        const spec = m[1] ?? m[2];
        if (spec.startsWith('.')) {
          const target = layerOf(join(file, '..', spec));
          const targetRank = order.indexOf(target);
          expect(targetRank <= rank, `${layer} imports ${spec} (layer ${target})`).toBe(true);
        } else if (core.has(layer)) {
          expect(spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'crypto'].includes(spec), `core imports ${spec}`).toBe(false);
        }
      }
    });
  }
});
