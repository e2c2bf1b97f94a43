// What vtpl adds around consul-template: functions it cannot serve fail clearly, local
// files and commands only work when the caller hands in the capability, and the clock
// can be injected.

import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsulTemplateError, type VaultClient, renderConsulTemplate, recordedClient } from '../../src/vault/index.js';
import { nodeFileAccess, nodePluginRunner } from '../../src/vault/node-files.js';
import { formatTime } from '../../src/go/time/format.js';

const client = recordedClient({});

async function errorOf(template: string): Promise<string> {
  try {
    await renderConsulTemplate({ template, client });
  } catch (e) {
    expect(e).toBeInstanceOf(ConsulTemplateError);
    return (e as Error).message;
  }
  throw new Error('rendered without error');
}

describe('functions vtpl cannot serve', () => {
  it.each([
    ['{{ key "a" }}', 'key: needs Consul/Nomad, not supported by vtpl'],
    ['{{ service "web" }}', 'service: needs Consul/Nomad, not supported by vtpl'],
    ['{{ nomadVar "x" }}', 'nomadVar: needs Consul/Nomad, not supported by vtpl'],
    ['{{ plugin "echo" "x" }}', 'plugin: running commands is disabled in vtpl (enable plugins to allow it)'],
    ['{{ file "/etc/hostname" }}', 'file: reading local files is disabled in vtpl (allow file access to enable it)'],
    ['{{ writeToFile "/tmp/x" "" "" "0644" "c" }}', 'writeToFile: writing local files is disabled in vtpl (allow file access to enable it)'],
  ])('%s', async (template, message) => {
    expect(await errorOf(template)).toContain(`: ${message}`);
  });
});

describe('capabilities handed in by the caller', () => {
  it('writeToFile writes, appends and adds newlines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vtpl-wtf-'));
    const path = join(dir, 'sub', 'out.txt');
    const files = nodeFileAccess();
    const template = `{{ "a" | writeToFile "${path}" "" "" "0600" }}{{ "b" | writeToFile "${path}" "" "" "0600" "append,newline" }}`;
    const res = await renderConsulTemplate({ template, client, files });
    expect(res.output).toBe('');
    expect(readFileSync(path, 'utf8')).toBe('ab\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('writeToFile writes the bytes of a Go string: an escape is its byte', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vtpl-wtf-')), 'out.bin');
    nodeFileAccess().write(path, '', '', 0o600, '\udcffa\udc80€', false);
    expect(readFileSync(path)).toEqual(Buffer.from([0xff, 0x61, 0x80, 0xe2, 0x82, 0xac]));
  });

  it('file access errors read as a Go *fs.PathError with the errno in syscall.Errno words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vtpl-file-'));
    const files = nodeFileAccess();
    const missing = join(dir, 'missing');
    await expect(files.read(missing)).rejects.toThrow(`stat ${missing}: no such file or directory`);
    const long = join(dir, 'x'.repeat(300));
    await expect(files.read(long)).rejects.toThrow(`stat ${long}: file name too long`);
  });

  it('plugin runs the command with trimmed, non-empty arguments', async () => {
    const res = await renderConsulTemplate({ template: '{{ plugin "echo" " a " "" "b" }}', client, plugin: nodePluginRunner });
    expect(res.output).toBe('a b');
  });

  it('timestamp uses the injected clock', async () => {
    const now = () => Date.UTC(2026, 11, 31, 23, 59, 59);
    const res = await renderConsulTemplate({ template: '{{ timestamp }}|{{ timestamp "unix" }}|{{ timestamp "2006-01-02" }}', client, now });
    const t = { sec: now() / 1000, nsec: 0, offset: 0, zone: 'UTC', loc: 'UTC' } as const;
    expect(res.output).toBe(`${formatTime(t, '2006-01-02T15:04:05Z07:00')}|${t.sec}|${formatTime(t, '2006-01-02')}`);
    expect(await errorOf('{{ timestamp "a" "b" }}')).toContain('timestamp: wrong number of arguments, expected 0 or 1, but got 2');
  });
});

