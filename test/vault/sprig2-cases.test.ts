import { describe } from 'vitest';
import { caseTests } from './run-cases.js';

describe('more sprig functions (expectations from the Go oracle)', () => {
  caseTests(new URL('./cases/sprig2.json', import.meta.url).pathname);
});
