// toYAML of strings holding escapes (invalid bytes): yaml.v2 writes them as !!binary. The
// template-level cases, recorded by the oracle, are in docs/design/go-bytes/cases.json
// (test/vault/go-bytes-cases.test.ts); these check what only JS input can hold.

import { describe, expect, it } from 'vitest';
import { marshalYAMLv2 } from '../../src/vault/yaml/encode.js';
import { stringValue } from '../../src/value/index.js';

describe('toYAML and escapes', () => {
  it('writes an escape as !!binary of its byte', () => {
    // base64Decode "/w==" | toYAML is "!!binary /w==" in Go (cases.json; toYAML trims the newline).
    expect(marshalYAMLv2(stringValue('\uDCFF'))).toBe('!!binary /w==\n');
  });
  it('writes a lone surrogate that is not an escape as text: it stands for U+FFFD, valid UTF-8', () => {
    expect(marshalYAMLv2(stringValue('a\uD800'))).not.toContain('!!binary');
    expect(marshalYAMLv2(stringValue('\uD800\uDC80'))).not.toContain('!!binary'); // the pair U+10080
  });
});
