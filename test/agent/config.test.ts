// Vault Agent config files: JSON (the injector's form) and HCL (HashiCorp's parser via
// @cdktf/hcl2json) read into the same AgentConfig; HCL's JSON-form quirks; clear errors.

import { describe, expect, it } from 'vitest';
import { agentConfigFromObject } from '../../src/agent/config.js';
import { loadAgentConfig, parseAgentConfig } from '../../src/agent/config-file.js';

describe('config files', () => {
  it('examples/agent/agent.hcl and agent.json are the same configuration', async () => {
    const hcl = await loadAgentConfig('examples/agent/agent.hcl');
    const json = await loadAgentConfig('examples/agent/agent.json');
    // The JSON spells out the default delimiters; the HCL leaves them out (both mean {{ }}).
    expect({ ...json, templates: json.templates.map((t) => ({ ...t, leftDelimiter: '', rightDelimiter: '' })) }).toEqual(hcl);
    expect(hcl).toMatchObject({
      vault: {
        address: 'https://vault.vault.svc:8200',
        caCert: '/vault/tls/ca.crt',
        retry: { attempts: 12, backoffMs: 250, maxBackoffMs: 60_000, enabled: true },
      },
      autoAuth: {
        method: { type: 'kubernetes', mountPath: 'kubernetes', role: 'my-app', tokenPath: '/var/run/secrets/kubernetes.io/serviceaccount/token' },
        sinks: [{ type: 'file', path: '/home/vault/.vault-token', mode: 0o640 }],
      },
      templateConfig: { exitOnRetryFailure: true, staticSecretRenderIntervalMs: 300_000, leaseRenewalThreshold: 0.9 },
      exitAfterAuth: false,
    });
    expect(hcl.templates).toEqual([
      {
        destination: '/vault/secrets/db-creds',
        source: undefined,
        perms: 0o440,
        command: 'pkill -HUP -f my-app || true',
        commandTimeoutMs: 30_000,
        contents: '{{- with secret "database/creds/my-app-db-role" -}}\nexport DB_USER="{{ .Data.username }}" DB_PASSWORD="{{ .Data.password }}"\n{{- end }}\n',
        errorOnMissingKey: false,
        leftDelimiter: '',
        rightDelimiter: '',
        createDestDirs: true,
        backup: false,
      },
    ]);
  });

  it('reads blocks as real `vault agent` does: a list or an object, the type in a "type" field in JSON, as a label in HCL', () => {
    const approle = { type: 'approle', mountPath: 'approle', roleIdFilePath: '/r', secretIdFilePath: '', removeSecretIdFileAfterReading: true };
    const sink = [{ type: 'file', config: { path: '/t' } }];
    const json = [
      { auto_auth: { method: [{ type: 'approle', config: { role_id_file_path: '/r' } }] } },
      { auto_auth: { method: { type: 'approle', config: { role_id_file_path: '/r' } }, sink } },
      { auto_auth: [{ method: [{ type: 'approle', config: [{ role_id_file_path: '/r' }] }], sink }] },
    ];
    for (const f of json) expect(agentConfigFromObject(f, 'a.json').autoAuth?.method).toEqual(approle);
    // HCL's JSON form of `method "approle" { ... }`.
    expect(agentConfigFromObject({ auto_auth: [{ method: { approle: [{ config: { role_id_file_path: '/r' } }] } }] }, 'a.hcl', 'hcl').autoAuth?.method).toEqual(
      approle,
    );
    expect(agentConfigFromObject({ vault: [{ retry: [{ num_retries: -1 }] }] }).vault.retry.enabled).toBe(false);
    expect(agentConfigFromObject({ template_config: { static_secret_render_interval: 60 } }).templateConfig.staticSecretRenderIntervalMs).toBe(60_000);
    expect(agentConfigFromObject({ template_config: { static_secret_render_interval: '1h30m' } }).templateConfig.staticSecretRenderIntervalMs).toBe(5_400_000);
  });

  // What real `vault agent` 1.21.4 says about these JSON files (HCL 1's JSON flattening: an
  // object whose members are all objects becomes a labelled block).
  it.each([
    [
      { auto_auth: { method: { type: 'approle', config: { role_id_file_path: '/r' } } } },
      "error parsing 'auto_auth': error parsing 'method': one and only one \"method\" block is required",
    ],
    [{ auto_auth: { method: { type: 'approle' }, sink: { type: 'file' } } }, 'error parsing \'auto_auth\': at most one "auto_auth" block is allowed'],
    [{ auto_auth: { method: [{ approle: { config: {} } }], sink: [] } }, "error parsing 'auto_auth': error parsing 'method': method type must be specified"],
    [
      { auto_auth: { method: [{ type: 'approle', config: { role_id_file_path: '/r' } }], sink: { file: { config: { path: '/t' } } } } },
      "error parsing 'auto_auth': error parsing 'sink' stanzas: sink type must be specified",
    ],
  ])('rejects the JSON %j as Vault does', (raw, message) => {
    expect(() => agentConfigFromObject(raw, 'agent.json')).toThrow(`agent.json: error loading configuration: ${message}`);
  });

  it.each([
    [{ template: [{ contents: 'x', source: 'y', destination: 'd' }] }, "config.json: template[0]: 'source' and 'contents' cannot both be set"],
    [{ template: { contents: 'x' } }, "config.json: template[0]: 'destination' is required"],
    [
      { template_config: { static_secret_render_interval: '5x' } },
      'config.json: template_config.static_secret_render_interval: time: unknown unit "x" in duration "5x"',
    ],
    [
      { template: [{ contents: 'x', destination: 'd', perms: 'rw' }] },
      'config.json: template[0].perms: strconv.ParseUint: parsing "rw": invalid syntax (write the mode as an octal string, e.g. "0640")',
    ],
    [
      { auto_auth: { method: [{ type: 'aws' }] } },
      'config.json: auto_auth.method "aws": vtpl supports the kubernetes, approle and token_file auth methods, not "aws"',
    ],
    [{ auto_auth: { method: [{ type: 'kubernetes', config: {} }] } }, 'config.json: auto_auth.method "kubernetes".config: missing \'role\' value'],
    [{ exit_after_auth: 'yes' }, 'config.json: top level.exit_after_auth: must be a boolean, not "yes"'],
  ])('rejects %j', (raw, message) => {
    expect(() => agentConfigFromObject(raw, 'config.json')).toThrow(message);
  });

  it('says where a syntax error is, in HCL and in JSON', async () => {
    await expect(parseAgentConfig('vault {\n  address = \n}\n', 'agent.hcl')).rejects.toThrow(
      /^agent\.hcl:2:13: Invalid expression; Expected the start of an expression/,
    );
    await expect(parseAgentConfig('{\n  "vault": {,\n}', 'agent.json')).rejects.toThrow(/^agent\.json:2:13: invalid JSON/);
    await expect(loadAgentConfig('no/such/config.hcl')).rejects.toThrow('cannot read config file no/such/config.hcl: no such file');
  });

  it('says the line of a bad setting in a JSON file', async () => {
    const text =
      '{\n  "template": [\n    { "contents": "x", "destination": "a" },\n    { "contents": "x", "destination": "b",\n      "perms": "rw" }\n  ],\n  "template_config": { "static_secret_render_interval": "5x" }\n}\n';
    await expect(parseAgentConfig(text, 'agent.json')).rejects.toThrow(/^agent\.json:5:16: template\[1\]\.perms: strconv\.ParseUint: parsing "rw"/);
    await expect(parseAgentConfig(text.replace('"perms": "rw"', '"perms": "0600"'), 'agent.json')).rejects.toThrow(
      'agent.json:7:57: template_config.static_secret_render_interval: time: unknown unit "x" in duration "5x"',
    );
    await expect(parseAgentConfig('{"template": [{"contents": "x"}]}', 'agent.json')).rejects.toThrow(
      "agent.json:1:15: template[0]: 'destination' is required",
    );
  });
});
