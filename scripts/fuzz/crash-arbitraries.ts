// fast-check arbitraries for crash fuzzing (`npm run fuzz:crash`): the differential fuzzers'
// templates and Vault responses, plus garbage no well-meaning template contains: random bytes
// and unicode (lone surrogates included), huge literals, deep nesting, random JS data (cycles,
// Maps, Dates, bigints, deep arrays) and malformed recorded responses. Nothing here needs Go:
// the only property is "no raw exception, hang or crash".

import fc from 'fast-check';
import { fuzzCase, jsonText, maybeMalformed, singleAction, wholeTemplate } from './arbitraries.js';
import { consulFuzzCase } from './consul-arbitraries.js';

/** A plain text/template case: the template and JS data given to Template/render. */
export interface TextCrashCase {
  readonly mode: 'text';
  readonly api: 'Template' | 'render';
  readonly template: string;
  readonly data: unknown;
  readonly delims?: readonly [string, string];
  readonly missingkey?: 'default' | 'invalid' | 'zero' | 'error';
}

/** A Vault Agent case: the template rendered by renderConsulTemplate against recorded responses. */
export interface ConsulCrashCase {
  readonly mode: 'consul';
  readonly template: string;
  /** Request key -> body text (not always JSON: recorded files are untrusted). */
  readonly vault: readonly (readonly [string, string])[];
  /** Mount path -> mount info text. */
  readonly mounts: readonly (readonly [string, string])[];
  readonly env: Readonly<Record<string, string>>;
  readonly errorOnMissingKey: boolean;
}

export type CrashCase = TextCrashCase | ConsulCrashCase;

/** Upper bound on generated sizes (literal length, nesting depth): `--max-size`. */
export interface Sizes {
  readonly maxSize: number;
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const garbageChar = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 1, minLength: 1 }),
  loneSurrogate,
  fc.constantFrom(
    '{',
    '}',
    '{{',
    '}}',
    '(',
    ')',
    '"',
    '`',
    "'",
    '\\',
    '|',
    '$',
    '.',
    ':=',
    '=',
    '-',
    ' ',
    '\n',
    '\0',
    '/*',
    '*/',
    'end',
    'if',
    'range',
    'define',
    'template',
    'block',
    'else',
  ),
);

/** Random text: bytes decoded as UTF-8 or Latin-1, unicode, and template punctuation soup. */
const garbageText = fc.oneof(
  fc.array(garbageChar, { maxLength: 60 }).map((xs) => xs.join('')),
  fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b).toString('utf8')),
  fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b).toString('latin1')),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** A single literal (string, raw string, char, number) of up to maxSize characters. */
const hugeLiteral = (s: Sizes) =>
  fc
    .tuple(
      fc.integer({ min: 1, max: s.maxSize }),
      fc.constantFrom('"', '`', "'", 'num', 'hex', 'float'),
      fc.constantFrom('a', '\\n', '\\x41', '\\u263a', 'é', '9', '_'),
    )
    .map(([n, kind, unit]) => {
      switch (kind) {
        case '"':
          return `{{ "${unit.repeat(Math.ceil(n / unit.length))}" }}`;
        case '`':
          return `{{ \`${'a'.repeat(n)}\` }}`;
        case "'":
          return `{{ '${unit.repeat(Math.max(1, Math.ceil(n / 1000)))}' }}`;
        case 'num':
          return `{{ ${'9'.repeat(n)} }}`;
        case 'hex':
          return `{{ 0x${'f'.repeat(n)} }}`;
        default:
          return `{{ 1.${'5'.repeat(n)}e${n} }}`;
      }
    });

/** Deep nesting of one construct, up to maxSize levels (Go's own limits: parse depth 10000, exec depth 100000). */
const deepTemplate = (s: Sizes) =>
  fc
    .tuple(fc.integer({ min: 1, max: s.maxSize }), fc.constantFrom('paren', 'if', 'range', 'with', 'pipe', 'define', 'block', 'comment', 'trim'))
    .map(([n, kind]) => {
      switch (kind) {
        case 'paren':
          return `{{ ${'('.repeat(n)}1${')'.repeat(n)} }}`;
        case 'if':
          return `${'{{ if 1 }}'.repeat(n)}x${'{{ end }}'.repeat(n)}`;
        case 'range':
          return `${'{{ range $i := 1 }}'.repeat(n)}x${'{{ end }}'.repeat(n)}`;
        case 'with':
          return `${'{{ with . }}'.repeat(n)}{{ . }}${'{{ end }}'.repeat(n)}`;
        case 'pipe':
          return `{{ 1${' | print'.repeat(n)} }}`;
        case 'define':
          return `{{ define "R" }}{{ if . }}{{ template "R" (slice . 1) }}{{ end }}{{ end }}{{ template "R" .deep }}`;
        case 'block':
          return `${'{{ block "b" . }}'.repeat(Math.min(n, 200))}x${'{{ end }}'.repeat(Math.min(n, 200))}`;
        case 'comment':
          return `{{/*${'*'.repeat(n)}*/}}`;
        default:
          return `${'{{- 1 -}}'.repeat(n)}`;
      }
    });

