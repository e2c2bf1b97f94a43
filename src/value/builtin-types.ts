// Named Go types that template data commonly holds, and the standard
// composite types of decoded JSON.

import { type Method, interfaceType, mapOf, namedType, sliceOf, stringType, float64Type, int64Type, errorType, funcOf } from './types.js';
import { GoError } from '../go/errors/index.js';
import { Value, float64Value, int64Value, stringValue } from './value.js';

function numberMethod(name: string, result: typeof float64Type, convert: (text: string) => Value): Method {
  return {
    name,
    sig: { params: [], variadic: false, results: [result, errorType] },
    call: (recv) => convert(recv.str()),
  };
}

/** strconv.ParseFloat(s, 64) for json.Number.Float64: errors are Go's strconv errors. */
function parseFloat64(text: string): Value {
  const f = Number(text);
  if (text.trim() === '' || Number.isNaN(f)) throw new GoError(`strconv.ParseFloat: parsing ${JSON.stringify(text)}: invalid syntax`);
  if (!Number.isFinite(f)) throw new GoError(`strconv.ParseFloat: parsing ${JSON.stringify(text)}: value out of range`);
  return float64Value(f);
}

/** strconv.ParseInt(s, 10, 64) for json.Number.Int64. */
function parseInt64(text: string): Value {
  if (!/^[+-]?[0-9]+$/.test(text)) throw new GoError(`strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`);
  const n = BigInt(text);
  if (n > 9223372036854775807n || n < -9223372036854775808n) {
    throw new GoError(`strconv.ParseInt: parsing ${JSON.stringify(text)}: value out of range`);
  }
  return int64Value(n);
}

/** encoding/json.Number: a string type that keeps a JSON number's literal text. */
export const jsonNumberType = namedType({
  str: 'json.Number',
  underlying: stringType,
  methods: [
    { name: 'String', sig: { params: [], variadic: false, results: [stringType] }, call: (recv) => stringValue(recv.str()) },
    numberMethod('Float64', float64Type, parseFloat64),
    numberMethod('Int64', int64Type, parseInt64),
  ],
});

export const mapStringInterfaceType = mapOf(stringType, interfaceType);
export const sliceInterfaceType = sliceOf(interfaceType);
export const sliceStringType = sliceOf(stringType);
export const mapStringStringType = mapOf(stringType, stringType);

/** The type of a Go func value with the given signature, for values built by library users. */
export const anyFuncType = funcOf({ params: [sliceInterfaceType], variadic: true, results: [interfaceType, errorType] });

export function jsonNumber(text: string): Value {
  return new Value(jsonNumberType, text);
}
