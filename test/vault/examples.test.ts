import { describe } from 'vitest';
import { caseTests } from './run-cases.js';

describe('shared conformance examples (consul-template mode)', () => {
  caseTests('/work/shared/conformance/examples.json');
});
