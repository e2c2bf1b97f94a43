// fast-check arbitraries for consul-template-mode differential fuzzing: recorded
// Vault responses (KV v1, KV v2 behind a mount, dynamic credentials, some paths
// missing) and templates that read them and pass their values through
// consul-template's functions.

import fc from 'fast-check';
import { jsonText } from './arbitraries.js';

export interface ConsulFuzzCase {
  readonly template: string;
  /** Request key ("PATH", "LIST PATH") -> response body JSON text. */
  readonly vault: ReadonlyMap<string, string>;
  /** The mount table as JSON text. */
  readonly mountsJSON: string;
  readonly env: Readonly<Record<string, string>>;
  readonly errorOnMissingKey: boolean;
}

const KEYS = ['user', 'password', 'port', 'list', 'nested', 'empty', 'nul', 'html'] as const;

/** A `data` object: the keys templates use, each with an arbitrary JSON value, sometimes absent. */
const dataObject = fc
  .tuple(...KEYS.map(() => fc.option(jsonText, { freq: 4 })))
  .map((values) => `{${KEYS.flatMap((k, i) => (values[i] === null ? [] : [`"${k}":${values[i]}`])).join(',')}}`);

const envelope = (data: string, extra: string): string =>
  `{"request_id":"0b1c2d3e-0000-4000-8000-000000000001","lease_id":"${extra}","lease_duration":${extra === '' ? 0 : 600},"renewable":${extra !== ''},"data":${data},"warnings":null}`;

const responses: fc.Arbitrary<Map<string, string>> = fc
  .tuple(dataObject, dataObject, dataObject, fc.boolean(), fc.boolean(), fc.array(fc.constantFrom('a', 'b/', 'c'), { maxLength: 3 }))
  .map(([kv2, kv1, creds, kv2Present, credsPresent, listKeys]) => {
    const m = new Map<string, string>();
    if (kv2Present) {
      m.set(
        'secret/data/app',
        envelope(
          `{"data":${kv2},"metadata":{"created_time":"2026-01-02T03:04:05.000000006Z","custom_metadata":null,"deletion_time":"","destroyed":false,"version":3}}`,
          '',
        ),
      );
    }
    m.set('kv/app', envelope(kv1, ''));
    if (credsPresent) m.set('database/creds/app', envelope(creds, 'database/creds/app/AbC123'));
    m.set('LIST kv/', envelope(`{"keys":${JSON.stringify([...new Set(listKeys)])}}`, ''));
    return m;
  });

const MOUNTS = '{"secret/":{"type":"kv","options":{"version":"2"}},"kv/":{"type":"kv","options":{"version":"1"}}}';

const field = fc.constantFrom(...KEYS).map((k) => `.${k}`);
const literal = fc.constantFrom('"x"', '"a,b"', '","', '2', '"5432"', '""', '"<&>"', '"X"', '" pad "');

/** An expression over dot = a secret's data map. */
const valueExpr = fc.oneof(
  field,
  literal,
  fc
    .tuple(
      fc.constantFrom(
        'toJSON',
        'toJSONPretty',
        'toUnescapedJSON',
        'toYAML',
        'toTOML',
        'base64Encode',
        'toUpper',
        'toLower',
        'toTitle',
        'trimSpace',
        'sha256Hex',
        'md5sum',
        'parseInt',
        'parseFloat',
        'parseBool',
        'parseJSON',
        'len',
        'print',
      ),
      field,
    )
    .map(([f, a]) => `${f} ${a}`),
  fc
    .tuple(
      fc.constantFrom(
        'split',
        'join',
        'replaceAll ","',
        'contains',
        'in',
        'trimPrefix',
        'indent',
        'add',
        'multiply',
        'printf "%v|%s"',
        'regexMatch',
        'sprig_default',
        'sprig_quote',
        'envOrDefault',
      ),
      literal,
      field,
    )
    .map(([f, a, b]) => `${f} ${a} ${b}`),
  fc
    .tuple(field, fc.constantFrom('printf "%v" | parseInt | add 1', 'toJSON', 'base64Encode | base64Decode', 'printf "%q"', 'len'))
    .map(([a, f]) => `${a} | ${f}`),
  fc.constantFrom('env "REGION"', 'envOrDefault "ZONE" "z"', 'mustEnv "REGION"', 'loop 3', 'toJSON .', 'scratch.Key "a"'),
);

const body = fc
  .array(
    fc.oneof(
      valueExpr.map((e) => `{{ ${e} }}`),
      fc.constantFrom('{{ range $k, $v := . }}{{ $k }}: {{ $v }}\n{{ end }}', '{{ . }}', '\n', 'text '),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((xs) => xs.join(''));

const read = fc.oneof(
  fc
    .constantFrom('secret "secret/app"', 'secret "secret/data/app"', 'secret "kv/app"', 'secret "database/creds/app"')
    .map((r) => ({ r, kv2: r.includes('secret/') })),
);

const template = fc.oneof(
  fc
    .tuple(read, body, fc.boolean())
    .map(([{ r, kv2 }, b, trim]) =>
      trim
        ? `{{- with ${r} -}}\n${kv2 ? `{{ with .Data.data }}${b}{{ end }}` : `{{ with .Data }}${b}{{ end }}`}\n{{- end -}}`
        : `{{ with ${r} }}${kv2 ? `{{ with .Data.data }}${b}{{ end }}` : `{{ with .Data }}${b}{{ end }}`}{{ end }}`,
    ),
  read.map(({ r }) => `{{ with ${r} }}{{ range $k, $v := .Data }}{{ $k }}: {{ $v }}\n{{ end }}{{ end }}`),
  read.map(({ r }) => `{{ with ${r} }}{{ .Data | toJSON }}\n{{ end }}`),
  fc.constantFrom(
    '{{ range secrets "kv/" }}{{ . }},{{ end }}',
    '{{ with secret "kv/app" }}{{ .LeaseDuration }} {{ .Renewable }} {{ .Warnings }} {{ .Auth }}{{ end }}',
  ),
);

export const consulFuzzCase: fc.Arbitrary<ConsulFuzzCase> = fc.tuple(template, responses, fc.boolean(), fc.boolean()).map(
  ([t, vault, withEnv, errorOnMissingKey]): ConsulFuzzCase => ({
    template: t,
    vault,
    mountsJSON: MOUNTS,
    env: withEnv ? { REGION: 'eu-west-1' } : {},
    errorOnMissingKey,
  }),
);
