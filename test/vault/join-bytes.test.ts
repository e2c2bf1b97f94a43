// consul-template's and sprig's functions join strings as Go joins bytes: escapes
// (U+DC80..U+DCFF) that meet may be valid UTF-8 together (E2 | 82 AC is "€"), and the result
// then holds that text (docs/design/go-bytes.md 4.G). The byte sources do not make escapes
// yet: the pieces come from goString (which sets escapesMade, as the first decoded byte will).

import { describe, expect, it } from 'vitest';
import { Template, goString } from '../../src/index.js';
import { consulTemplateFuncs, recordedClient, renderConsulTemplate } from '../../src/vault/index.js';
import * as gs from '../../src/go/strings/index.js';
import { Replacer } from '../../src/go/strings/index.js';

/** The Go string of hex bytes ("e282" is E2 82). */
const b = (hex: string): string => goString(Buffer.from(hex, 'hex'));

const run = (text: string): string =>
  new Template('t')
    .funcs({ ...consulTemplateFuncs(), b: (h) => b(String(h.str())) })
    .parse(text)
    .execute(null);

describe('go/strings joins as bytes', () => {
  it('ReplaceAll, Replace, Repeat and a Replacer', () => {
    const s = `${b('e2')}x${b('82ac')}`;
    expect(gs.replaceAll(s, 'x', '')).toBe('€');
    expect(gs.replaceAll(b('e2ac'), '', b('82'))).toBe(`${b('82')}€${b('82')}`);
    expect(gs.replace(s, 'x', '', 1)).toBe('€');
    expect(gs.repeat(b('ace282'), 2)).toBe(`${b('ac')}€${b('e282')}`);
    expect(new Replacer(['x', '']).replace(s)).toBe('€');
  });

  it('escapes that stay invalid stay escapes', () => {
    expect(gs.replaceAll(`${b('e2')}x${b('ff')}`, 'x', '')).toBe('\udce2\udcff');
  });
});

describe('consul-template and sprig functions join as bytes', () => {
  it.each([
    ['join', '{{ eq (split "," (print (b "e2") "," (b "82ac")) | join "") "€" }}'],
    ['join with an escape as the separator', '{{ eq (split "," (print (b "e2") "," (b "ac")) | join (b "82")) "€" }}'],
    ['replaceAll', '{{ eq (print (b "e2") "x" (b "82ac") | replaceAll "x" "") "€" }}'],
    ['regexReplaceAll', '{{ eq (print (b "e2") "x" (b "82ac") | regexReplaceAll "x" "") "€" }}'],
    ['regexReplaceAll with groups', '{{ eq (print (b "e2") "," (b "82ac") | regexReplaceAll "(.),(..)" "$1$2") "€" }}'],
    ['sprig_join', '{{ eq (sprig_list (b "e2") (b "82ac") | sprig_join "") "€" }}'],
    ['sprig_replace', '{{ eq (print (b "e2") "x" (b "82ac") | sprig_replace "x" "") "€" }}'],
    ['sprig_repeat', `{{ eq (sprig_repeat 2 (b "ace282")) "${b('ac')}€${b('e282')}" }}`],
    ['sprig_regexReplaceAll', '{{ eq (sprig_regexReplaceAll "x" (print (b "e2") "x" (b "82ac")) "") "€" }}'],
    ['sprig_regexReplaceAllLiteral', '{{ eq (sprig_regexReplaceAllLiteral "x" (print (b "e2") "x" (b "82ac")) "") "€" }}'],
  ])('%s', (_, text) => {
    expect(run(text)).toBe('true');
  });

  it('executeTemplate: the output of a template is a Go string', async () => {
    b('ff'); // escapesMade, whichever test runs first
    const template = '{{ define "x" }}{{ env "A" }}{{ env "B" }}{{ end }}{{ eq (executeTemplate "x") "€" }}';
    const res = await renderConsulTemplate({ template, client: recordedClient({}), env: { A: '\udce2', B: '\udc82\udcac' } });
    expect(res.output).toBe('true');
  });
});
