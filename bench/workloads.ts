// The benchmark's workloads: realistic Vault Agent templates and their inputs,
// defined once here and handed unchanged to both vtpl and the Go oracle. Inputs
// are JSON text (built by hand where number literals must keep their exact
// text), so both sides decode the same bytes: numbers become json.Number.

/** What the two kinds of workload share. */
interface WorkloadBase {
  readonly name: string;
  readonly description: string;
  /** Timed rounds (default 5): fewer for workloads whose single operation takes seconds. */
  readonly rounds?: number;
}

export interface TextWorkload extends WorkloadBase {
  readonly mode: 'text/template';
  readonly template: string;
  /** Dot, as JSON text. */
  readonly dataJSON: string;
  /**
   * vtpl executes with plain JavaScript data (JSON.parse of dataJSON) through the public
   * API, as a library user passes it; Go still decodes dataJSON. Numbers are then
   * numbers, not json.Number: the template must print them alike (no %q of a number).
   */
  readonly jsData?: boolean;
}

export interface ConsulWorkload extends WorkloadBase {
  readonly mode: 'consul-template';
  readonly template: string;
  /** Recorded Vault responses: request key ("PATH") -> response body JSON text. */
  readonly vault: Readonly<Record<string, string>>;
  /** Mount table: mount path -> mount info JSON text. */
  readonly mounts: Readonly<Record<string, string>>;
}

export type Workload = TextWorkload | ConsulWorkload;

