// regexp.Compile of patterns that are not valid UTF-8 (an escape holds each invalid byte):
// Go reports ErrInvalidUTF8 where its parser reads the byte, unless a syntax error comes
// first. The table is the output of a Go 1.26 program printing
// fmt.Sprintf("%q", pattern) and fmt.Sprintf("%q", err.Error()) for each pattern.

import { describe, expect, it } from 'vitest';
import { compile } from '../../src/vault/funcs/regex.js';
import { goQuoted } from '../go-bytes.js';

const goCompileErrors: [string, string][] = [
  ['"a\\xff"', '"error parsing regexp: invalid UTF-8: `\\xff`"'],
  ['"(a\\xffb"', '"error parsing regexp: invalid UTF-8: `\\xffb`"'],
  ['"a|*\\xff"', '"error parsing regexp: missing argument to repetition operator: `*`"'],
  ['"(?P<n\\xffm>x)"', '"error parsing regexp: invalid UTF-8: `\\xffm`"'],
  ['"(?P<n\\xffm"', '"error parsing regexp: invalid UTF-8: `\\xffm`"'],
  ['"(?<n\\xffm>x)"', '"error parsing regexp: invalid UTF-8: `\\xffm`"'],
  ['"\\\\p{Gr\\xffk}x"', '"error parsing regexp: invalid UTF-8: `\\xffk`"'],
  ['"\\\\P{Gr\\xffk"', '"error parsing regexp: invalid UTF-8: `\\xffk`"'],
  ['"[a-\\xff]"', '"error parsing regexp: invalid UTF-8: `\\xff]`"'],
  ['"a**\\xff"', '"error parsing regexp: invalid nested repetition operator: `**`"'],
  ['"\\\\x\\xff"', '"error parsing regexp: invalid UTF-8: `\\xff`"'],
  ['"(?\\xff)"', '"error parsing regexp: invalid UTF-8: `\\xff)`"'],
  ['"\\\\p\\xffx"', '"error parsing regexp: invalid UTF-8: `\\xffx`"'],
  ['"[(?P<\\xff>]"', '"error parsing regexp: invalid UTF-8: `\\xff>]`"'],
  ['"a{2,1}\\xff"', '"error parsing regexp: invalid repeat count: `{2,1}`"'],
  ['"x\\xff("', '"error parsing regexp: invalid UTF-8: `\\xff(`"'],
  ['"\\\\\\xffz"', '"error parsing regexp: invalid UTF-8: `\\xffz`"'],
  ['"(?i)\\xff"', '"error parsing regexp: invalid UTF-8: `\\xff`"'],
  ['"(?P<>\\xff)"', '"error parsing regexp: invalid named capture: `(?P<>`"'],
  ['"�\\xfe"', '"error parsing regexp: invalid UTF-8: `\\xfe`"'],
];

describe('compile of a pattern holding invalid bytes', () => {
  it.each(goCompileErrors)('regexp.Compile(%s): %s', (pattern, err) => {
    let message: string | undefined;
    try {
      compile(goQuoted(pattern));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(goQuoted(err));
  });
});
