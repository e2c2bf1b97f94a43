// One consul-template render pass with a given brain, as Vault Agent runs it (template.go
// Template.Execute with dot = nil): the renderer's own pass (src/vault/renderer.ts), so the
// benchmark times a pass against a brain filled once, with the template parsed once as the
// renderer keeps it between passes and renders.

import type { Value } from '../src/value/index.js';
import type { VaultClient } from '../src/vault/client.js';
import { type Pass, renderPass as pass } from '../src/vault/renderer.js';

const noEnv: ReadonlyMap<string, string> = new Map();

export function renderPass(text: string, brain: ReadonlyMap<string, Value>): Pass {
  return pass({ template: text, env: noEnv }, brain);
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
