// Ports of exec_test.go's smaller tests (expected texts are Go's, with the test
// package's types named main.* as in tval.ts) and checks of the public API.

import { describe, expect, test } from 'vitest';
import { Template, TemplateError, render } from '../../src/index.js';
import { isTrue } from '../../src/exec/index.js';
import {
  GoError,
  GoMap,
  Value,
  arrayOf,
  boolValue,
  box,
  errorType,
  complex64Type,
  float64Value,
  fromJS,
  funcOf,
  goFunc,
  intType,
  intValue,
  mapOf,
  ptrTo,
  sliceOf,
  stringType,
  stringValue,
  uint8Type,
  zeroOf,
} from '../../src/value/index.js';
import { TType, VType, tVal } from './tval.js';

function execError(text: string, data: unknown, funcs = {}): string {
  try {
    new Template('t').funcs(funcs).parse(text).execute(data);
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    throw e;
  }
  return '<nil>';
}

describe('TestEvalFieldErrors', () => {
  const nilMapPtr = zeroOf(ptrTo(mapOf(stringType, stringType)));
  const cases: [string, string, Value, string][] = [
    ['MissingFieldOnNil', '{{.MissingField}}', zeroOf(ptrTo(TType)), "can't evaluate field MissingField in type *main.T"],
    ['MissingFieldOnNonNil', '{{.MissingField}}', new Value(ptrTo(TType), zeroOf(TType)), "can't evaluate field MissingField in type *main.T"],
    ['ExistingFieldOnNil', '{{.X}}', zeroOf(ptrTo(TType)), 'nil pointer evaluating *main.T.X'],
    ['MissingKeyOnNilMap', '{{.MissingKey}}', nilMapPtr, 'nil pointer evaluating *map[string]string.MissingKey'],
  ];
  for (const [name, src, value, want] of cases) {
    test(name, () => expect(execError(src, value).endsWith(want)).toBe(true));
  }
  test('MissingKeyOnMapPtrToNil', () => {
    const p = new Value(ptrTo(mapOf(stringType, stringType)), new Value(mapOf(stringType, stringType), new GoMap()));
    expect(new Template('tmpl').parse('{{.MissingKey}}').execute(p)).toBe('<no value>');
  });
});

describe('TestExecutePanicDuringCall', () => {
  const funcs = {
    doPanic: () => {
      throw new Error('custom panic string');
    },
  };
  test('direct func call panics', () => {
    expect(execError('{{doPanic}}', null, funcs)).toBe('template: t:1:2: executing "t" at <doPanic>: error calling doPanic: custom panic string');
  });
  test('indirect func call panics', () => {
    expect(execError('{{call doPanic}}', null, funcs)).toBe('template: t:1:7: executing "t" at <doPanic>: error calling doPanic: custom panic string');
  });
  test('func field call panics', () => {
    expect(execError('{{call .PanicFunc}}', tVal)).toBe('template: t:1:2: executing "t" at <call .PanicFunc>: error calling call: test panic');
  });
  test('method call on nil interface', () => {
    expect(execError('{{.NonEmptyInterfaceNil.Method0}}', tVal)).toBe(
      'template: t:1:23: executing "t" at <.NonEmptyInterfaceNil.Method0>: nil pointer evaluating main.I.Method0',
    );
  });
});

describe('TestFunctionCheckDuringCall', () => {
  const cases: [string, Value | null, string][] = [
    ['{{call}}', tVal, 'wrong number of args for call: want at least 1 got 0'],
    ['{{call .True}}', tVal, 'error calling call: non-function .True of type bool'],
    ['{{call .BinaryFunc 1}}', tVal, 'error calling call: wrong number of args for .BinaryFunc: got 1 want 2'],
    ['{{call .VariadicFuncInt}}', tVal, 'error calling call: wrong number of args for .VariadicFuncInt: got 0 want at least 1'],
    ['{{call .TooFewReturnCountFunc}}', tVal, 'error calling call: function .TooFewReturnCountFunc has 0 return values; should be 1 or 2'],
    ['{{call .TooManyReturnCountFunc}}', tVal, 'error calling call: function .TooManyReturnCountFunc has 3 return values; should be 1 or 2'],
    [
      '{{call .InvalidReturnTypeFunc}}',
      tVal,
      'error calling call: invalid function signature for .InvalidReturnTypeFunc: second return value should be error; is bool',
    ],
    ['{{call (len "test")}}', null, 'error calling call: non-function len "test" of type int'],
  ];
  for (const [input, data, want] of cases) test(input, () => expect(execError(input, data)).toContain(want));
});

