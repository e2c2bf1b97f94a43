// github.com/shopspring/decimal, the parts sprig's float arithmetic uses: NewFromFloat,
// Add, Sub, Mul, Div (DivisionPrecision 16) and Float64.

/** An exact decimal: mant × 10^exp. */
export interface Dec {
  mant: bigint;
  exp: number;
}

/** decimal.NewFromFloat: the shortest decimal that reads back as f. */
export function fromFloat(f: number): Dec {
  if (!Number.isFinite(f)) return { mant: 0n, exp: 0 };
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(f));
  if (!m) return { mant: 0n, exp: 0 };
  const frac = m[3] ?? '';
  return { mant: BigInt(`${m[1]}${m[2]}${frac}`), exp: Number(m[4] ?? 0) - frac.length };
}

export function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.mant * 10n ** BigInt(a.exp - exp), b.mant * 10n ** BigInt(b.exp - exp), exp];
}

export function toFloat(d: Dec): number {
  return Number(`${d.mant}e${d.exp}`);
}

export const decOps = {
  add: (a: Dec, b: Dec): Dec => {
    const [x, y, e] = align(a, b);
    return { mant: x + y, exp: e };
  },
  sub: (a: Dec, b: Dec): Dec => {
    const [x, y, e] = align(a, b);
    return { mant: x - y, exp: e };
  },
  mul: (a: Dec, b: Dec): Dec => ({ mant: a.mant * b.mant, exp: a.exp + b.exp }),
  /** Div: DivisionPrecision (16) digits after the point, rounded half away from zero. */
  div: (a: Dec, b: Dec): Dec => {
    if (b.mant === 0n) throw new Error('decimal division by 0');
    const scale = 16;
    // a/b × 10^scale as an integer quotient of aligned mantissas.
    const num = a.mant * 10n ** BigInt(scale + 1 + Math.max(0, b.exp - a.exp));
    const den = b.mant * 10n ** BigInt(Math.max(0, a.exp - b.exp));
    let q = num / den;
    q = q >= 0n ? (q + 5n) / 10n : (q - 5n) / 10n;
    return { mant: q, exp: -scale };
  },
};
