// parseBool, parseFloat, parseInt, parseUint, parseJSON, parseYAML.

import {
  GoError,
  GoMap,
  Value,
  boolValue,
  box,
  float64Type,
  float64Value,
  int64Type,
  int64Value,
  interfaceType,
  mapStringInterfaceType,
  uint64Type,
  uint64Value,
  boolType,
} from '../../value/index.js';
import { decodeJSON } from '../../go/encoding/json/index.js';
import { parseBool, parseFloat64, parseInt10, parseUint10 } from '../../go/strconv/index.js';
import { parseYAMLv2 } from '../yaml/decode.js';
import { S, fn } from './sig.js';

function wrapped<T>(prefix: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof GoError) throw new GoError(`${prefix}: ${e.message}`);
    throw e;
  }
}

/** funcs.go parseInt, also used by loop for string arguments. */
export function parseIntArg(s: string): bigint {
  return s === '' ? 0n : wrapped('parseInt', () => parseInt10(s));
}

const emptyMap = (): Value => box(new Value(mapStringInterfaceType, new GoMap()));

export const parseFuncs = {
  parseBool: fn([S], boolType, ([s]) => boolValue(s.str() === '' ? false : wrapped('parseBool', () => parseBool(s.str())))),
  parseFloat: fn([S], float64Type, ([s]) => float64Value(s.str() === '' ? 0 : wrapped('parseFloat', () => parseFloat64(s.str())))),
  parseInt: fn([S], int64Type, ([s]) => int64Value(parseIntArg(s.str()))),
  parseUint: fn([S], uint64Type, ([s]) => uint64Value(s.str() === '' ? 0n : wrapped('parseUint', () => parseUint10(s.str())))),
  parseJSON: fn([S], interfaceType, ([s]) => (s.str() === '' ? emptyMap() : box(decodeJSON(s.str(), { useNumber: false })))),
  parseYAML: fn([S], interfaceType, ([s]) => (s.str() === '' ? emptyMap() : box(parseYAMLv2(s.str())))),
} satisfies Record<string, Value>;
