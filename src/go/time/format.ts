// time.Time: parsing RFC 3339, Format with Go layouts, String() and MarshalJSON's text.

/**
 * Which *time.Location a time is in, which only GoString (and ==) can tell apart: time.UTC,
 * time.Local (whose zone is UTC here, as in the Vault Agent container), or a fixed zone
 * that parsing fabricated (FixedZone(zone, offset)).
 */
export type Loc = 'UTC' | 'Local' | 'Fixed';

/** An instant plus the zone it is shown in (name "" = a fabricated fixed zone, printed as its offset). */
export interface GoTime {
  /** Seconds since the Unix epoch. */
  readonly sec: number;
  /** Nanoseconds within the second, 0..999999999. */
  readonly nsec: number;
  /** Zone offset east of UTC, in seconds. */
  readonly offset: number;
  readonly zone: string;
  readonly loc: Loc;
}

export const RFC3339 = '2006-01-02T15:04:05Z07:00';
export const RFC3339Nano = '2006-01-02T15:04:05.999999999Z07:00';
const stringLayout = '2006-01-02 15:04:05.999999999 -0700 MST';

/** time.Now().UTC() at ms since the epoch (consul-template's now). */
export function goTimeFromDate(ms: number): GoTime {
  const sec = Math.floor(ms / 1000);
  return { sec, nsec: (ms - sec * 1000) * 1e6, offset: 0, zone: 'UTC', loc: 'UTC' };
}

/** The zero time.Time (January 1, year 1, UTC). */
export const zeroTime: GoTime = { sec: -62135596800, nsec: 0, offset: 0, zone: 'UTC', loc: 'UTC' };

export function isZeroTime(t: GoTime): boolean {
  return t.sec === zeroTime.sec && t.nsec === 0;
}

const rfc3339Re = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * time.Parse(time.RFC3339, s) (as UnmarshalJSON uses it), assuming the local zone is
 * UTC as in the Vault Agent container: "Z" gives time.UTC, an offset of 0 (the local
 * zone's) time.Local, others a fixed zone named "".
 * Returns undefined when Go would fail to parse.
 */
export function parseRFC3339(s: string): GoTime | undefined {
  const m = rfc3339Re.exec(s);
  if (!m) return undefined;
  const [year, month, day, hour, min, sec] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || min > 59 || sec > 59) return undefined;
  let offset = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  const nsec = m[7] ? Number(m[7].padEnd(9, '0')) : 0;
  const base = civilSeconds(year, month, day, hour, min, sec);
  if (m[8]) return { sec: base, nsec, offset: 0, zone: 'UTC', loc: 'UTC' };
  return offset === 0 ? { sec: base, nsec, offset: 0, zone: 'UTC', loc: 'Local' } : { sec: base - offset, nsec, offset, zone: '', loc: 'Fixed' };
}

/** Seconds since the epoch of a UTC civil time (Date.UTC would map years 0..99 to the 1900s). */
export function civilSeconds(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const dt = new Date(0);
  dt.setUTCFullYear(y, mo - 1, d);
  dt.setUTCHours(h, mi, s, 0);
  return dt.getTime() / 1000;
}

export function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** t.String(). */
export function timeString(t: GoTime): string {
  return formatTime(t, stringLayout);
}

/** The text time.Time.MarshalJSON puts between the quotes. */
export function timeJSON(t: GoTime): string {
  return formatTime(t, RFC3339Nano);
}

/** format.go longDayNames and longMonthNames, shared by Format, Parse and the time.Weekday/Month types. */
export const longDayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const longMonthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A piece of a layout: literal text or a std element (fractions carry their digit count and separator). */
export type LayoutChunk = { lit: string } | { std: string; digits?: number; sep?: string };

/** Splits a layout as time/format.go nextStdChunk does (shared by Format and Parse). */
export function layoutChunks(layout: string): LayoutChunk[] {
  const out: LayoutChunk[] = [];
  let lit = '';
  const push = (std: string, len: number, extra: Partial<{ digits: number; sep: string }> = {}): number => {
    if (lit) out.push({ lit });
    lit = '';
    out.push({ std, ...extra });
    return len;
  };
  const lowerAt = (i: number): boolean => i < layout.length && layout[i] >= 'a' && layout[i] <= 'z';
  for (let i = 0; i < layout.length; ) {
    const r = layout.slice(i);
    let n = 0;
    switch (layout[i]) {
      case 'J':
        if (r.startsWith('January')) n = push('January', 7);
        else if (r.startsWith('Jan') && !lowerAt(i + 3)) n = push('Jan', 3);
        break;
      case 'M':
        if (r.startsWith('Monday')) n = push('Monday', 6);
        else if (r.startsWith('Mon') && !lowerAt(i + 3)) n = push('Mon', 3);
        else if (r.startsWith('MST')) n = push('MST', 3);
        break;
      case '0':
        if (r.length >= 2 && r[1] >= '1' && r[1] <= '6') n = push(r.slice(0, 2), 2);
        else if (r.startsWith('002')) n = push('002', 3);
        break;
      case '1':
        n = r.startsWith('15') ? push('15', 2) : push('1', 1);
        break;
      case '2':
        n = r.startsWith('2006') ? push('2006', 4) : push('2', 1);
        break;
      case '_':
        if (r.startsWith('_2006')) {
          lit += '_';
          i++;
          n = push('2006', 4);
        } else if (r.startsWith('_2')) n = push('_2', 2);
        else if (r.startsWith('__2')) n = push('__2', 3);
        break;
      case '3':
      case '4':
      case '5':
        n = push(layout[i], 1);
        break;
      case 'P':
        if (r.startsWith('PM')) n = push('PM', 2);
        break;
      case 'p':
        if (r.startsWith('pm')) n = push('pm', 2);
        break;
      case '-':
        for (const z of ['-070000', '-07:00:00', '-0700', '-07:00', '-07']) if (!n && r.startsWith(z)) n = push(z, z.length);
        break;
      case 'Z':
        for (const z of ['Z070000', 'Z07:00:00', 'Z0700', 'Z07:00', 'Z07']) if (!n && r.startsWith(z)) n = push(z, z.length);
        break;
      case '.':
      case ',':
        if (r.length > 1 && (r[1] === '0' || r[1] === '9')) {
          let j = 1;
          while (j < r.length && r[j] === r[1]) j++;
          if (!(j < r.length && r[j] >= '0' && r[j] <= '9')) n = push(r[1] === '0' ? 'frac0' : 'frac9', j, { digits: j - 1, sep: r[0] });
        }
        break;
    }
    if (n === 0) {
      lit += layout[i];
      i++;
    } else {
      i += n;
    }
  }
  if (lit) out.push({ lit });
  return out;
}

