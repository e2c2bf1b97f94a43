import { describe } from 'vitest';
import { caseTests } from './run-cases.js';

describe('Vault secrets, KV v2, lists, writes, errors (expectations from the Go oracle)', () => {
  caseTests(new URL('./cases/vault.json', import.meta.url).pathname);
});
