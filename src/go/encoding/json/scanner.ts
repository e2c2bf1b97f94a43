// Port of encoding/json's scanner.go: the byte-at-a-time JSON state machine.
// Every syntax error of Go's decoder comes from here, so error texts match
// Go's exactly ("invalid character 'x' looking for beginning of value").
// It works on UTF-8 bytes because Go reports the offending byte, not the
// character (a stray "é" is reported as 'Ã', its first byte).

// Opcodes returned by step (scanner.go's scanContinue ... scanError).
export const scanContinue = 0;
export const scanBeginLiteral = 1;
export const scanBeginObject = 2;
export const scanObjectKey = 3;
export const scanObjectValue = 4;
export const scanEndObject = 5;
export const scanBeginArray = 6;
export const scanArrayValue = 7;
export const scanEndArray = 8;
export const scanSkipSpace = 9;
export const scanEnd = 10;
export const scanError = 11;

const parseObjectKey = 0;
const parseObjectValue = 1;
const parseArrayValue = 2;

/** Go's limit on nesting (it also keeps our iterative decoder's stack bounded). */
const maxNestingDepth = 10000;

type StepFn = (s: Scanner, c: number) => number;

export class Scanner {
  step: StepFn = stateBeginValue;
  /** Reached the end of the top-level value. */
  endTop = false;
  /** What we are in the middle of, outermost first: array values, object keys, object values. */
  readonly parseState: number[] = [];
  /** The SyntaxError's message once an error happened. */
  err: string | null = null;

  /** eof tells the scanner that the end of input has been reached (scanner.eof). */
  eof(): number {
    if (this.err !== null) return scanError;
    if (this.endTop) return scanEnd;
    this.step(this, 0x20);
    if (this.endTop) return scanEnd;
    if (this.err === null) this.err = 'unexpected end of JSON input';
    return scanError;
  }

  pushParseState(c: number, newParseState: number, successState: number): number {
    this.parseState.push(newParseState);
    if (this.parseState.length <= maxNestingDepth) return successState;
    return this.error(c, 'exceeded max depth');
  }

  popParseState(): void {
    this.parseState.pop();
    if (this.parseState.length === 0) {
      this.step = stateEndTop;
      this.endTop = true;
    } else {
      this.step = stateEndValue;
    }
  }

  error(c: number, context: string): number {
    this.step = stateError;
    this.err = `invalid character ${quoteChar(c)} ${context}`;
    return scanError;
  }
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

function stateBeginValueOrEmpty(s: Scanner, c: number): number {
  if (isSpace(c)) return scanSkipSpace;
  if (c === 0x5d /* ] */) return stateEndValue(s, c);
  return stateBeginValue(s, c);
}

function stateBeginValue(s: Scanner, c: number): number {
  if (isSpace(c)) return scanSkipSpace;
  switch (c) {
    case 0x7b: // {
      s.step = stateBeginStringOrEmpty;
      return s.pushParseState(c, parseObjectKey, scanBeginObject);
    case 0x5b: // [
      s.step = stateBeginValueOrEmpty;
      return s.pushParseState(c, parseArrayValue, scanBeginArray);
    case 0x22:
      s.step = stateInString;
      return scanBeginLiteral;
    case 0x2d:
      s.step = stateNeg;
      return scanBeginLiteral;
    case 0x30:
      s.step = state0;
      return scanBeginLiteral;
    case 0x74:
      s.step = stateT;
      return scanBeginLiteral;
    case 0x66:
      s.step = stateF;
      return scanBeginLiteral;
    case 0x6e:
      s.step = stateN;
      return scanBeginLiteral;
  }
  if (c >= 0x31 && c <= 0x39) {
    s.step = state1;
    return scanBeginLiteral;
  }
  return s.error(c, 'looking for beginning of value');
}

function stateBeginStringOrEmpty(s: Scanner, c: number): number {
  if (isSpace(c)) return scanSkipSpace;
  if (c === 0x7d /* } */) {
    s.parseState[s.parseState.length - 1] = parseObjectValue;
    return stateEndValue(s, c);
  }
  return stateBeginString(s, c);
}

function stateBeginString(s: Scanner, c: number): number {
  if (isSpace(c)) return scanSkipSpace;
  if (c === 0x22) {
    s.step = stateInString;
    return scanBeginLiteral;
  }
  return s.error(c, 'looking for beginning of object key string');
}

function stateEndValue(s: Scanner, c: number): number {
  const n = s.parseState.length;
  if (n === 0) {
    s.step = stateEndTop;
    s.endTop = true;
    return stateEndTop(s, c);
  }
  if (isSpace(c)) {
    s.step = stateEndValue;
    return scanSkipSpace;
  }
  switch (s.parseState[n - 1]) {
    case parseObjectKey:
      if (c === 0x3a /* : */) {
        s.parseState[n - 1] = parseObjectValue;
        s.step = stateBeginValue;
        return scanObjectKey;
      }
      return s.error(c, 'after object key');
    case parseObjectValue:
      if (c === 0x2c /* , */) {
        s.parseState[n - 1] = parseObjectKey;
        s.step = stateBeginString;
        return scanObjectValue;
      }
      if (c === 0x7d) {
        s.popParseState();
        return scanEndObject;
      }
      return s.error(c, 'after object key:value pair');
    default: // parseArrayValue
      if (c === 0x2c) {
        s.step = stateBeginValue;
        return scanArrayValue;
      }
      if (c === 0x5d) {
        s.popParseState();
        return scanEndArray;
      }
      return s.error(c, 'after array element');
  }
}

function stateEndTop(s: Scanner, c: number): number {
  // Complain about a non-space byte now; the caller sees scanError on the next call.
  if (!isSpace(c)) s.error(c, 'after top-level value');
  return scanEnd;
}

function stateInString(s: Scanner, c: number): number {
  if (c === 0x22) {
    s.step = stateEndValue;
    return scanContinue;
  }
  if (c === 0x5c) {
    s.step = stateInStringEsc;
    return scanContinue;
  }
  if (c < 0x20) return s.error(c, 'in string literal');
  return scanContinue;
}

function stateInStringEsc(s: Scanner, c: number): number {
  switch (c) {
    case 0x62:
    case 0x66:
    case 0x6e:
    case 0x72:
    case 0x74:
    case 0x5c:
    case 0x2f:
    case 0x22: // b f n r t \ / "
      s.step = stateInString;
      return scanContinue;
    case 0x75: // u
      s.step = hexStates[0];
      return scanContinue;
  }
  return s.error(c, 'in string escape code');
}

// stateInStringEscU, ...U1, ...U12, ...U123: the four hex digits of \uXXXX.
const hexStates: StepFn[] = [0, 1, 2, 3].map((i) => (s: Scanner, c: number): number => {
  if (isHex(c)) {
    s.step = i === 3 ? stateInString : hexStates[i + 1];
    return scanContinue;
  }
  return s.error(c, 'in \\u hexadecimal character escape');
});

function stateNeg(s: Scanner, c: number): number {
  if (c === 0x30) {
    s.step = state0;
    return scanContinue;
  }
  if (c >= 0x31 && c <= 0x39) {
    s.step = state1;
    return scanContinue;
  }
  return s.error(c, 'in numeric literal');
}

function state1(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = state1;
    return scanContinue;
  }
  return state0(s, c);
}

