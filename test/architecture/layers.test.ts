// The engine's layering: each layer imports only from layers below it, through the
// folder's index; the core (everything up to template.ts) imports nothing from Node, so
// it runs in a browser.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('../../src/', import.meta.url).pathname;
// Lowest first. Go's standard library is the bottom layer, except encoding/json, which
// (like Go's, over reflect) works on Values and so sits right above them. Go's parse
// package imports fmt, so fmt sits below parse.
const order = ['go', 'value', 'go/encoding/json', 'fmt', 'parse', 'exec', 'funcs', 'template.ts', 'index.ts', 'vault', 'agent', 'cli'];
const core = new Set(order.slice(0, order.indexOf('index.ts') + 1));
// A folder's public entry points: index.ts, and for src/vault the Node-only node.ts.
const entries = new Set(['index.ts', 'node.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function layerOf(path: string): string {
  const rel = relative(src, path);
  return rel.startsWith('go/encoding/json/') ? 'go/encoding/json' : rel.split('/')[0];
}

/** Whether an import from `from` to `to` crosses a folder boundary that must go through an index. */
function needsIndex(from: string, to: string): boolean {
  if (dirname(to) === dirname(src + 'x')) return false; // src/template.ts, src/index.ts are layers of their own
  const [a, b] = [layerOf(from), layerOf(to)];
  // Inside src/go every folder is its own package.
  return a !== b || (a === 'go' && dirname(from) !== dirname(to));
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
          const target = join(file, '..', spec).replace(/\.js$/, '.ts');
          const targetRank = order.indexOf(layerOf(target));
          expect(targetRank <= rank, `${layer} imports ${spec} (layer ${layerOf(target)})`).toBe(true);
          if (needsIndex(file, target)) expect(entries.has(basename(target)), `${spec} is not the folder's index`).toBe(true);
        } else if (core.has(layer)) {
          expect(spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'crypto'].includes(spec), `core imports ${spec}`).toBe(false);
        }
      }
    });
  }
});
