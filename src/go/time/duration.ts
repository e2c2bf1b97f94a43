// time.Duration: ParseDuration (format.go) with Go's error messages and its float
// arithmetic for fractions, and Duration.String (time.go). Durations are int64
// nanoseconds, here bigint.

import { GoError } from '../errors/index.js';
import { utf8Bytes } from '../unicode/utf8/index.js';

const units: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  μs: 1000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const max = 1n << 63n;

/** time's own quote: non-ASCII and control bytes as \xNN. */
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x80 || c < 0x20) {
      for (const b of utf8Bytes(ch)) out += `\\x${b.toString(16).padStart(2, '0')}`;
    } else {
      out += (ch === '"' || ch === '\\' ? '\\' : '') + ch;
    }
  }
  return `${out}"`;
}

function fail(message: string, orig: string): GoError {
  return new GoError(`time: ${message} ${timeQuote(orig)}`);
}

/** time.ParseDuration: nanoseconds, or a GoError with Go's message. */
export function parseDuration(orig: string): bigint {
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw fail('invalid duration', orig);
  let d = 0n;
  while (s !== '') {
    if (!/^[.0-9]/.test(s)) throw fail('invalid duration', orig);
    const intPart = /^[0-9]*/.exec(s)?.[0] ?? '';
    let v = 0n;
    for (const c of intPart) {
      if (v > max / 10n) throw fail('invalid duration', orig);
      v = v * 10n + BigInt(c);
      if (v > max) throw fail('invalid duration', orig);
    }
    s = s.slice(intPart.length);
    const pre = intPart !== '';
    let post = false;
    let f = 0n;
    let scale = 1;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      const frac = /^[0-9]*/.exec(s)?.[0] ?? '';
      // leadingFraction: digits past what fits are ignored.
      let overflow = false;
      for (const c of frac) {
        if (overflow) continue;
        if (f > (max - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(c);
        if (y > max) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      s = s.slice(frac.length);
      post = frac !== '';
    }
    if (!pre && !post) throw fail('invalid duration', orig);
    const u = /^[^.0-9]*/.exec(s)?.[0] ?? '';
    if (u === '') throw fail('missing unit in duration', orig);
    s = s.slice(u.length);
    const unit = Object.hasOwn(units, u) ? units[u] : undefined;
    if (unit === undefined) throw fail(`unknown unit ${timeQuote(u)} in duration`, orig);
    if (v > max / unit) throw fail('invalid duration', orig);
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > max) throw fail('invalid duration', orig);
    }
    d += v;
    if (d > max) throw fail('invalid duration', orig);
  }
  if (neg) return -d;
  if (d > max - 1n) throw fail('invalid duration', orig);
  return d;
}

/** fmtFrac: the fraction of v/10^prec without trailing zeros (and no point when it is 0). */
function frac(v: bigint, prec: number): { text: string; rest: bigint } {
  let digits = '';
  let print = false;
  let u = v;
  for (let i = 0; i < prec; i++) {
    const d = u % 10n;
    print ||= d !== 0n;
    if (print) digits = d.toString() + digits;
    u /= 10n;
  }
  return { text: print ? `.${digits}` : '', rest: u };
}

/** time.Duration.String. */
export function durationString(d: bigint): string {
  const neg = d < 0n;
  const u = neg ? -d : d;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    const [prec, unit] = u < 1000n ? [0, 'ns'] : u < 1_000_000n ? [3, 'µs'] : [6, 'ms'];
    const f = frac(u, prec);
    out = `${f.rest}${f.text}${unit}`;
  } else {
    const f = frac(u, 9);
    let rest = f.rest;
    out = `${rest % 60n}${f.text}s`;
    rest /= 60n;
    if (rest > 0n) {
      out = `${rest % 60n}m${out}`;
      rest /= 60n;
      if (rest > 0n) out = `${rest}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}
