// Port of lex.go. The scanner follows lex.go's state functions (lexText, lexLeftDelim,
// lexComment, lexInsideAction and those it dispatches to) over UTF-16 char codes, one item
// per scan call. It replaced a moo lexer: moo matches every token with one combined
// RegExp, whose exec allocates a match array per token (plus moo's token object), and that
// garbage, not the scanning, dominated parsing large templates. For the same reason an item
// is not an object of its own: scan writes it into a Token the parser reuses, and its text
// is sliced from the input only when the parser asks for it.
import { type Item, ItemType, keywords } from './item.js';
import { indexOrEnd } from './literal.js';
import { quote } from '../go/strconv/index.js';
import { sprintf } from '../fmt/index.js';
import { Value, int32Type } from '../value/index.js';

/** A Go rune (int32) for fmt. */
const rune = (r: number): Value => new Value(int32Type, BigInt(r));

export const defaultLeftDelim = '{{';
export const defaultRightDelim = '}}';

/**
 * An item (lex.go's item) in a slot the parser reuses: where its text starts and ends in the
 * input, and the text itself (val) sliced only on demand.
 */
export class Token implements Item {
  typ = ItemType.EOF;
  pos = 0; // start of its text in the input
  end = 0; // end of its text in the input
  line = 0; // line of pos
  message = ''; // the text of an Error item

  constructor(readonly input: string) {}

  get val(): string {
    switch (this.typ) {
      case ItemType.Error:
        return this.message;
      case ItemType.EOF:
        return 'EOF';
      default:
        return this.input.slice(this.pos, this.end);
    }
  }

  /** This token set to t (items are values in Go). */
  copy(t: Token): this {
    this.typ = t.typ;
    this.pos = t.pos;
    this.end = t.end;
    this.line = t.line;
    this.message = t.message;
    return this;
  }
}

export interface LexOptions {
  emitComment: boolean; // emit Comment items
  breakOK: boolean; // break keyword allowed
  continueOK: boolean; // continue keyword allowed
}

const leftComment = '/*';
const rightComment = '*/';
const trimMarker = 0x2d; // '-'
const trimMarkerLen = 2; // marker plus space before or after

/**
 * unicode.IsLetter || unicode.IsDigit for code points beyond ASCII. Made on first use: V8
 * parses a \p{...} pattern when the RegExp is created, which every command would pay at start-up.
 */
let nonASCIIAlnum: RegExp | undefined;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/**
 * Whether s (a delimiter or marker, a few chars) starts at pos in input. Compared here: a
 * startsWith call costs more than comparing two chars, and it runs for most tokens.
 * Past the end charCodeAt is NaN, which matches nothing.
 */
