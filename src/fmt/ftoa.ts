// Port of Go's strconv.FormatFloat (internal/strconv/ftoa.go). Go picks between fast
// algorithms (Dragonbox, fixed 18-digit) and an exact multiprecision fallback that all
// give the same digits; we compute the exact decimal expansion with BigInt and round it
// as the fallback does. For the shortest float64 form we use JavaScript's
// Number-to-String, which the ECMAScript spec defines as the same shortest, closest
// digits (checked against Go on random bit patterns in the tests).

import { type Decimal, type FloatInfo, exactDecimal, round, roundShortest } from './decimal.js';

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X';

const float32info: FloatInfo = { mantbits: 23, expbits: 8, bias: -127 };
const float64info: FloatInfo = { mantbits: 52, expbits: 11, bias: -1023 };

const view = new DataView(new ArrayBuffer(8));

/** The IEEE bits of f as float32 (after rounding f to float32) or float64. */
function floatBits(f: number, bitSize: 32 | 64): bigint {
  if (bitSize === 32) {
    view.setFloat32(0, f);
    return BigInt(view.getUint32(0));
  }
  view.setFloat64(0, f);
  return view.getBigUint64(0);
}

/** strconv.FormatFloat(f, fmt, prec, bitSize). */
export function formatFloat(val: number, fmt: FloatFormat, prec: number, bitSize: 32 | 64): string {
  // Zeros keep Go's sign ("-0.0"), which toFixed drops: they take the general path.
  if (fmt === 'f' && prec >= 0 && bitSize === 64 && val !== 0 && Number.isFinite(val)) {
    const fixed = exactFixed(val, prec) ?? fixedFloat64(val, prec);
    if (fixed !== null) return fixed;
  }
  const flt = bitSize === 32 ? float32info : float64info;
  const bits = floatBits(val, bitSize);
  const neg = bits >> BigInt(flt.expbits + flt.mantbits) !== 0n;
  let exp = Number((bits >> BigInt(flt.mantbits)) & ((1n << BigInt(flt.expbits)) - 1n));
  let mant = bits & ((1n << BigInt(flt.mantbits)) - 1n);

  if (exp === (1 << flt.expbits) - 1) {
    if (mant !== 0n) return 'NaN';
    return neg ? '-Inf' : '+Inf';
  }
  if (exp === 0)
    exp++; // denormalized
  else mant |= 1n << BigInt(flt.mantbits);
  exp += flt.bias;

  if (fmt === 'b') return fmtB(neg, mant, exp, flt);
  if (fmt === 'x' || fmt === 'X') return fmtX(prec, fmt, neg, mant, exp, flt);

  const shortest = prec < 0;
  if (mant === 0n) return formatDigits(shortest, neg, { d: '', dp: 0 }, prec, fmt);
  let digs: Decimal;
  if (shortest) {
    digs = bitSize === 64 ? shortestFloat64(val) : roundShortest(exactDecimal(mant, exp - flt.mantbits), mant, exp, flt);
    switch (fmt) {
      case 'e':
      case 'E':
        prec = Math.max(digs.d.length - 1, 0);
        break;
      case 'f':
        prec = Math.max(digs.d.length - digs.dp, 0);
        break;
      case 'g':
      case 'G':
        prec = digs.d.length;
        break;
    }
  } else {
    if (fmt === 'f' && bitSize === 32) {
      const fixed = fixedDecimal(Math.fround(val), prec, Number(mant), exp - flt.mantbits);
      if (fixed !== null) return fixed;
    }
    const d = exactDecimal(mant, exp - flt.mantbits);
    switch (fmt) {
      case 'e':
      case 'E':
        digs = round(d, prec + 1);
        break;
      case 'f':
        digs = round(d, d.dp + prec);
        break;
      default:
        if (prec === 0) prec = 1;
        digs = round(d, prec);
    }
  }
  return formatDigits(shortest, neg, digs, prec, fmt);
}

/**
 * %f with precision prec of f = mant * 2^exp, through Number#toFixed, or null where that
 * could differ from Go. toFixed picks the decimal nearest to f's exact value, as Go does,
 * but breaks an exact tie upwards where Go rounds to even; f is exactly halfway between
 * two candidates only when its lowest set bit is 2^-(prec+1) (f * 10^prec is then an odd
 * multiple of 1/2). toFixed takes at most 100 digits and formats |f| >= 1e21 otherwise.
 */
function fixedDecimal(f: number, prec: number, mant: number, exp: number): string | null {
  if (prec > 100 || !(Math.abs(f) < 1e21)) return null;
  const lowBit = -(prec + 1) - exp; // the bit of mant that is 2^-(prec+1)
  if (lowBit >= 0 && lowBit < 64) {
    const unit = 2 ** lowBit;
    if (mant % unit === 0 && (mant / unit) % 2 === 1) return null;
  }
  return f.toFixed(prec);
}

/**
 * %f with precision prec of a non-zero f that is exactly an integer N over 10^prec (99.5,
 * 2.25, 5 at %.2f): N's digits with the point put in, no rounding to do; null for any
 * other f. N = f * 10^prec is exact when the product's rounding error, found by Dekker's
 * two-product (Veltkamp splitting; no overflow below 2^53), is zero.
 */
