// time.Time as a Go value: a named struct (fields unexported, as in Go) with the exported
// methods of Go's time.Time a template can call, and the named types they return
// (time.Duration, time.Month, time.Weekday) with their String methods.

import {
  type GoType,
  type Method,
  Value,
  boolType,
  errorType,
  float64Type,
  int64Type,
  intType,
  namedType,
  sliceOf,
  stringType,
  structOf,
  uint8Type,
  boolValue,
  int64Value,
  intValue,
  stringValue,
} from './index.js';
import {
  type GoTime,
  type Loc,
  add,
  addDate,
  civil,
  compare,
  longDayNames,
  durationIn,
  durationString,
  formatTime,
  goString,
  isZeroTime,
  isoWeek,
  local,
  longMonthNames,
  round,
  sub,
  timeJSON,
  timeString,
  truncate,
  unixNano,
  utc,
} from '../go/time/index.js';
import { utf8Bytes } from '../go/unicode/utf8/index.js';

const bytesType = sliceOf(uint8Type);

/** A type, or a reference to one declared later (time.Time's methods take and return time.Time). */
type TypeRef = GoType | (() => GoType);
const resolve = (ts: readonly TypeRef[]): GoType[] => ts.map((t) => (typeof t === 'function' ? t() : t));

function method<T>(of: (v: Value) => T, name: string, params: TypeRef[], results: TypeRef[], call: (t: T, args: readonly Value[]) => Value): Method {
  return {
    name,
    get sig() {
      return { params: resolve(params), variadic: false, results: resolve(results) };
    },
    call: (recv, args) => call(of(recv), args),
  };
}

const timeTypeRef = (): TypeRef => () => timeType;

/** Several results: the first is what a call returns (text/template rejects the call before). */
const first = (v: Value): Value => v;

const nsPer = { hour: 3_600_000_000_000n, minute: 60_000_000_000n, second: 1_000_000_000n, ms: 1_000_000n, us: 1000n };

export const durationType: GoType = namedType({
  str: 'time.Duration',
  underlying: int64Type,
  methods: [
    method(
      (v) => v.int(),
      'Abs',
      [],
      [() => durationType],
      (d) => new Value(durationType, d >= 0n ? d : d === -(1n << 63n) ? (1n << 63n) - 1n : -d),
    ),
    method(
      (v) => v.int(),
      'Hours',
      [],
      [float64Type],
      (d) => new Value(float64Type, durationIn(d, nsPer.hour)),
    ),
    method(
      (v) => v.int(),
      'Microseconds',
      [],
      [int64Type],
      (d) => int64Value(d / nsPer.us),
    ),
    method(
      (v) => v.int(),
      'Milliseconds',
      [],
      [int64Type],
      (d) => int64Value(d / nsPer.ms),
    ),
    method(
      (v) => v.int(),
      'Minutes',
      [],
      [float64Type],
      (d) => new Value(float64Type, durationIn(d, nsPer.minute)),
    ),
    method(
      (v) => v.int(),
      'Nanoseconds',
      [],
      [int64Type],
      (d) => int64Value(d),
    ),
    method(
      (v) => v.int(),
      'Seconds',
      [],
      [float64Type],
      (d) => new Value(float64Type, durationIn(d, nsPer.second)),
    ),
    method(
      (v) => v.int(),
      'String',
      [],
      [stringType],
      (d) => stringValue(durationString(d)),
    ),
  ],
});

/** A named int whose String prints a name from the table, or Go's %!Type(n) when out of range. */
function enumType(str: string, names: readonly string[], base: number): GoType {
  const type: GoType = namedType({
    str,
    underlying: intType,
    methods: [
      method(
        (v) => Number(v.int()),
        'String',
        [],
        [stringType],
        (n) => stringValue(names[n - base] ?? `%!${str.slice('time.'.length)}(${n})`),
      ),
    ],
  });
  return type;
}

export const monthType = enumType('time.Month', longMonthNames, 1);
export const weekdayType = enumType('time.Weekday', longDayNames, 0);

const T = (v: Value): GoTime => goTimeOf(v);

