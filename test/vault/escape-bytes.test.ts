// Vault request paths and queries are %-escaped from a Go string's bytes: an escape
// (U+DC80..U+DCFF, a byte that is not UTF-8) is that byte, as Go's url escaping sees it.

import { describe, expect, it } from 'vitest';
import { queryEscape } from '../../src/vault/dependency/vault_api.js';
import { escapePath } from '../../src/vault/live.js';

describe('escaping a Go string for a request', () => {
  it('escapePath writes an escape as its byte', () => {
    expect(escapePath('secret/a\udcff€ b')).toBe('secret/a%FF%E2%82%AC%20b');
  });

  it('queryEscape writes an escape as its byte', () => {
    expect(queryEscape('a\udc80€ b')).toBe('a%80%E2%82%AC+b');
  });
});
