// The exact decimal value of a binary float and Go's rounding of it: a port of the
// parts of internal/strconv/decimal.go that ftoa.go uses (Assign+Shift, Round,
// RoundUp, RoundDown) and of ftoa.go's roundShortest. Digits are a string with no
// trailing zeros; the value is 0.d[0]d[1]... * 10^dp.

export interface Decimal {
  d: string;
  dp: number;
}

const pow5 = new Map<number, bigint>();

function fivePow(k: number): bigint {
  let p = pow5.get(k);
  if (p === undefined) {
    p = 5n ** BigInt(k);
    if (pow5.size < 2200) pow5.set(k, p);
  }
  return p;
}

function trimmed(d: string, dp: number): Decimal {
  let n = d.length;
  while (n > 0 && d.charCodeAt(n - 1) === 0x30) n--;
  return n === 0 ? { d: '', dp: 0 } : { d: d.slice(0, n), dp };
}

/** The exact decimal digits of mant * 2^exp (every binary float has a finite expansion). */
export function exactDecimal(mant: bigint, exp: number): Decimal {
  if (mant === 0n) return { d: '', dp: 0 };
  if (exp >= 0) {
    const s = (mant << BigInt(exp)).toString();
    return trimmed(s, s.length);
  }
  // mant / 2^k = mant * 5^k / 10^k
  const s = (mant * fivePow(-exp)).toString();
  return trimmed(s, s.length + exp);
}

/** decimal.go shouldRoundUp: exact halfway rounds to even. */
function shouldRoundUp(a: Decimal, nd: number): boolean {
  if (nd < 0 || nd >= a.d.length) return false;
  const c = a.d.charCodeAt(nd);
  if (c === 0x35 && nd + 1 === a.d.length) return nd > 0 && (a.d.charCodeAt(nd - 1) - 0x30) % 2 !== 0;
  return c >= 0x35;
}

/** Round a to nd digits (or fewer). */
export function round(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  return shouldRoundUp(a, nd) ? roundUp(a, nd) : roundDown(a, nd);
}

export function roundDown(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  return trimmed(a.d.slice(0, nd), a.dp);
}

export function roundUp(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  for (let i = nd - 1; i >= 0; i--) {
    const c = a.d.charCodeAt(i);
    if (c < 0x39) return { d: a.d.slice(0, i) + String.fromCharCode(c + 1), dp: a.dp };
  }
  // All nines: 999 rounds up to 1000.
  return { d: '1', dp: a.dp + 1 };
}

export interface FloatInfo {
  readonly mantbits: number;
  readonly expbits: number;
  readonly bias: number;
}

/**
 * ftoa.go roundShortest: rounds d (= mant * 2^(exp-mantbits)) to the fewest digits that
 * still parse back to the same float.
 */
export function roundShortest(d: Decimal, mant: bigint, exp: number, flt: FloatInfo): Decimal {
  if (mant === 0n) return { d: '', dp: 0 };
  const nd = d.d.length;
  const minexp = flt.bias + 1;
  if (exp > minexp && 332 * (d.dp - nd) >= 100 * (exp - flt.mantbits)) return d;

  const upper = exactDecimal(mant * 2n + 1n, exp - flt.mantbits - 1);
  let mantlo: bigint;
  let explo: number;
  if (mant > 1n << BigInt(flt.mantbits) || exp === minexp) {
    mantlo = mant - 1n;
    explo = exp;
  } else {
    mantlo = mant * 2n - 1n;
    explo = exp - 1;
  }
  const lower = exactDecimal(mantlo * 2n + 1n, explo - flt.mantbits - 1);
  const inclusive = mant % 2n === 0n;

  let upperdelta = 0;
  for (let ui = 0; ; ui++) {
    const mi = ui - upper.dp + d.dp;
    if (mi >= nd) break;
    const li = ui - upper.dp + lower.dp;
    const l = li >= 0 && li < lower.d.length ? lower.d.charCodeAt(li) : 0x30;
    const m = mi >= 0 ? d.d.charCodeAt(mi) : 0x30;
    const u = ui < upper.d.length ? upper.d.charCodeAt(ui) : 0x30;

    const okdown = l !== m || (inclusive && li + 1 === lower.d.length);
    if (upperdelta === 0 && m + 1 < u) upperdelta = 2;
    else if (upperdelta === 0 && m !== u) upperdelta = 1;
    else if (upperdelta === 1 && (m !== 0x39 || u !== 0x30)) upperdelta = 2;
    const okup = upperdelta > 0 && (inclusive || upperdelta > 1 || ui + 1 < upper.d.length);

    if (okdown && okup) return round(d, mi + 1);
    if (okdown) return roundDown(d, mi + 1);
    if (okup) return roundUp(d, mi + 1);
  }
  return d;
}
