// Fills (or, with --check, verifies) the expectations of every conformance case by
// running the Go oracle in conformance/oracle: expectations come only from real Go.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file runs as dist/scripts/regen.js, two levels below the package root.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpusDir = join(root, 'conformance');
const oracleDir = join(corpusDir, 'oracle');
const oracleBin = join(oracleDir, 'vtpl-oracle');

function corpusFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== oracleDir) files.push(...corpusFiles(path));
    } else if (entry.isFile() && entry.name.endsWith('.json')) {
      files.push(path);
    }
  }
  return files.sort();
}

function run(command: string, args: string[], cwd: string): number {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && command === 'go') {
      console.error(
        'conformance:regen needs Go (https://go.dev/dl/) on PATH: the expectations are produced by the Go oracle in conformance/oracle.',
      );
    } else {
      console.error(`${command}: ${result.error.message}`);
    }
    return 1;
  }
  return result.status ?? 1;
}

function main(): number {
  const checkOnly = process.argv.includes('--check');
  if (run('go', ['build', '-o', 'vtpl-oracle', '.'], oracleDir) !== 0) return 1;
  const files = corpusFiles(corpusDir);
  if (files.length === 0) {
    console.error(`no *.json corpus files under ${relative(process.cwd(), corpusDir) || '.'}`);
    return 1;
  }
  return run(oracleBin, [checkOnly ? 'check' : 'fill', ...files.map((f) => relative(root, f))], root);
}

process.exitCode = main();
