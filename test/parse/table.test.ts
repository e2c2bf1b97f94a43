// A readable table in the style of Go's parse_test.go (the complete upstream tables are
// checked against Go itself in go-oracle.test.ts).
import { describe, expect, test } from 'vitest';
import { type NumberNode, ActionNode, ParseError, Tree, parse } from '../../src/parse/index.js';

const builtins = [new Set(['printf', 'contains'])];

const ok: [string, string][] = [
  ['{{.X}}', '{{.X}}'],
  ['{{with $x := 3}}{{$x 23}}{{end}}', '{{with $x := 3}}{{$x 23}}{{end}}'],
  ['{{range $i, $v := .}}{{$i}}{{end}}', '{{range $i, $v := .}}{{$i}}{{end}}'],
  ['{{if .X}}a{{else if .Y}}b{{end}}', '{{if .X}}a{{else}}{{if .Y}}b{{end}}{{end}}'],
  ['{{with .X}}a{{else with .Y}}b{{end}}', '{{with .X}}a{{else}}{{with .Y}}b{{end}}{{end}}'],
  ['x \r\n\t{{- 3 -}}\n\n\ty', 'x{{3}}y'],
  ['{{(.X).Y}}{{$.A.B}}{{.A.B}}', '{{(.X).Y}}{{$.A.B}}{{.A.B}}'],
  ['{{printf "%d" ( 1 ) | printf}}', '{{printf "%d" (1) | printf}}'],
  ['{{template `x` .}}', '{{template "x" .}}'],
];

const bad: [string, string][] = [
  ['{{if .X}}', 'template: t:1: unexpected EOF'],
  ['{{foo}}', 'template: t:1: function "foo" not defined'],
  ['x\n{{.X}\n}}', "template: t:2: bad character U+007D '}'"],
  ['x\n{{printf 1 } }}', 'template: t:2: unexpected "}" in operand'],
  ['{{.X', 'template: t:1: unclosed action'],
  ['{{if .X}}{{else}}{{else}}{{end}}', 'template: t:1: expected end; found {{else}}'],
  ['{{range .}}{{else with .Y}}{{end}}{{end}}', 'template: t:1: unexpected <with> in input'],
  ['{{if 1}}{{else 3}}{{end}}', 'template: t:1: unexpected "3" in else'],
  ['{{break}}', 'template: t:1: {{break}} outside {{range}}'],
  ['{{$x}}', 'template: t:1: undefined variable "$x"'],
  ['{{.X | 3}}', 'template: t:1: non executable command in pipeline stage 2'],
  ['{{print 0x}}', 'template: t:1: function "print" not defined'],
  ['{{printf 0x}}', 'template: t:1: illegal number syntax: "0x"'],
  ['{{printf 1a}}', 'template: t:1: bad number syntax: "1a"'],
  ['{{printf 99999999999999999999}}', 'template: t:1: integer overflow: "99999999999999999999"'],
  ['{{printf "\\z"}}', 'template: t:1: invalid syntax'],
  ["{{printf 'ab'}}", "template: t:1: malformed character constant: 'ab'"],
  ['{{define "a"}}a{{end}}{{define "a"}}b{{end}}', 'template: t:1: template: multiple definition of template "a"'],
  ['{{\n"x"\n', 'template: t:3: unclosed action started at t:1'],
];

describe('parse table', () => {
  test.each(ok)('%j', (input, want) => {
    expect(parse('t', input, '', '', builtins).get('t')?.root?.toString()).toBe(want);
  });
  test.each(bad)('%j fails', (input, want) => {
    expect(() => parse('t', input, '', '', builtins)).toThrow(new ParseError(want));
  });
});

describe('API', () => {
  test('functions may be given as a predicate', () => {
    const trees = parse('t', '{{anything 1}}', '', '', (name) => name.startsWith('any'));
    expect(trees.get('t')?.root?.toString()).toBe('{{anything 1}}');
  });

  test('break is an identifier when a function is named break', () => {
    const trees = parse('t', '{{range .}}{{break 20}}{{end}}', '', '', [new Set(['break'])]);
    expect(trees.get('t')?.root?.toString()).toBe('{{range .}}{{break 20}}{{end}}');
  });

  test('Tree.parse adds to an existing tree set; an empty redefinition is ignored', () => {
    const set = new Map<string, Tree>();
    new Tree('a').parse('A{{define "b"}}B{{end}}', '', '', set, builtins);
    new Tree('b').parse('  {{/* only space and comments */}}', '', '', set, builtins);
    expect([...set.keys()].sort()).toEqual(['a', 'b']);
    expect(set.get('b')?.root?.toString()).toBe('B');
    expect(() => new Tree('b').parse('B2', '', '', set, builtins)).toThrow('template: b:1: template: multiple definition of template "b"');
  });

  test('number nodes carry every representation', () => {
    const action = parse('t', "{{printf 0x10 'a' 1e3 -1}}", '', '', builtins).get('t')?.root?.nodes[0];
    if (!(action instanceof ActionNode)) throw new Error('expected action');
    const [, hex, ch, exp, neg] = action.pipe.cmds[0].args as NumberNode[];
    expect([hex.int64, hex.uint64, hex.float64]).toEqual([16n, 16n, 16]);
    expect([ch.isInt, ch.int64, ch.text]).toEqual([true, 97n, "'a'"]);
    expect([exp.isInt, exp.isFloat, exp.int64, exp.float64]).toEqual([true, true, 1000n, 1000]);
    expect([neg.isInt, neg.isUint, neg.int64]).toEqual([true, false, -1n]);
  });
});
