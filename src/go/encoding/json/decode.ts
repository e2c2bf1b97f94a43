// json.Unmarshal / json.Decoder.Decode into an interface{} (decode.go, stream.go).
//
// Go validates with the scanner and then decodes recursively; here one pass
// drives the same scanner and builds values on an explicit stack, so nesting
// is bounded only by the scanner's 10000 limit, never by the JS call stack.
// Syntax errors still win over number range errors, as with Go's checkValid
// running before the decode.
//
// Input is a JS string, read as its Go bytes (utf8Bytes: an escape is its invalid byte,
// which the scanner's errors quote as Go does; another lone surrogate is U+FFFD). Strings
// decode each invalid byte to U+FFFD, as Go's unquote does.

import { mapStringInterfaceType, jsonNumber, sliceInterfaceType } from '../../../value/index.js';
import { bytesToString, utf8Bytes, withRuneErrors } from '../../unicode/utf8/index.js';
import {
  Scanner,
  isSpace,
  scanBeginArray,
  scanBeginLiteral,
  scanBeginObject,
  scanContinue,
  scanEnd,
  scanEndArray,
  scanEndObject,
  scanError,
} from './scanner.js';
import { GoError, GoMap, Value, boolValue, box, float64Value, invalid, stringValue } from '../../../value/index.js';

export interface DecodeOptions {
  /** Decoder.UseNumber: numbers become json.Number (literal text kept) instead of float64. */
  readonly useNumber: boolean;
  /**
   * 'error' (default) is json.Unmarshal: anything but space after the value is an error.
   * 'ignore' is one json.Decoder.Decode call: reads one value and ignores what follows;
   * then empty input fails with "EOF" and truncated input with "unexpected EOF", as Decode does.
   */
  readonly trailing?: 'error' | 'ignore';
}

const utf8Decoder = new TextDecoder();
// fatal: a string that is not valid UTF-8 throws, and is then read byte by byte (stringText).
const validDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** encoding/json's SyntaxError: Go's message, and the byte offset where it was found (Go's Offset). */
export class JSONSyntaxError extends GoError {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JSONSyntaxError';
  }
}

/** Decodes `text` as Go decodes JSON into an `interface{}`; errors are thrown as GoError with Go's text. */
export function decodeJSON(text: string, opts: DecodeOptions): Value {
  const data = utf8Bytes(text);
  const b = new Builder(data, opts.useNumber);
  const s = new Scanner();
  if (opts.trailing === 'ignore') readOne(data, s, b);
  else readAll(data, s, b);
  if (b.numberError !== null) throw new GoError(b.numberError);
  return b.result;
}

// Unmarshal: checkValid over all of data, then the value.
function readAll(data: Uint8Array, s: Scanner, b: Builder): void {
  for (let i = 0; i < data.length; i++) {
    const op = s.step(s, data[i]);
    if (s.err !== null) throw new JSONSyntaxError(s.err, i);
    b.onOp(op, i);
    if (op === scanBeginLiteral && data[i] === 0x22) i = skipPlainString(data, i + 1) - 1;
  }
  const op = s.eof();
  if (op === scanError) throw new JSONSyntaxError(s.err ?? '', data.length);
  b.onOp(op, data.length);
}

// Decoder.readValue: stops right after the first complete value.
function readOne(data: Uint8Array, s: Scanner, b: Builder): void {
  for (let i = 0; i < data.length; i++) {
    const op = s.step(s, data[i]);
    if (op === scanError) throw new GoError(s.err ?? '');
    b.onOp(op, i);
    if (op === scanEnd) return;
    if (op === scanBeginLiteral && data[i] === 0x22) i = skipPlainString(data, i + 1) - 1;
    if ((op === scanEndObject || op === scanEndArray) && s.parseState.length === 0) return;
  }
  const op = s.step(s, 0x20);
  if (op === scanEnd) {
    b.onOp(op, data.length);
    return;
  }
  throw new GoError(data.some((c) => !isSpace(c)) ? 'unexpected EOF' : 'EOF');
}

/**
 * The index of the first byte from i on that stateInString must look at (a quote,
 * backslash or control byte): it answers scanContinue to all others without changing
 * state, so they need not be stepped one by one.
 */
function skipPlainString(data: Uint8Array, i: number): number {
  while (i < data.length) {
    const c = data[i];
    if (c === 0x22 || c === 0x5c || c < 0x20) break;
    i++;
  }
  return i;
}

/** An open array or object; `key` is the object key read but not yet given a value. */
interface Frame {
  readonly items?: Value[];
  readonly map?: GoMap;
  key?: string;
}

