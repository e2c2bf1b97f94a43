// consul-template's redactinator: secret values in an execute error become "[redacted]".
// Byte-exact behaviour against Go is covered by the corpus; these are the sizes and the
// data Go itself cannot survive.

import { describe, expect, it } from 'vitest';
import { ConsulTemplateError, recordedClient, renderConsulTemplate } from '../../src/vault/index.js';

async function renderError(template: string, responses: Record<string, string>): Promise<ConsulTemplateError> {
  try {
    await renderConsulTemplate({ template, client: recordedClient({ responses }) });
  } catch (e) {
    if (e instanceof ConsulTemplateError) return e;
    throw e;
  }
  throw new Error('the render did not fail');
}

describe('redaction', () => {
  it('a secret of 10,000 keys over a 1 MB error message', async () => {
    const values = Array.from({ length: 10_000 }, (_, i) => `pw-${i.toString(36)}-x`);
    const data = Object.fromEntries(values.map((v, i) => [`k${i}`, v]));
    const line = values.slice(0, 500).join(' ');
    const message = Array(Math.ceil(2 ** 20 / line.length))
      .fill(line)
      .join('\n');
    const e = await renderError(`{{ with secret "kv/big" }}{{ sprig_fail ${JSON.stringify(message)} }}{{ end }}`, {
      'kv/big': JSON.stringify({ data }),
    });
    const redacted = Array(500).fill('[redacted]').join(' ');
    expect(
      e.message.endsWith(
        `error calling sprig_fail: ${Array(Math.ceil(2 ** 20 / line.length))
          .fill(redacted)
          .join('\n')}`,
      ),
    ).toBe(true);
    expect(e.message).not.toContain('pw-');
  });

  it('a Data that contains itself fails clearly, without the message it cannot redact', async () => {
    const e = await renderError('{{ with secret "kv/a" }}{{ $_ := sprig_set .Data "self" .Data }}{{ sprig_fail "pw hunter2" }}{{ end }}', {
      'kv/a': '{"data":{"password":"hunter2"}}',
    });
    expect(e.message).toBe('execute: the error message cannot be redacted: the value of "self" in the data of vault.read(kv/a) contains itself');
  });
});
