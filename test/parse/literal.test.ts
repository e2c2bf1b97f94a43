// Long literals: a megabyte string, raw string, character or number literal parses (a
// template may embed a PEM certificate). Go reads each in about a millisecond; a parser
// that is quadratic in the literal's length takes minutes here, so the test times out.
// Go's exact values and error messages for literals are checked in go-oracle.test.ts.
import { describe, expect, test } from 'vitest';
import { ActionNode, CommandNode, NumberNode, StringNode, parse } from '../../src/parse/index.js';

const megabyte = 1 << 20;

/** The single operand of a template holding one action with one literal. */
function operand(literal: string): unknown {
  const tree = parse('t', `{{${literal}}}`, '', '', [new Set<string>()]).get('t');
  const action = tree?.root?.nodes[0];
  if (!(action instanceof ActionNode)) throw new Error('no action');
  const command = action.pipe.cmds[0];
  if (!(command instanceof CommandNode)) throw new Error('no command');
  return command.args[0];
}

const stringValue = (literal: string): string => {
  const node = operand(literal);
  if (!(node instanceof StringNode)) throw new Error('not a string');
  return node.text;
};

describe('a 1 MB literal parses', () => {
  test('interpreted string with escapes', () => {
    const line = 'MIIBNjCB3QIUS456l1hbTkIQiA5nFLLbgThYPT4wCgYIKoZIzj0EAwIwIzEhMB8G';
    const lines = Math.ceil(megabyte / (line.length + 2));
    const text = stringValue(`"${`${line}\\n`.repeat(lines)}\\x41\\u00e9\\377"`);
    expect(text.length).toBe(lines * (line.length + 1) + 3);
    expect(text.endsWith(`${line}\nAé\uFFFD`)).toBe(true);
  });

  test('interpreted string without escapes', () => {
    expect(stringValue(`"${'a'.repeat(megabyte)}"`)).toBe('a'.repeat(megabyte));
  });

  test('raw string', () => {
    expect(stringValue(`\`${'ab\r\n'.repeat(megabyte / 4)}\``)).toBe('ab\n'.repeat(megabyte / 4));
  });

  test('number', () => {
    const node = operand(`0.${'5'.repeat(megabyte)}`);
    expect(node).toBeInstanceOf(NumberNode);
    expect((node as NumberNode).float64).toBe(0.5555555555555556);
  });

  test('hex float', () => {
    const node = operand(`0x1.${'0'.repeat(megabyte)}p0`);
    expect((node as NumberNode).float64).toBe(1);
  });

  test("character constant: Go's error, quoting the whole token", () => {
    const token = `'${'a'.repeat(megabyte)}'`;
    expect(() => operand(token)).toThrow(`template: t:1: malformed character constant: ${token}`);
  });

  test('unterminated string', () => {
    expect(() => operand(`"${'a\\n'.repeat(megabyte / 2)}`)).toThrow('template: t:1: unterminated quoted string');
  });
});

describe('many literals in a megabyte template', () => {
  // One line without a backslash: a scanner that searched for the next backslash or newline
  // afresh from every literal would read the rest of the template each time.
  test('short strings and character constants on one line', () => {
    const count = megabyte / 16;
    const tree = parse('t', `{{"a"}}{{'b'}}`.repeat(count), '', '', [new Set<string>()]).get('t');
    const nodes = tree?.root?.nodes ?? [];
    expect(nodes.length).toBe(2 * count);
    const last = (nodes[nodes.length - 1] as ActionNode).pipe.cmds[0].args[0];
    expect(last).toBeInstanceOf(NumberNode);
    expect((last as NumberNode).int64).toBe(98n);
  });
});
