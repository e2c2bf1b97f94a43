// One consul-template render pass with a given brain, as Vault Agent runs it
// (template.go Template.Execute): a fresh template and function map, missingkey=zero,
// parse, then execute with dot = nil. It mirrors src/vault/renderer.ts's pass, which
// is not exported, so the benchmark can time a pass against a brain filled once.

import { Template } from '../src/template.js';
import { type Value, invalid } from '../src/value/index.js';
import type { VaultClient } from '../src/vault/client.js';
import { consulTemplateFuncs } from '../src/vault/funcmap.js';
import { DepSet, type FuncContext } from '../src/vault/funcs/context.js';

export interface PassResult {
  readonly output: string;
  readonly missing: DepSet;
}

const noEnv: ReadonlyMap<string, string> = new Map();

export function renderPass(text: string, brain: ReadonlyMap<string, Value>): PassResult {
  const missing = new DepSet();
  const tmpl = new Template('');
  const ctx: FuncContext = {
    brain,
    used: new DepSet(),
    missing,
    env: noEnv,
    template: () => tmpl,
    destination: '',
    fetch: { now: Date.now },
    sandboxPath: '',
  };
  tmpl.funcs(consulTemplateFuncs(ctx, {}));
  tmpl.option('missingkey=zero');
  const output = tmpl.parse(text).execute(invalid);
  return { output, missing };
}

/** The brain after fetching, pass by pass, every dependency the template reports missing. */
export async function fillBrain(text: string, client: VaultClient): Promise<Map<string, Value>> {
  const brain = new Map<string, Value>();
  for (let pass = 0; pass < 20; pass++) {
    const { missing } = renderPass(text, brain);
    if (missing.size === 0) return brain;
    for (const d of missing.list()) brain.set(d.key, await d.fetch(client));
  }
  throw new Error('dependencies still missing after 20 passes');
}
