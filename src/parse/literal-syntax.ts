// Go's number literal syntax, defined once: the shape lex.go's scanNumber accepts (sign,
// base prefix, digit run, fraction, exponent, imaginary 'i'). The lexer finds number tokens
// with numberBody; literal.ts splits a token into the parts strconv looks at with
// splitNumber. Both are built from the one table below, so they cannot disagree. Go's rules
// that are not about shape (underscore placement, the digit range of a leading-0 octal,
// overflow) are strconv's and live in literal.ts.
//
// Every pattern here is a sequence of character-class runs with at most one way to split a
// text among them, so matching is linear in the length of the token.

/** A number token split into the parts Go's strconv looks at. Digit runs keep their underscores. */
export interface NumberSyntax {
  sign: '' | '+' | '-';
  /** "0x", "0X", "0o", "0O", "0b", "0B" or "". */
  prefix: string;
  int: string;
  /** Digits after the point, or null when there is no point. */
  frac: string | null;
  /** "e", "E", "p", "P" or null. */
  expMark: string | null;
  expSign: string;
  expDigits: string;
  imaginary: boolean;
}

interface Base {
  prefix: string;
  digits: string;
  /** The exponent mark this base accepts, if any (scanNumber: e for decimal, p for hex). */
  exponent: string | null;
}

// In scanNumber's order: a base prefix when there is one, decimal otherwise.
const bases: readonly Base[] = [
  { prefix: '0[xX]', digits: '[0-9a-fA-F_]', exponent: '[pP]' },
  { prefix: '0[oO]', digits: '[0-7_]', exponent: null },
  { prefix: '0[bB]', digits: '[01_]', exponent: null },
  { prefix: '', digits: '[0-9_]', exponent: '[eE]' },
];

/** One base's shape without sign or 'i'; group wraps each part (capturing or not). */
function mantissa(b: Base, group: (part: string) => string): string {
  const run = `${b.digits}*`;
  const exponent = b.exponent === null ? '' : `(?:${group(b.exponent)}${group('[+\\-]?')}${group('[0-9_]*')})?`;
  return `${group(b.prefix)}${group(run)}(?:\\.${group(run)})?${exponent}`;
}

const plain = (part: string): string => `(?:${part})`;
const capture = (part: string): string => `(${part})`;

/** One scanNumber pass without its sign, as a RegExp source (no capture groups, as moo requires). */
export const numberBody = `(?:${bases.map((b) => mantissa(b, plain)).join('|')})i?`;

const splitters = bases.map((b) => ({ base: b, re: new RegExp(`^([+\\-]?)${mantissa(b, capture)}(i?)$`) }));

/** The parts of a whole number token, or null when text does not have Go's number shape. */
export function splitNumber(text: string): NumberSyntax | null {
  for (const { base, re } of splitters) {
    const m = re.exec(text);
    if (m === null) continue;
    const hasExp = base.exponent !== null;
    return {
      sign: m[1] as NumberSyntax['sign'],
      prefix: m[2],
      int: m[3],
      frac: m[4] ?? null,
      expMark: hasExp ? (m[5] ?? null) : null,
      expSign: hasExp ? (m[6] ?? '') : '',
      expDigits: hasExp ? (m[7] ?? '') : '',
      imaginary: m[m.length - 1] === 'i',
    };
  }
  return null;
}
