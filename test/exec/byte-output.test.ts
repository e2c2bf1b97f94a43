// executeTo a ByteSink: execution encodes its output as UTF-8 straight into the sink's
// buffer. The bytes must be exactly those of the output as one string (goBytes's: an escape
// U+DC80..U+DCFF is its byte, any other lone surrogate U+FFFD), whatever the buffer's size:
// tiny buffers put every multi-byte character, surrogate pair, escape and long piece across
// a buffer's edge.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type ByteSink, Template, TemplateError, goBytes, goString } from '../../src/index.js';
import { BufferedSink, maxStringLength, minSinkRoom } from '../../src/exec/index.js';
import { thrown } from './thrown.js';

/** The bytes of the Go string s (goBytes), as a Buffer (what the sinks' bytes are compared as). */
const utf8 = (s: string) => Buffer.from(goBytes(s));

/** A BufferedSink of `size` bytes that collects what it hands on; with `node`, it encodes with Buffer.write. */
function collector(size: number, node = false): { sink: BufferedSink; handOns: Uint8Array[]; bytes(): Buffer } {
  const handOns: Uint8Array[] = [];
  const buf = Buffer.alloc(size);
  const sink = new BufferedSink(buf, (b) => handOns.push(Buffer.from(b)), node ? (s, at) => buf.write(s, at) : undefined);
  return { sink, handOns, bytes: () => Buffer.concat(handOns) };
}