describe('TestInterfaceValues', () => {
  const data = fromJS({ Slice: [0, 1, 2, 3], One: 1, Two: 2, Nil: null, Zero: 0 });
  const m = data.map() as GoMap;
  // Slice is a []int and PlusOne a func(int) int, as in Go's test.
  m.set(stringValue('Slice'), box(new Value(sliceOf(intType), [0, 1, 2, 3].map(intValue))));
  m.set(stringValue('PlusOne'), box(goFunc({ params: [intType], variadic: false, results: [intType] }, ([n]) => intValue(n.int() + 1n))));
  const cases: [string, string][] = [
    ['{{index .Nil 1}}', 'ERROR: index of untyped nil'],
    ['{{index .Slice 2}}', '2'],
    ['{{index .Slice .Two}}', '2'],
    ['{{call .Nil 1}}', 'ERROR: call of nil'],
    ['{{call .PlusOne 1}}', '2'],
    ['{{call .PlusOne .One}}', '2'],
    ['{{and (index .Slice 0) true}}', '0'],
    ['{{and .Zero true}}', '0'],
    ['{{and (index .Slice 1) false}}', 'false'],
    ['{{and .One false}}', 'false'],
    ['{{or (index .Slice 0) false}}', 'false'],
    ['{{or .Zero false}}', 'false'],
    ['{{or (index .Slice 1) true}}', '1'],
    ['{{or .One true}}', '1'],
    ['{{not (index .Slice 0)}}', 'true'],
    ['{{not .Zero}}', 'true'],
    ['{{not (index .Slice 1)}}', 'false'],
    ['{{not .One}}', 'false'],
    ['{{eq (index .Slice 0) .Zero}}', 'true'],
    ['{{eq (index .Slice 1) .One}}', 'true'],
    ['{{ne (index .Slice 0) .Zero}}', 'false'],
    ['{{ne (index .Slice 1) .One}}', 'false'],
    ['{{ge (index .Slice 0) .One}}', 'false'],
    ['{{ge (index .Slice 1) .Zero}}', 'true'],
    ['{{gt (index .Slice 0) .One}}', 'false'],
    ['{{gt (index .Slice 1) .Zero}}', 'true'],
    ['{{le (index .Slice 0) .One}}', 'true'],
    ['{{le (index .Slice 1) .Zero}}', 'false'],
    ['{{lt (index .Slice 0) .One}}', 'true'],
    ['{{lt (index .Slice 1) .Zero}}', 'false'],
  ];
  for (const [text, out] of cases) {
    test(text, () => {
      if (out.startsWith('ERROR:')) expect(execError(text, data)).toContain(out.slice('ERROR: '.length));
      else expect(new Template('tmpl').parse(text).execute(data)).toBe(out);
    });
  }
});

describe('TestAddrOfIndex', () => {
  const vs = new Value(sliceOf(VType), [new Value(VType, [intValue(1)])]);
  for (const text of ['{{range .}}{{.String}}{{end}}', '{{with index . 0}}{{.String}}{{end}}']) {
    test(text, () => expect(new Template('tmpl').parse(text).execute(vs)).toBe('<1>'));
  }
});

describe('TestIsTrue', () => {
  const cases: [Value, boolean][] = [
    [intValue(1), true],
    [intValue(0), false],
    [new Value(uint8Type, 1n), true],
    [new Value(uint8Type, 0n), false],
    [float64Value(1), true],
    [float64Value(0), false],
    [new Value(complex64Type, { re: 1, im: 0 }), true],
    [new Value(complex64Type, { re: 0, im: 0 }), false],
    [boolValue(true), true],
    [boolValue(false), false],
    [new Value(arrayOf(2, intType), [intValue(1), intValue(2)]), true],
    [new Value(arrayOf(0, intType), []), false],
    [new Value(sliceOf(uint8Type), [new Value(uint8Type, 97n)]), true],
    [new Value(sliceOf(uint8Type), []), false],
    [fromJS({ a: 1, b: 2 }), true],
    [fromJS({}), false],
    [new Value(ptrTo(intType), intValue(0)), true],
    [zeroOf(ptrTo(intType)), false],
  ];
  cases.forEach(([v, want], i) => {
    test(`${i} ${v.type.str}`, () => expect(isTrue(v).truth).toBe(want));
  });
});

describe('TestIssue31810', () => {
  const f = goFunc({ params: [], variadic: false, results: [stringType] }, () => stringValue('result'));
  test('parenthesized dot', () => expect(render('{{ (.)  }}', 'result')).toBe('result'));
  test('a func is not called without call', () => expect(() => render('{{ (.)  }}', f)).toThrow(TemplateError));
  test('call of parenthesized dot', () => expect(render('{{ (call .)  }}', f)).toBe('result'));
});

