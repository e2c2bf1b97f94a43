// The package's entry points as a user imports them (package.json "exports"): vtpl,
// vtpl/vault and vtpl/agent resolve, and the engine entry exposes the Template API, not
// the Go reflection model behind it.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

describe('package entry points', () => {
  it('exports what each entry point documents', () => {
    const dir = mkdtempSync(join(root, '.readme-blocks-'));
    try {
      writeFileSync(
        join(dir, 'names.mjs'),
        `
        const names = async (m) => Object.keys(await import(m)).sort();
        console.log(JSON.stringify({ engine: await names('vtpl'), vault: await names('vtpl/vault'), agent: await names('vtpl/agent') }));`,
      );
      const got = JSON.parse(execFileSync(process.execPath, [join(dir, 'names.mjs')], { cwd: root, encoding: 'utf8' })) as Record<string, string[]>;
      expect(got.engine).toEqual(['GoError', 'Template', 'TemplateError', 'Value', 'decodeJSON', 'fromJS', 'goBytes', 'goFunc', 'goString', 'render']);
      expect(got.vault).toEqual(
        expect.arrayContaining([
          'Brain',
          'ConsulTemplateError',
          'LiveConfigError',
          'LiveVaultClient',
          'VaultLoginError',
          'connectLiveVault',
          'recordedClient',
          'recordedDirClient',
          'renderConsulTemplate',
        ]),
      );
      expect(got.agent).toEqual(
        expect.arrayContaining([
          'Agent',
          'AgentConfigError',
          'ManualClock',
          'agentConfigFromObject',
          'loadAgentConfig',
          'planAgent',
          'previewManifest',
          'readManifest',
          'writeAtomic',
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
