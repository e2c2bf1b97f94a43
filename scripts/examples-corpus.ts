// `npm run examples:corpus`: turns every template of examples/deployment.yaml, with
// the recorded responses of examples/vault, into consul-template-mode corpus cases
// (conformance/consul/examples-deployment.json) and has the Go oracle fill them.
// test/agent/examples-oracle.test.ts then checks that `vtpl preview` of the example
// prints exactly what real consul-template renders from the same inputs.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, stringify } from 'lossless-json';
import { planAgent } from '../src/agent/annotations.js';
import { readManifest } from '../src/agent/manifest.js';
import { loadRecordedDir } from '../src/vault/recorded-fs.js';
import { buildOracle, oracleBin, root } from './oracle.js';

export const examplesCorpus = join(root, 'conformance', 'consul', 'examples-deployment.json');

/** The corpus case name of one file: the pod's label and the destination path. */
export function exampleCaseName(podLabel: string, destination: string): string {
  return `${podLabel} ${destination}`;
}

function main(): number {
  const manifestFile = join(root, 'examples', 'deployment.yaml');
  const manifest = readManifest(readFileSync(manifestFile, 'utf8'), relative(root, manifestFile));
  const recorded = loadRecordedDir(join(root, 'examples', 'vault'));
  const vault = Object.fromEntries([...recorded.responses].map(([k, body]) => [k, parse(body)]));
  const mounts = recorded.mounts ? Object.fromEntries([...recorded.mounts].map(([k, v]) => [k, parse(v)])) : undefined;
  const cases = [];
  for (const pod of manifest.pods) {
    const annotations = new Map([...pod.annotations].map(([k, a]) => [k, a.value]));
    for (const t of planAgent(annotations).templates) {
      if (t.contents === undefined) continue;
      const options = {
        ...(t.leftDelim !== '{{' || t.rightDelim !== '}}' ? { delims: [t.leftDelim, t.rightDelim] } : {}),
        ...(t.errorOnMissingKey ? { missingkey: 'error' } : {}),
      };
      cases.push({
        name: exampleCaseName(pod.label, t.destination),
        mode: 'consul-template',
        template: t.contents,
        vault,
        ...(mounts ? { mounts } : {}),
        ...(Object.keys(options).length > 0 ? { options } : {}),
        want: '',
        tags: ['examples'],
      });
    }
  }
  writeFileSync(examplesCorpus, `${stringify(cases, null, 2)}\n`);
  if (!buildOracle()) return 1;
  const r = spawnSync(oracleBin, ['fill', relative(root, examplesCorpus)], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

if (process.argv[1]?.endsWith('examples-corpus.js')) process.exitCode = main();