/** Garbage spliced into a real template at a random place. */
const spliced = fc.tuple(fc.oneof(wholeTemplate, singleAction), fc.nat(), garbageText).map(([t, at, g]) => {
  const i = t.length === 0 ? 0 : at % (t.length + 1);
  return t.slice(0, i) + g + t.slice(i);
});

export const crashTemplate = (s: Sizes): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: maybeMalformed(fc.oneof(wholeTemplate, singleAction)) },
    { weight: 3, arbitrary: spliced },
    { weight: 2, arbitrary: garbageText },
    { weight: 1, arbitrary: hugeLiteral(s) },
    { weight: 1, arbitrary: deepTemplate(s) },
  );

/** JS values of every kind the library accepts as data, including what Go has no value for. */
const jsData = (s: Sizes): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withTypedArray: true,
          withSparseArray: true,
          withBoxedValues: true,
          maxDepth: 4,
        })
        .map(tame),
    },
    { weight: 2, arbitrary: fuzzCase.map((c) => JSON.parse(c.dataJSON) as unknown) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(2n ** 64n, -(2n ** 63n) - 1n, 2n ** 63n, 2n ** 64n - 1n, -1n).map((b) => ({ a: b, list: [b], Data: { data: { port: b } } })),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: s.maxSize }).map((n) => ({ deep: Array.from({ length: n }, () => 1), nested: nest(n) })) },
    { weight: 1, arbitrary: fc.constantFrom('object', 'array', 'map').map(cycle) },
  );

/**
 * `range` over an integer loops that many times, in Go too: a template ranging over a random
 * 2^31 would be reported as a hang that is no bug. Integers in random data are kept small
 * (the out-of-range bigints that matter are generated on purpose above).
 */
function tame(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) > 1000 ? v % 1000 : v;
  if (typeof v === 'bigint') return v % 1000n;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (i in v) v[i] = tame(v[i]);
    return v;
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const a = v as unknown as { length: number; [i: number]: number | bigint };
    for (let i = 0; i < a.length; i++) a[i] = typeof a[i] === 'bigint' ? (a[i] as bigint) % 1000n : (a[i] as number) % 1000;
    return v;
  }
  if (v instanceof Map) {
    for (const [k, x] of v) v.set(k, tame(x));
    return v;
  }
  const boxed = v instanceof String || v instanceof Number || v instanceof Boolean;
  if (v !== null && typeof v === 'object' && !boxed && !(v instanceof Set) && !(v instanceof Date)) {
    for (const k of Object.keys(v)) (v as Record<string, unknown>)[k] = tame((v as Record<string, unknown>)[k]);
  }
  return v;
}

