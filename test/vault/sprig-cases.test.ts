import { describe } from 'vitest';
import { caseTests } from './run-cases.js';

describe('sprig_* functions (expectations from the Go oracle)', () => {
  caseTests(new URL('./cases/sprig.json', import.meta.url).pathname);
});
