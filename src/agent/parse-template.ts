// Parsing a template the way consul-template does (name "", its delimiters, its function
// names), for analysis without executing it.

import { type FuncNames, ParseError, parse, type Tree } from '../parse/index.js';
import { builtins } from '../funcs/index.js';
import { consulTemplateFuncNames } from '../vault/index.js';

/** A parse failure; `message` is Go's text (`template: :LINE: ...`). */
export class TemplateParseError extends Error {
  override name = 'TemplateParseError';
}

const consulNames: ReadonlySet<string> = new Set(consulTemplateFuncNames);

/** All trees defined by the text (the main one is named ""). Throws TemplateParseError. */
export function parseTemplateTrees(text: string, left: string, right: string): Map<string, Tree> {
  const known: FuncNames = [builtins(), consulNames];
  try {
    return parse('', text, left, right, known);
  } catch (e) {
    if (e instanceof ParseError) throw new TemplateParseError(e.message);
    throw e;
  }
}
