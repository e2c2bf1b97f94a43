// Runs consul-template-mode cases (the conformance format; expectations from the Go
// oracle, never hand-written) through renderConsulTemplate with a recorded client.

import { readFileSync } from 'node:fs';
import { parse, stringify } from 'lossless-json';
import { expect, it } from 'vitest';
import { renderConsulTemplate, recordedClient } from '../../src/vault/index.js';
import { nodeFileAccess } from '../../src/vault/node-files.js';

interface Case {
  name: string;
  template: string;
  vault?: Record<string, unknown>;
  mounts?: Record<string, unknown>;
  env?: Record<string, string>;
  options?: { missingkey?: string; delims?: [string, string] };
  /** function_denylist globs (an extension of the case format, understood by the oracle run that made these files). */
  denylist?: string[];
  /** sandbox_path (same extension). */
  sandbox?: string;
  want?: string;
  wantError?: string;
}

function texts(o: Record<string, unknown> | undefined): Map<string, string> {
  return new Map(Object.entries(o ?? {}).map(([k, v]) => [k, stringify(v) ?? 'null']));
}

export async function renderCase(c: Case): Promise<{ output?: string; error?: string }> {
  try {
    const res = await renderConsulTemplate({
      template: c.template,
      delims: c.options?.delims,
      errorOnMissingKey: c.options?.missingkey === 'error',
      env: c.env,
      functionDenylist: c.denylist,
      sandboxPath: c.sandbox,
      files: nodeFileAccess(),
      client: recordedClient({ responses: texts(c.vault), mounts: texts(c.mounts) }),
    });
    return { output: res.output };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function loadCases(file: string): Case[] {
  const doc = parse(readFileSync(file, 'utf8')) as Case[] | { cases: Case[] };
  const cases = Array.isArray(doc) ? doc : doc.cases;
  return cases.filter((c) => (c as { mode?: string }).mode === 'consul-template');
}

/**
 * Registers one test per case. `rewrite` maps every path-bearing text (template, sandbox,
 * expectations) of a case, so that cases recorded against a fixture directory can run
 * against a fresh copy of it.
 */
export function caseTests(file: string, rewrite?: (s: string) => string): void {
  for (const c0 of loadCases(file)) {
    const r = rewrite ?? ((s: string) => s);
    const c: Case = {
      ...c0,
      template: r(c0.template),
      sandbox: c0.sandbox === undefined ? undefined : r(c0.sandbox),
      want: c0.want === undefined ? undefined : r(c0.want),
      wantError: c0.wantError === undefined ? undefined : r(c0.wantError),
    };
    it(c.name, async () => {
      const got = await renderCase(c);
      if (c.wantError !== undefined) expect(got).toEqual({ error: c.wantError });
      else expect(got).toEqual({ output: c.want });
    });
  }
}
