// sprig's deterministic date functions over a given time.Time (date.go): unixEpoch and
// mustDateModify (also registered as must_date_modify).

import { Value, stringType, stringValue } from '../../../value/index.js';
import { timeType, timeValue, goTimeOf } from '../../go-time.js';
import { S, fn, fnNoErr } from '../sig.js';
import { parseDurationStrict } from './go-duration.js';

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
  unixEpoch: fnNoErr([timeType], stringType, ([date]) => stringValue(String(goTimeOf(date).sec))),
  mustDateModify,
  must_date_modify: mustDateModify,
};
