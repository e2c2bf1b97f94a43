// The parsed templates of consul-template render passes, kept between passes and renders.
//
// consul-template's Template.Execute makes a new text/template on every pass: New(""),
// Delims, Funcs(funcMap), Option(missingkey), Parse(contents). What that produces depends
// only on the template's name, the delimiters, the missingkey option, the function map
// (its names decide what parses, its functions what runs) and the text: the render's
// state (brain, dependency sets, scratch, environment, destination...) is not in the
// template but in the context each execution is given (funcs/context.ts), and executing
// a template never changes it. So a template parsed from the same five is the one a new
// parse would make, and it is reused. Parse errors are not kept: such a text is parsed
// (and fails) again, as in Go.
//
// For each name, delimiters, option and denylist there is one base template with the
// function map installed (and checked) once per process; each text is parsed into a
// clone of it (Go's Clone copies the function map without checking it again).

import { LRUMap } from './lru.js';
import { Template } from '../index.js';
import { consulTemplateFuncs } from './funcmap.js';

/** What a parsed template depends on besides its text. */
export interface TemplateSettings {
  readonly name: string;
  /** "" stands for the default {{ or }}. */
  readonly leftDelim: string;
  readonly rightDelim: string;
  readonly errorOnMissingKey: boolean;
  readonly functionDenylist: readonly string[];
}

/** One base template per settings: the function map installed (and checked) once. */
const bases = new LRUMap<string, Template>(16);

function baseTemplate(key: string, s: TemplateSettings): Template {
  let base = bases.get(key);
  if (base === undefined) {
    base = new Template(s.name)
      .delims(s.leftDelim, s.rightDelim)
      .funcs(consulTemplateFuncs(s.functionDenylist))
      .option(s.errorOnMissingKey ? 'missingkey=error' : 'missingkey=zero');
    bases.set(key, base);
  }
  return base;
}

/**
 * Parsed templates by text, then by settings, least recently used out first. Parse
 * trees take tens of bytes per byte of text, so the texts kept are bounded in number
 * and in total length (counted once per settings they were parsed with); a text
 * longer than the bound is parsed on every pass, as in Go.
 */
const parsed = new LRUMap<string, ReadonlyMap<string, Template>>(128, 1024 * 1024, (variants, text) => Math.max(1, text.length) * variants.size);

/**
 * The template consul-template would parse from `text` with these settings, parsed
 * once. Throws TemplateError (kind 'parse') with Go's message.
 */
export function parsedTemplate(text: string, s: TemplateSettings): Template {
  const key = JSON.stringify([s.name, s.leftDelim, s.rightDelim, s.errorOnMissingKey, s.functionDenylist]);
  const variants = parsed.get(text);
  let t = variants?.get(key);
  if (t === undefined) {
    // Throws TemplateError on a parse error: nothing is kept.
    t = baseTemplate(key, s).clone().parse(text);
    // A new map, so that the cache counts the added variant's size.
    parsed.set(text, new Map(variants).set(key, t));
  }
  return t;
}