describe('pkiCert destination cache', () => {
  it('reuses a still-good certificate found in the destination instead of issuing one', async () => {
    const issued = JSON.parse(readFileSync(new URL('./cases/pki.json', import.meta.url), 'utf8'))[0].vault['PUT pki/issue/app'].data;
    const dir = mkdtempSync(join(tmpdir(), 'vtpl-pki-'));
    const dest = join(dir, 'cert.pem');
    writeFileSync(dest, `${issued.certificate}\n${issued.private_key}\n`);
    const res = await renderConsulTemplate({
      template: '{{ with pkiCert "pki/issue/app" "common_name=x" }}{{ .Cert | sha256Hex }}|{{ .CA }}{{ end }}',
      client,
      files: nodeFileAccess(),
      destination: dest,
    });
    const fresh = await renderConsulTemplate({
      template: '{{ with pkiCert "pki/issue/app" "common_name=x" }}{{ .Cert | sha256Hex }}|{{ .CA }}{{ end }}',
      client: recordedClient({ responses: { 'PUT pki/issue/app': JSON.stringify({ data: { certificate: issued.certificate } }) } }),
    });
    expect(res.output).toBe(fresh.output);
    expect(res.used).toEqual([`vault.pki(pki/issue/app->${dest})`]);
  });
});

describe('render loop', () => {
  it('counts passes and reports the dependencies used', async () => {
    const c = recordedClient({ responses: { 'kv/a': '{"data":{"next":"b"}}', 'kv/b': '{"data":{"v":"x"}}' } });
    const res = await renderConsulTemplate({
      template: '{{ with secret "kv/a" }}{{ with secret (printf "kv/%s" .Data.next) }}{{ .Data.v }}{{ end }}{{ end }}',
      client: c,
    });
    expect({ output: res.output, used: res.used, passes: res.passes }).toEqual({ output: 'x', used: ['vault.read(kv/a)', 'vault.read(kv/b)'], passes: 3 });
    // Each dependency with its lease (a KV v1 read without lease fields: id "", duration 0).
    expect(res.dependencies.map((d) => [d.key, d.lease])).toEqual([
      ['vault.read(kv/a)', { id: '', duration: 0, renewable: false }],
      ['vault.read(kv/b)', { id: '', duration: 0, renewable: false }],
    ]);
  });

  it('fetches identical dependencies once and distinct ones in parallel', async () => {
    const seen: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const base: VaultClient = recordedClient({ responses: { 'kv/a': '{"data":{"v":1}}', 'kv/b': '{"data":{"v":2}}' } });
    const counting = {
      ...base,
      address: base.address,
      namespace: base.namespace,
      mountInfo: (p: string) => base.mountInfo(p),
      list: (p: string) => base.list(p),
      write: (p: string, d: Readonly<Record<string, unknown>>) => base.write(p, d),
      read: async (p: string, q?: ReadonlyMap<string, readonly string[]>) => {
        seen.push(p);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return base.read(p, q);
      },
    };
    const res = await renderConsulTemplate({
      template: '{{ (secret "kv/a").Data.v }}{{ (secret "kv/b").Data.v }}{{ (secret "/kv/a/").Data.v }}',
      client: counting,
    });
    expect(res.output).toBe('121');
    expect(seen.sort()).toEqual(['kv/a', 'kv/b']);
    expect(maxInFlight).toBe(2);
  });

  it('gives up after maxPasses', async () => {
    const c = recordedClient({ responses: { 'kv/a': '{"data":{"next":"a"}}' } });
    const template = '{{ with secret "kv/a" }}{{ with secret "kv/b" }}{{ end }}{{ end }}';
    await expect(renderConsulTemplate({ template, client: c, maxPasses: 1 })).rejects.toThrow('vtpl: dependencies still missing after 1 passes');
  });
});
