import { describe } from 'vitest';
import { caseTests } from './run-cases.js';

describe('generated sweep over helper inputs (expectations from the Go oracle)', () => {
  caseTests(new URL('./cases/sweep.json', import.meta.url).pathname);
});
