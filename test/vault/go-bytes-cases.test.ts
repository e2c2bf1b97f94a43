// docs/design/go-bytes/cases.json (recorded by the Go oracle) run with the bytes already
// held as escapes. The engine makes no escapes yet (bytesToString still writes U+FFFD until
// step 5 of docs/design/go-bytes.md), so each byte source of a case, a base64Decode or
// sprig_b64dec of a literal or a string literal that is not valid UTF-8, is replaced by an
// env lookup whose value is goString of those bytes: the functions under test then see the
// strings step 5 will give them. Cases expecting an error are left out (their text quotes
// the template, which the rewrite changes).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordedClient, renderConsulTemplate } from '../../src/vault/index.js';
import { goString } from '../../src/go/unicode/utf8/utf8.js';
import { unquoteBytes } from '../go-bytes.js';

interface Case {
  name: string;
  template: string;
  want?: string;
  wantError?: string;
}

// Left for later steps: joins of strings whose boundary escapes form valid UTF-8 (section
// 4 G, step 4), and functions that cut a string by bytes and decode the cut with
// bytesToString, a byte source that makes escapes only from step 5.
const awaitingLaterSteps = new Set([
  'printf "%q" (print (base64Decode "4g==") (base64Decode "gqw="))',
  'base64Decode "/2E=" | sprig_trunc 1 | printf "%q"',
  'base64Decode "/2E=" | sprig_substr 0 1 | printf "%q"',
  'base64Decode "/2E=" | sprig_wrap 1 | printf "%q"',
]);

const fatal = new TextDecoder('utf-8', { fatal: true });

/** The template with its byte sources read from env, and that env. */
function withEscapes(template: string): { template: string; env: Record<string, string> } {
  const env: Record<string, string> = {};
  const source = /(?:(base64Decode|sprig_b64dec) )?"((?:[^"\\]|\\.)*)"/g;
  const rewritten = template.replace(source, (whole, decoder: string | undefined, body: string) => {
    const bytes = decoder ? Uint8Array.from(Buffer.from(body, 'base64')) : unquoteBytes(body);
    if (!decoder) {
      try {
        fatal.decode(bytes);
        return whole; // valid UTF-8: a plain string literal
      } catch {
        // Not valid UTF-8: read it from env below.
      }
    }
    const name = `VTPL_BYTES_${Object.keys(env).length}`;
    env[name] = goString(bytes);
    return `(env "${name}")`;
  });
  return { template: rewritten, env };
}

const file = 'docs/design/go-bytes/cases.json';
const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: Case[] }).cases.filter((c) => c.want !== undefined && !awaitingLaterSteps.has(c.name));

describe(`${file} with escapes supplied as data`, () => {
  it('rewrites byte sources', () => {
    expect(withEscapes('{{ base64Decode "/w==" | sprig_hasPrefix "\\xff" | printf "%q" }}')).toEqual({
      template: '{{ (env "VTPL_BYTES_0") | sprig_hasPrefix (env "VTPL_BYTES_1") | printf "%q" }}',
      env: { VTPL_BYTES_0: '\uDCFF', VTPL_BYTES_1: '\uDCFF' },
    });
  });

  it.each(cases)('$name', async (c) => {
    const { template, env } = withEscapes(c.template);
    const res = await renderConsulTemplate({ template, env, client: recordedClient({ responses: new Map(), mounts: new Map() }) });
    expect(res.output).toBe(c.want);
  });
});
