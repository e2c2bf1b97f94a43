// time.Time's methods over GoTime (time.go): the civil fields in the time's own zone,
// arithmetic with Durations (int64 nanoseconds, here bigint), comparison, UTC/Local,
// Truncate and Round. Local is UTC, as in the Vault Agent container (TZ unset).

import { type GoTime, civil, civilSeconds, longMonthNames, quote } from './format.js';

const second = 1_000_000_000n;
const maxDuration = (1n << 63n) - 1n;
const minDuration = -(1n << 63n);
/** Seconds from January 1, year 1 (the zero Time) to the Unix epoch. */
const unixToInternal = 62135596800n;

/** t.GoString(): a time.Date call in t's zone, naming its location. */
export function goString(t: GoTime): string {
  const c = civil(t);
  const loc = t.loc === 'Fixed' ? `time.Location(${quote(t.zone)})` : `time.${t.loc}`;
  return `time.Date(${c.year}, time.${longMonthNames[c.month - 1]}, ${c.day}, ${c.hour}, ${c.min}, ${c.sec}, ${t.nsec}, ${loc})`;
}

/** Nanoseconds since the Unix epoch. */
export function unixNano(t: GoTime): bigint {
  return BigInt(t.sec) * second + BigInt(t.nsec);
}

/** The same instant in zone (offset, name). */
function at(ns: bigint, like: GoTime): GoTime {
  let sec = ns / second;
  let nsec = ns % second;
  if (nsec < 0n) {
    sec--;
    nsec += second;
  }
  return { sec: Number(sec), nsec: Number(nsec), offset: like.offset, zone: like.zone, loc: like.loc };
}

/** t.Add(d). */
export function add(t: GoTime, d: bigint): GoTime {
  return at(unixNano(t) + d, t);
}

/** t.Sub(u), saturating at the Duration range as Go does. */
export function sub(t: GoTime, u: GoTime): bigint {
  const d = unixNano(t) - unixNano(u);
  return d > maxDuration ? maxDuration : d < minDuration ? minDuration : d;
}

/** t.Compare(u): -1, 0 or +1. */
export function compare(t: GoTime, u: GoTime): number {
  const [a, b] = [unixNano(t), unixNano(u)];
  return a < b ? -1 : a > b ? 1 : 0;
}

/** t.AddDate(years, months, days): normalised like time.Date (October 32 is November 1). */
export function addDate(t: GoTime, years: number, months: number, days: number): GoTime {
  const c = civil(t);
  const local = civilSeconds(c.year + years, c.month + months, c.day + days, c.hour, c.min, c.sec);
  return { sec: local - t.offset, nsec: t.nsec, offset: t.offset, zone: t.zone, loc: t.loc };
}

/** t.UTC(). */
export function utc(t: GoTime): GoTime {
  return { sec: t.sec, nsec: t.nsec, offset: 0, zone: 'UTC', loc: 'UTC' };
}

/** t.Local(): the same clock as UTC here, but time.Local to GoString and ==. */
export function local(t: GoTime): GoTime {
  return { sec: t.sec, nsec: t.nsec, offset: 0, zone: 'UTC', loc: 'Local' };
}

/** Nanoseconds since the zero Time, which Truncate and Round count from. */
function sinceZero(t: GoTime): bigint {
  return (BigInt(t.sec) + unixToInternal) * second + BigInt(t.nsec);
}

/** t.Truncate(d): rounded down to a multiple of d since the zero Time; d <= 0 leaves t. */
export function truncate(t: GoTime, d: bigint): GoTime {
  if (d <= 0n) return t;
  return add(t, -(sinceZero(t) % d));
}

/** t.Round(d): to the nearest multiple of d since the zero Time, halfway rounding up; d <= 0 leaves t. */
export function round(t: GoTime, d: bigint): GoTime {
  if (d <= 0n) return t;
  const r = sinceZero(t) % d;
  return r + r < d ? add(t, -r) : add(t, d - r);
}

/** t.ISOWeek(): the ISO 8601 year and week (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(t: GoTime): [number, number] {
  // As Go: move to the Thursday of t's week, whose year is the ISO year.
  const c = civil(t);
  const shift = 3 - ((c.weekday + 6) % 7);
  const th = civil(add(t, BigInt(shift) * 86400n * second));
  return [th.year, Math.floor((th.yday - 1) / 7) + 1];
}

/** Duration.Hours/Minutes/Seconds: whole units plus the fraction, as Go splits them to keep precision. */
export function durationIn(d: bigint, unit: bigint): number {
  return Number(d / unit) + Number(d % unit) / Number(unit);
}