function exactFixed(f: number, prec: number): string | null {
  if (prec > 15) return null;
  const p = powersOf10[prec];
  const n = f * p;
  if (!Number.isInteger(n) || Math.abs(n) > 2 ** 53) return null;
  const c = splitter * f;
  const fh = c - (c - f);
  const fl = f - fh;
  const d = splitter * p;
  const ph = d - (d - p);
  const pl = p - ph;
  if (fh * ph - n + fh * pl + fl * ph + fl * pl !== 0) return null;
  let digits = String(Math.abs(n));
  if (digits.length <= prec) digits = '0'.repeat(prec + 1 - digits.length) + digits;
  const point = digits.length - prec;
  const text = prec === 0 ? digits : digits.slice(0, point) + '.' + digits.slice(point);
  return f < 0 ? '-' + text : text;
}

// Each by multiplication: integers below 2^53, all exact.
const powersOf10: number[] = [1];
for (let i = 1; i <= 15; i++) powersOf10.push(powersOf10[i - 1] * 10);
/** 2^27 + 1: splits a float64 into two halves of 26 bits whose products are exact. */
const splitter = 134217729;

/** fixedDecimal of a finite non-zero float64, its mantissa (< 2^53, exact in a number) read without BigInt. */
function fixedFloat64(f: number, prec: number): string | null {
  view.setFloat64(0, f);
  const hi = view.getUint32(0);
  let exp = (hi >>> 20) & 0x7ff;
  let mant = (hi & 0xfffff) * 2 ** 32 + view.getUint32(4);
  if (exp === 0)
    exp++; // denormalized
  else mant += 2 ** 52;
  return fixedDecimal(f, prec, mant, exp + float64info.bias - float64info.mantbits);
}

/** Shortest round-trip digits of a finite non-zero float64, from Number#toString. */
function shortestFloat64(f: number): Decimal {
  const s = String(Math.abs(f));
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exp10 = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const intLen = dot < 0 ? mantissa.length : dot;
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let dp = intLen + exp10;
  let lead = 0;
  while (lead < digits.length && digits.charCodeAt(lead) === 0x30) lead++;
  digits = digits.slice(lead);
  dp -= lead;
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 0x30) end--;
  return { d: digits.slice(0, end), dp };
}

function formatDigits(shortest: boolean, neg: boolean, digs: Decimal, prec: number, fmt: FloatFormat): string {
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(neg, digs, prec, fmt);
    case 'f':
      return fmtF(neg, digs, prec);
    case 'g':
    case 'G': {
      const nd = digs.d.length;
      let eprec = prec;
      if (eprec > nd && nd >= digs.dp) eprec = nd;
      // %e is used if the exponent from the conversion is less than -4 or greater than
      // or equal to the precision. If precision was the shortest possible, use 6.
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > digs.dp) prec = nd;
      return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
  return '%' + fmt;
}

/** %e: -d.ddddde±dd */
function fmtE(neg: boolean, d: Decimal, prec: number, fmt: 'e' | 'E'): string {
  let s = neg ? '-' : '';
  const nd = d.d.length;
  s += nd !== 0 ? d.d[0] : '0';
  if (prec > 0) {
    s += '.';
    const m = Math.min(nd, prec + 1);
    if (1 < m) s += d.d.slice(1, m);
    s += '0'.repeat(prec + 1 - Math.max(m, 1));
  }
  const exp = nd === 0 ? 0 : d.dp - 1;
  s += fmt;
  return s + exponentDigits(exp);
}

/** %f: -ddddddd.ddddd */
function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let s = neg ? '-' : '';
  const nd = d.d.length;
  if (d.dp > 0) {
    const m = Math.min(nd, d.dp);
    s += d.d.slice(0, m) + '0'.repeat(d.dp - m);
  } else {
    s += '0';
  }
  if (prec > 0) {
    s += '.';
    // Digits j = dp+i for i in [0, prec): zeros before the first digit, then digits, then zeros.
    const lead = Math.min(Math.max(-d.dp, 0), prec);
    s += '0'.repeat(lead);
    const from = d.dp + lead;
    const to = Math.min(nd, d.dp + prec);
    if (to > from) s += d.d.slice(from, to);
    s += '0'.repeat(prec - lead - Math.max(to - from, 0));
  }
  return s;
}

/** %b: -ddddddddp±ddd */
function fmtB(neg: boolean, mant: bigint, exp: number, flt: FloatInfo): string {
  const e = exp - flt.mantbits;
  return (neg ? '-' : '') + mant.toString() + 'p' + (e >= 0 ? '+' : '') + e;
}

/** %x: -0x1.yyyyyyyyp±ddd or -0x0p+0 */
function fmtX(prec: number, fmt: 'x' | 'X', neg: boolean, mant: bigint, exp: number, flt: FloatInfo): string {
  if (mant === 0n) exp = 0;
  const bit60 = 1n << 60n;
  const mask64 = (1n << 64n) - 1n;
  // Shift digits so the leading 1 (if any) is at bit 1<<60.
  mant <<= BigInt(60 - flt.mantbits);
  while (mant !== 0n && (mant & bit60) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (bit60 - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let s = (neg ? '-' : '') + '0' + fmt + String(Number((mant >> 60n) & 1n));
  mant = (mant << 4n) & mask64; // remove leading 0 or 1
  if (prec < 0 && mant !== 0n) {
    s += '.';
    while (mant !== 0n) {
      s += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & mask64;
    }
  } else if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) {
      s += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & mask64;
    }
  }
  s += fmt === 'X' ? 'P' : 'p';
  return s + exponentDigits(exp);
}

/** The signed exponent after 'e' or 'p': at least two digits, as strconv writes it. */
function exponentDigits(exp: number): string {
  const abs = Math.abs(exp);
  return (exp < 0 ? '-' : '+') + (abs < 10 ? '0' + abs : String(abs));
}
