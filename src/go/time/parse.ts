// time.ParseInLocation(layout, value, time.Local), ported from Go 1.26 time/format.go (parse),
// with Local = UTC as in the Vault Agent container (TZ unset). Go works on bytes, so layout and
// value are handled as UTF-8 "byte strings" (one char per byte, codes 0..255).
// The RFC 3339 fast path is left out: where it succeeds, parse gives the same result.

import { utf8Bytes } from '../unicode/utf8/index.js';
import { type GoTime, type LayoutChunk, civilSeconds, daysIn, layoutChunks, longDayNames, longMonthNames, quote } from './format.js';

export type ParseResult = { ok: true; time: GoTime } | { ok: false; error: string };

const shortDays = longDayNames.map((d) => d.slice(0, 3));
const shortMonths = longMonthNames.map((m) => m.slice(0, 3));
// Days before each month (index m-1) in a non-leap year; index 12 is the whole year.
const daysBefore = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

function byteString(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) out += String.fromCharCode(b);
  return out;
}

const isDigit = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9';

/** Returned in place of Go's errBad (never shown to the user). */
const bad = Symbol('bad');
type Num = [number, string] | typeof bad;

function getnum(s: string, fixed: boolean): Num {
  if (!isDigit(s, 0)) return bad;
  if (!isDigit(s, 1)) return fixed ? bad : [s.charCodeAt(0) - 48, s.slice(1)];
  return [(s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48, s.slice(2)];
}

function getnum3(s: string, fixed: boolean): Num {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigit(s, i); i++) n = n * 10 + s.charCodeAt(i) - 48;
  if (i === 0 || (fixed && i !== 3)) return bad;
  return [n, s.slice(i)];
}

/** leadingInt; overflow makes it fail, which no caller here can tell from a too-large value. */
function leadingInt(s: string): [number, string] | typeof bad {
  let x = 0n;
  let i = 0;
  for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
    x = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (x > 1n << 63n) return bad;
  }
  return [Number(x), s.slice(i)];
}

/** atoi: optional sign, then digits only (the empty string is 0, as in Go). */
function atoi(s: string): number | typeof bad {
  let neg = false;
  if (s.length > 0 && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const r = leadingInt(s);
  if (r === bad || r[1].length > 0) return bad;
  return neg ? -r[0] : r[0];
}

/** lookup: a case-insensitive (ASCII letters only) prefix match against a name table. */
function lookup(tab: readonly string[], val: string): Num {
  for (let i = 0; i < tab.length; i++) {
    const v = tab[i];
    if (val.length >= v.length && match(val.slice(0, v.length), v)) return [i, val.slice(v.length)];
  }
  return bad;
}

function match(s1: string, s2: string): boolean {
  for (let i = 0; i < s1.length; i++) {
    let c1 = s1.charCodeAt(i);
    let c2 = s2.charCodeAt(i);
    if (c1 !== c2) {
      c1 |= 0x20;
      c2 |= 0x20;
      if (c1 !== c2 || c1 < 0x61 || c1 > 0x7a) return false;
    }
  }
  return true;
}

const cutspace = (s: string): string => s.replace(/^ +/, '');

/** skip: removes prefix from value, runs of spaces matching runs of spaces; returns where it stopped. */
function skip(value: string, prefix: string): { value: string; ok: boolean } {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') return { value, ok: false };
      prefix = cutspace(prefix);
      value = cutspace(value);
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) return { value, ok: false };
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return { value, ok: true };
}

const commaOrPeriod = (c: string | undefined): boolean => c === '.' || c === ',';

/** parseNanoseconds: value[0] is the separator; at most 9 digits count. */
function parseNanoseconds(value: string, nbytes: number): { ns: number; range: string } | typeof bad {
  if (!commaOrPeriod(value[0])) return bad;
  if (nbytes > 10) {
    value = value.slice(0, 10);
    nbytes = 10;
  }
  let ns = atoi(value.slice(1, nbytes));
  if (ns === bad) return bad;
  if (ns < 0) return { ns, range: 'fractional second' };
  for (let i = 0; i < 10 - nbytes; i++) ns *= 10;
  return { ns, range: '' };
}

