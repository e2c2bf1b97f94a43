// Durations in agent config files, as Vault reads them (parseutil.ParseDurationSecond):
// a number, or a string of digits, is seconds; otherwise Go's time.ParseDuration syntax
// ("1h30m", "250ms", "1.5s"). And Go's Duration.String for log lines ("4m30s").

const UNITS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds; throws with Go's message for a malformed duration. */
export function parseDurationSecond(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v * 1000;
  if (typeof v !== 'string') throw new Error(`cannot parse ${JSON.stringify(v)} as a duration`);
  const s = v.trim();
  if (s === '') return 0;
  if (/^[0-9]+$/.test(s)) return Number(s) * 1000;
  return parseGoDuration(s);
}

/** time.ParseDuration (ms), with Go's error messages. */
export function parseGoDuration(s: string): number {
  const quoted = JSON.stringify(s);
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new Error(`time: invalid duration ${quoted}`);
  let total = 0;
  while (rest !== '') {
    const num = /^[0-9]*(\.[0-9]*)?/.exec(rest)?.[0] ?? '';
    if (num === '' || num === '.') throw new Error(`time: invalid duration ${quoted}`);
    rest = rest.slice(num.length);
    const unit = /^[^.0-9]*/.exec(rest)?.[0] ?? '';
    if (unit === '') throw new Error(`time: missing unit in duration ${quoted}`);
    const scale = UNITS[unit];
    if (scale === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    rest = rest.slice(unit.length);
    total += Number(num) * scale;
  }
  return sign * total;
}

/** time.Duration.String for milliseconds ("1h0m0s", "4m30s", "250ms", "0s"). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let x = Math.abs(ms);
  if (x < 1000) return `${neg ? '-' : ''}${trimFloat(x)}ms`;
  const h = Math.floor(x / 3_600_000);
  x -= h * 3_600_000;
  const m = Math.floor(x / 60_000);
  x -= m * 60_000;
  const sec = `${trimFloat(x / 1000)}s`;
  return `${neg ? '-' : ''}${h > 0 ? `${h}h${m}m` : m > 0 ? `${m}m` : ''}${sec}`;
}

function trimFloat(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