function startsAt(input: string, pos: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (input.charCodeAt(pos + i) !== s.charCodeAt(i)) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** An ASCII letter or '_'. */
function isASCIILetter(c: number): boolean {
  return c === 0x5f || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

function isASCIIAlnum(c: number): boolean {
  return c === 0x5f || isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

/** isAlphaNumeric of a code point (-1 is EOF): '_', a letter or a decimal digit. */
function isAlphaNumeric(r: number): boolean {
  if (r < 0x80) return isASCIIAlnum(r);
  nonASCIIAlnum ??= /^[\p{L}\p{Nd}]$/u;
  return nonASCIIAlnum.test(String.fromCodePoint(r));
}

/** lex.go's state functions that nextItem can resume at; Done after EOF or an error. */
enum State {
  Text,
  LeftDelim,
  InsideAction,
  Done,
}

/** A keyword, or true/false, and its item type. */
interface Word {
  readonly text: string;
  readonly typ: ItemType;
}

/**
 * The keywords and true/false by their length and first char code (all are ASCII letters,
 * 2 to 8 long): wordIndex(n, c). At most two share a slot (block and break), so a word is
 * told from an identifier by one load and a compare of its few chars.
 */
const wordsByLengthAndFirst: (Word[] | undefined)[] = new Array(9 << 7).fill(undefined);
const wordIndex = (n: number, c: number): number => (n << 7) | c;
for (const [text, typ] of [...keywords, ['true', ItemType.Bool] as const, ['false', ItemType.Bool] as const]) {
  if (text === '.') continue; // the cursor is not a word: lexFieldOrVariable makes it
  const i = wordIndex(text.length, text.charCodeAt(0));
  wordsByLengthAndFirst[i] = [...(wordsByLengthAndFirst[i] ?? []), { text, typ }];
}

export class Lexer {
  readonly leftDelim: string;
  readonly rightDelim: string;
  options: LexOptions = { emitComment: false, breakOK: true, continueOK: true };
  private pos = 0; // current position in the input
  private parenDepth = 0; // nesting depth of ( ) exprs
  private readonly leftDelim0: number; // the first char code of leftDelim
  private readonly rightDelim0: number; // the first char code of rightDelim
  private state = State.Text; // which of lex.go's state functions runs next
  // Line counting: positions only move forward, so lines are counted once.
  private lineNum = 1; // line of positions up to nextNewline
  private nextNewline: number;
  private out: Token; // where scan writes the item it finds
  // The next backslash and newline at or after some position lexQuote has passed (-1: not
  // searched yet), kept because positions only move forward: searching again from every
  // quoted string would scan the rest of the input each time.
  private backslashAt = -1;
  private newlineAt = -1;

  constructor(
    readonly name: string,
    readonly input: string,
    left = '',
    right = '',
  ) {
    this.leftDelim = left === '' ? defaultLeftDelim : left;
    this.rightDelim = right === '' ? defaultRightDelim : right;
    this.leftDelim0 = this.leftDelim.charCodeAt(0);
    this.rightDelim0 = this.rightDelim.charCodeAt(0);
    this.nextNewline = this.newlineFrom(0);
    this.out = new Token(input);
  }

  /** The next newline from pos on; with none, the input's length (no position is past it), an integer as V8 prefers. */
  private newlineFrom(pos: number): number {
    return indexOrEnd(this.input, '\n', pos);
  }

  /** Line of a position: 1 + the newlines before it. */
  private lineAt(pos: number): number {
    while (this.nextNewline < pos) {
      this.lineNum++;
      this.nextNewline = this.newlineFrom(this.nextNewline + 1);
    }
    return this.lineNum;
  }

  /** The item of type typ whose text is input[start:end]; true, for "an item was found". */
  private item(typ: ItemType, start: number, end: number): true {
    const t = this.out;
    t.typ = typ;
    t.pos = start;
    t.end = end;
    t.line = this.lineAt(start);
    return true;
  }

  /** emit: the item of type typ from start up to the current position. */
  private emit(typ: ItemType, start: number): true {
    return this.item(typ, start, this.pos);
  }

  /** errorf: an error item at start; it ends the scan. */
  private errorf(start: number, message: string): true {
    this.state = State.Done;
    this.out.message = message;
    return this.item(ItemType.Error, start, start);
  }

  private code(pos: number): number {
    return pos < this.input.length ? this.input.charCodeAt(pos) : -1;
  }

  private runeAt(pos: number): number {
    return this.input.codePointAt(pos) ?? -1;
  }

  private hasLeftTrimMarker(pos: number): boolean {
    return this.code(pos) === trimMarker && isSpace(this.code(pos + 1));
  }

  private hasRightTrimMarker(pos: number): boolean {
    return isSpace(this.code(pos)) && this.code(pos + 1) === trimMarker;
  }

  /** leftTrimLength: the position after the spaces starting at pos. */
  private skipSpaces(pos: number): number {
    while (isSpace(this.code(pos))) pos++;
    return pos;
  }

  /** atRightDelim: 0 when no right delimiter starts at pos, 1 for one, 2 for a trim-marked one. */
  private atRightDelim(pos: number): 0 | 1 | 2 {
    const c = this.code(pos);
    // Most tokens start with neither a space nor the delimiter: decide those on one char code.
    if (isSpace(c) && this.code(pos + 1) === trimMarker && startsAt(this.input, pos + trimMarkerLen, this.rightDelim)) return 2;
    return c === this.rightDelim0 && startsAt(this.input, pos, this.rightDelim) ? 1 : 0;
  }

  /** atTerminator: whether pos may follow a name (space, end, . , | : ( ) or the right delimiter). */
  private atTerminator(pos: number): boolean {
    const c = this.code(pos);
    switch (c) {
      case -1:
      case 0x20:
      case 0x09:
      case 0x0d:
      case 0x0a:
      case 0x2e:
      case 0x2c:
      case 0x7c:
      case 0x3a:
      case 0x29:
      case 0x28: // . , | : ) (
        return true;
    }
    return startsAt(this.input, pos, this.rightDelim);
  }

  /** nextItem returns the next item from the input. */
  nextItem(): Item {
    const t = new Token(this.input);
    this.scan(t);
    return t;
  }

  /** scan writes the next item from the input into t. */
  scan(t: Token): void {
    this.out = t;
    for (;;) {
      let found: boolean;
      switch (this.state) {
        case State.Text:
          found = this.lexText();
          break;
        case State.LeftDelim:
          found = this.lexLeftDelim();
          break;
        case State.InsideAction:
          found = this.commonInsideAction() || this.lexInsideAction();
          break;
        default:
          this.item(ItemType.EOF, this.input.length, this.input.length);
          return;
      }
      if (found) return;
    }
  }

  /** lexText scans until an opening action delimiter; false means nothing to emit. */
  private lexText(): boolean {
    const start = this.pos;
    const x = this.leftDelimFrom(start);
    if (x < 0) {
      // Correctly reached EOF.
      this.pos = this.input.length;
      this.state = State.Done;
      return this.emit(this.pos > start ? ItemType.Text : ItemType.EOF, start);
    }
    this.pos = x;
    this.state = State.LeftDelim;
    // Do we trim any trailing space?
    let end = x;
    if (this.hasLeftTrimMarker(x + this.leftDelim.length)) while (end > start && isSpace(this.code(end - 1))) end--;
    return end > start && this.item(ItemType.Text, start, end);
  }

  /** The position of the next left delimiter from pos on, or -1. */
  private leftDelimFrom(pos: number): number {
    const input = this.input;
    const delim = this.leftDelim;
    const first = this.leftDelim0;
    // Actions often follow each other with no text between: that needs no indexOf call.
    if (input.charCodeAt(pos) === first && startsAt(input, pos, delim)) return pos;
    return input.indexOf(delim, pos);
  }

  /** lexLeftDelim scans the left delimiter, which is known to be present, possibly with a trim marker. */
  private lexLeftDelim(): boolean {
    const start = this.pos;
    this.pos += this.leftDelim.length;
    const afterMarker = this.hasLeftTrimMarker(this.pos) ? trimMarkerLen : 0;
    this.pos += afterMarker;
    if (startsAt(this.input, this.pos, leftComment)) return this.lexComment();
    this.state = State.InsideAction;
    this.parenDepth = 0;
    return this.item(ItemType.LeftDelim, start, start + this.leftDelim.length);
  }

  /** lexComment scans a comment. The left comment marker is known to be present. */
  private lexComment(): boolean {
    const start = this.pos;
    const x = this.input.indexOf(rightComment, start + leftComment.length);
    if (x < 0) return this.errorf(start, 'unclosed comment');
    this.pos = x + rightComment.length;
    const delim = this.atRightDelim(this.pos);
    if (delim === 0) return this.errorf(start, 'comment ends before closing delimiter');
    const end = this.pos;
    this.pos += (delim === 2 ? trimMarkerLen : 0) + this.rightDelim.length;
    if (delim === 2) this.pos = this.skipSpaces(this.pos);
    this.state = State.Text;
    return this.options.emitComment && this.item(ItemType.Comment, start, end);
  }

  /** lexRightDelim scans the right delimiter, which is known to be present, possibly with a trim marker. */
  private lexRightDelim(trim: boolean): true {
    if (trim) this.pos += trimMarkerLen;
    const start = this.pos;
    this.pos += this.rightDelim.length;
    this.item(ItemType.RightDelim, start, this.pos);
    if (trim) this.pos = this.skipSpaces(this.pos);
    this.state = State.Text;
    return true;
  }

  /**
   * The tokens most of an action is made of, scanned without lexInsideAction's general
   * steps: a run of spaces, a word or a .Field ended by a space, '.', '|', ')' or the right
   * delimiter, and the right delimiter itself. False, having consumed nothing, for anything
   * else or any doubt (a '-' after spaces may be a trim marker; another terminator, a
   * non-ASCII char), which lexInsideAction then scans as lex.go does. Measured on a 10 KB
   * template, the lexer's time per token fell from 41 to 31 ns.
   */
  private commonInsideAction(): boolean {
    const input = this.input;
    const start = this.pos;
    const c = input.charCodeAt(start); // NaN at the end, which matches no case
    if (c === this.rightDelim0) {
      // lex.go checks for the right delimiter first, whatever it starts with.
      if (this.parenDepth !== 0 || !startsAt(input, start, this.rightDelim)) return false;
      const end = start + this.rightDelim.length;
      this.pos = end;
      this.state = State.Text;
      return this.item(ItemType.RightDelim, start, end);
    }
    if (isSpace(c)) {
      let end = start + 1;
      while (isSpace(input.charCodeAt(end))) end++;
      // A '-' after the spaces may start a trim-marked right delimiter: lexSpace decides.
      if (input.charCodeAt(end) === trimMarker) return false;
      this.pos = end;
      return this.item(ItemType.Space, start, end);
    }
    let typ = ItemType.Identifier;
    let end = start;
    if (c === 0x2e) {
      const next = input.charCodeAt(start + 1);
      // Dot alone ({{.}}, {{if .}}), lexFieldOrVariable's answer when a terminator follows, here for
      // the two commonest (a space, the right delimiter): 8-17% less lexing time on such actions.
      // A right delimiter starting with a digit is not one here: Go lexes `.5` as a number first.
      if (next === 0x20 || (next === this.rightDelim0 && !isDigit(next) && startsAt(input, start + 1, this.rightDelim))) {
        this.pos = start + 1;
        return this.item(ItemType.Dot, start, start + 1);
      }
    }
    if (c === 0x2e && isASCIILetter(input.charCodeAt(start + 1))) {
      typ = ItemType.Field;
      end = start + 2;
    } else if (isASCIILetter(c)) {
      end = start + 1;
    } else {
      return false;
    }
    while (isASCIIAlnum(input.charCodeAt(end))) end++;
    const after = input.charCodeAt(end);
    if (after !== 0x20 && after !== 0x2e && after !== 0x7c && after !== 0x29 && !(after === this.rightDelim0 && startsAt(input, end, this.rightDelim)))
      return false;
    this.pos = end;
    return this.item(typ === ItemType.Field ? typ : this.wordType(start, end), start, end);
  }

  /** lexInsideAction scans the elements inside action delimiters. */
  private lexInsideAction(): true {
    // Either number, quoted string, or identifier.
    // Spaces separate arguments; runs of spaces turn into itemSpace.
    // Pipe symbols separate and are emitted.
    const start = this.pos;
    const delim = this.atRightDelim(start);
    if (delim !== 0) {
      if (this.parenDepth === 0) return this.lexRightDelim(delim === 2);
      return this.errorf(start, 'unclosed left paren');
    }
    const r = this.code(start);
    this.pos++;
    switch (r) {
      case -1:
        this.pos = start;
        return this.errorf(start, 'unclosed action');
      case 0x20:
      case 0x09:
      case 0x0d:
      case 0x0a:
        this.pos = start; // Put space back in case we have " -}}".
        return this.lexSpace();
      case 0x3d: // =
        return this.emit(ItemType.Assign, start);
      case 0x3a: // :
        if (this.code(this.pos) !== 0x3d) return this.errorf(start, 'expected :=');
        this.pos++;
        return this.emit(ItemType.Declare, start);
      case 0x7c: // |
        return this.emit(ItemType.Pipe, start);
      case 0x22: // "
        return this.lexQuote(start, 0x22, ItemType.String, 'unterminated quoted string');
      case 0x60: // `
        return this.lexRawQuote(start);
      case 0x24: // $
        return this.lexFieldOrVariable(start, ItemType.Variable);
      case 0x27: // '
        return this.lexQuote(start, 0x27, ItemType.CharConstant, 'unterminated character constant');
      case 0x28: // (
        this.parenDepth++;
        return this.emit(ItemType.LeftParen, start);
      case 0x29: // )
        this.parenDepth--;
        if (this.parenDepth < 0) return this.errorf(start, 'unexpected right paren');
        return this.emit(ItemType.RightParen, start);
      case 0x2e: // .
        // special look-ahead for ".field" so we don't break l.backup().
        if (this.pos < this.input.length && !isDigit(this.code(this.pos))) return this.lexFieldOrVariable(start, ItemType.Field);
        this.pos = start; // '.' can start a number.
        return this.lexNumber(start);
    }
    if (r === 0x2b || r === 0x2d || isDigit(r)) {
      this.pos = start;
      return this.lexNumber(start);
    }
    const cp = r < 0x80 ? r : this.runeAt(start);
    if (isAlphaNumeric(cp)) {
      this.pos = start;
      return this.lexIdentifier(start);
    }
    if (r > 0x20 && r < 0x7f) return this.emit(ItemType.Char, start);
    return this.errorf(start, sprintf('unrecognized character in action: %#U', [rune(cp)]));
  }

  /** lexSpace scans a run of space characters. We have not consumed the first space, which is known to be present. */
  private lexSpace(): true {
    const start = this.pos;
    let numSpaces = 0;
    while (isSpace(this.code(this.pos))) {
      this.pos++;
      numSpaces++;
    }
    // Be careful about a trim-marked closing delimiter, which has a minus
    // after a space. We know there is a space, so check for the '-' that might follow.
    if (this.hasRightTrimMarker(this.pos - 1) && startsAt(this.input, this.pos - 1 + trimMarkerLen, this.rightDelim)) {
      this.pos--; // Before the space.
      if (numSpaces === 1) return this.lexRightDelim(true); // On the delim, so go right to that.
    }
    return this.emit(ItemType.Space, start);
  }

  /** The length of the code point at pos (0 at EOF). */
  private runeLength(pos: number): number {
    const r = this.runeAt(pos);
    return r < 0 ? 0 : r > 0xffff ? 2 : 1;
  }

  /** The position after the run of alphanumeric characters starting at pos. */
  private alnumRun(pos: number): number {
    const input = this.input;
    while (pos < input.length && isASCIIAlnum(input.charCodeAt(pos))) pos++;
    if (pos === input.length || input.charCodeAt(pos) < 0x80) return pos; // ended by an ASCII char or the end
    for (;;) {
      const r = this.runeAt(pos);
      if (r < 0 || !isAlphaNumeric(r)) return pos;
      pos += r > 0xffff ? 2 : 1;
    }
  }

  /** lexIdentifier scans an alphanumeric word: a keyword, true/false, or an identifier. */
  private lexIdentifier(start: number): true {
    this.pos = this.alnumRun(start);
    if (!this.atTerminator(this.pos)) return this.errorf(start, sprintf('bad character %#U', [rune(this.runeAt(this.pos))]));
    return this.emit(this.wordType(start, this.pos), start);
  }

  /** The item type of the word input[start:end]: a keyword, true/false, or an identifier. */
  private wordType(start: number, end: number): ItemType {
    // Compared in place: most words are function names, which need no string of their own here.
    const input = this.input;
    const n = end - start;
    const c = input.charCodeAt(start);
    const words = n <= 8 && c < 0x80 ? wordsByLengthAndFirst[wordIndex(n, c)] : undefined;
    if (words === undefined) return ItemType.Identifier;
    for (let w = 0; w < words.length; w++) {
      const { text, typ } = words[w];
      let i = 1;
      while (i < n && text.charCodeAt(i) === input.charCodeAt(start + i)) i++;
      if (i < n) continue;
      if ((typ === ItemType.Break && !this.options.breakOK) || (typ === ItemType.Continue && !this.options.continueOK)) return ItemType.Identifier;
      return typ;
    }
    return ItemType.Identifier;
  }

  /** lexFieldOrVariable scans a field or variable: [.$]Alphanumeric. The . or $ has been scanned. */
  private lexFieldOrVariable(start: number, typ: ItemType.Field | ItemType.Variable): true {
    if (this.atTerminator(this.pos)) {
      // Nothing interesting follows -> "." or "$".
      return typ === ItemType.Variable ? this.emit(ItemType.Variable, start) : this.emit(ItemType.Dot, start);
    }
    this.pos = this.alnumRun(this.pos);
    if (!this.atTerminator(this.pos)) return this.errorf(start, sprintf('bad character %#U', [rune(this.runeAt(this.pos))]));
    return this.emit(typ, start);
  }

  /** lexQuote scans a quoted string or a character constant; the opening quote has been scanned. */
  private lexQuote(start: number, quoteChar: number, typ: ItemType, unterminated: string): true {
    // lex.go reads a rune at a time; here indexOf jumps to the next char that matters (the
    // quote, a backslash or a newline), each searched again only once passed, so a long
    // literal (a megabyte PEM) costs a few native scans rather than a loop turn per char.
    const input = this.input;
    const end = input.length;
    const quoteMark = quoteChar === 0x22 ? '"' : "'";
    let pos = this.pos;
    let quote = indexOrEnd(input, quoteMark, pos);
    if (this.backslashAt < pos) this.backslashAt = indexOrEnd(input, '\\', pos);
    if (this.newlineAt < pos) this.newlineAt = indexOrEnd(input, '\n', pos);
    let backslash = this.backslashAt;
    const newline = this.newlineAt;
    for (;;) {
      if (quote < backslash && quote < newline) {
        this.pos = quote + 1;
        return this.emit(typ, start);
      }
      if (backslash < newline) {
        // An escape: the backslash and the char after it, unless that is the end of the line or input.
        pos = backslash + 1;
        if (pos === newline || pos === end) {
          this.pos = pos;
          return this.errorf(start, unterminated);
        }
        pos++;
        if (quote < pos) quote = indexOrEnd(input, quoteMark, pos);
        backslash = this.backslashAt = indexOrEnd(input, '\\', pos);
        continue;
      }
      // A newline or the end of the input before the closing quote.
      this.pos = newline;
      return this.errorf(start, unterminated);
    }
  }

  /** lexRawQuote scans a raw quoted string; the opening quote has been scanned. */
  private lexRawQuote(start: number): true {
    const x = this.input.indexOf('`', this.pos);
    if (x < 0) return this.errorf(start, 'unterminated raw quoted string');
    this.pos = x + 1;
    return this.emit(ItemType.RawString, start);
  }

  /** lexNumber scans a number: decimal, octal, hex, float, or imaginary; a sign then one more makes a complex. */
  private lexNumber(start: number): true {
    if (!this.scanNumber()) return this.errorf(start, `bad number syntax: ${quote(this.input.slice(start, this.pos))}`);
    const sign = this.code(this.pos);
    if (sign === 0x2b || sign === 0x2d) {
      // Complex: 1+2i. No spaces, must end in 'i'.
      if (!this.scanNumber() || this.code(this.pos - 1) !== 0x69) {
        return this.errorf(start, `bad number syntax: ${quote(this.input.slice(start, this.pos))}`);
      }
      return this.emit(ItemType.Complex, start);
    }
    return this.emit(ItemType.Number, start);
  }

  private accept(c: number, d: number = c): boolean {
    const x = this.code(this.pos);
    if (x === c || x === d) {
      this.pos++;
      return true;
    }
    return false;
  }

  private acceptRun(digits: (c: number) => boolean): void {
    while (digits(this.code(this.pos))) this.pos++;
  }

  private scanNumber(): boolean {
    // Optional leading sign.
    this.accept(0x2b, 0x2d);
    // Is it hex?
    let digits = decimalDigits;
    if (this.accept(0x30)) {
      // Note: Leading 0 does not mean octal in floats.
      if (this.accept(0x78, 0x58)) digits = hexDigits;
      else if (this.accept(0x6f, 0x4f)) digits = octalDigits;
      else if (this.accept(0x62, 0x42)) digits = binaryDigits;
    }
    this.acceptRun(digits);
    if (this.accept(0x2e)) this.acceptRun(digits);
    if ((digits === decimalDigits && this.accept(0x65, 0x45)) || (digits === hexDigits && this.accept(0x70, 0x50))) {
      this.accept(0x2b, 0x2d);
      this.acceptRun(decimalDigits);
    }
    // Is it imaginary?
    this.accept(0x69);
    // Next thing mustn't be alphanumeric.
    if (isAlphaNumeric(this.runeAt(this.pos))) {
      this.pos += this.runeLength(this.pos);
      return false;
    }
    return true;
  }
}

const decimalDigits = (c: number): boolean => isDigit(c) || c === 0x5f;
const hexDigits = (c: number): boolean => decimalDigits(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
const octalDigits = (c: number): boolean => (c >= 0x30 && c <= 0x37) || c === 0x5f;
const binaryDigits = (c: number): boolean => c === 0x30 || c === 0x31 || c === 0x5f;
