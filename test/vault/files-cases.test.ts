import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { caseTests } from './run-cases.js';

// The oracle produced cases/files.json reading a fixture under these two directories; the
// test rebuilds that fixture in a fresh temporary folder and maps the paths onto it.
// Both keep their names, since one case reaches the other through "..".
const recorded = '/tmp/vtpl-vault-test-';
const root = mkdtempSync(join(tmpdir(), 'vtpl-files-cases-'));
const files = join(root, 'vtpl-vault-test-files');
const outside = join(root, 'vtpl-vault-test-outside');

beforeAll(() => {
  mkdirSync(join(files, 'sub'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(files, 'a.txt'), 'hello\nworld\n');
  writeFileSync(join(files, 'sub/b.txt'), 'B');
  writeFileSync(join(outside, 'c.txt'), 'C');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('file and sandbox_path (expectations from the Go oracle)', () => {
  caseTests(new URL('./cases/files.json', import.meta.url).pathname, (s) => s.replaceAll(recorded, `${root}/vtpl-vault-test-`));
});
