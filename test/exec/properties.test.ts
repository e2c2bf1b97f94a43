// Properties: text without actions renders to itself, and no template text,
// however malformed, makes parse or execute throw anything but TemplateError.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Template, TemplateError, render } from '../../src/index.js';

const pieces = [
  '{{',
  '}}',
  '{{-',
  '-}}',
  ' ',
  '.',
  '.X',
  '.x.y',
  '$',
  '$x',
  ':=',
  '=',
  '|',
  '(',
  ')',
  '"s"',
  '`r`',
  "'c'",
  '1',
  '-2',
  '3.5',
  '0x1F',
  '1i',
  'nil',
  'true',
  'if',
  'else',
  'end',
  'range',
  'with',
  'define',
  'block',
  'template',
  'break',
  'continue',
  '"t"',
  'and',
  'or',
  'not',
  'len',
  'index',
  'slice',
  'print',
  'printf',
  'println',
  'html',
  'js',
  'urlquery',
  'eq',
  'ne',
  'lt',
  'call',
  '/*',
  '*/',
  'text',
  '\n',
  ',',
];

const data = { X: 1, x: { y: [1, 'two', null, { z: true }] }, s: 'str', m: { a: 1, b: 2 }, n: null, l: [3, 2, 1] };

function onlyTemplateErrors(text: string): void {
  try {
    new Template('p').parse(text).execute(data);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
  }
}

describe('properties', () => {
  test('text without actions renders to itself', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((s) => !s.includes('{{')),
        (text) => {
          expect(render(text, null)).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('random token soups throw only TemplateError', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        onlyTemplateErrors(parts.join(''));
      }),
      { numRuns: 2000 },
    );
  });

  test('well-formed actions over random pipelines throw only TemplateError', () => {
    const word = fc.constantFrom(...pieces.filter((p) => !p.startsWith('{{') && !p.endsWith('}}')));
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 8 }), { maxLength: 6 }), (actions) => {
        onlyTemplateErrors(actions.map((a) => `{{${a.join(' ')}}}`).join('x'));
      }),
      { numRuns: 2000 },
    );
  });

  test('arbitrary strings throw only TemplateError', () => {
    fc.assert(
      fc.property(fc.string(), (text) => onlyTemplateErrors(text)),
      { numRuns: 500 },
    );
  });
});
