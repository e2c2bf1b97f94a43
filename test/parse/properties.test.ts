// Properties, nesting limits, error positions and speed.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { IfNode, ParseError, TextNode, type Tree, parse } from '../../src/parse/index.js';

const funcs = [new Set(['print', 'printf', 'len', 'index', 'not', 'and', 'or', 'eq', 'secret'])];
const root = (text: string, name = 't'): Tree => {
  const t = parse(name, text, '', '', funcs).get(name);
  if (t === undefined) throw new Error('no tree');
  return t;
};

// Generated templates: text and actions built from a small grammar of operands and pipelines.
const ident = fc.constantFrom('A', 'B', 'Name', 'x_1', 'é');
const operand: fc.Arbitrary<string> = fc.oneof(
  ident.map((i) => '.' + i),
  fc.array(ident, { minLength: 1, maxLength: 3 }).map((is) => '.' + is.join('.')),
  fc.constant('.'),
  fc.constant('$'),
  fc.constant('nil'),
  fc.boolean().map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('1.5', '0x1F', '1e3', "'a'", '2i', '1_000', '0b101'),
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('`raw`', '"a\\tb"', '(print 1)', '(.A).B'),
);
const command = fc.oneof(
  operand,
  fc.tuple(fc.constantFrom('print', 'printf', 'len', 'not'), fc.array(operand, { maxLength: 3 })).map(([f, args]) => [f, ...args].join(' ')),
);
const pipeline = fc
  .tuple(command, fc.array(fc.tuple(fc.constantFrom('print', 'len'), fc.array(operand, { maxLength: 2 })), { maxLength: 2 }))
  .map(([first, rest]) => [first, ...rest.map(([f, a]) => [f, ...a].join(' '))].join(' | '));
// No '{' at all, so text can never run into a following delimiter as "{{{".
const text = fc.string({ maxLength: 10 }).filter((s) => !s.includes('{'));
const item: fc.Arbitrary<string> = fc.letrec<{ item: string; list: string }>((tie) => ({
  item: fc.oneof(
    { depthSize: 'small' },
    text,
    pipeline.map((p) => `{{${p}}}`),
    pipeline.map((p) => `{{- ${p} -}}`),
    fc.constant('{{/* comment */}}'),
    fc
      .tuple(fc.constantFrom('if', 'with', 'range'), pipeline, tie('list'), fc.option(tie('list')))
      .map(([k, p, l, e]) => `{{${k} ${p}}}${l}${e === null ? '' : `{{else}}${e}`}{{end}}`),
    fc.tuple(pipeline, tie('list')).map(([p, l]) => `{{range $i, $v := ${p}}}{{$i}}{{$v.A}}${l}{{break}}{{end}}`),
    fc.tuple(pipeline, tie('list')).map(([p, l]) => `{{with $x := ${p}}}{{$x}}${l}{{else with .B}}b{{end}}`),
    fc.constant('{{template "x" .}}'),
  ),
  list: fc.array(tie('item'), { maxLength: 3 }).map((xs) => xs.join('')),
})).item;
const template = fc.array(item, { maxLength: 5 }).map((xs) => xs.join(''));

describe('properties', () => {
  test('String() of a parsed tree parses to the same String()', () => {
    fc.assert(
      fc.property(template, (src) => {
        const once = root(src).root?.toString() ?? '';
        expect(root(once).root?.toString()).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  test('text without delimiters is a single TextNode holding it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => !s.includes('{{')),
        (s) => {
          const nodes = root(s).root?.nodes ?? [];
          expect(nodes).toHaveLength(1);
          expect(nodes[0]).toBeInstanceOf(TextNode);
          expect((nodes[0] as TextNode).text).toBe(s);
        },
      ),
    );
  });
});

describe('nesting depth', () => {
  const parens = (n: number): string => `{{print ${'('.repeat(n)}1${')'.repeat(n)}}}`;

  test('10000 nested parentheses parse (Go maxStackDepth)', () => {
    const src = parens(10000);
    expect(root(src).root?.toString()).toBe(src);
  });

  test('10001 nested parentheses: max expression depth exceeded', () => {
    expect(() => root(parens(10001))).toThrow(new ParseError('template: t:1: max expression depth exceeded'));
  });

  test('20000 nested {{if}} blocks parse without exhausting the stack', () => {
    const n = 20000;
    const t = root('{{if 1}}'.repeat(n) + 'x' + '{{end}}'.repeat(n));
    let node = t.root?.nodes[0];
    let depth = 0;
    while (node instanceof IfNode) {
      depth++;
      node = node.list.nodes[0];
    }
    expect(depth).toBe(n);
  });

  test('a long else-if chain parses', () => {
    const n = 20000;
    const src = '{{if 0}}a' + '{{else if 0}}b'.repeat(n) + '{{end}}';
    expect(root(src).root?.nodes).toHaveLength(1);
  });

  test('a {{block}} deep in {{if}}s, with {{if}}s deep inside it, ends each control where it belongs', () => {
    // The block's controls are kept above those still open around it (and grow their store).
    const n = 40;
    const inner = '{{if 2}}'.repeat(n) + 'y{{else}}z' + '{{end}}'.repeat(n);
    const src = '{{if 1}}'.repeat(n) + `{{block "b" .}}${inner}{{end}}{{else}}w` + '{{end}}'.repeat(n);
    const trees = parse('t', src, '', '', funcs);
    expect(trees.get('t')?.root?.toString()).toBe('{{if 1}}'.repeat(n) + '{{template "b" .}}{{else}}w' + '{{end}}'.repeat(n));
    expect(trees.get('b')?.root?.toString()).toBe(inner);
  });
});

describe('errorContext', () => {
  test('line and byte column of a node, and its text', () => {
    const t = root('héllo\n日本 {{ .nope }}');
    const action = t.root?.nodes[1];
    if (action === undefined) throw new Error('missing node');
    // An action's position is that of its first token, as in Go: "日本 {{ " is 10 bytes.
    expect(t.errorContext(action)).toEqual(['t:2:10', '{{.nope}}']);
    const first = root('{{ .nope }}');
    const firstAction = first.root?.nodes[0];
    if (firstAction === undefined) throw new Error('missing node');
    expect(first.errorContext(firstAction)).toEqual(['t:1:3', '{{.nope}}']);
  });

  test('nodes of {{define}}d trees report the parse name', () => {
    const trees = parse('outer', 'x\n{{define "in"}}\n  {{.Y}}{{end}}', '', '', funcs);
    const inner = trees.get('in');
    const action = inner?.root?.nodes[1];
    if (inner === undefined || action === undefined) throw new Error('missing tree');
    expect(inner.errorContext(action)).toEqual(['outer:3:4', '{{.Y}}']);
  });
});

describe('speed', () => {
  test('a 1 MB template parses in well under a second', () => {
    const unit = [
      '# generated configuration for {{ .Name }}',
      '{{- with secret "secret/data/app" }}',
      'username = "{{ .Data.data.username }}"',
      'password = "{{ .Data.data.password | printf "%s" }}"',
      '{{- end }}',
      '{{ range $i, $v := .List }}item {{ $i }} = {{ $v.X }} {{ if eq $v.Y 1 }}one{{ else }}other{{ end }}',
      '{{ end }}',
      'plain text line with no actions at all, just some words to fill the file up',
      '',
    ].join('\n');
    const src = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const start = performance.now();
    const t = root(src);
    const ms = performance.now() - start;
    expect(t.root?.nodes.length).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(1000);
  });
});