function nest(n: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

function cycle(kind: string): unknown {
  if (kind === 'array') {
    const a: unknown[] = [1];
    a.push(a);
    return { a, list: a };
  }
  if (kind === 'map') {
    const m = new Map<string, unknown>();
    m.set('self', m);
    return { a: m };
  }
  const o: Record<string, unknown> = { x: 1 };
  o.self = o;
  o.Data = o;
  return o;
}

const DELIMS: readonly (readonly [string, string])[] = [
  ['[[', ']]'],
  ['<%', '%>'],
  ['', ''],
  ['{', '}'],
  ['{{', '}}'],
  ['a', 'a'],
  ['\u263a', '\ud800'],
  ['|', '|'],
];

export const textCrashCase = (s: Sizes): fc.Arbitrary<TextCrashCase> =>
  fc.record(
    {
      mode: fc.constant('text' as const),
      api: fc.constantFrom('Template' as const, 'render' as const),
      template: crashTemplate(s),
      data: jsData(s),
      delims: fc.option(fc.constantFrom(...DELIMS), { freq: 6, nil: undefined }),
      missingkey: fc.option(fc.constantFrom('default' as const, 'invalid' as const, 'zero' as const, 'error' as const), { freq: 3, nil: undefined }),
    },
    { requiredKeys: ['mode', 'api', 'template', 'data'] },
  );

const FUNCS = [
  'secret',
  'secrets',
  'pkiCert',
  'key',
  'keyOrDefault',
  'ls',
  'tree',
  'service',
  'file',
  'env',
  'mustEnv',
  'envOrDefault',
  'base64Decode',
  'base64URLDecode',
  'parseJSON',
  'parseYAML',
  'parseInt',
  'parseUint',
  'parseFloat',
  'parseBool',
  'toJSON',
  'toJSONPretty',
  'toYAML',
  'toTOML',
  'indent',
  'split',
  'join',
  'regexMatch',
  'regexReplaceAll',
  'replaceAll',
  'timestamp',
  'loop',
  'add',
  'subtract',
  'multiply',
  'divide',
  'modulo',
  'minimum',
  'maximum',
  'sha256Hex',
  'md5sum',
  'sprig_chunk',
  'sprig_until',
  'sprig_repeat',
  'sprig_toDate',
  'sprig_date',
  'sprig_semver',
  'sprig_regexFind',
  'sprig_b64dec',
  'sprig_fromJson',
  'sprig_int64',
  'sprig_mustToRawJson',
  'sprig_dict',
  'sprig_list',
  'sprig_get',
  'sprig_set',
  'sprig_dig',
  'sprig_cidrhost',
  'sprig_urlParse',
  'spew_sdump',
  'writeToFile',
  'plugin',
  'executeTemplate',
  'mergeMap',
  'explodeMap',
  'byKey',
  'byTag',
  'contains',
  'containsAll',
  'in',
  'scratch.Get',
  'scratch.MapSet',
];

const argument = fc.oneof(
  jsonText.map((j) => (j.startsWith('"') ? j : `(${JSON.stringify(j)} | parseJSON)`)),
  fc.constantFrom(
    '.',
    '$',
    '.Data',
    '.Data.data',
    '0',
    '-1',
    '1e308',
    '"secret/app"',
    '"kv/app"',
    '"database/creds/app"',
    '"a=b"',
    '"=x"',
    '"%"',
    '"[0-9]+"',
    '"("',
    'nil',
    'true',
  ),
  garbageText.map((g) => JSON.stringify(g)),
);

/** A consul-template function called with random arguments, inside a read of a recorded secret or not. */
const consulCall = fc.tuple(fc.constantFrom(...FUNCS), fc.array(argument, { maxLength: 3 }), fc.boolean()).map(([f, args, inWith]) => {
  const call = `{{ ${[f, ...args].join(' ')} }}`;
  return inWith ? `{{ with secret "kv/app" }}${call}{{ end }}` : call;
});

/** Response bodies a recordings folder might hold: Vault's, other JSON, or not JSON at all. */
const body = fc.oneof(
  { weight: 3, arbitrary: jsonText.map((d) => `{"request_id":"x","lease_id":"","lease_duration":0,"renewable":false,"data":${d},"warnings":null}`) },
  { weight: 1, arbitrary: jsonText },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: garbageText },
);

const garbageResponses = fc.array(
  fc.tuple(fc.constantFrom('kv/app', 'secret/data/app', 'database/creds/app', 'LIST kv/', 'PUT kv/app', 'pki/issue/web', 'PUT pki/issue/web'), body),
  { maxLength: 4 },
);
const garbageMounts = fc.array(
  fc.tuple(
    fc.constantFrom('secret/', 'kv/', 'pki/', ''),
    fc.oneof(fc.constant('{"type":"kv","options":{"version":"2"}}'), fc.constant('{"type":"kv","options":null}'), body),
  ),
  { maxLength: 3 },
);

export const consulCrashCase = (s: Sizes): fc.Arbitrary<ConsulCrashCase> =>
  fc.oneof(
    {
      weight: 2,
      arbitrary: consulFuzzCase.map(
        (c): ConsulCrashCase => ({
          mode: 'consul',
          template: c.template,
          vault: [...c.vault],
          mounts: Object.entries(JSON.parse(c.mountsJSON) as Record<string, unknown>).map(([k, v]) => [k, JSON.stringify(v)] as const),
          env: c.env,
          errorOnMissingKey: c.errorOnMissingKey,
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        mode: fc.constant('consul' as const),
        template: fc.oneof(
          consulCall,
          crashTemplate(s),
          fc.array(consulCall, { minLength: 2, maxLength: 4 }).map((xs) => xs.join('')),
        ),
        vault: garbageResponses,
        mounts: garbageMounts,
        env: fc.dictionary(fc.constantFrom('REGION', 'HOME', 'A'), garbageText, { maxKeys: 2 }),
        errorOnMissingKey: fc.boolean(),
      }),
    },
  );

export const crashCase = (mode: 'text' | 'consul', s: Sizes): fc.Arbitrary<CrashCase> => (mode === 'text' ? textCrashCase(s) : consulCrashCase(s));
