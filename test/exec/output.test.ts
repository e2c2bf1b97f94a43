// Where output goes (issue 8, item 8): executeTo streams chunks to a Writer as Go's
// Execute(wr, data) does, with the partial output of a failed run; execute returns one
// string and reports JavaScript's string limit as an error that names it. The limit is
// injected small here (StringWriter's argument) rather than allocating 512 MB.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Template, TemplateError, type Writer, render } from '../../src/index.js';
import { StringWriter, maxStringLength } from '../../src/exec/index.js';
import { thrown } from './thrown.js';

/** A Writer that keeps every chunk it was given. */
function recorder(): Writer & { chunks: string[]; text(): string } {
  const chunks: string[] = [];
  return {
    chunks,
    write: (c) => {
      chunks.push(c);
    },
    text: () => chunks.join(''),
  };
}

describe('executeTo', () => {
  test('writes what execute returns', () => {
    const text = '{{range $i, $v := .}}{{$i}}={{$v}} {{end}}{{printf "%05d" 42}}';
    const data = ['a', 'b', 'c'];
    const w = recorder();
    new Template('t').parse(text).executeTo(w, data);
    expect(w.text()).toBe(render(text, data));
  });

  test('hands output over in chunks while the template runs, not at the end', () => {
    const w = recorder();
    let seenDuringRun = -1;
    const probe = () => {
      seenDuringRun = w.text().length;
      return '';
    };
    // 300,000 one-byte writes, then a call that looks at what the writer has received so far.
    new Template('t').funcs({ probe }).parse('{{range 300000}}x{{end}}{{probe}}').executeTo(w, null);
    expect(w.text()).toBe('x'.repeat(300000));
    expect(w.chunks.length).toBeGreaterThan(1);
    expect(seenDuringRun).toBeGreaterThan(0);
    // Chunks are joined from pieces, never one write per piece.
    expect(w.chunks.length).toBeLessThan(300000 / 100);
  });

  test('a piece larger than a chunk arrives intact', () => {
    const big = 'y'.repeat(1 << 18);
    const w = recorder();
    new Template('t').parse('a{{.}}b').executeTo(w, big);
    expect(w.text()).toBe(`a${big}b`);
    expect(w.chunks).toContain(big);
  });

  test('on an error, what came before it has been written (Go semantics); execute returns nothing', () => {
    const before = '{{range 3}}ab{{end}}';
    const text = `${before}{{.x.y}}after`;
    const data = { x: 1 };
    const w = recorder();
    const t = new Template('t').parse(text);
    const streamed = thrown(() => t.executeTo(w, data));
    expect(streamed).toBeInstanceOf(TemplateError);
    expect(w.text()).toBe(render(before, data));
    expect((thrown(() => t.execute(data)) as Error).message).toBe((streamed as Error).message);
  });

  test("the writer's own error propagates unchanged and stops execution", () => {
    const failure = new Error('disk full');
    let writes = 0;
    const w: Writer = {
      write: () => {
        writes++;
        throw failure;
      },
    };
    expect(thrown(() => new Template('t').parse('{{range 300000}}x{{end}}').executeTo(w, null))).toBe(failure);
    expect(writes).toBe(1);
  });

  // Output gathers short ASCII pieces in a byte buffer after a run of them, other pieces
  // in ropes, and passes a piece of a chunk's size or more on by itself; every mix of
  // those, and every switch between them, must keep the bytes and their order.
  const pieceKinds = fc.oneof(
    fc.constantFrom('x', '\n', '0123456789ab', '0123456789abc', 'é', '€', '\ud83d', '\ude00', '😀', 'abcdefghijkl\u0080'),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.integer({ min: 13, max: 5000 }).map((n) => 'y'.repeat(n)),
    fc.integer({ min: 0, max: 200 }).map((n) => 'z'.repeat(n)),
  );
  const runs = fc.array(fc.tuple(pieceKinds, fc.integer({ min: 1, max: 300 })), { maxLength: 40 });

  test('any mix of pieces arrives whole and in order, in bounded chunks', () => {
    const t = new Template('t').parse('{{range .}}{{.}}{{end}}');
    fc.assert(
      fc.property(runs, fc.boolean(), (spec, huge) => {
        const pieces = spec.flatMap(([piece, times]) => Array<string>(times).fill(piece));
        if (huge) pieces.splice(pieces.length >> 1, 0, 'h'.repeat(1 << 17));
        const w = recorder();
        t.executeTo(w, pieces);
        expect(w.text()).toBe(pieces.join(''));
        for (const chunk of w.chunks) {
          expect(chunk).not.toBe('');
          if (chunk.length > 1 << 17) expect(pieces).toContain(chunk);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('executeTemplateTo runs the named associated template', () => {
    const w = recorder();
    const t = new Template('t').parse('{{define "item"}}<{{.}}>{{end}}top');
    t.executeTemplateTo(w, 'item', 7);
    expect(w.text()).toBe(t.executeTemplate('item', 7));
  });
});

describe("JavaScript's string limit", () => {
  test("is V8's String::kMaxLength", () => {
    expect(maxStringLength).toBe(2 ** 29 - 24);
  });

  test('an output longer than the limit is a TemplateError naming it, not a RangeError', () => {
    const t = new Template('t').parse('{{range 6}}ab{{end}}');
    const e = thrown(() => t.executeTo(new StringWriter(11), null));
    expect(e).toBeInstanceOf(TemplateError);
    expect((e as TemplateError).kind).toBe('exec');
    expect((e as Error).message).toBe('template: t: output string longer than 11 characters, the longest JavaScript can hold (a vtpl limit; Go has none)');
  });

  test('an output of exactly the limit is returned', () => {
    const w = new StringWriter(12);
    new Template('t').parse('{{range 6}}ab{{end}}').executeTo(w, null);
    expect(w.toString()).toBe(render('{{range 6}}ab{{end}}', null));
  });

  test('a function building a string past the limit gets an error calling it that names the limit', () => {
    const t = new Template('t').funcs({ huge: () => 'x'.repeat(2 ** 30) }).parse('{{huge}}');
    expect((thrown(() => t.execute(null)) as Error).message).toBe(
      `template: t:1:2: executing "t" at <huge>: error calling huge: string longer than ${maxStringLength} characters,` +
        ' the longest JavaScript can hold (a vtpl limit; Go has none)',
    );
  });
});
