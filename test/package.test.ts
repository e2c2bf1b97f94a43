// What installing vtpl puts into a user's node_modules/.bin: npm links the command of every
// package at the top of node_modules, so a runtime dependency with a `bin` must be bundled
// (bundleDependencies keeps it, and its command, under node_modules/vtpl/). README
// "Installing as a dependency" says which command still arrives and why.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const json = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

describe('package.json', () => {
  const pkg = json('package.json');
  const deps = Object.keys(pkg.dependencies as Record<string, string>);

  it('bundles every runtime dependency that has a command, and only those', () => {
    const withBin = deps.filter((d) => json(join('node_modules', d, 'package.json')).bin !== undefined);
    expect([...(pkg.bundleDependencies as string[])].sort()).toEqual(withBin.sort());
  });

  it('declares one command of its own', () => {
    expect(pkg.bin).toEqual({ vtpl: 'bin/vtpl' });
  });
});
