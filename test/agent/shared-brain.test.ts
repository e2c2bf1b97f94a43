// One pod, one brain: two templates reading database/creds/app against a live Vault
// make one read and render the same credentials (as Vault Agent's single runner does).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VaultTestServer, startVaultServer } from '../vault-server/server.js';
import { pod, tempTree, vtpl } from '../cli/helpers.js';

const P = 'vault.hashicorp.com/';
let vault: VaultTestServer;

beforeAll(async () => {
  vault = await startVaultServer();
});
afterAll(() => vault.close());

describe('preview against live Vault shares one set of fetched secrets per pod', () => {
  it('reads database/creds/app once for two templates, and both files agree', async () => {
    const dir = tempTree({
      'deploy.yaml': pod({
        [P + 'agent-inject']: 'true',
        [P + 'agent-inject-template-a']: '{{ with secret "database/creds/app" }}{{ .Data.username }}:{{ .Data.password }}{{ end }}',
        [P + 'agent-inject-template-b']: '{{ with secret "database/creds/app" }}{{ .Data.username }}:{{ .Data.password }}{{ end }}',
      }),
    });
    const r = await vtpl('preview', `${dir}/deploy.yaml`, '--vault-addr', vault.url, '--token', 'root', '--json');
    expect(r.err).toBe('');
    const files = (JSON.parse(r.out) as { manifests: { pods: { files: { content: string }[] }[] }[] }).manifests[0].pods[0].files;
    expect(files).toHaveLength(2);
    expect(files[0].content).toMatch(/^v-token-app-.+:.+$/);
    expect(files[1].content).toBe(files[0].content);
    expect(vault.requests.filter((q) => q.path === 'database/creds/app')).toHaveLength(1);
  });
});
