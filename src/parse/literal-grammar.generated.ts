// Generated automatically by nearley, version 2.20.1
// http://github.com/Hardmath123/nearley
// Bypasses TS6133. Allow declared but unused functions.
// @ts-ignore
function id(d: any[]): any { return d[0]; }

import type { NumberSyntax, Piece, Literal } from "./literal-syntax.js";

const join = (d: string[]): string => d.join("");
const hexValue = (ds: string[]): number => parseInt(ds.join(""), 16);
const simpleEscapes: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };
// \u and \U must name a valid rune: not a surrogate half, not above U+10FFFF (strconv.UnquoteChar).
const validRune = (cp: number): boolean => cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);


function exponentParts(e: { mark: string; sign: string; digits: string } | null) {
  return e === null
    ? { expMark: null, expSign: "", expDigits: "" }
    : { expMark: e.mark, expSign: e.sign, expDigits: e.digits };
}

interface NearleyToken {
  value: any;
  [key: string]: any;
};

interface NearleyLexer {
  reset: (chunk: string, info: any) => void;
  next: () => NearleyToken | undefined;
  save: () => any;
  formatError: (token: never) => string;
  has: (tokenType: string) => boolean;
};

interface NearleyRule {
  name: string;
  symbols: NearleySymbol[];
  postprocess?: (d: any[], loc?: number, reject?: {}) => any;
};

type NearleySymbol = string | { literal: any } | { test: (token: any) => boolean };

interface Grammar {
  Lexer: NearleyLexer | undefined;
  ParserRules: NearleyRule[];
  ParserStart: string;
};

