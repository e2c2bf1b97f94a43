// sprig's deterministic date functions (date.go): unixEpoch, mustDateModify (also registered
// as must_date_modify), and toDate / mustToDate (time.ParseInLocation in Local, which is UTC).

import { GoError, Value, stringType, stringValue } from '../../value/index.js';
import { parseInLocal } from '../../go/time/index.js';
import { zeroTime } from '../../go/time/index.js';
import { timeType, timeValue, goTimeOf } from '../../value/index.js';
import { S, fn, fnNoErr } from '../funcs/sig.js';
import { parseDurationStrict } from '../../go/time/index.js';

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

const mustDateModify = fn([S, timeType], timeType, ([f, date]) => addDuration(date, parseDurationStrict(f.str())));

export const sprigDateFuncs: Record<string, Value> = {
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
};
