// Lexical items, as in lex.go.
import { quote } from '../go/strconv/index.js';
import { truncateRunes, utf8Length } from '../go/unicode/utf8/index.js';

export enum ItemType {
  Error, // error occurred; value is text of error
  Bool, // boolean constant
  Char, // printable ASCII character; grab bag for comma etc.
  CharConstant, // character constant
  Comment, // comment text
  Complex, // complex constant (1+2i); imaginary is just a number
  Assign, // equals ('=') introducing an assignment
  Declare, // colon-equals (':=') introducing a declaration
  EOF,
  Field, // alphanumeric identifier starting with '.'
  Identifier, // alphanumeric identifier not starting with '.'
  LeftDelim, // left action delimiter
  LeftParen, // '(' inside action
  Number, // simple number, including imaginary
  Pipe, // pipe symbol
  RawString, // raw quoted string (includes quotes)
  RightDelim, // right action delimiter
  RightParen, // ')' inside action
  Space, // run of spaces separating arguments
  String, // quoted string (includes quotes)
  Text, // plain text
  Variable, // variable starting with '$', such as '$' or  '$1' or '$hello'
  // Keywords appear after all the rest.
  Keyword, // used only to delimit the keywords
  Block, // block keyword
  Break, // break keyword
  Continue, // continue keyword
  Dot, // the cursor, spelled '.'
  Define, // define keyword
  Else, // else keyword
  End, // end keyword
  If, // if keyword
  Nil, // the untyped nil constant, easiest to treat as a keyword
  Range, // range keyword
  Template, // template keyword
  With, // with keyword
}

export const keywords: ReadonlyMap<string, ItemType> = new Map([
  ['.', ItemType.Dot],
  ['block', ItemType.Block],
  ['break', ItemType.Break],
  ['continue', ItemType.Continue],
  ['define', ItemType.Define],
  ['else', ItemType.Else],
  ['end', ItemType.End],
  ['if', ItemType.If],
  ['range', ItemType.Range],
  ['nil', ItemType.Nil],
  ['template', ItemType.Template],
  ['with', ItemType.With],
]);

/** A token: pos is a JS string index into the template text, line counts from 1. */
export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

/** item.String() from lex.go, as it appears in "unexpected ..." messages. */
export function itemString(i: Item): string {
  if (i.typ === ItemType.EOF) return 'EOF';
  if (i.typ === ItemType.Error) return i.val;
  if (i.typ > ItemType.Keyword) return `<${i.val}>`;
  if (utf8Length(i.val) > 10) return quote(truncateRunes(i.val, 10)) + '...'; // %.10q
  return quote(i.val);
}