const grammar: Grammar = {
  Lexer: undefined,
  ParserRules: [
    {"name": "literal", "symbols": ["number"], "postprocess": ([n]): Literal => ({ kind: "number", syntax: n })},
    {"name": "literal", "symbols": ["charConstant"], "postprocess": id},
    {"name": "literal", "symbols": ["interpreted"], "postprocess": id},
    {"name": "number$ebnf$1", "symbols": ["sign"], "postprocess": id},
    {"name": "number$ebnf$1", "symbols": [], "postprocess": () => null},
    {"name": "number$ebnf$2", "symbols": ["imaginary"], "postprocess": id},
    {"name": "number$ebnf$2", "symbols": [], "postprocess": () => null},
    {"name": "number", "symbols": ["number$ebnf$1", "mantissa", "number$ebnf$2"], "postprocess": ([s, m, i]): NumberSyntax => ({ sign: s ?? "", ...m, imaginary: i !== null })},
    {"name": "sign", "symbols": [/[+-]/], "postprocess": id},
    {"name": "imaginary", "symbols": [{"literal":"i"}], "postprocess": id},
    {"name": "mantissa$ebnf$1", "symbols": ["hexFraction"], "postprocess": id},
    {"name": "mantissa$ebnf$1", "symbols": [], "postprocess": () => null},
    {"name": "mantissa$ebnf$2", "symbols": ["hexExponent"], "postprocess": id},
    {"name": "mantissa$ebnf$2", "symbols": [], "postprocess": () => null},
    {"name": "mantissa", "symbols": [{"literal":"0"}, /[xX]/, "hexRun", "mantissa$ebnf$1", "mantissa$ebnf$2"], "postprocess": ([z, x, int, frac, exp]) => ({ prefix: z + x, int, frac, ...exponentParts(exp) })},
    {"name": "mantissa$ebnf$3", "symbols": ["octFraction"], "postprocess": id},
    {"name": "mantissa$ebnf$3", "symbols": [], "postprocess": () => null},
    {"name": "mantissa", "symbols": [{"literal":"0"}, /[oO]/, "octRun", "mantissa$ebnf$3"], "postprocess": ([z, o, int, frac]) => ({ prefix: z + o, int, frac, ...exponentParts(null) })},
    {"name": "mantissa$ebnf$4", "symbols": ["binFraction"], "postprocess": id},
    {"name": "mantissa$ebnf$4", "symbols": [], "postprocess": () => null},
    {"name": "mantissa", "symbols": [{"literal":"0"}, /[bB]/, "binRun", "mantissa$ebnf$4"], "postprocess": ([z, b, int, frac]) => ({ prefix: z + b, int, frac, ...exponentParts(null) })},
    {"name": "mantissa$ebnf$5", "symbols": ["decFraction"], "postprocess": id},
    {"name": "mantissa$ebnf$5", "symbols": [], "postprocess": () => null},
    {"name": "mantissa$ebnf$6", "symbols": ["decExponent"], "postprocess": id},
    {"name": "mantissa$ebnf$6", "symbols": [], "postprocess": () => null},
    {"name": "mantissa", "symbols": ["decRun", "mantissa$ebnf$5", "mantissa$ebnf$6"], "postprocess": ([int, frac, exp]) => ({ prefix: "", int, frac, ...exponentParts(exp) })},
    {"name": "hexRun$ebnf$1", "symbols": []},
    {"name": "hexRun$ebnf$1", "symbols": ["hexRun$ebnf$1", /[0-9a-fA-F_]/], "postprocess": (d) => d[0].concat([d[1]])},
    {"name": "hexRun", "symbols": ["hexRun$ebnf$1"], "postprocess": ([d]) => join(d)},
    {"name": "octRun$ebnf$1", "symbols": []},
    {"name": "octRun$ebnf$1", "symbols": ["octRun$ebnf$1", /[0-7_]/], "postprocess": (d) => d[0].concat([d[1]])},
    {"name": "octRun", "symbols": ["octRun$ebnf$1"], "postprocess": ([d]) => join(d)},
    {"name": "binRun$ebnf$1", "symbols": []},
    {"name": "binRun$ebnf$1", "symbols": ["binRun$ebnf$1", /[01_]/], "postprocess": (d) => d[0].concat([d[1]])},
    {"name": "binRun", "symbols": ["binRun$ebnf$1"], "postprocess": ([d]) => join(d)},
    {"name": "decRun$ebnf$1", "symbols": []},
    {"name": "decRun$ebnf$1", "symbols": ["decRun$ebnf$1", /[0-9_]/], "postprocess": (d) => d[0].concat([d[1]])},
    {"name": "decRun", "symbols": ["decRun$ebnf$1"], "postprocess": ([d]) => join(d)},
    {"name": "hexFraction", "symbols": [{"literal":"."}, "hexRun"], "postprocess": ([, d]) => d},
    {"name": "octFraction", "symbols": [{"literal":"."}, "octRun"], "postprocess": ([, d]) => d},
    {"name": "binFraction", "symbols": [{"literal":"."}, "binRun"], "postprocess": ([, d]) => d},
    {"name": "decFraction", "symbols": [{"literal":"."}, "decRun"], "postprocess": ([, d]) => d},
    {"name": "hexExponent$ebnf$1", "symbols": [/[+-]/], "postprocess": id},
    {"name": "hexExponent$ebnf$1", "symbols": [], "postprocess": () => null},
    {"name": "hexExponent", "symbols": [/[pP]/, "hexExponent$ebnf$1", "decRun"], "postprocess": ([mark, s, digits]) => ({ mark, sign: s ?? "", digits })},
    {"name": "decExponent$ebnf$1", "symbols": [/[+-]/], "postprocess": id},
    {"name": "decExponent$ebnf$1", "symbols": [], "postprocess": () => null},
    {"name": "decExponent", "symbols": [/[eE]/, "decExponent$ebnf$1", "decRun"], "postprocess": ([mark, s, digits]) => ({ mark, sign: s ?? "", digits })},
    {"name": "charConstant$ebnf$1", "symbols": []},
    {"name": "charConstant$ebnf$1", "symbols": ["charConstant$ebnf$1", "anyChar"], "postprocess": (d) => d[0].concat([d[1]])},
    {"name": "charConstant", "symbols": [{"literal":"'"}, "charUnit", "charConstant$ebnf$1"], "postprocess": ([, unit, rest]): Literal => ({ kind: "char", unit, rest: join(rest) })},
    {"name": "charUnit", "symbols": ["plainRune"], "postprocess": ([s]): Piece => ({ rune: s.codePointAt(0) ?? 0 })},
    {"name": "charUnit", "symbols": ["escape"], "postprocess": id},
    {"name": "charUnit$string$1", "symbols": [{"literal":"\\"}, {"literal":"'"}], "postprocess": (d) => d.join('')},
    {"name": "charUnit", "symbols": ["charUnit$string$1"], "postprocess": (): Piece => ({ rune: 39 })},
    {"name": "plainRune", "symbols": [/[\uD800-\uDBFF]/, /[\uDC00-\uDFFF]/], "postprocess": ([hi, lo]) => hi + lo},
    {"name": "plainRune", "symbols": [/[^'\\\n\uD800-\uDBFF]/], "postprocess": id},
    {"name": "anyChar", "symbols": [/[\s\S]/], "postprocess": id},
    {"name": "interpreted$ebnf$1", "symbols": []},
    {"name": "interpreted$ebnf$1", "symbols": ["interpreted$ebnf$1", "stringPiece"], "postprocess": (d) => d[0].concat([d[1]])},
    {"name": "interpreted", "symbols": [{"literal":"\""}, "interpreted$ebnf$1", {"literal":"\""}], "postprocess": ([, pieces]): Literal => ({ kind: "string", pieces })},
    {"name": "stringPiece", "symbols": [/[^"\\\n]/], "postprocess": ([s]): Piece => ({ text: s })},
    {"name": "stringPiece", "symbols": ["escape"], "postprocess": id},
    {"name": "stringPiece$string$1", "symbols": [{"literal":"\\"}, {"literal":"\""}], "postprocess": (d) => d.join('')},
    {"name": "stringPiece", "symbols": ["stringPiece$string$1"], "postprocess": (): Piece => ({ rune: 34 })},
    {"name": "escape", "symbols": [{"literal":"\\"}, /[abfnrtv\\]/], "postprocess": ([, c]): Piece => ({ rune: simpleEscapes[c] ?? 0 })},
    {"name": "escape$string$1", "symbols": [{"literal":"\\"}, {"literal":"x"}], "postprocess": (d) => d.join('')},
    {"name": "escape", "symbols": ["escape$string$1", "hexDigit", "hexDigit"], "postprocess": ([, a, b]): Piece => ({ byte: hexValue([a, b]) })},
    {"name": "escape", "symbols": [{"literal":"\\"}, /[0-3]/, /[0-7]/, /[0-7]/], "postprocess": ([, a, b, c]): Piece => ({ byte: parseInt(a + b + c, 8) })},
    {"name": "escape$string$2", "symbols": [{"literal":"\\"}, {"literal":"u"}], "postprocess": (d) => d.join('')},
    {"name": "escape", "symbols": ["escape$string$2", "hexDigit", "hexDigit", "hexDigit", "hexDigit"], "postprocess":  ([, ...ds], _loc, reject) => {
          const cp = hexValue(ds);
          return validRune(cp) ? { rune: cp } : reject;
        } },
    {"name": "escape$string$3", "symbols": [{"literal":"\\"}, {"literal":"U"}], "postprocess": (d) => d.join('')},
    {"name": "escape", "symbols": ["escape$string$3", "hexDigit", "hexDigit", "hexDigit", "hexDigit", "hexDigit", "hexDigit", "hexDigit", "hexDigit"], "postprocess":  ([, ...ds], _loc, reject) => {
          const cp = hexValue(ds);
          return validRune(cp) ? { rune: cp } : reject;
        } },
    {"name": "hexDigit", "symbols": [/[0-9a-fA-F]/], "postprocess": id}
  ],
  ParserStart: "literal",
};

export default grammar;
