// vtpl builds consul-template's function map once and keeps each template parsed
// between passes and renders (consul-template rebuilds both on every pass). Go's
// outputs for reused texts are in conformance/consul/reuse.json; these check what
// the oracle cannot express: the denylist, renders interleaved with each other, and
// the functions used outside a render.

import { describe, expect, it } from 'vitest';
import { Template, TemplateError } from '../../src/index.js';
import { ConsulTemplateError, consulTemplateFuncs, recordedClient, renderConsulTemplate } from '../../src/vault/index.js';

const kv = (v: string) => JSON.stringify({ data: { v, next: 'kv/b' } });

async function outcome(template: string, opts: { functionDenylist?: string[]; env?: Record<string, string> } = {}): Promise<string> {
  try {
    return (await renderConsulTemplate({ template, client: recordedClient({}), ...opts })).output;
  } catch (e) {
    if (e instanceof ConsulTemplateError) return `error: ${e.message}`;
    throw e;
  }
}

describe('a template reused between renders', () => {
  it('is denied a function only where the render denies it', async () => {
    const text = '{{ env "APP" }}';
    const env = { APP: 'payments' };
    const alone = await outcome(text, { env });
    const denied = await outcome(text, { env, functionDenylist: ['en*'] });
    expect(denied).toMatch(/^error: execute: .*error calling env: function is disabled$/);
    expect(await outcome(text, { env })).toBe(alone);
    expect(alone).toBe('payments');
  });

  it('renders interleaved with each other keep their own state', async () => {
    // Both wait for fetches between passes, so their passes alternate.
    const text = '{{ scratch.Set "n" "x" }}{{ with secret "kv/a" }}{{ .Data.v }}{{ with secret .Data.next }}{{ .Data.v }}{{ end }}{{ end }}';
    const render = (a: string, b: string) => renderConsulTemplate({ template: text, client: recordedClient({ responses: { 'kv/a': kv(a), 'kv/b': kv(b) } }) });
    const [one, two] = await Promise.all([render('1', '2'), render('3', '4')]);
    expect([one.output, two.output]).toEqual(['12', '34']);
    expect([one.passes, two.passes]).toEqual([3, 3]);
    expect(one.used).toEqual(['vault.read(kv/a)', 'vault.read(kv/b)']);
  });
});

describe('the function map outside a render', () => {
  it('functions that need a render fail clearly; the others work', () => {
    const t = new Template('').funcs(consulTemplateFuncs()).parse('{{ toUpper "ok" }}{{ secret "kv/a" }}');
    expect(() => t.execute(null)).toThrow(TemplateError);
    expect(() => t.execute(null)).toThrow('error calling secret: secret: called outside a consul-template render');
    expect(new Template('').funcs(consulTemplateFuncs()).parse('{{ toUpper "ok" }}').execute(null)).toBe('OK');
  });
});

describe('a secret read again in later renders', () => {
  // KV v2 version 1 deleted at noon: a clock before noon reads it, one after finds no secret.
  const deletedAtNoon = JSON.stringify({
    data: { data: { v: 'one' }, metadata: { created_time: '2024-05-01T00:00:00Z', deletion_time: '2024-05-01T12:00:00Z', destroyed: false, version: 1 } },
  });
  const client = () => recordedClient({ responses: { 'secret/data/app': deletedAtNoon }, mounts: { 'secret/': '{"type":"kv","options":{"version":"2"}}' } });
  const render = async (hour: number): Promise<string> => {
    try {
      const now = () => Date.UTC(2024, 4, 1, hour);
      return (await renderConsulTemplate({ template: '{{ with secret "secret/data/app" }}{{ .Data.data.v }}{{ end }}', client: client(), now })).output;
    } catch (e) {
      if (e instanceof ConsulTemplateError) return `error: ${e.message}`;
      throw e;
    }
  };

  it("is fetched with each render's own clock", async () => {
    const before = await render(11);
    const after = await render(13);
    expect(before).toBe('one');
    expect(after).toMatch(/^error: .*no secret exists at secret\/data\/app$/);
    expect([await render(11), await render(13)]).toEqual([before, after]);
  });
});
