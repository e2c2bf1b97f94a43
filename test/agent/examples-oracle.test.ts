// The README's main command previews examples/deployment.yaml against examples/vault.
// Every file it prints must be exactly what real consul-template renders from the same
// template and responses: conformance/consul/examples-deployment.json holds those
// expectations, produced by the Go oracle (`npm run examples:corpus`).
import { readFileSync } from 'node:fs';
import { parse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { planAgent } from '../../src/agent/annotations.js';
import { readManifest } from '../../src/agent/manifest.js';
import { previewManifest } from '../../src/agent/preview.js';
import { loadRecordedDir } from '../../src/vault/recorded-fs.js';
import { recordedClient } from '../../src/vault/recorded.js';
import { exampleCaseName } from '../../scripts/examples-corpus.js';

const root = new URL('../../', import.meta.url).pathname;
const manifest = readManifest(readFileSync(`${root}examples/deployment.yaml`, 'utf8'), 'examples/deployment.yaml');
const recorded = loadRecordedDir(`${root}examples/vault`);

interface Case {
  readonly name: string;
  readonly template: string;
  readonly vault: Record<string, unknown>;
  readonly want?: string;
  readonly wantError?: string;
}
const cases = new Map((parse(readFileSync(`${root}conformance/consul/examples-deployment.json`, 'utf8')) as Case[]).map((c) => [c.name, c]));

describe('examples/deployment.yaml against the Go oracle', async () => {
  const result = await previewManifest(manifest, { client: recordedClient(recorded), responsesDir: 'examples/vault' });
  const rendered = result.pods.flatMap((pod) => pod.files.filter((f) => !f.placeholder).map((f) => ({ pod, f })));

  it('renders every file of the example', () => {
    expect(rendered.map(({ pod, f }) => exampleCaseName(pod.label, f.destination)).sort()).toEqual([...cases.keys()].sort());
  });

  it('the corpus cases were made from the current example (else run npm run examples:corpus)', () => {
    const recordedKeys = [...recorded.responses.keys()].sort();
    for (const pod of manifest.pods) {
      const plan = planAgent(new Map([...pod.annotations].map(([k, a]) => [k, a.value])));
      for (const t of plan.templates) {
        const c = cases.get(exampleCaseName(pod.label, t.destination));
        expect(c?.template).toBe(t.contents);
        expect(Object.keys(c?.vault ?? {}).sort()).toEqual(recordedKeys);
      }
    }
  });

  for (const { pod, f } of rendered) {
    const name = exampleCaseName(pod.label, f.destination);
    it(name, () => {
      const c = cases.get(name);
      expect(c?.wantError).toBeUndefined();
      expect(f.error).toBeUndefined();
      expect(f.content).toBe(c?.want);
    });
  }
});