function parseSignedOffset(value: string): number {
  if (value[0] !== '-' && value[0] !== '+') return 0;
  const r = leadingInt(value.slice(1));
  if (r === bad || r[1] === value.slice(1) || r[0] > 23) return 0;
  return value.length - r[1].length;
}

/** parseTimeZone: the length of a zone abbreviation at the start of value, or 0. */
function parseTimeZone(value: string): number {
  if (value.length < 3) return 0;
  const four = value.slice(0, 4);
  if (four === 'ChST' || four === 'MeST') return 4;
  if (value.startsWith('GMT')) return value.length === 3 ? 3 : 3 + parseSignedOffset(value.slice(3));
  if (value[0] === '+' || value[0] === '-') return parseSignedOffset(value);
  let n = 0;
  while (n < 6 && n < value.length && value[n] >= 'A' && value[n] <= 'Z') n++;
  if (n === 5) return value[4] === 'T' ? 5 : 0;
  if (n === 4) return value[3] === 'T' || four === 'WITA' ? 4 : 0;
  return n === 3 ? 3 : 0;
}

/** The layout text a std chunk came from (ParseError's LayoutElem). */
function stdText(c: Exclude<LayoutChunk, { lit: string }>): string {
  if (c.std === 'frac0') return c.sep + '0'.repeat(c.digits ?? 0);
  if (c.std === 'frac9') return c.sep + '9'.repeat(c.digits ?? 0);
  return c.std;
}

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** time.ParseInLocation(layout, value, time.Local) with Local = UTC. */
export function parseInLocal(layoutText: string, valueText: string): ParseResult {
  const alayout = byteString(layoutText);
  const avalue = byteString(valueText);
  const fail = (layoutElem: string, valueElem: string, message: string): ParseResult => ({
    ok: false,
    error:
      message === ''
        ? `parsing time ${quote(avalue)} as ${quote(alayout)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`
        : `parsing time ${quote(avalue)}${message}`,
  });
  const chunks = layoutChunks(alayout);
  let value = avalue;
  let rangeErr = '';
  let amSet = false;
  let pmSet = false;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let utc = false;
  let zoneOffset = -1;
  let zoneName = '';

  let ci = 0;
  for (;;) {
    let prefix = '';
    const head = chunks[ci];
    if (head && 'lit' in head) {
      prefix = head.lit;
      ci++;
    }
    const skipped = skip(value, prefix);
    value = skipped.value;
    if (!skipped.ok) return fail(prefix, value, '');
    const c = chunks[ci++];
    if (c === undefined || 'lit' in c) {
      if (value.length !== 0) return fail('', value, ': extra text: ' + quote(value));
      break;
    }
    const hold = value;
    let err = false;
    // Assigns a getnum-style result to a field, as Go's `x, value, err = f(value)` does.
    const take = (r: Num, set: (n: number) => void, onBad = 0): void => {
      if (r === bad) {
        set(onBad);
        err = true;
      } else {
        set(r[0]);
        value = r[1];
      }
    };
    switch (c.std) {
      case '06': {
        if (value.length < 2) {
          err = true;
          break;
        }
        const y = atoi(value.slice(0, 2));
        value = value.slice(2);
        if (y === bad) {
          err = true;
          break;
        }
        year = y >= 69 ? y + 1900 : y + 2000;
        break;
      }
      case '2006': {
        if (value.length < 4 || !isDigit(value, 0)) {
          err = true;
          break;
        }
        const y = atoi(value.slice(0, 4));
        value = value.slice(4);
        if (y === bad) err = true;
        else year = y;
        break;
      }
      case 'Jan':
        take(
          lookup(shortMonths, value),
          (n) => {
            month = n + 1;
          },
          -1,
        );
        break;
      case 'January':
        take(
          lookup(longMonthNames, value),
          (n) => {
            month = n + 1;
          },
          -1,
        );
        break;
      case '1':
      case '01':
        take(getnum(value, c.std === '01'), (n) => {
          month = n;
        });
        if (!err && (month <= 0 || month > 12)) rangeErr = 'month';
        break;
      case 'Mon':
        take(lookup(shortDays, value), () => undefined);
        break;
      case 'Monday':
        take(lookup(longDayNames, value), () => undefined);
        break;
      case '2':
      case '_2':
      case '02':
        if (c.std === '_2' && value[0] === ' ') value = value.slice(1);
        take(getnum(value, c.std === '02'), (n) => {
          day = n;
        });
        break;
      case '__2':
      case '002':
        for (let i = 0; i < 2; i++) if (c.std === '__2' && value[0] === ' ') value = value.slice(1);
        take(getnum3(value, c.std === '002'), (n) => {
          yday = n;
        });
        break;
      case '15':
        take(getnum(value, false), (n) => {
          hour = n;
        });
        if (hour < 0 || hour >= 24) rangeErr = 'hour';
        break;
      case '3':
      case '03':
        take(getnum(value, c.std === '03'), (n) => {
          hour = n;
        });
        if (hour < 0 || hour > 12) rangeErr = 'hour';
        break;
      case '4':
      case '04':
        take(getnum(value, c.std === '04'), (n) => {
          min = n;
        });
        if (min < 0 || min >= 60) rangeErr = 'minute';
        break;
      case '5':
      case '05': {
        take(getnum(value, c.std === '05'), (n) => {
          sec = n;
        });
        if (err) break;
        if (sec < 0 || sec >= 60) {
          rangeErr = 'second';
          break;
        }
        // A fractional second in the value that the layout does not ask for.
        if (value.length >= 2 && commaOrPeriod(value[0]) && isDigit(value, 1)) {
          const next = chunks.slice(ci).find((k) => !('lit' in k));
          if (next && 'std' in next && (next.std === 'frac0' || next.std === 'frac9')) break;
          let n = 2;
          while (n < value.length && isDigit(value, n)) n++;
          const r = parseNanoseconds(value, n);
          if (r === bad) {
            nsec = 0;
            err = true;
          } else {
            nsec = r.ns;
            rangeErr = r.range;
          }
          value = value.slice(n);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        if (value.length < 2) {
          err = true;
          break;
        }
        const p = value.slice(0, 2);
        value = value.slice(2);
        if (p === (c.std === 'PM' ? 'PM' : 'pm')) pmSet = true;
        else if (p === (c.std === 'PM' ? 'AM' : 'am')) amSet = true;
        else err = true;
        break;
      }
      case 'MST': {
        if (value.startsWith('UTC')) {
          utc = true;
          value = value.slice(3);
          break;
        }
        const n = parseTimeZone(value);
        if (n === 0) {
          err = true;
          break;
        }
        zoneName = value.slice(0, n);
        value = value.slice(n);
        break;
      }
      case 'frac0': {
        const ndigit = 1 + (c.digits ?? 0);
        if (value.length < ndigit) {
          err = true;
          break;
        }
        const r = parseNanoseconds(value, ndigit);
        if (r === bad) {
          nsec = 0;
          err = true;
        } else {
          nsec = r.ns;
          rangeErr = r.range;
        }
        value = value.slice(ndigit);
        break;
      }
      case 'frac9': {
        if (value.length < 2 || !commaOrPeriod(value[0]) || !isDigit(value, 1)) break;
        let i = 0;
        while (i + 1 < value.length && isDigit(value, i + 1)) i++;
        const r = parseNanoseconds(value, 1 + i);
        if (r === bad) {
          nsec = 0;
          err = true;
        } else {
          nsec = r.ns;
          rangeErr = r.range;
        }
        value = value.slice(1 + i);
        break;
      }
      default: {
        // Z07:00 and friends accept "Z" for UTC; otherwise they parse like -07:00 and friends.
        if (c.std.startsWith('Z') && value[0] === 'Z') {
          value = value.slice(1);
          utc = true;
          break;
        }
        const tz = parseOffset(c.std.slice(1), value);
        if (tz === bad) {
          err = true;
          break;
        }
        value = tz.rest;
        err = tz.err;
        if (tz.range) rangeErr = tz.range;
        zoneOffset = tz.offset;
      }
    }
    if (rangeErr !== '') return fail(stdText(c), value, `: ${rangeErr} out of range`);
    if (err) return fail(stdText(c), hold, '');
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) {
        yday--;
      }
    }
    if (yday < 1 || yday > 365) return fail('', value, ': day-of-year out of range');
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if (daysBefore[m] < yday) m++;
      d = yday - daysBefore[m - 1];
    }
    if (month >= 0 && month !== m) return fail('', value, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) return fail('', value, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) return fail('', value, ': day out of range');

  const civil = civilSeconds(year, month, day, hour, min, sec);
  if (utc) return { ok: true, time: { sec: civil, nsec, offset: 0, zone: 'UTC', loc: 'UTC' } };
  if (zoneOffset !== -1) {
    // The local zone (UTC) is used when the offset is its offset; else a fabricated fixed zone.
    if (zoneOffset === 0 && zoneName === '') return { ok: true, time: { sec: civil, nsec, offset: 0, zone: 'UTC', loc: 'Local' } };
    return { ok: true, time: { sec: civil - zoneOffset, nsec, offset: zoneOffset, zone: zoneName, loc: 'Fixed' } };
  }
  if (zoneName !== '') {
    // An abbreviation unknown to the local zone: a fixed zone of that name, offset 0 (or GMT±h),
    // without moving the instant.
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) offset = Number(atoi(zoneName.slice(3))) * 3600;
    return { ok: true, time: { sec: civil, nsec, offset, zone: zoneName, loc: 'Fixed' } };
  }
  return { ok: true, time: { sec: civil, nsec, offset: 0, zone: 'UTC', loc: 'Local' } };
}