/** mulberry32: a small seeded generator, so every run benchmarks the same data. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tokenChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function token(rand: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += tokenChars[Math.floor(rand() * tokenChars.length)];
  return s;
}

/** A JSON object text from [key, JSON literal text] pairs. */
function objectText(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

const secretNames = [
  'DATABASE_URL',
  'API_KEY',
  'REDIS_PASSWORD',
  'STRIPE_SECRET',
  'JWT_SIGNING_KEY',
  'SMTP_PASSWORD',
  'aws_secret_access_key',
  'oauth_client_secret',
  'max_connections',
  'feature_flag_note',
];

/**
 * n secret entries as JSON literal texts: mostly random tokens, plus number
 * literals (kept verbatim as json.Number), strings with quotes, backslashes,
 * HTML characters and non-ASCII text.
 */
function secretEntries(n: number, seed: number, numbers = true): [string, string][] {
  const rand = seeded(seed);
  const entries: [string, string][] = [];
  for (let i = 0; i < n; i++) {
    const key = `${secretNames[i % secretNames.length]}_${String(i).padStart(4, '0')}`;
    let value: string;
    if (i % 7 === 3) {
      value = i % 2 === 0 ? `${i * 31}` : `${i}.50`;
      if (!numbers) value = JSON.stringify(value);
    } else if (i % 11 === 5) value = JSON.stringify(`p@ss"w0rd\\${token(rand, 6)}`);
    else if (i % 13 === 6) value = JSON.stringify(`clé-${i}-秘密 & <${token(rand, 4)}>`);
    else value = JSON.stringify(token(rand, 24 + Math.floor(rand() * 20)));
    entries.push([key, value]);
  }
  return entries;
}

const configTemplate = `# {{ len .secrets }} secrets for {{ .app }} ({{ .environment }})
{{ range $k, $v := .secrets -}}
{{ $k }}={{ $v }}
{{ end }}
[aligned]
{{ range $k, $v := .secrets -}}
{{ printf "%-20s = %q" $k $v }}
{{ end -}}
`;

function configWorkload(n: number): TextWorkload {
  return {
    name: `config-${n}`,
    mode: 'text/template',
    description: `config file from a KV map of ${n} secrets (plain and printf %-20s/%q lines)`,
    template: configTemplate,
    dataJSON: objectText([
      ['app', '"payments"'],
      ['environment', '"production"'],
      ['secrets', objectText(secretEntries(n, n))],
    ]),
  };
}

/** config-n with plain JS data; its number-like values are strings, so that %q prints them alike. */
function configJSWorkload(n: number): TextWorkload {
  return {
    name: `config-${n}-js`,
    mode: 'text/template',
    description: `config-${n} with plain JS data (JSON.parse; numbers as strings) through the public API`,
    template: configTemplate,
    dataJSON: objectText([
      ['app', '"payments"'],
      ['environment', '"production"'],
      ['secrets', objectText(secretEntries(n, n, false))],
    ]),
    jsData: true,
  };
}

const itemTemplate = `{{- define "item" -}}
- {{ .name }} (#{{ .id }}){{ if .enabled }} enabled{{ else }} disabled{{ end }} owner={{ .owner.team }} tags={{ range $i, $t := .tags }}{{ if $i }},{{ end }}{{ $t }}{{ end }}
{{ end -}}
# {{ len .items }} items
{{ range .items }}{{ template "item" . }}{{ end -}}
`;

/** A {{template}} call per range item over n records, with plain JS data or decoded JSON. */
function itemWorkload(n: number, jsData: boolean): TextWorkload {
  const rand = seeded(5);
  const items = Array.from({ length: n }, (_, i) =>
    objectText([
      ['name', JSON.stringify(`item-${token(rand, 8)}`)],
      ['id', `${1000 + i}`],
      ['enabled', i % 3 === 0 ? 'false' : 'true'],
      [
        'owner',
        objectText([
          ['team', JSON.stringify(`team-${i % 7}`)],
          ['email', JSON.stringify(`ops${i % 7}@example.com`)],
        ]),
      ],
      [
        'tags',
        `[${['web', 'db', 'cache']
          .slice(0, i % 4)
          .map((t) => JSON.stringify(t))
          .join(',')}]`,
      ],
      ['notes', JSON.stringify(token(rand, 40))],
    ]),
  );
  return {
    name: `template-per-item-${n}${jsData ? '-js' : ''}`,
    mode: 'text/template',
    description: `{{template "item" .}} per range item over ${n} records (${jsData ? 'plain JS data through the public API' : 'decoded JSON'})`,
    template: itemTemplate,
    dataJSON: objectText([['items', `[${items.join(',')}]`]]),
    jsData,
  };
}

const upstreamsTemplate = `# upstreams for zone {{ .localZone }}
{{- range $i, $svc := .services }}
upstream {{ $svc.name }} { # {{ $svc.namespace }}, tags: {{ range $j, $t := $svc.tags }}{{ if $j }},{{ end }}{{ $t }}{{ end }}
{{- range $svc.endpoints }}
  {{- if .healthy }}
  server {{ .address }}:{{ .port }}{{ if eq .zone $.localZone }} weight=10{{ else }} weight=1 backup{{ end }};
  {{- else }}
  # down: {{ .address }}:{{ .port }} ({{ .zone }})
  {{- end }}
{{- end }}
}
{{- end }}
`;

function upstreamsWorkload(services: number, endpoints: number): TextWorkload {
  const rand = seeded(7);
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const svcs = Array.from({ length: services }, (_, s) =>
    objectText([
      ['name', JSON.stringify(`svc-${s}-${token(rand, 5).toLowerCase().replace(/[+/]/g, 'x')}`)],
      ['namespace', JSON.stringify(['default', 'payments', 'search'][s % 3])],
      [
        'tags',
        `[${['http', 'v2', 'canary', 'internal']
          .slice(0, 1 + (s % 4))
          .map((t) => JSON.stringify(t))
          .join(',')}]`,
      ],
      [
        'endpoints',
        `[${Array.from({ length: endpoints }, (_, e) =>
          objectText([
            ['address', JSON.stringify(`10.${s}.${e >> 4}.${(e * 7) % 250}`)],
            ['port', `${8000 + e}`],
            ['healthy', rand() < 0.85 ? 'true' : 'false'],
            ['zone', JSON.stringify(zones[Math.floor(rand() * zones.length)])],
          ]),
        ).join(',')}]`,
      ],
    ]),
  );
  return {
    name: `upstreams-${services}x${endpoints}`,
    mode: 'text/template',
    description: `nested ranges: ${services} services x ${endpoints} endpoints, if/else, eq`,
    template: upstreamsTemplate,
    dataJSON: objectText([
      ['localZone', '"eu-west-1b"'],
      ['services', `[${svcs.join(',')}]`],
    ]),
  };
}

const printfTemplate = `{{ printf "%-6s %-18s %10s %-7s %s" "#" "NAME" "COUNT" "ENABLED" "ID" }}
{{ range $i, $r := .rows -}}
{{ printf "%06d %-18.18s %10s %-7t %x" $i $r.name $r.count $r.enabled $r.id }}
{{ printf "  %+q | %#v | %v | %08b | %o | %U | %5.1f%%" $r.name $r.tags $r.meta $i $i $i 99.5 }}
{{ end -}}
{{ printf "%8.3f %e %g %x %X %v" 3.14159265 6.02214076e23 0.000001 255 "ff" .rows }}
`;

function printfWorkload(rows: number): TextWorkload {
  const rand = seeded(3);
  const list = Array.from({ length: rows }, (_, i) =>
    objectText([
      ['name', JSON.stringify(i % 5 === 0 ? `überwachung-${i}` : `worker-${token(rand, 8)}`)],
      ['count', i % 3 === 0 ? `${i * 1000}` : `${i}.25`],
      ['enabled', i % 4 === 0 ? 'false' : 'true'],
      ['id', JSON.stringify(token(rand, 12))],
      [
        'tags',
        `[${['a', 'b', 'c']
          .slice(0, i % 4)
          .map((t) => JSON.stringify(`${t}${i}`))
          .join(',')}]`,
      ],
      [
        'meta',
        objectText([
          ['owner', JSON.stringify(`team-${i % 6}`)],
          ['tier', `${i % 3}`],
          ['pii', i % 2 ? 'true' : 'false'],
        ]),
      ],
    ]),
  );
  return {
    name: `printf-${rows}`,
    mode: 'text/template',
    description: `printf-heavy: ${rows} rows x 2 lines of %d/%s/%t/%x/%+q/%#v/%v/%b/%o/%U/%f widths`,
    template: printfTemplate,
    dataJSON: objectText([['rows', `[${list.join(',')}]`]]),
  };
}

/** A Vault API response body (vault/api Secret JSON) around `data`. */
function vaultResponse(data: string, lease: { id: string; duration: number; renewable: boolean }): string {
  return objectText([
    ['request_id', '"6f5c8e2a-0d5b-4c5e-9a57-0f3a9c1e2b4d"'],
    ['lease_id', JSON.stringify(lease.id)],
    ['renewable', String(lease.renewable)],
    ['lease_duration', String(lease.duration)],
    ['data', data],
    ['wrap_info', 'null'],
    ['warnings', 'null'],
    ['auth', 'null'],
  ]);
}

const kv2Path = 'secret/data/my-app';
const kv2Mounts = { 'secret/': '{"type":"kv","options":{"version":"2"}}' };

/** A KV v2 read response (data and metadata) around the secret's entries. */
function kv2Response(entries: readonly (readonly [string, string])[]): string {
  const metadata = objectText([
    ['created_time', '"2024-05-01T12:00:00.123456789Z"'],
    ['custom_metadata', 'null'],
    ['deletion_time', '""'],
    ['destroyed', 'false'],
    ['version', '3'],
  ]);
  const data = objectText([
    ['data', objectText(entries)],
    ['metadata', metadata],
  ]);
  return vaultResponse(data, { id: '', duration: 0, renewable: false });
}

/** A KV v2 read of kv2Path holding `keys` entries. */
function kv2Vault(keys: number): Record<string, string> {
  return { [kv2Path]: kv2Response(secretEntries(keys, 500)) };
}

/** vault-k8s's default template (agent-inject-secret-* without a template annotation). */
function vaultDefaultWorkload(keys: number): ConsulWorkload {
  return {
    name: `vault-default-kv2-${keys}`,
    mode: 'consul-template',
    description: `vault-k8s default map template over a KV v2 secret of ${keys} keys`,
    template: `{{ with secret "${kv2Path}" }}{{ range $k, $v := .Data }}{{ $k }}: {{ $v }}\n{{ end }}{{ end }}`,
    vault: kv2Vault(keys),
    mounts: kv2Mounts,
  };
}

/** vault-k8s's JSON template (agent-inject-default-template: json). */
function vaultJSONWorkload(keys: number): ConsulWorkload {
  return {
    name: `vault-json-kv2-${keys}`,
    mode: 'consul-template',
    description: `vault-k8s json template (toJSON) over a KV v2 secret of ${keys} keys`,
    template: `{{ with secret "${kv2Path}" }}{{ .Data | toJSON }}\n{{ end }}`,
    vault: kv2Vault(keys),
    mounts: kv2Mounts,
  };
}

/** toJSONPretty (consul-template's 4-space json.MarshalIndent) of a KV v2 secret. */
function vaultJSONPrettyWorkload(keys: number): ConsulWorkload {
  return {
    name: `vault-jsonpretty-kv2-${keys}`,
    mode: 'consul-template',
    description: `toJSONPretty over a KV v2 secret of ${keys} keys`,
    template: `{{ with secret "${kv2Path}" }}{{ .Data.data | toJSONPretty }}\n{{ end }}`,
    vault: kv2Vault(keys),
    mounts: kv2Mounts,
  };
}

const dbPath = 'database/creds/my-app-db-role';

const dbCredsWorkload: ConsulWorkload = {
  name: 'vault-db-creds',
  mode: 'consul-template',
  description: 'database dynamic credentials as shell exports (the vault-k8s docs example)',
  template: `{{- with secret "${dbPath}" -}}export DB_USER="{{ .Data.username }}"\nexport DB_PASSWORD="{{ .Data.password }}"{{- end -}}`,
  vault: {
    [dbPath]: vaultResponse(
      objectText([
        ['username', '"v-kubernetes-my-app-db-r-8Hq2xYwB3kLm-1714564800"'],
        ['password', '"A1a-9xQz4PvLr7TnW2sKe"'],
      ]),
      { id: `${dbPath}/Tz8sV3kWbQ1nR5yXo2Lp`, duration: 3600, renewable: true },
    ),
  },
  mounts: { 'database/': '{"type":"database","options":null}' },
};

/**
 * Every secret under a KV v2 path: `secrets` lists the metadata path and each name is
 * read with `secret` (n + 1 dependencies, so the pass records and looks up n + 1).
 */
function kv2ListingWorkload(n: number): ConsulWorkload {
  const rand = seeded(n);
  const names = Array.from({ length: n }, (_, i) => `app-${String(i).padStart(3, '0')}`);
  const vault: Record<string, string> = {
    'LIST secret/metadata/apps': vaultResponse(objectText([['keys', JSON.stringify(names)]]), { id: '', duration: 0, renewable: false }),
  };
  for (const [i, name] of names.entries()) {
    vault[`secret/data/apps/${name}`] = kv2Response([
      ['password', JSON.stringify(token(rand, 24))],
      ['port', `${5432 + (i % 7)}`],
      ['url', JSON.stringify(`postgres://${name}.db.internal/${name}`)],
    ]);
  }
  return {
    name: `vault-kv2-list-${n}`,
    mode: 'consul-template',
    description: `range over a KV v2 listing of ${n} secrets, each read with secret and printed key=value`,
    template:
      '{{- range $name := secrets "secret/metadata/apps" }}[{{ $name }}]\n' +
      '{{ with secret (printf "secret/data/apps/%s" $name) }}{{ range $k, $v := .Data.data }}{{ $k }}={{ $v }}\n{{ end }}{{ end }}' +
      '{{ end }}',
    vault,
    mounts: kv2Mounts,
  };
}

// Large workloads (issue 8, items 8 and 9): each operation takes from a tenth of a second
// to seconds, so they run 2 rounds (one warm-up operation, then one per round).

/** `range` over an integer: the cost of one iteration with an empty body. */
function rangeIntWorkload(n: number): TextWorkload {
  return {
    name: `range-int-${n.toExponential().replace('+', '')}`,
    mode: 'text/template',
    description: `{{range ${n}}}{{end}}: ${n} iterations of an empty body`,
    template: `{{range ${n}}}{{end}}`,
    dataJSON: 'null',
    rounds: 2,
  };
}

/** sprig's until builds a []int of n elements (8 bytes each in Go) and range walks it. */
function sprigUntilWorkload(n: number): ConsulWorkload {
  return {
    name: `sprig-until-${n.toExponential().replace('+', '')}`,
    mode: 'consul-template',
    description: `{{range sprig_until ${n}}}{{end}}: a []int of ${n} elements, ranged over`,
    template: `{{range sprig_until ${n}}}{{end}}`,
    vault: {},
    mounts: {},
    rounds: 2,
  };
}

/** `range` over a list of n ints decoded from JSON, printing each: one iteration with a number to print. */
function rangeListWorkload(n: number): TextWorkload {
  return {
    name: `range-list-${n.toExponential().replace('+', '')}`,
    mode: 'text/template',
    description: `{{range .}}{{.}}\\n{{end}} over a JSON list of ${n} ints`,
    template: '{{range .}}{{.}}\n{{end}}',
    dataJSON: `[${Array.from({ length: n }, (_, i) => i).join(',')}]`,
    rounds: 2,
  };
}

/**
 * About `megabytes` MB of output in 1,000-byte writes (two nested ranges over lists, so a
 * peer without range-over-int can run it too): the cost of collecting a large output.
 */
function largeOutputWorkload(megabytes: number): TextWorkload {
  const line = `${'0123456789abcdef'.repeat(62)}-------\n`;
  return {
    name: `output-${megabytes}MB-lines`,
    mode: 'text/template',
    description: `${megabytes} MB of output: ${megabytes * 1000} x 1000 writes of a 1000-byte line`,
    template: '{{range .outer}}{{range $.inner}}{{$.line}}{{end}}{{end}}',
    dataJSON: objectText([
      ['outer', `[${Array.from({ length: megabytes }, (_, i) => i).join(',')}]`],
      ['inner', `[${Array.from({ length: 1000 }, (_, i) => i).join(',')}]`],
      ['line', JSON.stringify(line)],
    ]),
    rounds: 2,
  };
}

/** n {{if}} blocks nested in each other: parse and execution depth. */
function nestedIfWorkload(n: number): TextWorkload {
  return {
    name: `nested-if-${n}`,
    mode: 'text/template',
    description: `${n} nested {{if .}} (dot is true) around one character`,
    // Not {{if true}}: exec compiles an if on a constant as the branch it takes, and the
    // row would no longer walk n levels.
    template: `${'{{if .}}'.repeat(n)}x${'{{end}}'.repeat(n)}`,
    dataJSON: 'true',
    rounds: 2,
  };
}

/** An output of n bytes written one byte at a time. */
function byteOutputWorkload(n: number): TextWorkload {
  return {
    name: `output-${n / 1e6}MB`,
    mode: 'text/template',
    description: `{{range ${n}}}x{{end}}: ${n / 1e6} MB of output in 1-byte writes`,
    template: `{{range ${n}}}x{{end}}`,
    dataJSON: 'null',
    rounds: 2,
  };
}

/**
 * One string literal of about `bytes` bytes: a PEM body written with "\n" escapes, as a
 * manifest embeds a certificate. Parsing it must be linear (Go reads it in about a millisecond).
 */
function longLiteralWorkload(bytes: number): TextWorkload {
  const rand = seeded(11);
  const lines: string[] = [];
  for (let size = 0; size < bytes; size += 66) lines.push(token(rand, 64));
  const pem = `-----BEGIN CERTIFICATE-----\\n${lines.join('\\n')}\\n-----END CERTIFICATE-----\\n`;
  return {
    name: `long-literal-${bytes >> 20}mb`,
    mode: 'text/template',
    description: `one ${bytes >> 20} MB string literal (a PEM with \\n escapes) in an action`,
    // Executing it is a truth test, so the row measures parsing the literal.
    template: `{{ if "${pem}" }}parsed{{ end }}\n`,
    dataJSON: '{}',
  };
}

/** One section of a config-style template: comments, text, fields, pipelines, printf, if/else, with, range. */
function parseChunk(i: number): string {
  return `{{/* section ${i}: service settings rendered from the KV secret */}}
[service_${i}]
name = {{ .app | printf "%s-${i}" }}
environment = {{ .environment }}
{{- with .secrets }}
{{- if .DATABASE_URL }}
database_url = "{{ .DATABASE_URL }}"
{{- else }}
database_url = "postgres://localhost:5432/{{ $.app }}"
{{- end }}
{{- range $k, $v := . }}
{{ printf "%-20s = %q" $k $v }}
{{- end }}
{{- end }}
max_connections = {{ or .max_connections ${i % 200} }}
timeout = {{ len "30s" | printf "%ds" }}
{{ if and (eq .environment "production") (ne .app "") -}}
tls = true
{{- else -}}
tls = false
{{- end }}
`;
}

/** A config-style template of about `bytes` bytes, to show how parse time grows with size. */
function parseSizeWorkload(bytes: number): TextWorkload {
  let template = '';
  for (let i = 0; template.length < bytes; i++) template += parseChunk(i);
  const label = bytes >= 1 << 20 ? `${bytes >> 20}mb` : `${bytes >> 10}kb`;
  return {
    name: `parse-${label}`,
    mode: 'text/template',
    description: `a ${template.length}-byte config-style template (parse time per size)`,
    template,
    dataJSON: objectText([
      ['app', '"payments"'],
      ['environment', '"production"'],
      [
        'secrets',
        objectText([
          ['DATABASE_URL', '"postgres://db:5432/payments"'],
          ['API_KEY', '"k-123"'],
        ]),
      ],
    ]),
  };
}

export const workloads: readonly Workload[] = [
  configWorkload(100),
  configWorkload(1000),
  configJSWorkload(1000),
  itemWorkload(1000, false),
  itemWorkload(1000, true),
  upstreamsWorkload(20, 25),
  printfWorkload(200),
  vaultDefaultWorkload(500),
  vaultJSONWorkload(500),
  vaultJSONPrettyWorkload(500),
  dbCredsWorkload,
  kv2ListingWorkload(200),
  longLiteralWorkload(1 << 20),
  rangeIntWorkload(1e7),
  rangeListWorkload(1e6),
  sprigUntilWorkload(1e8),
  nestedIfWorkload(100000),
  byteOutputWorkload(1e7),
  largeOutputWorkload(100),
  parseSizeWorkload(1 << 10),
  parseSizeWorkload(10 << 10),
  parseSizeWorkload(100 << 10),
  parseSizeWorkload(1 << 20),
];