/** Follows the scanner's opcodes and builds the Go values (arrayInterface, objectInterface, literalInterface). */
class Builder {
  result: Value = invalid;
  /** saveError: the first number that does not fit a float64. */
  numberError: string | null = null;
  private readonly stack: Frame[] = [];
  private literalStart = -1;

  constructor(
    private readonly data: Uint8Array,
    private readonly useNumber: boolean,
  ) {}

  /** Handles the opcode returned for the byte at index i (i = data.length at end of input). */
  onOp(op: number, i: number): void {
    // A literal ends at the first byte that is not part of it.
    if (this.literalStart >= 0 && op !== scanContinue) {
      this.literal(this.literalStart, i);
      this.literalStart = -1;
    }
    switch (op) {
      case scanBeginLiteral:
        this.literalStart = i;
        break;
      case scanBeginObject:
        this.stack.push({ map: new GoMap() });
        break;
      case scanBeginArray:
        this.stack.push({ items: [] });
        break;
      case scanEndObject:
      case scanEndArray: {
        const f = this.stack.pop();
        if (f?.map) this.add(new Value(mapStringInterfaceType, f.map));
        else if (f?.items) this.add(new Value(sliceInterfaceType, f.items));
        break;
      }
    }
  }

  /** The literal in data[start:end]. */
  private literal(start: number, end: number): void {
    const data = this.data;
    const top = this.stack[this.stack.length - 1];
    if (top?.map && top.key === undefined) {
      top.key = unquote(data, start, end);
      return;
    }
    switch (data[start]) {
      case 0x6e: // null
        this.add(invalid);
        return;
      case 0x74: // true
      case 0x66: // false
        this.add(boolValue(data[start] === 0x74));
        return;
      case 0x22:
        this.add(stringValue(unquote(data, start, end)));
        return;
    }
    this.add(this.number(utf8Decoder.decode(data.subarray(start, end))));
  }

  // convertNumber
  private number(s: string): Value {
    if (this.useNumber) return jsonNumber(s);
    // JSON number syntax is a subset of JS's, and Number() rounds correctly like strconv.ParseFloat.
    const f = Number(s);
    if (Number.isFinite(f)) return float64Value(f);
    this.numberError ??= `json: cannot unmarshal number ${s} into Go value of type float64`;
    return invalid;
  }

  /** Stores a finished value; elements and map values are boxed in interface{}, null as a nil interface. */
  private add(v: Value): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      this.result = v;
    } else if (top.items) {
      top.items.push(box(v));
    } else if (top.map && top.key !== undefined) {
      top.map.set(stringValue(top.key), box(v));
      top.key = undefined;
    }
  }
}

/** unquote from decode.go for the string literal in data[from:to] (quotes included). */
function unquote(data: Uint8Array, from: number, to: number): string {
  const s = stringText(data.subarray(from + 1, to - 1));
  if (!s.includes('\\')) return s;
  let out = '';
  let start = 0;
  let r = 0;
  while (r < s.length) {
    if (s.charCodeAt(r) !== 0x5c) {
      r++;
      continue;
    }
    out += s.slice(start, r);
    const c = s[r + 1];
    r += 2;
    switch (c) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        let rr = getu4(s, r - 2);
        r += 4;
        if (rr >= 0xd800 && rr < 0xe000) {
          // utf16.DecodeRune: only a high surrogate followed by a low one is a pair;
          // anything else is U+FFFD and the next escape is read on its own.
          const rr1 = getu4(s, r);
          if (rr < 0xdc00 && rr1 >= 0xdc00 && rr1 < 0xe000) {
            out += String.fromCharCode(rr, rr1);
            r += 6;
            start = r;
            continue;
          }
          rr = 0xfffd;
        }
        out += String.fromCharCode(rr);
        break;
      }
      default:
        out += c; // " \ /
    }
    start = r;
  }
  return out + s.slice(start);
}

/**
 * The text of a JSON string's bytes. Go's unquote writes U+FFFD for each invalid byte, where
 * TextDecoder would write one per maximal invalid sequence (E2 82 is two in Go, one there).
 */
function stringText(b: Uint8Array): string {
  try {
    return validDecoder.decode(b);
  } catch {
    return withRuneErrors(bytesToString(b));
  }
}

/** getu4: the value of the \uXXXX escape at s[i], or -1 if there is none. */
function getu4(s: string, i: number): number {
  if (s[i] !== '\\' || s[i + 1] !== 'u') return -1;
  const hex = s.slice(i + 2, i + 6);
  return /^[0-9a-fA-F]{4}$/.test(hex) ? parseInt(hex, 16) : -1;
}
