// text/template/parse: lexer, parse tree nodes and parser.
export * from './node.js';
export { Tree, ParseError, parse, ParseComments, SkipFuncCheck, maxStackDepth, type FuncNames } from './parse.js';
export { Lexer, type LexOptions, defaultLeftDelim, defaultRightDelim } from './lex.js';
export { type Item, ItemType, itemString } from './item.js';
export type { NumberValue } from './literal.js';
