import { describe } from 'vitest';
import { caseTests } from './run-cases.js';

describe('consul-template helper functions (expectations from the Go oracle)', () => {
  caseTests(new URL('./cases/helpers.json', import.meta.url).pathname);
});
