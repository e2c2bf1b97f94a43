import { describe } from 'vitest';
import { caseTests } from './run-cases.js';

describe('generated documents and sprig conversions (expectations from the Go oracle)', () => {
  caseTests(new URL('./cases/sweep2.json', import.meta.url).pathname);
});
