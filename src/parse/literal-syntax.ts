// Shapes built by grammar/literal.ne (compiled to literal-grammar.generated.ts).

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

/** One element of a quoted literal: literal text, a rune escape, or a byte escape (\x, octal). */
export type Piece = { text: string } | { rune: number } | { byte: number };

export type Literal =
  | { kind: 'number'; syntax: NumberSyntax }
  | { kind: 'char'; unit: Piece; rest: string }
  | { kind: 'string'; pieces: Piece[] };
