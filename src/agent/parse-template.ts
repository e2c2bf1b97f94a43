// Parsing a template the way consul-template does (name "", its delimiters, its function
// names), for analysis without executing it.

import { type FuncNames, ParseError, parse, type Tree } from '../parse/index.js';
import { builtins } from '../funcs/index.js';
import { Template } from '../index.js';
import { consulTemplateFuncs } from '../vault/index.js';
import { DepSet } from '../vault/index.js';

/** A parse failure; `message` is Go's text (`template: :LINE: ...`). */
export class TemplateParseError extends Error {
  override name = 'TemplateParseError';
}

let names: ReadonlySet<string> | undefined;

/** The names in consul-template's function map (building the map calls no function). */
function consulNames(): ReadonlySet<string> {
  if (names === undefined) {
    const ctx = {
      brain: new Map(), used: new DepSet(), missing: new DepSet(), env: new Map<string, string>(),
      template: () => new Template(''), destination: '', fetch: { now: Date.now }, sandboxPath: '',
    };
    names = new Set(Object.keys(consulTemplateFuncs(ctx, {})));
  }
  return names;
}

/** All trees defined by the text (the main one is named ""). Throws TemplateParseError. */
export function parseTemplateTrees(text: string, left: string, right: string): Map<string, Tree> {
  const known: FuncNames = [builtins(), consulNames()];
  try {
    return parse('', text, left, right, known);
  } catch (e) {
    if (e instanceof ParseError) throw new TemplateParseError(e.message);
    throw e;
  }
}
