// `record --redact`: what stays, what becomes "REDACTED", and that no secret value survives
// anywhere in the recorded file (data, auth, wrap_info, warnings).

import { parse, stringify } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { type RecordedExchange, recordingFiles, redactBody } from '../../src/vault/recording.js';

const redact = (body: string): string => stringify(redactBody(parse(body))) ?? '';

describe('redactBody', () => {
  it.each([
    [
      'strings under data',
      '{"data":{"user":"app","pw":"s3cr3t","port":5432,"ratio":1.50,"on":true,"none":null,"list":["a",""]}}',
      '{"data":{"user":"REDACTED","pw":"REDACTED","port":5432,"ratio":1.50,"on":true,"none":null,"list":["REDACTED",""]}}',
    ],
    ['empty strings stay empty (falsy in if)', '{"data":{"data":{"empty":"","full":"x"}}}', '{"data":{"data":{"empty":"","full":"REDACTED"}}}'],
    [
      'auth token and accessor',
      '{"data":null,"auth":{"client_token":"hvs.tok","accessor":"acc","policies":["default"],"lease_duration":60}}',
      '{"data":null,"auth":{"client_token":"REDACTED","accessor":"REDACTED","policies":["default"],"lease_duration":60}}',
    ],
    [
      'wrap_info token and accessors',
      '{"data":null,"wrap_info":{"token":"hvs.wrap","accessor":"wacc","ttl":300,"creation_time":"2026-01-01T00:00:00Z","creation_path":"secret/data/x","wrapped_accessor":"inner"}}',
      '{"data":null,"wrap_info":{"token":"REDACTED","accessor":"REDACTED","ttl":300,"creation_time":"2026-01-01T00:00:00Z","creation_path":"secret/data/x","wrapped_accessor":"REDACTED"}}',
    ],
    [
      'secret values repeated in warnings, longest first',
      '{"data":{"a":"pass","b":"password"},"warnings":["password and pass: keep the rest","none here"],"wrap_info":null}',
      '{"data":{"a":"REDACTED","b":"REDACTED"},"warnings":["REDACTED and REDACTED: keep the rest","none here"],"wrap_info":null}',
    ],
    [
      'a wrapping token in a warning',
      '{"data":null,"wrap_info":{"token":"hvs.w.1"},"warnings":["unwrap hvs.w.1 soon"]}',
      '{"data":null,"wrap_info":{"token":"REDACTED"},"warnings":["unwrap REDACTED soon"]}',
    ],
    ['values with regexp characters', '{"data":{"k":"a.b*(c)"},"warnings":["axb a.b*(c)"]}', '{"data":{"k":"REDACTED"},"warnings":["axb REDACTED"]}'],
    ['fields absent stay absent', '{"data":{"k":"v"}}', '{"data":{"k":"REDACTED"}}'],
  ])('%s', (_name, body, want) => {
    expect(redact(body)).toBe(want);
  });
});

describe('recordingFiles with redact', () => {
  it('leaves no secret value in any file', () => {
    const secrets = ['s3cr3t-value', 'hvs.wrapping', 'hvs.client'];
    const exchanges: RecordedExchange[] = [
      {
        method: 'GET',
        path: 'secret/data/app',
        query: '',
        status: 200,
        body: `{"data":{"data":{"pw":"${secrets[0]}","blank":""}},"warnings":["value ${secrets[0]} is old"],"wrap_info":{"token":"${secrets[1]}","ttl":60}}`,
      },
      {
        method: 'PUT',
        path: 'auth/approle/login',
        query: '',
        status: 200,
        body: `{"data":null,"auth":{"client_token":"${secrets[2]}"},"warnings":["token ${secrets[2]}"]}`,
      },
    ];
    const { files } = recordingFiles(exchanges, { redact: true });
    expect([...files.keys()]).toEqual(['secret/data/app.json', 'auth/approle/login.put.json']);
    for (const text of files.values()) for (const s of secrets) expect(text).not.toContain(s);
    expect(files.get('secret/data/app.json')).toContain('"blank": ""');
  });
});
