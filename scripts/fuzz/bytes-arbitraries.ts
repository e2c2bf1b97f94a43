// fast-check arbitraries for fuzz-diff's bytes mode: consul-template pipelines over Go strings
// that are not valid UTF-8 (docs/design/go-bytes.md). Byte sources (base64Decode, sprig_b64dec,
// "\x.." literals) feed string functions and joins; each pipeline ends in a function whose
// output is valid UTF-8 (%q, %x, len, a hash, base64, toJSON), because the corpus format, and
// with it the oracle, carries only UTF-8 text.

import fc from 'fast-check';
import type { ConsulFuzzCase } from './consul-arbitraries.js';

/** Bytes biased towards lead and continuation bytes, so cut and invalid sequences are common. */
const POOL = [
  0x00, 0x20, 0x41, 0x61, 0x2c, 0x7f, 0x80, 0x82, 0xac, 0xbf, 0xc0, 0xc2, 0xc3, 0xa9, 0xdf, 0xe0, 0xe2, 0xed, 0xa0, 0xef, 0xbd, 0xf0, 0x90, 0xf4, 0x8f, 0xf5,
  0xff, 0xfe,
];
const bytes = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...POOL) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) }), {
  maxLength: 8,
});

/** A Go string literal of the bytes: printable ASCII as itself, everything else as \xNN. */
function literal(b: readonly number[]): string {
  let s = '"';
  for (const c of b) s += c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
  return `${s}"`;
}

const base64 = (b: readonly number[]): string => Buffer.from(b).toString('base64');

/** An operand: a byte source, or a valid string that the joins can meet escapes with. */
const source: fc.Arbitrary<string> = fc.oneof(
  bytes.map((b) => `(base64Decode ${JSON.stringify(base64(b))})`),
  bytes.map((b) => `(sprig_b64dec ${JSON.stringify(base64(b))})`),
  bytes.map((b) => literal(b)),
  fc.constantFrom('"a"', '"é"', '"€"', '"\\uFFFD"', '""', '" "', '","'),
);

/** Functions of one string, written as a pipeline stage (the piped value is the last argument). */
const STAGES = [
  'toUpper',
  'toLower',
  'toTitle',
  'trimSpace',
  'sprig_upper',
  'sprig_lower',
  'sprig_title',
  'sprig_untitle',
  'sprig_swapcase',
  'sprig_camelcase',
  'sprig_snakecase',
  'sprig_kebabcase',
  'sprig_initials',
  'sprig_nospace',
  'sprig_trunc 3',
  'sprig_trunc -2',
  'sprig_substr 1 3',
  'sprig_abbrev 5',
  'sprig_wrap 2',
  'sprig_indent 1',
  'sprig_nindent 1',
  'sprig_repeat 2',
  'sprig_trimAll "a"',
  'sprig_trimPrefix "a"',
  'sprig_quote',
  'sprig_squote',
  'sprig_toString',
  'html',
  'js',
  'replaceAll "a" ""',
  'sprig_replace "," ""',
  'regexReplaceAll "[a,]" ""',
  'regexReplaceAll "(.)" "<$1>"',
  'regexReplaceAll "\\\\x{FFFD}" "?"',
  'printf "%s"',
  'printf "%5.2s"',
  'printf "%v|"',
  'indent 1',
  'base64Encode | base64Decode',
];

/** Joins of two operands into one Go string (where escapes on both sides may become one rune). */
const join: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('print', 'printf "%s%s"', 'sprig_cat', 'html', 'js', 'urlquery'), source, source)
  .map(([f, a, b]) => `(${f} ${a} ${b})`);

/** Ends of pipelines: every output here is valid UTF-8 whatever bytes come in. */
const SINKS = [
  'printf "%q"',
  'printf "%+q"',
  'printf "%#q"',
  'printf "%x"',
  'printf "% X"',
  'printf "%.2x"',
  'len',
  'sha256Hex',
  'md5sum',
  'base64Encode',
  'toJSON',
  'sprig_toJson',
  'sprig_adler32sum',
  'urlquery',
  'split "," | printf "%q"',
  'sprig_splitList "" | printf "%q"',
  'toYAML | printf "%q"',
  'sprig_list "b" | sprig_sortAlpha | printf "%q"',
  'printf "%v" | printf "%q"',
];

/** Comparisons and lookups whose result is a bool or a number. */
const test: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('eq', 'lt', 'le', 'gt', 'ne'), source, source).map(([f, a, b]) => `{{ ${f} ${a} ${b} }}`),
  fc.tuple(source, source).map(([a, b]) => `{{ range $k, $v := sprig_dict ${a} 1 ${b} 2 "m" 3 }}{{ printf "%q " $k }}{{ end }}`),
  fc.tuple(source, source).map(([a, b]) => `{{ sprig_dict ${a} 1 ${b} 2 | toJSON }}`),
  fc.tuple(source, source).map(([a, b]) => `{{ printf "%q" (sprig_list ${a} ${b} | sprig_sortAlpha) }}`),
  source.map((a) => `{{ with ${a} }}{{ if gt (len .) 0 }}{{ index . 0 }} {{ slice . 1 | printf "%q" }}{{ end }}{{ end }}`),
  source.map((a) => `{{ regexMatch "^.*$" ${a} }} {{ sprig_regexFind "." ${a} | printf "%q" }}`),
  source.map((a) => `{{ sprig_regexFindAll "." ${a} -1 | printf "%q" }} {{ sprig_regexSplit "," ${a} -1 | printf "%q" }}`),
);

const pipeline: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(source, join), fc.array(fc.constantFrom(...STAGES), { maxLength: 3 }), fc.constantFrom(...SINKS))
  .map(([head, stages, sink]) => `{{ ${[head, ...stages, sink].join(' | ')} }}`);

const MOUNTS = '{"secret/":{"type":"kv","options":{"version":"2"}}}';

export const bytesFuzzCase: fc.Arbitrary<ConsulFuzzCase> = fc
  .array(fc.oneof({ weight: 3, arbitrary: pipeline }, { weight: 1, arbitrary: test }), { minLength: 1, maxLength: 3 })
  .map((actions): ConsulFuzzCase => ({ template: actions.join('\n'), vault: new Map(), mountsJSON: MOUNTS, env: {}, errorOnMissingKey: false }));
