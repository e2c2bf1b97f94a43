// sprig duration and durationRound (date.go) over Go's time.Duration String / ParseDuration.

import { type Value, indirectInterface, int64Type, stringType, stringValue } from '../../value/index.js';
import { I, fnNoErr } from '../funcs/sig.js';

const units: Record<string, bigint> = {
  ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n,
};

/** time.ParseDuration; undefined where Go returns an error. */
export function parseDuration(s0: string): bigint | undefined {
  let s = s0;
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return undefined;
  let total = 0n;
  const re = /^([0-9]*)(?:\.([0-9]*))?(ns|us|µs|μs|ms|s|m|h)/u;
  while (s !== '') {
    const m = re.exec(s);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
    const unit = units[m[3]];
    const whole = BigInt(m[1] || '0') * unit;
    const frac = m[2] ?? '';
    const fracNs = frac === '' ? 0n : (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
    total += whole + fracNs;
    s = s.slice(m[0].length);
  }
  if (total > (1n << 63n) - 1n) return undefined;
  return neg ? -total : total;
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

const second = 1_000_000_000n;

export const sprigDurationFuncs: Record<string, Value> = {
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
    if (v.type === stringType) d = parseDuration(v.str()) ?? 0n;
    else if (v.type === int64Type) d = v.int();
    const u = d < 0n ? -d : d;
    const hour = 3600n * second;
    const steps: [bigint, string][] = [[hour * 24n * 365n, 'y'], [hour * 24n * 30n, 'mo'], [hour * 24n, 'd'], [hour, 'h'], [60n * second, 'm'], [second, 's']];
    for (const [size, unit] of steps) if (u > size) return stringValue(`${u / size}${unit}`);
    return stringValue('0s');
  }),
};
