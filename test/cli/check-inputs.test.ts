// vtpl check as a CI job uses it: where annotations are, reads vs writes, exit codes, inputs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pod, tempTree, vaultBody, vtpl } from './helpers.js';

const P = 'vault.hashicorp.com/';
const BIN = join(import.meta.dirname, '../../bin/vtpl');

const deploymentWithOwnAnnotations = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    vault.hashicorp.com/agent-inject: "true"
    vault.hashicorp.com/agent-inject-secret-db: "database/creds/web"
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: nginx}]
`;

describe('vtpl check: findings', () => {
  it("annotations on the Deployment's own metadata: error saying where they belong", async () => {
    const d = tempTree({ 'app.yaml': deploymentWithOwnAnnotations });
    const r = await vtpl('check', join(d, 'app.yaml'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `app.yaml:6:5: error: vault.hashicorp.com/agent-inject, vault.hashicorp.com/agent-inject-secret-db are on the Deployment's own metadata.annotations`,
    );
    expect(r.out).toContain('move them to spec.template.metadata.annotations');
  });

  it('secret with arguments is reported as a write with the read form', async () => {
    const d = tempTree({ 't.ctmpl': '{{ with secret "secret/app" "version=1" }}{{ .Data.data.x }}{{ end }}' });
    const r = await vtpl('check', join(d, 't.ctmpl'));
    expect(r.out).toContain('reads  secret secret/app "version=1"');
    expect(r.out).toContain('t.ctmpl:1:9: warning: secret "secret/app" "version=1" is a write');
    expect(r.out).toContain('secret "secret/app?version=1"');
    expect(r.code).toBe(0);
  });

  it('a template reading two secrets is clean', async () => {
    const d = tempTree({
      'app.yaml': pod({
        [P + 'agent-inject']: 'true',
        [P + 'agent-inject-secret-cfg']: 'kv/app',
        [P + 'agent-inject-template-cfg']:
          '{{ with secret "kv/app" }}{{ .Data.a }}{{ end }}{{ with secret "database/creds/web" }}{{ .Data.username }}{{ end }}',
      }),
    });
    const r = await vtpl('check', join(d, 'app.yaml'), '--strict');
    expect(r.out).toContain('0 errors, 0 warnings');
    expect(r.code).toBe(0);
  });

  it('an unclosed action is reported at the line where it opens, inside the YAML block', async () => {
    const d = tempTree({
      'app.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-template-x']: 'line one\nv={{ .Data.x\n' }),
    });
    const r = await vtpl('check', join(d, 'app.yaml'));
    expect(r.code).toBe(1);
    // template line 2 is file line 9: "      v={{ .Data.x"
    expect(r.out).toContain('app.yaml:9:9: error: template: :3: unclosed action started at :2');
    expect(r.out).toContain(`        v={{ .Data.x\n${' '.repeat(10)}^`);
  });

  it('fields a secret lacks and range over a secret are errors', async () => {
    const d = tempTree({ 't.ctmpl': '{{ with secret "db/creds/r" }}{{ .data.password }}{{ end }}{{ range secret "db/creds/r" }}{{ end }}' });
    const r = await vtpl('check', join(d, 't.ctmpl'));
    expect(r.code).toBe(1);
    expect(r.out).toContain("can't evaluate field data in type *dependency.Secret");
    expect(r.out).toContain("range can't iterate over");
  });
});

describe('vtpl check --responses validates the recorded files', () => {
  it('a file holding only the data object is an error naming the file', async () => {
    const d = tempTree({
      't.ctmpl': '{{ with secret "kv/app" }}{{ .Data.user }}{{ end }}',
      'vault/kv/app.json': '{"user": "bob"}',
      'vault/kv/ok.json': vaultBody('{"user":"bob"}'),
      'vault/kv/list.list.json': vaultBody('{"nokeys": 1}'),
    });
    const r = await vtpl('check', join(d, 't.ctmpl'), '--responses', join(d, 'vault'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${join(d, 'vault/kv/app.json')}: error: not a Vault response: it has no envelope`);
    expect(r.out).toContain(`vault read -format=json kv/app > ${join(d, 'vault/kv/app.json')}`);
    expect(r.out).toContain(`${join(d, 'vault/kv/list.list.json')}: error: a LIST response needs data.keys`);
    expect(r.out).not.toContain('ok.json');
  });
  it('a JSON syntax error names the file and line:col', async () => {
    const d = tempTree({ 't.ctmpl': 'x', 'vault/kv/app.json': '{\n  "data": {\n    "a": \n}' });
    const r = await vtpl('check', join(d, 't.ctmpl'), '--responses', join(d, 'vault'));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${join(d, 'vault/kv/app.json')}:4:1: `);
  });
});

describe('vtpl check: inputs', () => {
  it('--template forces a .yaml file to be a template; --manifest the reverse', async () => {
    const d = tempTree({
      'config.yaml': 'db: {{ with secret "db/creds/r" }}{{ .Data.username }}{{ end }}\n',
      'pod.txt': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-a']: 'kv/a' }),
    });
    const t = await vtpl('check', '--template', join(d, 'config.yaml'));
    expect(t.out).toContain('reads  secret db/creds/r');
    expect(t.code).toBe(0);
    const m = await vtpl('check', '--manifest', join(d, 'pod.txt'));
    expect(m.out).toContain('Pod/app');
    expect((await vtpl('check', '--manifest', '--template', join(d, 'pod.txt'))).code).toBe(2);
  });

  it('a malformed YAML file is reported at file:line:col with its line; the others are still checked', async () => {
    const d = tempTree({
      'a-bad.yaml': 'kind: Pod\nmetadata:\n  name: [x\n  annotations: {}\n',
      'b-good.yaml': pod({ [P + 'agent-inject']: 'true', [P + 'agent-inject-secret-a']: 'kv/a' }),
    });
    const r = await vtpl('check', d);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/a-bad\.yaml:\d+:\d+: error: not valid YAML: [^\n]*[^:\n]\n {2}.*\n {2} *\^/);
    expect(r.out).toContain('Pod/app');
  });

  it('"-" reads manifests from stdin (through the real executable)', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '-'], { input: deploymentWithOwnAnnotations, encoding: 'utf8' });
    expect(r.stdout).toContain('-:6:5: error: vault.hashicorp.com/agent-inject');
    expect(r.status).toBe(1);
  });

  it('an empty directory is an error, not a silent success', async () => {
    const d = tempTree({ 'notes.txt': 'x' });
    const r = await vtpl('check', d);
    expect(r.code).toBe(1);
    expect(r.err).toContain('nothing to check');
  });
});
