// Kubernetes auth, the path the injector's agents take: Vault's kubernetes auth method checks
// the service-account token with a (local) TokenReview API; real `vault agent` and vtpl both log
// in as role "web" and must render the same static files.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_YAML, E, agentRuntimeError, podTemplates, readTree, setup, tempDir, vaultAgent, vtpl } from './env.js';

describe('kubernetes auth against a TokenReview endpoint', () => {
  it('vault agent and vtpl log in as the pod and render the same static files', async () => {
    const s = setup();
    const templates = ((await podTemplates(APP_YAML)).get('shop/deployment-web') ?? [])
      .filter((t) => !/myappdb|dbuser|tls\.pem/.test(t.destination))
      .map((t) => ({ ...t, destination: join('shop/deployment-web', t.destination) }));
    expect(templates.length).toBe(6);
    const agent = await vaultAgent(templates, { kubernetes: true });
    expect(agent.code, agent.out + agent.err).toBe(0);
    const out = tempDir('vtpl-k8s');
    const r = await vtpl('preview', APP_YAML, '--vault-addr', E.addr, '--role', s.k8sRole, '--jwt', s.jwtPath, '--out', out);
    expect(r.err).toBe('');
    const vt = readTree(out);
    expect(agent.files.size).toBe(6);
    for (const [f, content] of agent.files) expect(vt.get(f), f).toBe(content);
  });

  it('a token the TokenReview API rejects: vtpl fails with the error vault agent exits with', async () => {
    const s = setup();
    const dir = tempDir('k8s-bad');
    // Same claims as the pod's token, another signature: unknown to the TokenReview endpoint.
    const [head, body] = readFileSync(s.jwtPath, 'utf8').split('.');
    const bad = join(dir, 'token');
    writeFileSync(bad, `${head}.${body}.${Buffer.from('not the signature').toString('base64url')}`);
    writeFileSync(join(dir, 't.ctmpl'), '{{ with secret "kv/legacy/smtp" }}{{ .Data.host }}{{ end }}');
    const agent = await vaultAgent([{ contents: '{{ with secret "kv/legacy/smtp" }}{{ .Data.host }}{{ end }}', destination: 'smtp' }], {
      kubernetes: true,
      jwtPath: bad,
    });
    const cause = agentRuntimeError(agent);
    expect(cause, agent.out + agent.err).toContain('Code: 403.');
    expect(agent.files.size).toBe(0);
    const r = await vtpl('render', join(dir, 't.ctmpl'), '--vault-addr', E.addr, '--role', s.k8sRole, '--jwt', bad);
    expect(r.code).toBe(1);
    expect(r.err.trimEnd()).toBe(`vtpl render: kubernetes login failed: ${(cause as string).trimEnd()}`);
  });
});
