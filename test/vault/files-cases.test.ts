import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { beforeAll, describe } from 'vitest';
import { caseTests } from './run-cases.js';

// The fixture the oracle read when it produced cases/files.json.
beforeAll(() => {
  for (const d of ['/tmp/vtpl-vault-test-files', '/tmp/vtpl-vault-test-outside']) rmSync(d, { recursive: true, force: true });
  mkdirSync('/tmp/vtpl-vault-test-files/sub', { recursive: true });
  mkdirSync('/tmp/vtpl-vault-test-outside', { recursive: true });
  writeFileSync('/tmp/vtpl-vault-test-files/a.txt', 'hello\nworld\n');
  writeFileSync('/tmp/vtpl-vault-test-files/sub/b.txt', 'B');
  writeFileSync('/tmp/vtpl-vault-test-outside/c.txt', 'C');
});

describe('file and sandbox_path (expectations from the Go oracle)', () => {
  caseTests(new URL('./cases/files.json', import.meta.url).pathname);
});
