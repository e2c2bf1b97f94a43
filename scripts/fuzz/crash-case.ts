// Running one crash-fuzzing case against the public API, and telling a documented failure
// (TemplateError, ConsulTemplateError: Go's error text) from a raw exception (anything else:
// a TypeError, RangeError, GoPanic... escaping means vtpl lost control).

import { Template, TemplateError, render } from '../../src/index.js';
import { ConsulTemplateError, recordedClient, renderConsulTemplate } from '../../src/vault/index.js';
import type { CrashCase } from './crash-arbitraries.js';

export type CaseOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly signature: string; readonly name: string; readonly message: string; readonly stack: string };

/** Where a raw exception comes from: its class and the first vtpl source frame, so one bug is reported once. */
function signatureOf(e: Error): string {
  const frame = (e.stack ?? '')
    .split('\n')
    .slice(1)
    .find((l) => l.includes('/src/'));
  const at = frame
    ?.replace(/^\s*at\s+/, '')
    .replace(/\(?(?:file:\/\/)?\/[^\s]*?\/src\//, '(src/')
    .replace(/:\d+\)?$/, ')');
  return `${e.name}${at ? ` at ${at}` : `: ${e.message.slice(0, 80).replace(/\d+/g, 'N')}`}`;
}

function raw(e: unknown): CaseOutcome {
  const err = e instanceof Error ? e : new Error(`non-Error thrown: ${String(e)}`);
  return { ok: false, signature: signatureOf(err), name: err.name, message: err.message.slice(0, 2000), stack: (err.stack ?? '').slice(0, 4000) };
}

function checkOutput(out: unknown): CaseOutcome {
  return typeof out === 'string' ? { ok: true } : raw(new TypeError(`the output is a ${typeof out}, not a string`));
}

export async function runCase(c: CrashCase): Promise<CaseOutcome> {
  try {
    if (c.mode === 'text') {
      if (c.api === 'render') return checkOutput(render(c.template, c.data, { delims: c.delims, missingkey: c.missingkey }));
      const t = new Template('fuzz');
      if (c.delims) t.delims(c.delims[0], c.delims[1]);
      if (c.missingkey) t.option(`missingkey=${c.missingkey}`);
      return checkOutput(t.parse(c.template).execute(c.data));
    }
    const client = recordedClient({ responses: new Map(c.vault), mounts: new Map(c.mounts) });
    const res = await renderConsulTemplate({ template: c.template, env: c.env, errorOnMissingKey: c.errorOnMissingKey, client });
    return checkOutput(res.output);
  } catch (e) {
    if (e instanceof TemplateError || e instanceof ConsulTemplateError) return { ok: true };
    return raw(e);
  }
}