function state0(s: Scanner, c: number): number {
  if (c === 0x2e /* . */) {
    s.step = stateDot;
    return scanContinue;
  }
  if (c === 0x65 || c === 0x45) {
    s.step = stateE;
    return scanContinue;
  }
  return stateEndValue(s, c);
}

function stateDot(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = stateDot0;
    return scanContinue;
  }
  return s.error(c, 'after decimal point in numeric literal');
}

function stateDot0(s: Scanner, c: number): number {
  if (isDigit(c)) return scanContinue;
  if (c === 0x65 || c === 0x45) {
    s.step = stateE;
    return scanContinue;
  }
  return stateEndValue(s, c);
}

function stateE(s: Scanner, c: number): number {
  if (c === 0x2b || c === 0x2d) {
    s.step = stateESign;
    return scanContinue;
  }
  return stateESign(s, c);
}

function stateESign(s: Scanner, c: number): number {
  if (isDigit(c)) {
    s.step = stateE0;
    return scanContinue;
  }
  return s.error(c, 'in exponent of numeric literal');
}

function stateE0(s: Scanner, c: number): number {
  if (isDigit(c)) return scanContinue;
  return stateEndValue(s, c);
}

// stateT, stateTr, stateTru, stateF, ...: the letters of true/false/null after the first.
function literalChain(word: string): StepFn {
  let next: StepFn = stateEndValue;
  for (let i = word.length - 1; i >= 1; i--) {
    const want = word.charCodeAt(i);
    const context = `in literal ${word} (expecting '${word[i]}')`;
    const after = next;
    next = (s, c) => {
      if (c === want) {
        s.step = after;
        return scanContinue;
      }
      return s.error(c, context);
    };
  }
  return next;
}
const stateT = literalChain('true');
const stateF = literalChain('false');
const stateN = literalChain('null');

function stateError(): number {
  return scanError;
}

/** quoteChar: c as a quoted character literal, as strconv.Quote(string(rune(c))) would show it. */
export function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  return `'${quoteRune(c)}'`;
}

const namedEscapes: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 0x5c: '\\\\' };

// strconv's escaping of one rune in U+0000..U+00FF (a byte read as a rune).
function quoteRune(c: number): string {
  const named = namedEscapes[c];
  if (named !== undefined) return named;
  const hex2 = c.toString(16).padStart(2, '0');
  if (c < 0x20 || c === 0x7f) return `\\x${hex2}`;
  // U+0080..U+00A0 and the soft hyphen are not printable (unicode.IsPrint).
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `\\u00${hex2}`;
  return String.fromCharCode(c);
}