type Offset = { offset: number; rest: string; err: boolean; range: string };

/** The numeric zone offset elements (-0700, -07:00, -07, -070000, -07:00:00; body without the sign). */
function parseOffset(body: string, value: string): Offset | typeof bad {
  let sign: string;
  let hh: string;
  let mm = '00';
  let ss = '00';
  let rest: string;
  if (body === '07:00') {
    if (value.length < 6 || value[3] !== ':') return bad;
    [sign, hh, mm, rest] = [value[0], value.slice(1, 3), value.slice(4, 6), value.slice(6)];
  } else if (body === '07') {
    if (value.length < 3) return bad;
    [sign, hh, rest] = [value[0], value.slice(1, 3), value.slice(3)];
  } else if (body === '07:00:00') {
    if (value.length < 9 || value[3] !== ':' || value[6] !== ':') return bad;
    [sign, hh, mm, ss, rest] = [value[0], value.slice(1, 3), value.slice(4, 6), value.slice(7, 9), value.slice(9)];
  } else if (body === '070000') {
    if (value.length < 7) return bad;
    [sign, hh, mm, ss, rest] = [value[0], value.slice(1, 3), value.slice(3, 5), value.slice(5, 7), value.slice(7)];
  } else {
    if (value.length < 5) return bad;
    [sign, hh, mm, rest] = [value[0], value.slice(1, 3), value.slice(3, 5), value.slice(5)];
  }
  let hr = 0;
  let m = 0;
  let s = 0;
  let err = false;
  const h1 = getnum(hh, true);
  if (h1 === bad) err = true;
  else {
    hr = h1[0];
    const m1 = getnum(mm, true);
    if (m1 === bad) err = true;
    else {
      m = m1[0];
      const s1 = getnum(ss, true);
      if (s1 === bad) err = true;
      else s = s1[0];
    }
  }
  let range = '';
  if (hr > 24) range = 'time zone offset hour';
  if (m > 60) range = 'time zone offset minute';
  if (s > 60) range = 'time zone offset second';
  let offset = (hr * 60 + m) * 60 + s;
  if (sign === '-') offset = -offset;
  else if (sign !== '+') err = true;
  return { offset, rest, err, range };
}
