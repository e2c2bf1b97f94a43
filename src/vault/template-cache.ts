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

import { LRUCache } from 'lru-cache';
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

class Base {
  readonly template: Template;
  /**
   * Parsed templates by text, least recently used out first. Parse trees take many
   * bytes per byte of text, so both their number and their texts' length are bounded
   * (a longer text is parsed on every pass, as in Go).
   */
  private readonly parsed = new LRUCache<string, Template>({
    max: 64,
    maxSize: 4 * 1024 * 1024,
    sizeCalculation: (_t, text) => Math.max(1, text.length),
  });

  constructor(s: TemplateSettings) {
    this.template = new Template(s.name)
      .delims(s.leftDelim, s.rightDelim)
      .funcs(consulTemplateFuncs(s.functionDenylist))
      .option(s.errorOnMissingKey ? 'missingkey=error' : 'missingkey=zero');
  }

  get(text: string): Template {
    let t = this.parsed.get(text);
    if (t === undefined) {
      // Throws TemplateError on a parse error: nothing is kept.
      t = this.template.clone().parse(text);
      this.parsed.set(text, t);
    }
    return t;
  }
}

/** Distinct settings are few (most renders use the defaults). */
const bases = new LRUCache<string, Base>({ max: 16 });

/**
 * The template consul-template would parse from `text` with these settings, parsed
 * once. Throws TemplateError (kind 'parse') with Go's message.
 */
export function parsedTemplate(text: string, s: TemplateSettings): Template {
  const key = JSON.stringify([s.name, s.leftDelim, s.rightDelim, s.errorOnMissingKey, s.functionDenylist]);
  let base = bases.get(key);
  if (base === undefined) {
    base = new Base(s);
    bases.set(key, base);
  }
  return base.get(text);
}