/** A sink that grows by doubling and keeps the output (Go's bytes.Buffer), from `size` bytes. */
class Growing implements ByteSink {
  bytes: Uint8Array;
  length = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }
  room(need: number): void {
    const grown = new Uint8Array(Math.max(this.length + need, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  output(): Buffer {
    return Buffer.from(this.bytes.subarray(0, this.length));
  }
}

/** actual equals expected, byte for byte (compared by Buffer.equals first: vitest's deep equality is slow on 100 KB). */
function same(actual: Buffer, expected: Buffer, message?: string): void {
  if (!actual.equals(expected)) expect(actual, message).toEqual(expected);
}

const pair = '😀'; // U+1F600: '\ud83d\ude00', 4 bytes
/** A long piece of 1- to 4-byte characters. */
const long = `a é € ${pair} `.repeat(60);
const cases: { name: string; text: string; data: unknown }[] = [
  { name: 'empty', text: '', data: null },
  { name: 'ASCII text and values', text: '{{range $i, $v := .}}{{$i}}={{$v}}\n{{end}}', data: ['a', 'bb', 'ccc'] },
  { name: 'two-byte characters', text: 'é{{.}}ü', data: 'ñandú' },
  { name: 'three-byte characters', text: '€{{.}}', data: '中文字符' },
  { name: 'a surrogate pair', text: `${pair}{{.}}${pair}`, data: `x${pair}y` },
  { name: 'a pair split between a text and a value', text: '\ud83d{{.}}', data: '\ude00 after' },
  { name: 'a pair split between two values', text: '{{range .}}{{.}}{{end}}', data: ['a\ud83d', '\ude00b', '\ud83d', '\ude00'] },
  { name: 'a pair split by an empty piece', text: '{{range .}}{{.}}{{end}}', data: ['\ud83d', '', '\ude00'] },
  { name: 'a pair split between a long text and a value', text: 'a text node of some length \ud83d{{.}}', data: '\ude00 after' },
  { name: 'a pair split between a value and a long text', text: '{{.}}\ude00 a text node of some length', data: 'a value of some length\ud83d' },
  {
    name: 'long texts of every width between values',
    text: '{{range .}}<€ a text of 20+ chars 😀>{{.}}{{end}}',
    data: ['a', 'b'.repeat(20), 'ü'.repeat(300), '\ud83d'],
  },
  { name: 'a lone high surrogate before text', text: '{{.}}x', data: '\ud83d' },
  { name: 'a lone high surrogate at the end', text: 'x{{.}}', data: '\ud83d' },
  { name: 'two high surrogates, then a low one', text: '{{range .}}{{.}}{{end}}', data: ['\ud83d', '\ud83d', '\ude00'] },
  { name: 'a lone low surrogate', text: 'a{{.}}b', data: '\ude00' },
  { name: 'a long piece of every width', text: '{{.}}|{{.}}', data: `a é € ${pair} `.repeat(300) },
  { name: 'a piece of 100 KB', text: '<{{.}}>', data: 'y'.repeat(100_000) },
  { name: 'a long piece ending in a high surrogate', text: '{{range .}}{{.}}{{end}}', data: [`${'é'.repeat(100)}\ud83d`, '\ude00'] },
  // A long piece equal to the last one is copied from its UTF-8 kept the second time (byte-output.ts writeLong).
  {
    name: 'a long value again and again, among others as long',
    text: '{{range .}}{{.}}|{{end}}',
    data: [long, long, long, long, `${long.slice(0, 200)}Z${long.slice(201)}`, long, long, `${'x'.repeat(300)}`, `${'x'.repeat(299)}x`, `${'x'.repeat(299)}x`],
  },
  { name: 'a long value again and again after a high surrogate', text: '{{range .}}{{.}}{{end}}', data: ['\ud83d', long, long, '\ud83d', long, long, long] },
  {
    name: 'a long value ending in a high surrogate, again and again',
    text: '{{range .}}{{.}}{{end}}',
    data: [`${long}\ud83d`, `${long}\ud83d`, `${long}\ud83d`, '\ude00'],
  },
  { name: 'a field printed again and again in a loop', text: '{{range .n}}{{$.line}}{{end}}', data: { n: [1, 2, 3, 4, 5], line: `${long}\n` } },
  {
    name: 'pieces of 12 to 33 characters, around the longest the loop copies',
    text: '{{range .}}{{.}}{{end}}',
    data: [
      'g'.repeat(12),
      'a'.repeat(13),
      'b'.repeat(32),
      'c'.repeat(33),
      `${'d'.repeat(20)}é`,
      `${'e'.repeat(30)}\ud83d`,
      `\ude00${'f'.repeat(15)}`,
      `€${'h'.repeat(31)}`,
    ],
  },
  { name: 'many short pieces', text: '{{range .}}{{.}},{{end}}', data: Array.from({ length: 3000 }, (_, i) => String(i)) },
  { name: 'printf of every kind', text: '{{printf "%v %q %x %05d" . . . 42}}', data: `q€${pair}` },
  // Escapes: a Go byte that is not UTF-8, held as U+DC80..U+DCFF, is written as that byte.
  { name: 'an escape', text: 'a{{.}}b', data: '\udcff' },
  { name: 'escapes in short pieces', text: '{{range .}}{{.}}{{end}}', data: ['\udc80', 'x\udcffy', 'é\udce2€', '\udce2', '\udc82\udcac', '\udc7f', '\udd00'] },
  { name: 'an escape in pieces the loop does not copy', text: '{{range .}}[{{.}}]{{end}}', data: [`${'a'.repeat(40)}\udcff`, `\udc80${'€'.repeat(40)}`] },
  {
    name: 'escapes in joined pieces',
    text: '{{range .}}{{.}}{{end}}',
    data: Array.from({ length: 200 }, (_, i) => `${'é'.repeat(20 + (i % 30))}${String.fromCharCode(0xdc80 + (i % 128))}`),
  },
  { name: 'escapes in long pieces', text: '{{.}}|{{.}}|{{.}}', data: `\udcff${`a é € ${pair} \udcc3`.repeat(300)}\udc80` },
  { name: 'a long piece of escapes only', text: '<{{.}}>', data: '\udcfe'.repeat(5000) },
  {
    name: 'a long value with escapes, again and again',
    text: '{{range .}}{{.}}|{{end}}',
    data: [`${long}\udcff`, `${long}\udcff`, `${long}\udcff`, `${long}\udcff`],
  },
  {
    name: 'an escape after a held high surrogate is its low half (a pair)',
    text: '{{range .}}{{.}}{{end}}',
    data: ['x\ud83d', '\udcff', '\ud83d', `\udc80${long}`, `${long}\ud83d`, '\udcaa'],
  },
  { name: 'U+DC80 after a high surrogate in one piece is a pair, not an escape', text: '{{.}}', data: `\ud800\udc80 ${'\ud800\udc80'.repeat(100)}` },
  { name: 'an escape in a short text node', text: '\udcff{{.}}\udcfe', data: 'x' },
  { name: 'an escape in a long text node', text: '{{range .}}<\udcff a text node of some length \udce2\udc82>{{.}}{{end}}', data: ['a', 'b'] },
  { name: 'an escape in a text node after a held high surrogate', text: '{{.}}\udcff and a text node of some length', data: 'value\ud83d' },
];

describe('executeTo a ByteSink writes the UTF-8 of what execute returns', () => {
  for (const c of cases) {
    test(c.name, () => {
      const t = new Template('t').parse(c.text);
      const expected = utf8(t.execute(c.data));
      for (const size of [minSinkRoom, 9, 10, 11, 13, 16, 64, 1 << 16]) {
        for (const node of [false, true]) {
          const w = collector(size, node);
          t.executeTo(w.sink, c.data);
          same(w.bytes(), expected, `buffer of ${size} bytes, ${node ? 'Buffer.write' : 'TextEncoder'}`);
          expect(w.sink.length).toBe(0);
        }
        const g = new Growing(size);
        t.executeTo(g, c.data);
        same(g.output(), expected, `growing from ${size} bytes`);
      }
    });
  }

  // Pieces of every kind and length, in any order, into buffers of any small size.
  const pieces = fc.array(
    fc.oneof(
      fc.constantFrom('x', 'é', '€', pair, '\ud83d', '\ude00', '\udcff', '\udc80', 'abcdefghijkl\u0080', long, `${long}\ud83d`, `${long}\udce2`),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: fc.constantFrom('a', 'é', '€', pair, '\ud83d', '\ude00', '\udcff', '\udc80', '\udc7f'), maxLength: 200 }),
      fc.integer({ min: 0, max: 3000 }).map((n) => 'z'.repeat(n)),
    ),
    { maxLength: 60 },
  );

  test('any pieces, any buffer size, either encoder', () => {
    const t = new Template('t').parse('{{range .}}{{.}}{{end}}');
    fc.assert(
      fc.property(pieces, fc.integer({ min: minSinkRoom, max: 80 }), fc.boolean(), (data, size, node) => {
        const w = collector(size, node);
        t.executeTo(w.sink, data);
        same(w.bytes(), utf8(data.join('')));
        for (const b of w.handOns) expect(b.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('escapes are bytes', () => {
  test('executeTo writes the bytes of the Go string execute returns', () => {
    const t = new Template('t').parse('<{{.}}>');
    const data = goString([0xff, 0xe2, 0x82, 0xac, 0xe2, 0x82]); // a lone FF, €, and € cut short
    expect(data).toBe('\udcff€\udce2\udc82');
    const expected = Buffer.from([0x3c, 0xff, 0xe2, 0x82, 0xac, 0xe2, 0x82, 0x3e]);
    expect(utf8(t.execute(data))).toEqual(expected);
    for (const node of [false, true]) {
      const w = collector(minSinkRoom, node);
      t.executeTo(w.sink, data);
      expect(w.bytes()).toEqual(expected);
    }
  });

  test('JS data holding U+DCFF, short and long, is the byte FF either way', () => {
    const t = new Template('t').parse('{{range .}}{{.}}{{end}}');
    const data = ['\uDCFF', `${'x'.repeat(40)}\uDCFF`, `${'y'.repeat(300)}\uDCFF`];
    const expected = Buffer.from(`\xff${'x'.repeat(40)}\xff${'y'.repeat(300)}\xff`, 'latin1');
    expect(utf8(t.execute(data))).toEqual(expected);
    const g = new Growing(16);
    t.executeTo(g, data);
    expect(g.output()).toEqual(expected);
  });
});

describe('errors', () => {
  test('what came before an execution error is handed on; the error is the same as execute gives', () => {
    const t = new Template('t').parse('{{range 3}}ab\ud83d{{end}}{{.x.y}}after');
    const w = collector(16);
    const e = thrown(() => t.executeTo(w.sink, { x: 1 }));
    expect(e).toBeInstanceOf(TemplateError);
    expect((e as Error).message).toBe((thrown(() => t.execute({ x: 1 })) as Error).message);
    expect(w.bytes()).toEqual(utf8('ab\ud83dab\ud83dab\ud83d'));
  });

  test("the sink's own error propagates unchanged, and nothing is written after it", () => {
    const failure = new Error('disk full');
    let calls = 0;
    const sink = new BufferedSink(new Uint8Array(16), () => {
      calls++;
      throw failure;
    });
    // The held high surrogate would be the one write after the failure.
    expect(thrown(() => new Template('t').parse('{{range 100}}xyz\ud83d{{end}}').executeTo(sink, null))).toBe(failure);
    expect(calls).toBe(1);
  });

  test("a failure of the sink's last hand-on is the error", () => {
    const failure = new Error('disk full');
    const sink = new BufferedSink(new Uint8Array(64), () => {
      throw failure;
    });
    expect(thrown(() => new Template('t').parse('short').executeTo(sink, null))).toBe(failure);
  });

  test('output is handed on while the template runs', () => {
    const w = collector(64);
    let seen = -1;
    new Template('t')
      .funcs({
        probe: () => {
          seen = w.bytes().length;
          return '';
        },
      })
      .parse('{{range 1000}}x{{end}}{{probe}}')
      .executeTo(w.sink, null);
    expect(seen).toBeGreaterThan(900);
    expect(w.bytes().length).toBe(1000);
  });

  test('a string past the limit is the same error as on the string path', () => {
    const t = new Template('t').funcs({ huge: () => 'x'.repeat(2 ** 30) }).parse('{{huge}}');
    const e = thrown(() => t.executeTo(new Growing(64), null));
    expect((e as Error).message).toBe((thrown(() => t.execute(null)) as Error).message);
    expect((e as Error).message).toContain(`string longer than ${maxStringLength} characters`);
  });

  test('a sink that makes no room is an error, not a hang', () => {
    const stuck: ByteSink = { bytes: new Uint8Array(4), length: 0, room: () => {} };
    expect((thrown(() => new Template('t').parse('{{.}}').executeTo(stuck, 'x'.repeat(100))) as Error).message).toBe(
      'ByteSink.room(300) left 4 bytes free, fewer than 8',
    );
  });
});

describe('BufferedSink', () => {
  test('write encodes text as one string, each call on its own (a lone surrogate is U+FFFD, an escape its byte)', () => {
    const w = collector(minSinkRoom);
    for (const s of ['héllo ', pair, '\ud83d', '\ude00', `wörld ${'€'.repeat(20)}`, '\udcff', `${'é'.repeat(40)}\udc80`]) w.sink.write(s);
    w.sink.flush();
    expect(w.bytes()).toEqual(
      Buffer.concat([Buffer.from(`héllo ${pair}\ufffd\ufffdwörld ${'€'.repeat(20)}`), Buffer.from([0xff]), Buffer.from('é'.repeat(40)), Buffer.from([0x80])]),
    );
  });

  test('needs room for a surrogate pair', () => {
    expect(() => new BufferedSink(new Uint8Array(minSinkRoom - 1), () => {})).toThrow(RangeError);
  });
});

// An execution keeps its run, first state and byte output for the next (execute.ts): one that
// starts while another runs must not share them, and one that failed must leave nothing behind.
describe('executions that nest or follow one another', () => {
  test('a function that executes templates into other sinks, while the outer one runs', () => {
    const t = new Template('t');
    // Each level declares variables and ranges around the nested execution; the outer's must survive it.
    t.funcs({
      // A JS function gets its arguments as Values; $d is a string of d x's.
      nest: (d: { v: unknown }) => {
        const g = new Growing(8);
        t.executeTo(g, { d: `${d.v}x`, items: ['a', 'b'] });
        return g.output().toString();
      },
    });
    t.parse('{{$d := .d}}[{{$d}}{{range $i, $v := .items}}{{$i}}{{if lt (len $d) 3}}{{nest $d}}{{end}}{{$v}}{{end}}{{$d}}]');
    const level = (d: string): string => `[${d}${['a', 'b'].map((v, i) => `${i}${d.length < 3 ? level(`${d}x`) : ''}${v}`).join('')}${d}]`;
    for (const size of [minSinkRoom, 1 << 16]) {
      const g = new Growing(size);
      t.executeTo(g, { d: '', items: ['a', 'b'] });
      expect(g.output().toString()).toBe(level(''));
      expect(t.execute({ d: '', items: ['a', 'b'] })).toBe(level(''));
    }
  });

  test('a nested execution that fails, caught by the function that started it', () => {
    const t = new Template('t');
    t.funcs({
      tryInner: () => {
        const w = collector(16);
        const e = thrown(() => t.executeTo(w.sink, 'fail'));
        return `${w.bytes().toString()}|${(e as Error).message}`;
      },
    });
    t.parse('{{$x := "outer"}}{{if eq . "fail"}}{{$y := 1}}partial{{index $x 99}}{{else}}<{{tryInner}}>{{$x}}{{end}}');
    const g = new Growing(64);
    t.executeTo(g, 'ok');
    expect(g.output().toString()).toBe(`<partial|${(thrown(() => t.execute('fail')) as Error).message}>outer`);
  });

  test('an execution after one that failed with variables declared and a {{template}} call active', () => {
    const t = new Template('t').parse('{{define "d"}}{{$z := 2}}{{if .fail}}{{index .list 9}}{{end}}{{end}}{{$x := 1}}{{template "d" .}}{{$x}}');
    const failing = collector(16);
    const e = thrown(() => t.executeTo(failing.sink, { fail: true, list: [1] }));
    expect((e as Error).message).toMatch(/executing "d" at <index .list 9>: error calling index: index out of range: 9/);
    const g = new Growing(16);
    t.executeTo(g, { fail: false });
    expect(g.output().toString()).toBe('1');
  });
});
