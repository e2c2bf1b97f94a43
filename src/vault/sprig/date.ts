// sprig's deterministic date functions (date.go): duration, durationRound, unixEpoch,
// mustDateModify (also registered as must_date_modify), and toDate / mustToDate
// (time.ParseInLocation in Local, which is UTC).

import { GoError, type Value, stringValue, stringType, indirectInterface, int64Type, timeType, timeValue, goTimeOf } from '../../value/index.js';
import { I, S, fn, fnNoErr } from '../funcs/sig.js';
import { parseInLocal, zeroTime, durationString, parseDuration } from '../../go/time/index.js';

const second = 1_000_000_000n;

/** time.Time.Add. */
function addDuration(t: Value, d: bigint): Value {
  const g = goTimeOf(t);
  let sec = BigInt(g.sec) + d / second;
  let nsec = BigInt(g.nsec) + (d % second);
  if (nsec >= second) {
    sec++;
    nsec -= second;
  } else if (nsec < 0n) {
    sec--;
    nsec += second;
  }
  return timeValue({ ...g, sec: Number(sec), nsec: Number(nsec) });
}

const mustDateModify = fn([S, timeType], timeType, ([f, date]) => addDuration(date, parseDuration(f.str())));

export const sprigDate = {
  duration: fnNoErr([I], stringType, ([v0]) => {
    const v = indirectInterface(v0);
    let n = 0n;
    if (v.type === stringType) n = /^[+-]?[0-9]+$/.test(v.str()) && BigInt(v.str()) < 1n << 63n && BigInt(v.str()) >= -(1n << 63n) ? BigInt(v.str()) : 0n;
    else if (v.type === int64Type) n = v.int();
    return stringValue(durationString(BigInt.asIntN(64, n * second)));
  }),
  durationRound: fnNoErr([I], stringType, ([v0]) => {
    const v = indirectInterface(v0);
    let d = 0n;
    if (v.type === stringType) {
      // d, _ = time.ParseDuration(v): an error leaves 0.
      try {
        d = parseDuration(v.str());
      } catch {
        d = 0n;
      }
    } else if (v.type === int64Type) d = v.int();
    const u = d < 0n ? -d : d;
    const hour = 3600n * second;
    const steps: [bigint, string][] = [
      [hour * 24n * 365n, 'y'],
      [hour * 24n * 30n, 'mo'],
      [hour * 24n, 'd'],
      [hour, 'h'],
      [60n * second, 'm'],
      [second, 's'],
    ];
    for (const [size, unit] of steps) if (u > size) return stringValue(`${u / size}${unit}`);
    return stringValue('0s');
  }),
  // toDate drops the parse error and returns the zero time.
  toDate: fnNoErr([S, S], timeType, ([layout, value]) => {
    const r = parseInLocal(layout.str(), value.str());
    return timeValue(r.ok ? r.time : zeroTime);
  }),
  mustToDate: fn([S, S], timeType, ([layout, value]) => {
    const r = parseInLocal(layout.str(), value.str());
    if (!r.ok) throw new GoError(r.error);
    return timeValue(r.time);
  }),
  unixEpoch: fnNoErr([timeType], stringType, ([date]) => stringValue(String(goTimeOf(date).sec))),
  mustDateModify,
  must_date_modify: mustDateModify,
} satisfies Record<string, Value>;
