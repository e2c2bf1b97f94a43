// Fills (or, with --check, verifies) the expectations of every conformance case by
// running the Go oracle in conformance/oracle: expectations come only from real Go.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildOracle, oracleBin, oracleDir, root } from './oracle.js';

const corpusDir = join(root, 'conformance');

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

function main(): number {
  const checkOnly = process.argv.includes('--check');
  if (!buildOracle()) return 1;
  const files = corpusFiles(corpusDir);
  if (files.length === 0) {
    console.error(`no *.json corpus files under ${relative(process.cwd(), corpusDir) || '.'}`);
    return 1;
  }
  const args = [checkOnly ? 'check' : 'fill', ...files.map((f) => relative(root, f))];
  const r = spawnSync(oracleBin, args, { cwd: root, stdio: 'inherit' });
  if (r.error) {
    console.error(`${oracleBin}: ${r.error.message}`);
    return 1;
  }
  return r.status ?? 1;
}

process.exitCode = main();
