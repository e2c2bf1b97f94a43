import { describe } from 'vitest';
import { caseTests } from './run-cases.js';

describe('pkiCert (expectations from the Go oracle)', () => {
  caseTests(new URL('./cases/pki.json', import.meta.url).pathname);
});
