// time.Time as a Go value: a named struct (fields unexported, as in Go) whose
// String, Format, Unix, IsZero and MarshalJSON methods behave like Go's.

import {
  type GoType, type Method, Value, boolType, errorType, int64Type, intType, namedType, sliceOf, stringType,
  structOf, uint8Type, boolValue, int64Value, stringValue,
} from './index.js';
import { type GoTime, formatTime, isZeroTime, timeJSON, timeString } from '../go/time/index.js';
import { utf8Bytes } from '../go/unicode/utf8/index.js';

const bytesType = sliceOf(uint8Type);

function method(name: string, params: GoType[], results: GoType[], call: (t: GoTime, args: readonly Value[]) => Value): Method {
  return { name, sig: { params, variadic: false, results }, call: (recv, args) => call(goTimeOf(recv), args) };
}

export const timeType: GoType = namedType({
  str: 'time.Time',
  underlying: structOf([
    { name: 'sec', type: int64Type },
    { name: 'nsec', type: int64Type },
    { name: 'offset', type: intType },
    { name: 'zone', type: stringType },
  ]),
  methods: [
    method('String', [], [stringType], (t) => stringValue(timeString(t))),
    method('Format', [stringType], [stringType], (t, [layout]) => stringValue(formatTime(t, layout.str()))),
    method('Unix', [], [int64Type], (t) => int64Value(t.sec)),
    method('IsZero', [], [boolType], (t) => boolValue(isZeroTime(t))),
    method('MarshalJSON', [], [bytesType, errorType], (t) =>
      new Value(bytesType, Array.from(utf8Bytes(`"${timeJSON(t)}"`), (b) => new Value(uint8Type, BigInt(b))))),
  ],
});

export function timeValue(t: GoTime): Value {
  return new Value(timeType, [int64Value(t.sec), int64Value(t.nsec), new Value(intType, BigInt(t.offset)), stringValue(t.zone)]);
}

export function goTimeOf(v: Value): GoTime {
  return { sec: Number(v.field('sec').int()), nsec: Number(v.field('nsec').int()), offset: Number(v.field('offset').int()), zone: v.field('zone').str() };
}

