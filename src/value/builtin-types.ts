// Named Go types that template data commonly holds, and the standard
// composite types of decoded JSON.

import { type Method, interfaceType, mapOf, namedType, sliceOf, stringType, float64Type, int64Type, errorType, funcOf } from './types.js';
import { parseFloat64, parseInt10 } from '../go/strconv/index.js';
import { Value, float64Value, int64Value, stringValue } from './value.js';

function numberMethod(name: string, result: typeof float64Type, convert: (text: string) => Value): Method {
  return {
    name,
    sig: { params: [], variadic: false, results: [result, errorType] },
    call: (recv) => convert(recv.str()),
  };
}

/** encoding/json.Number: a string type that keeps a JSON number's literal text. */
export const jsonNumberType = namedType({
  str: 'json.Number',
  underlying: stringType,
  methods: [
    { name: 'String', sig: { params: [], variadic: false, results: [stringType] }, call: (recv) => stringValue(recv.str()) },
    numberMethod('Float64', float64Type, (text) => float64Value(parseFloat64(text))),
    numberMethod('Int64', int64Type, (text) => int64Value(parseInt10(text))),
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
