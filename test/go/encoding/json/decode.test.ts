import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GoError,
  type Value,
  boolType,
  float64Type,
  interfaceType,
  invalid,
  jsonNumberType,
  mapStringInterfaceType,
  sliceInterfaceType,
  stringType,
} from '../../../../src/value/index.js';
import { decodeJSON } from '../../../../src/go/encoding/json/index.js';
import { Scanner, scanError } from '../../../../src/go/encoding/json/scanner.js';

// Expectations produced by a Go 1.26 program from encoding/json itself (inputs include
// the literals of Go's decode_test.go and scanner_test.go); nothing here is hand-typed.
type Outcome = { ok: unknown } | { err: string };
interface DecodeCase {
  in: string;
  U: Outcome;
  UN: Outcome;
  D: Outcome;
  DN: Outcome;
}
interface DeepCase {
  name: string;
  U: Outcome;
  D: Outcome;
  m?: Outcome;
}
const golden = JSON.parse(readFileSync(new URL('./go-expected.json', import.meta.url), 'utf8')) as {
  decode: DecodeCase[];
  deep: DeepCase[];
  bytes: string[];
};

const float64Hex = (f: number): string => {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, f);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
};

/** The Go program's description of a decoded interface{}: checks every Go type on the way. */
function describe_(v: Value, top: boolean): unknown {
  if (!top) {
    expect(v.type).toBe(interfaceType);
    if (v.v === null) return ['nil'];
    v = v.elem();
  } else if (!v.isValid()) {
    return ['nil'];
  }
  switch (v.type) {
    case boolType:
      return ['bool', v.bool()];
    case float64Type:
      return ['f64', float64Hex(v.float())];
    case jsonNumberType:
      return ['num', v.str()];
    case stringType:
      return ['str', v.str()];
    case sliceInterfaceType:
      return ['arr', v.items().map((e) => describe_(e, false))];
    case mapStringInterfaceType: {
      const obj: Record<string, unknown> = {};
      for (const { key, value } of v.map()?.entries.values() ?? []) obj[key.str()] = describe_(value, false);
      return ['obj', obj];
    }
  }
  throw new Error(`unexpected type ${v.type.str}`);
}

function outcome(run: () => Value, deep = false): Outcome {
  try {
    const v = run();
    return { ok: deep ? 'deep' : describe_(v, true) };
  } catch (e) {
    if (e instanceof GoError) return { err: e.message };
    throw e;
  }
}

describe('decodeJSON agrees with Go', () => {
  const modes = [
    ['U', { useNumber: false }],
    ['UN', { useNumber: true }],
    ['D', { useNumber: false, trailing: 'ignore' }],
    ['DN', { useNumber: true, trailing: 'ignore' }],
  ] as const;
  it.each(golden.decode.map((c) => [JSON.stringify(c.in).slice(0, 60), c] as const))('%s', (_, c) => {
    for (const [mode, opts] of modes) {
      expect({ mode, ...outcome(() => decodeJSON(c.in, opts)) }).toEqual({ mode, ...c[mode] });
    }
  });
});

describe('deep nesting', () => {
  // The same inputs as the Go program (TestUnmarshalMaxDepth's shapes).
  const inputs: Record<string, string> = {
    array9999: `{"a":${'['.repeat(9999)}${']'.repeat(9999)}}`,
    array10000: '['.repeat(10000) + ']'.repeat(10000),
    array10001: '['.repeat(10001) + ']'.repeat(10001),
    arrayHuge: `{"a":${'['.repeat(300000)}${']'.repeat(300000)}}`,
    object9999: `{"a":${'{"a":'.repeat(9999)}0${'}'.repeat(9999)}}`,
    object10000: `{"a":${'{"a":'.repeat(10000)}0${'}'.repeat(10000)}}`,
    unclosed: '['.repeat(5000),
  };
  it.each(golden.deep.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const text = inputs[name];
    expect(outcome(() => decodeJSON(text, { useNumber: false }), true)).toEqual(c.U);
    expect(outcome(() => decodeJSON(text, { useNumber: false, trailing: 'ignore' }), true)).toEqual(c.D);
  });
});

describe('scanner', () => {
  // Go's error for each byte alone as the whole input: exercises quoteChar on all 256 bytes.
  it('reports every byte as Go does', () => {
    golden.bytes.forEach((want, c) => {
      const s = new Scanner();
      s.step(s, c);
      const got = s.err ?? (s.eof() === scanError ? s.err : '');
      expect({ c, err: got }).toEqual({ c, err: want });
    });
  });
});

describe('decoded values', () => {
  it('keeps the last of duplicate keys and boxes nested values', () => {
    const v = decodeJSON('{"a":1,"a":null,"b":[null,"x"]}', { useNumber: true });
    expect(v.type).toBe(mapStringInterfaceType);
    const m = v.map();
    expect(m?.size).toBe(2);
    const [a, b] = [...(m?.entries.values() ?? [])].map((e) => e.value);
    expect(a.type).toBe(interfaceType);
    expect(a.isNil()).toBe(true);
    expect(b.elem().items()[0].isNil()).toBe(true);
    expect(b.elem().items()[1].elem().str()).toBe('x');
  });

  it('returns the invalid Value for a top-level null and unboxed scalars', () => {
    expect(decodeJSON(' null ', { useNumber: false })).toBe(invalid);
    expect(decodeJSON('"s"', { useNumber: false }).type).toBe(stringType);
    expect(decodeJSON('12345678901234567890', { useNumber: true }).str()).toBe('12345678901234567890');
  });

  it('reads one value and ignores the rest with trailing: ignore', () => {
    const v = decodeJSON('{"data":{"k":"v"}} trailing garbage {', { useNumber: false, trailing: 'ignore' });
    expect(v.type).toBe(mapStringInterfaceType);
  });
});
