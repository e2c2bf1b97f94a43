// fast-check arbitraries for differential fuzzing: Go templates over the whole
// grammar (actions, every literal kind, builtins, trim markers, printf verbs,
// nesting, custom delimiters), well-formed and malformed, with JSON data shaped
// like Vault responses.

import fc from 'fast-check';

/** JSON data as text (so numbers keep their literal form, as Vault sends them). */
export interface FuzzCase {
  readonly template: string;
  readonly dataJSON: string;
  readonly delims?: readonly [string, string];
  readonly missingkey?: 'zero' | 'error';
}

const KEYS = ['a', 'b', 'Data', 'data', 'port', 'user', 'list', 'nul', 'x_y', 'é', 'Z'] as const;

const numberText = fc.oneof(
  fc.constantFrom('0', '-0', '1', '1.50', '1e3', '5432', '12345678901234567890', '-7', '0.000001', '1E+2', '3.0', '100000', '1000000'),
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((d) => JSON.stringify(d)),
);

const stringText = fc
  .oneof(
    fc.constantFrom('', 'hello', 's3cret', '<a href="x">&amp;</a>', "it's", 'line\nbreak', 'tab\there', 'ünïcödé ☃ 😀', '0', 'true', '%d', '{{ .x }}'),
    fc.string({ maxLength: 8 }),
  )
  .map((s) => JSON.stringify(s));

/** A JSON value text of bounded depth. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberText,
    stringText,
    fc.constantFrom('true', 'false', 'null'),
    fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
    fc
      .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('value')), { maxLength: 5, selector: ([k]) => k })
      .map((kvs) => `{${kvs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

/** Data shaped like a Vault response: an envelope whose `Data`/`data` holds KV-style maps. */
export const vaultLikeData: fc.Arbitrary<string> = fc
  .tuple(jsonText, jsonText, numberText, stringText)
  .map(
    ([d1, d2, port, user]) =>
      `{"Data":{"data":{"port":${port},"user":${user},"x":${d1}},"metadata":{"version":2}},"a":${d2},"list":[1,"a",null,true],"nul":null,"port":${port}}`,
  );

// Mostly chains that exist in vaultLikeData (so templates get past them and render),
// sometimes arbitrary ones (missing keys, fields of non-maps: Go's error paths).
const fieldChain = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '.Data.data.port',
      '.Data.data.user',
      '.Data.data.x',
      '.Data.metadata.version',
      '.Data.data',
      '.list',
      '.port',
      '.a',
      '.nul',
      '.Data.nope',
      '.missing',
    ),
  },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 }).map((ks) => ks.map((k) => `.${k}`).join('')) },
);

const literal = fc.oneof(
  fc.constantFrom(
    '1',
    '-1',
    '0x1F',
    '0o17',
    '017',
    '0b101',
    '1_000',
    '1.5',
    '1e3',
    '.5',
    "'a'",
    "'\\n'",
    '"s"',
    '"a\\tb"',
    '`raw`',
    'true',
    'false',
    'nil',
    '18446744073709551615',
    '9223372036854775807',
    '1i',
    '"\\u263a"',
    '0x1p-2',
    '-0',
    '3.0',
  ),
  fc.integer({ min: -5, max: 300 }).map(String),
);

const verb = fc
  .tuple(
    fc.constantFrom('', '+', '-', '#', '0', ' ', '+#', '-0'),
    fc.constantFrom('', '5', '10', '*', '1'),
    fc.constantFrom('', '.2', '.0', '.*', '.10'),
    fc.constantFrom('v', 'd', 's', 'q', 'x', 'X', 'o', 'O', 'b', 'c', 'U', 'e', 'E', 'f', 'F', 'g', 'G', 't', 'T', '%', 'z', '[2]d', '[1]v'),
  )
  .map(([flags, w, p, v]) => `%${flags}${w}${p}${v}`);

const formatString = fc
  .array(fc.oneof(verb, fc.constantFrom('a', ' ', '|', '=')), { minLength: 1, maxLength: 4 })
  .map((parts) => JSON.stringify(parts.join('')));

