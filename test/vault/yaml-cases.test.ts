import { describe } from 'vitest';
import { caseTests } from './run-cases.js';

describe('toYAML, toTOML, parseYAML stress (expectations from the Go oracle)', () => {
  caseTests(new URL('./cases/yaml.json', import.meta.url).pathname);
});
