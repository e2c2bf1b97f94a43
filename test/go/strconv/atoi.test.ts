import { describe, expect, it } from 'vitest';
import { underscoreOK } from '../../../src/go/strconv/index.js';

describe('underscoreOK', () => {
  it.each([
    ['1_000', true],
    ['0x_1f', true],
    ['-0b1_0', true],
    ['0_7', true],
    ['_1', false],
    ['1_', false],
    ['1__0', false],
    ['1_.5', false],
    ['0x1_F', true],
    ['1_e5', false],
  ])('%s -> %s', (s, ok) => {
    expect(underscoreOK(s)).toBe(ok);
  });
});