const variable = fc.constantFrom('$', '$x', '$i', '$v', '$.a', '$x.a');

const BUILTINS = [
  'and',
  'or',
  'not',
  'len',
  'index',
  'slice',
  'print',
  'println',
  'html',
  'js',
  'urlquery',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'call',
] as const;

/** Template text over the whole grammar (mostly well-formed). */
// The tie is loosely typed (fast-check cannot infer mutually recursive string arbitraries).
export const templateText = fc.letrec((tie) => ({
  operand: fc.oneof(
    { depthSize: 'small' },
    fieldChain,
    literal,
    variable,
    fc.constant('.'),
    tie('pipeline').map((p) => `(${p})`),
    fc.tuple(tie('pipeline'), fieldChain).map(([p, f]) => `(${p})${f}`),
  ),
  command: fc.oneof(
    { depthSize: 'small' },
    { weight: 3, arbitrary: tie('operand') },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...BUILTINS), fc.array(tie('operand'), { maxLength: 3 })).map(([f, args]) => [f, ...args].join(' ')) },
    { weight: 2, arbitrary: fc.tuple(formatString, fc.array(tie('operand'), { maxLength: 3 })).map(([f, args]) => ['printf', f, ...args].join(' ')) },
  ),
  pipeline: fc.oneof(
    { depthSize: 'small' },
    tie('command'),
    fc.tuple(tie('command'), fc.constantFrom('len', 'print', 'html', 'js', 'urlquery', 'printf "%v"', 'not', 'index .list')).map(([c, f]) => `${c} | ${f}`),
  ),
  // Declarations only where Go allows them: at the start of an action's pipeline.
  action: fc.oneof(
    { depthSize: 'small' },
    tie('pipeline'),
    fc.tuple(fc.constantFrom('$x := ', '$x = ', '$i = '), tie('pipeline')).map(([d, p]) => `${d}${p}`),
  ),
  list: fc
    .array(
      fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('text ', '\n', '  ', 'é', '<&>', '%'),
        tie('action').map((p) => `{{ ${p} }}`),
        tie('action').map((p) => `{{- ${p} -}}`),
        fc.constantFrom(
          '{{/* c */}}',
          '{{- /* c */ -}}',
          '{{ range $.list }}{{ if . }}{{ continue }}{{ end }}{{ . }}{{ break }}{{ end }}',
          // Anywhere in a list: in a range's body, its else, an if or with inside it, or
          // outside any range (a parse error, whose message is compared too).
          '{{ continue }}',
          '{{ break }}',
          '{{ $x := 1 }}',
          '{{ template "T" . }}',
        ),
        fc
          .tuple(fc.constantFrom('if', 'with', 'range'), tie('action'), tie('list'), fc.option(tie('list')))
          .map(([kw, p, body, els]) => `{{ ${kw} ${p} }}${body}${els === null ? '' : `{{ else }}${els}`}{{ end }}`),
        fc.tuple(tie('pipeline'), tie('list'), tie('pipeline'), tie('list')).map(([p, a, q, b]) => `{{ if ${p} }}${a}{{ else if ${q} }}${b}{{ end }}`),
        fc.tuple(tie('pipeline'), tie('list'), tie('list')).map(([p, a, b]) => `{{ with ${p} }}${a}{{ else with .a }}${b}{{ end }}`),
        fc.tuple(tie('pipeline'), tie('list')).map(([p, body]) => `{{ range $i, $v := ${p} }}${body}{{ end }}`),
        fc.integer({ min: -1, max: 4 }).map((n) => `{{ range $i := ${n} }}{{ $i }}{{ end }}`),
      ),
      { maxLength: 4 },
    )
    .map((xs) => xs.join('')),
})).list as fc.Arbitrary<string>;

/**
 * A whole template: variables $x, $i, $v declared up front (so most generated
 * references resolve), an optional definition of "T" or block "B", then the body.
 */
