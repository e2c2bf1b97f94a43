// Go joins strings as bytes: escapes (U+DC80..U+DCFF, bytes that are not UTF-8) that meet
// may be valid UTF-8 together, and the joined string must then hold that text, as
// goString of the joined bytes would (docs/design/go-bytes.md 4.G). E2 | 82 AC is "€".
// The byte sources do not make escapes yet, so the pieces come from goString, through a
// function of the template (which also sets escapesMade, as the first decoded byte will).

import { describe, expect, it } from 'vitest';
import { Template, goString } from '../../src/index.js';
import { sprint, sprintf } from '../../src/fmt/index.js';
import { stringValue } from '../../src/value/index.js';

/** The Go string of hex bytes ("e282" is E2 82). */
const b = (hex: string): string => goString(Buffer.from(hex, 'hex'));

const run = (text: string): string =>
  new Template('t')
    .funcs({ b: (h) => b(String(h.str())) })
    .parse(text)
    .execute(null);

describe('the builtins join as bytes', () => {
  it('the pieces are escapes', () => {
    expect(b('e2')).toBe('\udce2');
    expect(b('82ac')).toBe('\udc82\udcac');
    expect(b('e282ac')).toBe('€');
  });

  it.each([
    ['print', '{{ eq (print (b "e2") (b "82ac")) "€" }}'],
    ['print of three', '{{ eq (print (b "f0") (b "9f98") (b "80")) "😀" }}'],
    ['printf with a literal format', '{{ eq (printf "%s%s" (b "e2") (b "82ac")) "€" }}'],
    ['printf with a width (the compiled %v path)', '{{ eq (printf "%v%1s" (b "e2") (b "82ac")) "€" }}'],
    ['printf with a format built at run time', '{{ $f := print (b "e2") "%s" }}{{ eq (printf $f (b "82ac")) "€" }}'],
    ['printf with an extra operand (sprintfParsed)', '{{ eq (printf "%s%s" (b "e2") (b "82ac") 1) "€%!(EXTRA int=1)" }}'],
    ['html', '{{ eq (html (b "e2") (b "82ac")) "€" }}'],
    ['js', '{{ eq (js (b "e2") (b "82ac")) "€" }}'],
  ])('%s', (_, text) => {
    expect(run(text)).toBe('true');
  });

  it('fmt directly: Sprint and Sprintf', () => {
    expect(sprint([stringValue(b('e2')), stringValue(b('82ac'))])).toBe('€');
    expect(sprintf('%s%s', [stringValue(b('e2')), stringValue(b('82ac'))])).toBe('€');
    expect(sprintf(`${b('e2')}%s`, [stringValue(b('82ac'))])).toBe('€');
    // Escapes that stay invalid stay escapes; those apart (a space) do not join.
    expect(sprint([stringValue(b('e2')), stringValue(b('ff'))])).toBe('\udce2\udcff');
    expect(sprintf('%s %s', [stringValue(b('e2')), stringValue(b('82ac'))])).toBe('\udce2 \udc82\udcac');
  });
});
