// Running conformance cases: render each one with vtpl and compare with the
// expectation the Go oracle recorded.

import { Template } from '../index.js';
import { decodeJSON } from '../go/encoding/json/index.js';
import { invalid, type Value } from '../value/index.js';
import { renderConsulTemplate } from '../vault/index.js';
import { recordedClient } from '../vault/index.js';
import type { ConformanceCase } from './conformance-cases.js';
import { renderOnLargeStack, ranOutOfStack } from './conformance-stack.js';

export interface CaseResult {
  readonly file: string;
  readonly name: string;
  readonly ok: boolean;
  readonly want: string | null;
  readonly got: string | null;
  readonly wantError: string | null;
  readonly gotError: string | null;
  /** For a wantError case: the error text is identical to Go's. Null for output cases. */
  readonly errorExact: boolean | null;
}

export type Outcome = { readonly output: string } | { readonly error: string };

export function renderText(c: ConformanceCase): Outcome {
  try {
    const dot: Value = c.dataJSON === undefined ? invalid : decodeJSON(c.dataJSON, { useNumber: true });
    const t = new Template(c.templateName ?? 'case');
    if (c.delims) t.delims(c.delims[0], c.delims[1]);
    if (c.missingkey && c.missingkey !== 'default') t.option(`missingkey=${c.missingkey}`);
    return { output: t.parse(c.template).execute(dot) };
  } catch (e) {
    return { error: errorText(e) };
  }
}

export async function renderConsul(c: ConformanceCase): Promise<Outcome> {
  try {
    const client = recordedClient({
      responses: c.vault,
      mounts: c.mountsJSON === undefined ? undefined : decodeJSON(c.mountsJSON, { useNumber: true }),
    });
    const res = await renderConsulTemplate({
      template: c.template,
      name: c.templateName,
      delims: c.delims,
      errorOnMissingKey: c.missingkey === 'error',
      env: c.env,
      client,
    });
    return { output: res.output };
  } catch (e) {
    return { error: errorText(e) };
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Renders a case here; one that ran out of JavaScript stack again on a 256 MB stack, as Go's grows. */
export async function renderCase(c: ConformanceCase): Promise<Outcome> {
  const out = c.mode === 'consul-template' ? await renderConsul(c) : renderText(c);
  return 'error' in out && ranOutOfStack(out.error) ? renderOnLargeStack(c) : out;
}

export async function runCase(c: ConformanceCase): Promise<CaseResult> {
  const out = await renderCase(c);
  const got = 'output' in out ? out.output : null;
  const gotError = 'error' in out ? out.error : null;
  const wantsError = c.wantError !== undefined;
  return {
    file: c.file,
    name: c.name,
    ok: wantsError ? gotError !== null : got === c.want,
    want: c.want ?? null,
    got,
    wantError: c.wantError ?? null,
    gotError,
    errorExact: wantsError ? gotError === c.wantError : null,
  };
}