/** time's quote (for parse errors, and GoString's zone name): bytes outside printable ASCII become \xNN, '"' and '\' are escaped. */
export function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || c < 0x20) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += (c === 0x22 || c === 0x5c ? '\\' : '') + s[i];
  }
  return out + '"';
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** The civil date and clock of t in its zone. */
export interface Civil {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly min: number;
  readonly sec: number;
  /** Day of the year, 1..366. */
  readonly yday: number;
  /** 0 = Sunday. */
  readonly weekday: number;
}

export function civil(t: GoTime): Civil {
  const d = new Date((t.sec + t.offset) * 1000);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const yday = Math.round((civilSeconds(year, month, day, 0, 0, 0) - civilSeconds(year, 1, 1, 0, 0, 0)) / 86400) + 1;
  return { year, month, day, hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds(), yday, weekday: d.getUTCDay() };
}

/** t.Format(layout). */
export function formatTime(t: GoTime, layout: string): string {
  const { year, month, day, hour, min, sec, yday, weekday } = civil(t);
  let out = '';
  for (const c of layoutChunks(layout)) {
    if ('lit' in c) {
      out += c.lit;
      continue;
    }
    switch (c.std) {
      case 'January':
        out += longMonthNames[month - 1];
        break;
      case 'Jan':
        out += longMonthNames[month - 1].slice(0, 3);
        break;
      case 'Monday':
        out += longDayNames[weekday];
        break;
      case 'Mon':
        out += longDayNames[weekday].slice(0, 3);
        break;
      case '01':
        out += pad(month, 2);
        break;
      case '1':
        out += String(month);
        break;
      case '02':
        out += pad(day, 2);
        break;
      case '_2':
        out += String(day).padStart(2, ' ');
        break;
      case '2':
        out += String(day);
        break;
      case '002':
        out += pad(yday, 3);
        break;
      case '__2':
        out += String(yday).padStart(3, ' ');
        break;
      case '2006':
        out += year < 0 ? '-' + pad(-year, 4) : pad(year, 4);
        break;
      case '06':
        out += pad(year % 100, 2);
        break;
      case '15':
        out += pad(hour, 2);
        break;
      case '3':
        out += String(hour % 12 === 0 ? 12 : hour % 12);
        break;
      case '03':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, 2);
        break;
      case '4':
        out += String(min);
        break;
      case '04':
        out += pad(min, 2);
        break;
      case '5':
        out += String(sec);
        break;
      case '05':
        out += pad(sec, 2);
        break;
      case 'PM':
        out += hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += hour >= 12 ? 'pm' : 'am';
        break;
      case 'MST':
        out += t.zone !== '' ? t.zone : zoneText(t.offset, false, false);
        break;
      case 'frac0':
        out += c.sep + pad(t.nsec, 9).slice(0, c.digits);
        break;
      case 'frac9': {
        const digits = pad(t.nsec, 9).slice(0, c.digits).replace(/0+$/, '');
        if (digits) out += c.sep + digits;
        break;
      }
      default:
        out += zone(c.std, t.offset);
    }
  }
  return out;
}

function zoneText(offset: number, colon: boolean, seconds: boolean, short = false): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const h = pad(Math.floor(abs / 3600), 2);
  const m = pad(Math.floor(abs / 60) % 60, 2);
  const s = pad(abs % 60, 2);
  if (short) return sign + h;
  const sep = colon ? ':' : '';
  return sign + h + sep + m + (seconds ? sep + s : '');
}

function zone(std: string, offset: number): string {
  if (std.startsWith('Z') && offset === 0) return 'Z';
  const body = std.slice(1);
  switch (body) {
    case '070000':
      return zoneText(offset, false, true);
    case '07:00:00':
      return zoneText(offset, true, true);
    case '0700':
      return zoneText(offset, false, false);
    case '07:00':
      return zoneText(offset, true, false);
    default:
      return zoneText(offset, false, false, true);
  }
}
