// Compares the port with Go's own results (fixtures written by test/parse/oracle).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ItemType, Lexer, ParseComments, parse } from '../../src/parse/index.js';
import { numberValue, type NumberKind } from '../../src/parse/literal.js';
import { byteOffset, dumpNode, numberFields } from './dump.js';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;

interface ParseCase {
  name: string;
  input: string;
  left?: string;
  right?: string;
  comments?: boolean;
  funcs?: string[];
  error?: string;
  trees?: Record<string, { string: string; dump: unknown }>;
}

const defaultFuncs = [
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
  'contains',
];

describe('parse matches Go', () => {
  const cases = fixture<ParseCase[]>('go-parse.json');
  test.each(cases.map((c, i) => [`${i} ${c.name}`, c] as const))('%s', (_, c) => {
    const funcs = [new Set(c.funcs ?? defaultFuncs)];
    let trees: ReturnType<typeof parse>;
    try {
      trees = parse(c.name, c.input, c.left ?? '', c.right ?? '', funcs, c.comments ? ParseComments : 0);
    } catch (e) {
      expect((e as Error).message).toBe(c.error);
      return;
    }
    expect(c.error).toBeUndefined();
    const got: Record<string, { string: string; dump: unknown }> = {};
    for (const [name, tree] of trees) got[name] = { string: tree.root?.toString() ?? '', dump: dumpNode(tree.root, c.input) };
    expect(got).toEqual(c.trees);
  });
});

interface LexCase {
  name: string;
  input: string;
  left?: string;
  right?: string;
  items: { typ: number; pos: number; val: string; line: number }[];
}

describe('lexer matches Go', () => {
  const cases = fixture<LexCase[]>('go-lex.json');
  test.each(cases.map((c, i) => [`${i} ${c.name}`, c] as const))('%s', (_, c) => {
    const l = new Lexer(c.name, c.input, c.left ?? '', c.right ?? '');
    l.options = { emitComment: true, breakOK: true, continueOK: true };
    // Go's EOF item carries "" or "EOF" depending on the path that produced it; the value is not compared.
    const items = [];
    for (;;) {
      const it = l.nextItem();
      items.push({ typ: it.typ, pos: byteOffset(c.input, it.pos), val: it.val, line: it.line });
      if (it.typ === ItemType.EOF || it.typ === ItemType.Error) break;
    }
    const eofVal = (i: { typ: number; val: string }) => ({ ...i, val: i.typ === ItemType.EOF ? '' : i.val });
    expect(items.map(eofVal)).toEqual(c.items.map(eofVal));
  });
});

interface NumberCase {
  text: string;
  kind: NumberKind;
  error?: string;
}

describe('numbers match Go', () => {
  const cases = fixture<(NumberCase & Record<string, unknown>)[]>('go-numbers.json');
  test.each(cases.map((c) => [c.text, c] as const))('%s', (_, c) => {
    const { text, kind, error, ...want } = c;
    let got: ReturnType<typeof numberFields>;
    try {
      got = numberFields(numberValue(text, kind));
    } catch (e) {
      expect((e as Error).message).toBe(error);
      return;
    }
    expect(error).toBeUndefined();
    expect(got).toEqual(want);
  });
});
