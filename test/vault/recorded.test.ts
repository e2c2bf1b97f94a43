// The recorded Vault client and its loaders: request keys, 404s, mounts, files on disk.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type VaultClient, renderConsulTemplate, recordedClient } from '../../src/vault/index.js';
import { loadRecorded, loadRecordedDir, loadRecordedFile } from '../../src/vault/recorded-fs.js';
import { decodeJSON } from '../../src/go/encoding/json/index.js';

describe('RecordedVaultClient', () => {
  const client: VaultClient = recordedClient({
    responses: { 'kv/a': '{"data":{"v":1.50}}', 'kv/a?version=2': '{"data":{"v":2}}', 'LIST kv/dir': '{"data":{"keys":["x"]}}', 'PUT kv/w': '{"data":{}}' },
    mounts: { 'secret/': '{"type":"kv","options":{"version":"2"}}', 'secret/deep/': '{"type":"kv"}' },
  });

  it('answers reads, queries, lists and writes from the recording', async () => {
    expect(await client.read('kv/a')).toEqual({ status: 200, body: '{"data":{"v":1.50}}' });
    expect(await client.read('kv/a', new Map([['version', ['2']]]))).toEqual({ status: 200, body: '{"data":{"v":2}}' });
    expect(await client.read('kv/a', new Map([['version', ['3']]]))).toEqual({ status: 200, body: '{"data":{"v":1.50}}' });
    expect((await client.list('kv/dir/')).status).toBe(200);
    expect((await client.write('kv/w', {})).status).toBe(200);
  });

  it("answers Vault's 404 for anything not recorded", async () => {
    expect(await client.read('kv/none')).toEqual({ status: 404, body: '{"errors":[]}' });
    expect(await client.mountInfo('other/x')).toEqual({ status: 404, body: '{"errors":[]}' });
  });

  it('serves the mount table by longest prefix, adding the mount path', async () => {
    expect(JSON.parse((await client.mountInfo('secret/deep/x')).body).data).toEqual({ path: 'secret/deep/', type: 'kv' });
    expect(JSON.parse((await client.mountInfo('secret/app')).body).data).toEqual({ path: 'secret/', type: 'kv', options: { version: '2' } });
  });

  it('accepts the mount table as a decoded JSON Value', async () => {
    const c = recordedClient({ mounts: decodeJSON('{"secret/":{"type":"kv","options":{"version":"2"}}}', { useNumber: true }) });
    expect(JSON.parse((await c.mountInfo('secret/app')).body).data).toEqual({ path: 'secret/', type: 'kv', options: { version: '2' } });
  });
});

describe('recorded responses on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vtpl-recorded-'));
  mkdirSync(join(dir, 'secret/data'), { recursive: true });
  mkdirSync(join(dir, 'secret/metadata'), { recursive: true });
  writeFileSync(
    join(dir, 'secret/data/app.json'),
    '{"request_id":"r","lease_id":"","lease_duration":0,"renewable":false,"data":{"data":{"port":5432,"ratio":1.50},"metadata":{"version":1}},"warnings":null}\n',
  );
  writeFileSync(join(dir, 'secret/metadata/app.list.json'), '{"data":{"keys":["b","a"]}}');
  writeFileSync(join(dir, '_mounts.json'), '{"secret/":{"type":"kv","options":{"version":"2"}}}');
  const file = join(dir, 'case.json');
  writeFileSync(file, '{"vault":{"secret/data/app":{"data":{"data":{"ratio":1.50}}}},"mounts":{"secret/":{"type":"kv","options":{"version":"2"}}}}');
  const plain = join(dir, 'plain.json.txt');
  writeFileSync(plain, '{"kv/a":{"data":{"n":1e3}}}');

  it('loads a directory of `vault read -format=json` outputs', async () => {
    const rec = loadRecordedDir(dir);
    const res = await renderConsulTemplate({
      template: '{{ with secret "secret/app" }}{{ .Data.data.port }} {{ .Data.data.ratio }}{{ end }} {{ secrets "secret/app" }}',
      client: recordedClient(rec),
    });
    expect(res.output).toBe('5432 1.50 [a b]');
    expect(res.used).toEqual(['vault.read(secret/app)', 'vault.list(secret/app)']);
  });

  it('loads the case form and the plain map form of a single file', async () => {
    const a = await renderConsulTemplate({ template: '{{ (secret "secret/app").Data.data.ratio }}', client: recordedClient(loadRecordedFile(file)) });
    expect(a.output).toBe('1.50');
    const b = await renderConsulTemplate({ template: '{{ (secret "kv/a").Data.n }}', client: recordedClient(loadRecorded(plain)) });
    expect(b.output).toBe('1e3');
  });
});