export const timeType: GoType = namedType({
  str: 'time.Time',
  underlying: structOf([
    { name: 'sec', type: int64Type },
    { name: 'nsec', type: int64Type },
    { name: 'offset', type: intType },
    { name: 'zone', type: stringType },
    // 'UTC', 'Local' or 'Fixed' (see GoTime.loc), standing for Go's loc pointer so that ==
    // tells time.UTC and time.Local apart. Not a fixed zone: Go makes a new *Location each
    // time it parses one (+01:30, GMT), so == of two such parses is false in Go and true
    // here, a known difference (README, "Two known differences from Go").
    { name: 'loc', type: stringType },
  ]),
  methods: [
    method(T, 'Add', [durationType], [timeTypeRef()], (t, [d]) => timeValue(add(t, d.int()))),
    method(T, 'AddDate', [intType, intType, intType], [timeTypeRef()], (t, [y, m, d]) =>
      timeValue(addDate(t, Number(y.int()), Number(m.int()), Number(d.int()))),
    ),
    method(T, 'After', [timeTypeRef()], [boolType], (t, [u]) => boolValue(compare(t, goTimeOf(u)) > 0)),
    method(T, 'Before', [timeTypeRef()], [boolType], (t, [u]) => boolValue(compare(t, goTimeOf(u)) < 0)),
    method(T, 'Clock', [], [intType, intType, intType], (t) => first(intValue(civil(t).hour))),
    method(T, 'Compare', [timeTypeRef()], [intType], (t, [u]) => intValue(compare(t, goTimeOf(u)))),
    method(T, 'Date', [], [intType, monthType, intType], (t) => first(intValue(civil(t).year))),
    method(T, 'Day', [], [intType], (t) => intValue(civil(t).day)),
    method(T, 'Equal', [timeTypeRef()], [boolType], (t, [u]) => boolValue(compare(t, goTimeOf(u)) === 0)),
    method(T, 'Format', [stringType], [stringType], (t, [layout]) => stringValue(formatTime(t, layout.str()))),
    method(T, 'GoString', [], [stringType], (t) => stringValue(goString(t))),
    method(T, 'Hour', [], [intType], (t) => intValue(civil(t).hour)),
    method(T, 'ISOWeek', [], [intType, intType], (t) => first(intValue(isoWeek(t)[0]))),
    // Every zone vtpl makes is UTC or a fixed offset, neither of which has daylight saving.
    method(T, 'IsDST', [], [boolType], () => boolValue(false)),
    method(T, 'IsZero', [], [boolType], (t) => boolValue(isZeroTime(t))),
    method(T, 'Local', [], [timeTypeRef()], (t) => timeValue(local(t))),
    method(T, 'MarshalJSON', [], [bytesType, errorType], (t) => bytesValue(`"${timeJSON(t)}"`)),
    method(T, 'MarshalText', [], [bytesType, errorType], (t) => bytesValue(timeJSON(t))),
    method(T, 'Minute', [], [intType], (t) => intValue(civil(t).min)),
    method(T, 'Month', [], [monthType], (t) => new Value(monthType, BigInt(civil(t).month))),
    method(T, 'Nanosecond', [], [intType], (t) => intValue(t.nsec)),
    method(T, 'Round', [durationType], [timeTypeRef()], (t, [d]) => timeValue(round(t, d.int()))),
    method(T, 'Second', [], [intType], (t) => intValue(civil(t).sec)),
    method(T, 'String', [], [stringType], (t) => stringValue(timeString(t))),
    method(T, 'Sub', [timeTypeRef()], [durationType], (t, [u]) => new Value(durationType, sub(t, goTimeOf(u)))),
    method(T, 'Truncate', [durationType], [timeTypeRef()], (t, [d]) => timeValue(truncate(t, d.int()))),
    method(T, 'UTC', [], [timeTypeRef()], (t) => timeValue(utc(t))),
    method(T, 'Unix', [], [int64Type], (t) => int64Value(t.sec)),
    method(T, 'UnixMicro', [], [int64Type], (t) => int64Value(unixNano(t) / nsPer.us)),
    method(T, 'UnixMilli', [], [int64Type], (t) => int64Value(unixNano(t) / nsPer.ms)),
    method(T, 'UnixNano', [], [int64Type], (t) => int64Value(unixNano(t))),
    method(T, 'Weekday', [], [weekdayType], (t) => new Value(weekdayType, BigInt(civil(t).weekday))),
    method(T, 'Year', [], [intType], (t) => intValue(civil(t).year)),
    method(T, 'YearDay', [], [intType], (t) => intValue(civil(t).yday)),
    method(T, 'Zone', [], [stringType, intType], (t) => first(stringValue(t.zone))),
  ],
});

function bytesValue(s: string): Value {
  return new Value(
    bytesType,
    Array.from(utf8Bytes(s), (b) => new Value(uint8Type, BigInt(b))),
  );
}

export function timeValue(t: GoTime): Value {
  return new Value(timeType, [int64Value(t.sec), int64Value(t.nsec), new Value(intType, BigInt(t.offset)), stringValue(t.zone), stringValue(t.loc)]);
}

export function goTimeOf(v: Value): GoTime {
  return {
    sec: Number(v.field('sec').int()),
    nsec: Number(v.field('nsec').int()),
    offset: Number(v.field('offset').int()),
    zone: v.field('zone').str(),
    loc: v.field('loc').str() as Loc,
  };
}