describe('func names', () => {
  const fn = goFunc({ params: [], variadic: false, results: [intType] }, () => intValue(0));
  for (const name of ['_', 'a', 'a1', 'Ӵ']) test(`good ${name}`, () => expect(() => new Template('X').funcs({ [name]: fn })).not.toThrow());
  for (const name of ['', '2', 'a-b']) test(`bad ${JSON.stringify(name)}`, () => expect(() => new Template('X').funcs({ [name]: fn })).toThrow());
  test('bad signature', () => {
    const bad = new Value(funcOf({ params: [], variadic: false, results: [intType, intType] }), () => intValue(0));
    expect(() => new Template('X').funcs({ bad })).toThrow('invalid function signature for bad: second return value should be error; is int');
  });
});

describe('public API', () => {
  test('user funcs override builtins', () => {
    const len = goFunc({ params: [stringType], variadic: false, results: [stringType] }, ([s]) => stringValue(`len(${s.str()})`));
    expect(new Template('t').funcs({ len }).parse('{{len "x"}}').execute(null)).toBe('len(x)');
  });
  test('functions added after a template ran are the ones its call sites use next', () => {
    // Go looks functions up when a call runs; vtpl's call sites keep what they found until
    // the function map changes.
    const t = new Template('t').funcs({ f: () => 'one' }).parse('{{f}} {{printf "%s" f}} {{len "abc"}}');
    expect(t.execute(null)).toBe('one one 3');
    const len = goFunc({ params: [stringType], variadic: false, results: [stringType] }, ([s]) => stringValue(`len(${s.str()})`));
    t.funcs({ f: () => 'two', len });
    expect(t.execute(null)).toBe('two two len(abc)');
  });
  test('plain JS functions get Values and return JS data', () => {
    const out = render(
      '{{join "-" .l}} {{(pair 1 2).b}}',
      { l: ['a', 'b'] },
      {
        funcs: {
          join: (sep: Value, l: Value) =>
            l
              .items()
              .map((v) => v.elem().str())
              .join(sep.str()),
          pair: (a: Value, b: Value) => ({ a: Number(a.int()), b: Number(b.int()) }),
        },
      },
    );
    expect(out).toBe('a-b 2');
  });
  test('a JS function throwing becomes "error calling"', () => {
    expect(() =>
      render('{{boom}}', null, {
        funcs: {
          boom: () => {
            throw new Error('bad');
          },
        },
      }),
    ).toThrow('template: :1:2: executing "" at <boom>: error calling boom: bad');
  });
  test('a GoError from a Go func', () => {
    const f = goFunc({ params: [], variadic: false, results: [stringType, errorType] }, () => {
      throw new GoError('nope');
    });
    expect(() => render('{{f}}', null, { name: 'n', funcs: { f } })).toThrow('template: n:1:2: executing "n" at <f>: error calling f: nope');
  });
  test('parse errors have kind parse', () => {
    try {
      render('{{.X', null, { name: 'p' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      expect((e as TemplateError).kind).toBe('parse');
      expect((e as TemplateError).message).toBe('template: p:1: unclosed action');
    }
  });
  test('delims and missingkey options', () => {
    expect(render('[[.a]] [[.b]]', { a: 1 }, { delims: ['[[', ']]'], missingkey: 'zero' })).toBe('1 <no value>');
    expect(() => render('{{.b}}', { a: 1 }, { missingkey: 'error' })).toThrow('map has no entry for key "b"');
  });
  test('unknown options throw', () => {
    expect(() => new Template('t').option('missingkey=nope')).toThrow('unrecognized option: missingkey=nope');
    expect(() => new Template('t').option('')).toThrow('empty option string');
  });
  test('lookup, templates, executeTemplate', () => {
    const t = new Template('main').parse('M{{define "a"}}A{{.}}{{end}}{{define "b"}}B{{end}}');
    expect(
      t
        .templates()
        .map((x) => x.name)
        .sort(),
    ).toEqual(['a', 'b', 'main']);
    expect(t.lookup('a')?.execute(1)).toBe('A1');
    expect(t.lookup('zz')).toBeUndefined();
    expect(t.executeTemplate('b', null)).toBe('B');
    expect(() => t.executeTemplate('zz', null)).toThrow('template: no template "zz" associated with template "main"');
  });
  test('new() shares the set and the delimiters', () => {
    const t = new Template('a').delims('<', '>');
    t.new('b').parse('B<.>');
    t.parse('A<template "b" 7>');
    expect(t.execute(null)).toBe('AB7');
  });
  test('a template parsed again runs its new body, and a clone keeps the old one', () => {
    // Execution keeps the compiled body on the template: it must follow the tree.
    const t = new Template('t').parse('one{{if true}}!{{end}}');
    expect(t.execute(null)).toBe('one!');
    const old = t.clone();
    t.parse('two');
    expect(t.execute(null)).toBe('two');
    expect(old.execute(null)).toBe('one!');
    expect(t.execute(null)).toBe('two');
  });
  test('executing a template that was never parsed', () => {
    expect(() => new Template('empty').execute(0)).toThrow('template: empty: "empty" is an incomplete or empty template');
  });
});

describe('large output', () => {
  test('a 1,000,000-item range', () => {
    const items = new Value(
      sliceOf(intType),
      Array.from({ length: 1_000_000 }, (_, i) => intValue(i % 10)),
    );
    const out = new Template('big').parse('{{range .}}{{.}}{{end}}').execute(items);
    expect(out.length).toBe(1_000_000);
    expect(out.slice(0, 12)).toBe('012345678901');
  });
  test('a 1,000,000-iteration integer range with variables', () => {
    const out = render('{{range $i := .}}{{if eq $i 999999}}{{$i}}{{end}}{{end}}', 1_000_000);
    expect(out).toBe('999999');
  });
});

describe('limits of the JavaScript stack', () => {
  test("runaway {{template}} recursion says the JS stack ran out and how to get more, not Go's depth limit", () => {
    const inf = '{{ define "I" }}{{ template "I" . }}{{ end }}{{ template "I" . }}';
    expect(() => render(inf, null)).toThrow(
      /executing "I" at <\{\{template "I" \.\}\}>: the JavaScript stack ran out after \d+ nested template calls \(Go allows 100000\): .*stackSizeMb: 256/,
    );
    expect(() => render(inf, null)).not.toThrow(/exceeded maximum template depth/);
  });
  test('expressions nested deeper than the JS stack allows fail with a clear TemplateError', () => {
    // Function calls take more stack per level than bare parentheses, so the nesting the
    // parser allows (Go's 10000) overflows a default JS stack whatever the frame sizes.
    const deep = `{{ ${'(print '.repeat(9999)}1${')'.repeat(9999)} }}`;
    expect(() => render(deep, null)).toThrow(/expression nesting exceeds the JavaScript stack/);
    expect(() => render(deep, null)).toThrow(TemplateError);
  });
});

// multi_test.go TestClone and TestEmptyTemplateCloneCrash.
describe('TestClone', () => {
  test('a clone gets its own name space and keeps the options', () => {
    const root = new Template('root').parse('{{define "a"}}{{template "b"}}{{template "c"}}{{end}}');
    root.parse('{{define "b"}}b{{end}}');
    root.parse('{{define "e"}}{{.Foo}}{{end}}');
    root.option('missingkey=error');
    const clone = root.clone();
    root.parse('{{define "c"}}root{{end}}');
    clone.parse('{{define "c"}}clone{{end}}');
    expect(clone.lookup('root')).toBe(clone);
    for (const t of clone.templates()) expect(t.lookup(t.name)).toBe(t);
    expect(root.executeTemplate('a', 0)).toBe('broot');
    expect(clone.executeTemplate('a', 0)).toBe('bclone');
    const rootErr = execErrorOf(() => root.executeTemplate('e', {}));
    expect(execErrorOf(() => clone.executeTemplate('e', {}))).toBe(rootErr);
    expect(rootErr).toContain('map has no entry for key "Foo"');
  });
  test('cloning an empty template', () => {
    expect(new Template('base').clone().templates()).toEqual([]);
  });
  test("functions added to a clone are the clone's own", () => {
    const f = goFunc({ params: [], variadic: false, results: [stringType] }, () => stringValue('f'));
    const base = new Template('t').funcs({ f });
    const g = goFunc({ params: [], variadic: false, results: [stringType] }, () => stringValue('g'));
    expect(base.clone().funcs({ g }).parse('{{f}}{{g}}').execute(null)).toBe('fg');
    expect(() => base.clone().parse('{{g}}')).toThrow('function "g" not defined');
  });
});

function execErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    throw e;
  }
  return '<nil>';
}

describe('execution context', () => {
  // A function that prints the context of the execution calling it.
  const ctx = goFunc({ params: [], variadic: false, results: [stringType] }, (_args, context) => stringValue(String(context)));
  const t = new Template('t').funcs({ ctx }).parse('{{ctx}} {{template "in"}} {{call .F}}{{define "in"}}{{ctx}}{{end}}');
  const data = new Value(mapOf(stringType, funcOf({ params: [], variadic: false, results: [stringType] })), new GoMap());
  data.map()?.set(stringValue('F'), ctx);

  test('every function called gets the execution context, in {{template}} and through call too', () => {
    expect(t.execute(data, 'one')).toBe('one one one');
    expect(t.execute(data, 'two')).toBe('two two two');
    expect(t.executeTemplate('in', null, 'three')).toBe('three');
  });
  test('without one it is undefined', () => {
    expect(t.execute(data)).toBe('undefined undefined undefined');
  });
});
