# Syntax of Go literal token text, as text/template's lexer hands it to the parser:
# numbers (the shape lex.go's scanNumber accepts), character constants and
# interpreted string literals. Go's acceptance rules that are not about shape
# (underscore placement, digit ranges of a leading-0 octal, overflow) are applied
# by src/parse/literal.ts on the structure built here.
@preprocessor typescript

@{%
import type { NumberSyntax, Piece, Literal } from "./literal-syntax.js";

const join = (d: string[]): string => d.join("");
const hexValue = (ds: string[]): number => parseInt(ds.join(""), 16);
const simpleEscapes: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };
// \u and \U must name a valid rune: not a surrogate half, not above U+10FFFF (strconv.UnquoteChar).
const validRune = (cp: number): boolean => cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
%}

literal -> number {% ([n]): Literal => ({ kind: "number", syntax: n }) %}
  | charConstant {% id %}
  | interpreted {% id %}

# ---- numbers ----
number -> sign:? mantissa imaginary:? {% ([s, m, i]): NumberSyntax => ({ sign: s ?? "", ...m, imaginary: i !== null }) %}
sign -> [+-] {% id %}
imaginary -> "i" {% id %}

mantissa -> "0" [xX] hexRun hexFraction:? hexExponent:? {% ([z, x, int, frac, exp]) => ({ prefix: z + x, int, frac, ...exponentParts(exp) }) %}
  | "0" [oO] octRun octFraction:? {% ([z, o, int, frac]) => ({ prefix: z + o, int, frac, ...exponentParts(null) }) %}
  | "0" [bB] binRun binFraction:? {% ([z, b, int, frac]) => ({ prefix: z + b, int, frac, ...exponentParts(null) }) %}
  | decRun decFraction:? decExponent:? {% ([int, frac, exp]) => ({ prefix: "", int, frac, ...exponentParts(exp) }) %}

hexRun -> [0-9a-fA-F_]:* {% ([d]) => join(d) %}
octRun -> [0-7_]:* {% ([d]) => join(d) %}
binRun -> [01_]:* {% ([d]) => join(d) %}
decRun -> [0-9_]:* {% ([d]) => join(d) %}
hexFraction -> "." hexRun {% ([, d]) => d %}
octFraction -> "." octRun {% ([, d]) => d %}
binFraction -> "." binRun {% ([, d]) => d %}
decFraction -> "." decRun {% ([, d]) => d %}
hexExponent -> [pP] [+-]:? decRun {% ([mark, s, digits]) => ({ mark, sign: s ?? "", digits }) %}
decExponent -> [eE] [+-]:? decRun {% ([mark, s, digits]) => ({ mark, sign: s ?? "", digits }) %}

@{%
function exponentParts(e: { mark: string; sign: string; digits: string } | null) {
  return e === null
    ? { expMark: null, expSign: "", expDigits: "" }
    : { expMark: e.mark, expSign: e.sign, expDigits: e.digits };
}
%}

# ---- character constants: the first unit is decoded, the rest (normally just the
# closing quote) is kept so the caller can report Go's "malformed character constant" ----
charConstant -> "'" charUnit anyChar:* {% ([, unit, rest]): Literal => ({ kind: "char", unit, rest: join(rest) }) %}
charUnit -> plainRune {% ([s]): Piece => ({ rune: s.codePointAt(0) ?? 0 }) %}
  | escape {% id %}
  | "\\'" {% (): Piece => ({ rune: 39 }) %}
plainRune -> [\uD800-\uDBFF] [\uDC00-\uDFFF] {% ([hi, lo]) => hi + lo %}
  | [^'\\\n\uD800-\uDBFF] {% id %}
anyChar -> [\s\S] {% id %}

# ---- interpreted string literals ----
interpreted -> "\"" stringPiece:* "\"" {% ([, pieces]): Literal => ({ kind: "string", pieces }) %}
stringPiece -> [^"\\\n] {% ([s]): Piece => ({ text: s }) %}
  | escape {% id %}
  | "\\\"" {% (): Piece => ({ rune: 34 }) %}

# ---- escapes common to both quote forms ----
escape -> "\\" [abfnrtv\\] {% ([, c]): Piece => ({ rune: simpleEscapes[c] ?? 0 }) %}
  | "\\x" hexDigit hexDigit {% ([, a, b]): Piece => ({ byte: hexValue([a, b]) }) %}
  | "\\" [0-3] [0-7] [0-7] {% ([, a, b, c]): Piece => ({ byte: parseInt(a + b + c, 8) }) %}
  | "\\u" hexDigit hexDigit hexDigit hexDigit {% ([, ...ds], _loc, reject) => {
      const cp = hexValue(ds);
      return validRune(cp) ? { rune: cp } : reject;
    } %}
  | "\\U" hexDigit hexDigit hexDigit hexDigit hexDigit hexDigit hexDigit hexDigit {% ([, ...ds], _loc, reject) => {
      const cp = hexValue(ds);
      return validRune(cp) ? { rune: cp } : reject;
    } %}
hexDigit -> [0-9a-fA-F] {% id %}
