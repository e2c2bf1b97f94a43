import { describe, expect, it } from 'vitest';
import { GoMap, Value, box, intValue, invalid, jsonNumber, mapStringInterfaceType, stringValue } from '../../src/value/index.js';
import { evalArgs, htmlEscape, jsEscape, queryEscape } from '../../src/funcs/index.js';

describe('jsEscape', () => {
  // TestJSEscaping from text/template/exec_test.go, plus Go 1.26 results for control
  // characters, Latin-1 non-printables and runes Unicode 15.0 (Go's tables) leaves unassigned.
  it.each([
    ['a', 'a'],
    ["'foo", "\\'foo"],
    ['Go "jump" \\', 'Go \\"jump\\" \\\\'],
    ['Yukihiro says "今日は世界"', 'Yukihiro says \\"今日は世界\\"'],
    ['unprintable \uFFFE', 'unprintable \\uFFFE'],
    ['<html>', '\\u003Chtml\\u003E'],
    ['no = in attributes', 'no \\u003D in attributes'],
    ['&#x27; does not become HTML entity', '\\u0026#x27; does not become HTML entity'],
    ['\x00\x01\t\n\x1f\x7f', '\\u0000\\u0001\\u0009\\u000A\\u001F\x7f'],
    ['\u00a0\u00ad\u00e9\u2028\u200b', '\\u00A0\\u00ADé\\u2028\\u200B'],
    ['\u{1F600}\u{E0001}\u{2EBF0}', '\u{1F600}\\uE0001\\u2EBF0'],
  ])('%j', (input, want) => {
    expect(jsEscape(input)).toBe(want);
  });
});

describe('htmlEscape', () => {
  it.each([
    ['<script>alert("XSS");</script>', '&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;'],
    ["\x00&'", '\uFFFD&amp;&#39;'],
    ['plain é', 'plain é'],
  ])('%j', (input, want) => {
    expect(htmlEscape(input)).toBe(want);
  });
});

describe('queryEscape', () => {
  // queryEscapeTests from net/url/url_test.go.
  it.each([
    ['', ''],
    ['abc', 'abc'],
    ['one two', 'one+two'],
    ['10%', '10%25'],
    [' ?&=#+%!<>#"{}|\\^[]`☺\t:/@$\'()*,;', '+%3F%26%3D%23%2B%25%21%3C%3E%23%22%7B%7D%7C%5C%5E%5B%5D%60%E2%98%BA%09%3A%2F%40%24%27%28%29%2A%2C%3B'],
    ['a b&c=d/é~-._', 'a+b%26c%3Dd%2F%C3%A9~-._'],
  ])('%j', (input, want) => {
    expect(queryEscape(input)).toBe(want);
  });
});

describe('evalArgs', () => {
  it('uses a single string as is', () => {
    expect(evalArgs([box(stringValue('<a b>'))])).toBe('<a b>');
  });

  it('prints a single non-string (json.Number, a map) with fmt.Sprint', () => {
    expect(evalArgs([box(jsonNumber('1.50'))])).toBe('1.50');
    const m = new GoMap();
    m.set(stringValue('b'), box(intValue(2)));
    m.set(stringValue('a'), box(stringValue('x')));
    expect(evalArgs([box(new Value(mapStringInterfaceType, m))])).toBe('map[a:x b:2]');
  });

  it('joins several arguments like fmt.Sprint, nil as <no value>', () => {
    expect(evalArgs([box(intValue(1)), box(intValue(2)), box(stringValue('a')), box(stringValue('b')), box(intValue(3))])).toBe('1 2ab3');
    // Go 1.26: {{js 1 "a" nil}} is 1a\u003Cno value\u003E.
    expect(evalArgs([box(intValue(1)), box(stringValue('a')), box(invalid)])).toBe('1a<no value>');
  });
});