export const wholeTemplate: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 9 }), templateText, fc.option(templateText, { freq: 3 }), fc.option(templateText, { freq: 4 }))
  .map(([roll, body, def, block]) => {
    const vars = '{{ $x := .a }}{{ $i := 1 }}{{ $v := .list }}';
    return [
      def === null ? '' : `{{ define "T" }}${vars}${def}{{ end }}`,
      roll > 0 ? vars : '', // one template in ten leaves them undeclared
      block === null ? '' : `{{ block "B" . }}${vars}${block}{{ end }}`,
      body,
    ].join('');
  });

/** Tree parts, exposed so cases can also be a single action (most of which render, exercising output). */
const parts = fc.letrec((tie) => ({
  operand: fc.oneof({ depthSize: 'small' }, fieldChain, literal, fc.constant('.'), fc.constant('$')),
  action: fc.oneof(
    tie('operand'),
    fc.tuple(formatString, fc.array(tie('operand'), { maxLength: 3 })).map(([f, args]) => ['printf', f, ...args].join(' ')),
    fc
      .tuple(
        fc.constantFrom('print', 'println', 'len', 'html', 'js', 'urlquery', 'not', 'and', 'or', 'eq', 'lt', 'index'),
        fc.array(tie('operand'), { minLength: 1, maxLength: 3 }),
      )
      .map(([f, args]) => [f, ...args].join(' ')),
  ),
}));

export const singleAction: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', 'x=', ' '), parts.action as fc.Arbitrary<string>, fc.constantFrom('', '\n', ' |'))
  .map(([pre, a, post]) => `${pre}{{ ${a} }}${post}`);

/** Damage a template: drop, duplicate or insert characters, so malformed input is covered too. */
export const maybeMalformed = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: text },
    {
      weight: 1,
      arbitrary: fc
        .tuple(text, fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', '{{', '}}', '(', ')', '|', '"', '-', ' ', 'end', '$', '.', ':='))
        .map(([t, at, del, ins]) => {
          const i = t.length === 0 ? 0 : at % t.length;
          return t.slice(0, i) + ins + t.slice(i + del);
        }),
    },
  );

const DELIMS: ReadonlyArray<readonly [string, string]> = [
  ['[[', ']]'],
  ['<%', '%>'],
  ['((', '))'],
];

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    maybeMalformed(fc.oneof(wholeTemplate, singleAction)),
    fc.oneof({ weight: 3, arbitrary: vaultLikeData }, { weight: 1, arbitrary: jsonText }),
    fc.option(fc.constantFrom(...DELIMS), { freq: 8 }),
    fc.option(fc.constantFrom('zero', 'error') as fc.Arbitrary<'zero' | 'error'>, { freq: 3 }),
  )
  .map(([template, dataJSON, delims, missingkey]) => ({
    template: delims ? template.split('{{').join(delims[0]).split('}}').join(delims[1]) : template,
    dataJSON,
    ...(delims ? { delims } : {}),
    ...(missingkey ? { missingkey } : {}),
  }));

const printfOperand = fc.constantFrom('.a', '.b', '.c', '.d', '.', '.a.a', '.b.Z', '99.5', '-7', '0x1F600', '1e3', '"lit"', 'true', 'nil');

/**
 * printf-heavy templates: a few printf calls of several verbs (any flags, widths and
 * precisions) over every kind of JSON value, nested maps and lists included, then %v and
 * %#v of all the data: the fast paths of a literal format (src/fmt/print-fast.ts).
 */
export const printfFuzzCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.array(fc.tuple(fc.array(fc.oneof(verb, fc.constantFrom(' ', '|', '=')), { minLength: 1, maxLength: 6 }), fc.array(printfOperand, { maxLength: 6 })), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.tuple(jsonText, jsonText, jsonText, jsonText),
  )
  .map(([calls, [a, b, c, d]]) => ({
    template: `${calls.map(([parts, args]) => `{{printf ${JSON.stringify(parts.join(''))} ${args.join(' ')}}}`).join('\n')}\n{{printf "%v|%#v" . .}}`,
    dataJSON: `{"a":${a},"b":${b},"c":${c},"d":${d}}`,
  }));
