// The lexer of lex.go. moo does the tokenizing (one compiled rule set per delimiter pair,
// with a "text" and an "action" state); the driver below adds what lex.go decides from
// context: trim markers, comment closing, paren depth, the terminator check after names,
// number validity, keywords, and lex.go's error items with its exact messages.
import moo from 'moo';
import { type Item, ItemType, keywords } from './item.js';
import { quote } from '../go/strconv/index.js';
import { sprintf } from '../fmt/index.js';
import { Value, int32Type } from '../value/index.js';
import { numberBody } from './literal-syntax.js';

/** A Go rune (int32) for fmt. */
const rune = (r: number): Value => new Value(int32Type, BigInt(r));

export const defaultLeftDelim = '{{';
export const defaultRightDelim = '}}';

export interface LexOptions {
  emitComment: boolean; // emit Comment items
  breakOK: boolean; // break keyword allowed
  continueOK: boolean; // continue keyword allowed
}

const space = '[ \\t\\r\\n]';
const alnum = '[\\p{L}\\p{Nd}_]';
const firstNumber = new RegExp(`[+\\-]?${numberBody}`, 'uy');
const isAlnum = new RegExp(`^${alnum}$`, 'u');

/** Escapes a delimiter for a regular expression with the u flag (which rejects needless escapes). */
function escapeDelim(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function buildRules(left: string, right: string): moo.Lexer {
  const L = escapeDelim(left);
  const R = escapeDelim(right);
  const re = (source: string): RegExp => new RegExp(source, 'u');
  return moo.states({
    text: {
      // A comment runs to the first "*/"; the closing delimiter is optional here so the
      // driver can report a comment that ends before it.
      comment: { match: re(`${L}(?:-${space})?/\\*[^]*?\\*/(?:${space}-${R}|${R})?`), lineBreaks: true },
      unclosedComment: { match: re(`${L}(?:-${space})?/\\*`), lineBreaks: true },
      leftDelim: { match: re(`${L}(?:-${space})?`), lineBreaks: true, next: 'action' },
      text: moo.fallback,
    },
    // Few rules, each a capture group of moo's combined RegExp: the cost of every match
    // grows with the number of groups, so tokens handled alike share a rule and
    // actionItem tells them apart by their text.
    action: {
      // The right delimiter, perhaps trim-marked (" -}}").
      rightDelim: { match: re(`${space}-${R}|${R}`), lineBreaks: true, next: 'text' },
      // A space run stops before the space that starts a trim-marked right delimiter.
      space: { match: re(`${space}+?(?=${space}-${R})|${space}+`), lineBreaks: true },
      // Quoted strings, raw strings and character constants; a lone quote is an unterminated one.
      quoted: { match: re('"(?:[^"\\\\\\n]|\\\\[^\\n])*"|`[^`]*`|\'(?:[^\'\\\\\\n]|\\\\[^\\n])*\'|["`\']'), lineBreaks: true },
      variable: re(`\\$${alnum}*`),
      // "." followed by a digit, or ending the input, starts a number instead.
      field: re(`\\.(?=[^0-9])${alnum}*`),
      number: re(`(?=[+\\-.0-9])[+\\-]?${numberBody}(?:[+\\-]${numberBody})?`),
      identifier: re(`${alnum}+`),
      // := and the single printable ASCII characters: = | ( ) and the grab bag (lex.go's itemChar).
      punctuation: re(':=|[!-~]'),
      unrecognized: { match: re('[^]'), lineBreaks: true },
    },
  });
}

const compiledRules = new Map<string, moo.Lexer>();

function rulesFor(left: string, right: string): moo.Lexer {
  const key = `${left}\u0000${right}`;
  let rules = compiledRules.get(key);
  if (rules === undefined) {
    rules = buildRules(left, right);
    compiledRules.set(key, rules);
  }
  // moo's clone shares the compiled rules; @types/moo does not declare it.
  return (rules as moo.Lexer & { clone(): moo.Lexer }).clone();
}

const isSpaceChar = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

export class Lexer {
  readonly leftDelim: string;
  readonly rightDelim: string;
  options: LexOptions = { emitComment: false, breakOK: true, continueOK: true };
  private readonly moo: moo.Lexer;
  private parenDepth = 0;
  private trimNextText = false;
  private finished = false;
  private insideAction = false; // mirrors moo's state, which the rules switch
  // Line counting: positions only move forward, so lines are counted once.
  private lineNum = 1; // line of positions up to nextNewline
  private nextNewline: number;

  constructor(
    readonly name: string,
    readonly input: string,
    left = '',
    right = '',
  ) {
    this.leftDelim = left === '' ? defaultLeftDelim : left;
    this.rightDelim = right === '' ? defaultRightDelim : right;
    this.moo = rulesFor(this.leftDelim, this.rightDelim);
    this.moo.reset(input);
    this.nextNewline = this.newlineFrom(0);
  }

  private newlineFrom(pos: number): number {
    const i = this.input.indexOf('\n', pos);
    return i === -1 ? Infinity : i;
  }

  /** Line of a position: 1 + the newlines before it. */
  private lineAt(pos: number): number {
    while (this.nextNewline < pos) {
      this.lineNum++;
      this.nextNewline = this.newlineFrom(this.nextNewline + 1);
    }
    return this.lineNum;
  }

  private item(typ: ItemType, pos: number, val: string): Item {
    return { typ, pos, val, line: this.lineAt(pos) };
  }

  private error(pos: number, message: string): Item {
    this.finished = true;
    return this.item(ItemType.Error, pos, message);
  }

  private hasLeftTrimMarker(pos: number): boolean {
    return this.input[pos] === '-' && isSpaceChar(this.input[pos + 1]);
  }

  /** atRightDelim: whether a right delimiter (perhaps trim-marked) starts at pos. */
  private atRightDelim(pos: number): { delim: boolean; trim: boolean } {
    const s = this.input;
    if (isSpaceChar(s[pos]) && s[pos + 1] === '-' && s.startsWith(this.rightDelim, pos + 2)) return { delim: true, trim: true };
    return { delim: s.startsWith(this.rightDelim, pos), trim: false };
  }

  /** atTerminator: whether pos may follow a name (space, end, . , | : ( ) or the right delimiter). */
  private atTerminator(pos: number): boolean {
    const c = this.input[pos];
    if (c === undefined || isSpaceChar(c) || '.,|:)('.includes(c)) return true;
    return this.input.startsWith(this.rightDelim, pos);
  }

  private runeAt(pos: number): number {
    return this.input.codePointAt(pos) ?? -1;
  }

  private alnumAt(pos: number): boolean {
    const r = this.runeAt(pos);
    return r >= 0 && isAlnum.test(String.fromCodePoint(r));
  }

  private badCharacter(start: number, end: number): Item {
    return this.error(start, sprintf('bad character %#U', [rune(this.runeAt(end))]));
  }

  /** nextItem returns the next item from the input. */
  nextItem(): Item {
    for (;;) {
      if (this.finished) return this.item(ItemType.EOF, this.input.length, 'EOF');
      const tok = this.moo.next();
      const result = this.insideAction ? this.actionItem(tok) : this.textItem(tok);
      if (result !== null) return result;
    }
  }

  /** Handles a token of the text state; null means nothing to emit yet. */
  private textItem(tok: moo.Token | undefined): Item | null {
    const trimLeading = this.trimNextText;
    this.trimNextText = false;
    if (tok === undefined) {
      this.finished = true;
      return this.item(ItemType.EOF, this.input.length, 'EOF');
    }
    const markerAt = tok.offset + this.leftDelim.length;
    switch (tok.type) {
      case 'text': {
        let start = tok.offset;
        let end = start + tok.text.length;
        if (trimLeading) while (start < end && isSpaceChar(this.input[start])) start++;
        if (this.hasLeftTrimMarker(end + this.leftDelim.length) && end < this.input.length) {
          while (end > start && isSpaceChar(this.input[end - 1])) end--;
        }
        return end > start ? this.item(ItemType.Text, start, this.input.slice(start, end)) : null;
      }
      case 'comment': {
        const open = markerAt + (this.hasLeftTrimMarker(markerAt) ? 2 : 0);
        const close = this.input.indexOf('*/', open + 2) + 2;
        const { delim, trim } = this.atRightDelim(close);
        if (!delim) return this.error(open, 'comment ends before closing delimiter');
        this.trimNextText = trim;
        return this.options.emitComment ? this.item(ItemType.Comment, open, this.input.slice(open, close)) : null;
      }
      case 'unclosedComment':
        return this.error(markerAt + (this.hasLeftTrimMarker(markerAt) ? 2 : 0), 'unclosed comment');
      default: // leftDelim
        this.parenDepth = 0;
        this.insideAction = true;
        return this.item(ItemType.LeftDelim, tok.offset, this.leftDelim);
    }
  }

  /** Handles a token of the action state (lexInsideAction and the functions it dispatches to). */
  private actionItem(tok: moo.Token | undefined): Item {
    if (tok === undefined) return this.error(this.input.length, 'unclosed action');
    const pos = tok.offset;
    const end = pos + tok.text.length;
    switch (tok.type) {
      case 'rightDelim': {
        if (this.parenDepth !== 0) return this.error(pos, 'unclosed left paren');
        const trim = tok.text !== this.rightDelim;
        this.trimNextText = trim;
        this.insideAction = false;
        return this.item(ItemType.RightDelim, trim ? pos + 2 : pos, this.rightDelim);
      }
      case 'space':
        return this.item(ItemType.Space, pos, tok.text);
      case 'quoted':
        return this.quoted(pos, tok.text);
      case 'variable':
        if (!this.atTerminator(end)) return this.badCharacter(pos, end);
        return this.item(ItemType.Variable, pos, tok.text);
      case 'field':
        if (!this.atTerminator(end)) return this.badCharacter(pos, end);
        return this.item(tok.text === '.' ? ItemType.Dot : ItemType.Field, pos, tok.text);
      case 'number':
        return this.number(pos, tok.text);
      case 'identifier':
        return this.identifier(pos, tok.text);
      case 'punctuation':
        return this.punctuation(pos, tok.text);
      default: // unrecognized
        return this.error(pos, sprintf('unrecognized character in action: %#U', [rune(this.runeAt(pos))]));
    }
  }

  /** A quoted string, raw string or character constant; a lone quote did not find its end. */
  private quoted(pos: number, text: string): Item {
    const complete = text.length > 1;
    switch (text[0]) {
      case '"':
        return complete ? this.item(ItemType.String, pos, text) : this.error(pos, 'unterminated quoted string');
      case '`':
        return complete ? this.item(ItemType.RawString, pos, text) : this.error(pos, 'unterminated raw quoted string');
      default:
        return complete ? this.item(ItemType.CharConstant, pos, text) : this.error(pos, 'unterminated character constant');
    }
  }

  /** ":=" or one printable ASCII character. */
  private punctuation(pos: number, text: string): Item {
    switch (text) {
      case ':=':
        return this.item(ItemType.Declare, pos, text);
      case ':':
        return this.error(pos, 'expected :=');
      case '=':
        return this.item(ItemType.Assign, pos, text);
      case '|':
        return this.item(ItemType.Pipe, pos, text);
      case '(':
        this.parenDepth++;
        return this.item(ItemType.LeftParen, pos, text);
      case ')':
        this.parenDepth--;
        if (this.parenDepth < 0) return this.error(pos, 'unexpected right paren');
        return this.item(ItemType.RightParen, pos, text);
      default:
        return this.item(ItemType.Char, pos, text);
    }
  }

  /** lexNumber: the token is one scanNumber pass, perhaps followed by a signed second pass (complex). */
  private number(pos: number, text: string): Item {
    const end = pos + text.length;
    if (this.alnumAt(end)) {
      const bad = this.input.slice(pos, end + (this.runeAt(end) > 0xffff ? 2 : 1));
      return this.error(pos, `bad number syntax: ${quote(bad)}`);
    }
    firstNumber.lastIndex = 0;
    firstNumber.exec(text);
    if (firstNumber.lastIndex < text.length) {
      // Complex: 1+2i. No spaces, must end in 'i'.
      if (!text.endsWith('i')) return this.error(pos, `bad number syntax: ${quote(text)}`);
      return this.item(ItemType.Complex, pos, text);
    }
    return this.item(ItemType.Number, pos, text);
  }

  /** lexIdentifier: keywords, true/false, or a plain identifier. */
  private identifier(pos: number, word: string): Item {
    const end = pos + word.length;
    if (!this.atTerminator(end)) return this.badCharacter(pos, end);
    const key = keywords.get(word);
    if (key !== undefined && key > ItemType.Keyword) {
      if ((key === ItemType.Break && !this.options.breakOK) || (key === ItemType.Continue && !this.options.continueOK)) {
        return this.item(ItemType.Identifier, pos, word);
      }
      return this.item(key, pos, word);
    }
    if (word === 'true' || word === 'false') return this.item(ItemType.Bool, pos, word);
    return this.item(ItemType.Identifier, pos, word);
  }
}
