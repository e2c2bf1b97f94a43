// The public Template API: a port of text/template's template.go, option.go and
// the I/O-free parts of helper.go and exec.go's Execute/ExecuteTemplate.

import { sprintf } from './fmt/index.js';
import {
  type ByteSink,
  type CompiledBody,
  type ExecTemplate,
  type MissingKey,
  StringWriter,
  TemplateError,
  type Writer,
  execute as executeTree,
  goodFunc,
  isStringLengthError,
} from './exec/index.js';
import { builtins, callFunction } from './funcs/index.js';
import { ParseError, type Tree, isEmptyTree, parse } from './parse/index.js';
import { DataError, GoError, GoPanic, Value, anyFuncType, box, fromJSInPlace, stringValue } from './value/index.js';

/** A plain JS function usable from templates, as func(...interface{}) (interface{}, error). */
export type JSFunc = (...args: Value[]) => unknown;

/** Template functions by name: Go func Values (kind func) or plain JS functions. */
export type FuncMap = Readonly<Record<string, Value | JSFunc>>;

/** What associated templates share (template.go's `common`). */
interface Common {
  readonly tmpl: Map<string, Template>;
  missingKey: MissingKey;
  /** Replaced, never changed, once execution may have seen it (see ExecTemplate.execFuncs). */
  funcs: Map<string, Value>;
}

export class Template implements ExecTemplate {
  /** The parsed body, null until the template is defined. */
  tree: Tree | null = null;
  private leftDelim = '';
  private rightDelim = '';
  private common: Common = { tmpl: new Map(), missingKey: 'invalid', funcs: new Map() };
  /** @internal Execution keeps the compiled body here (see ExecTemplate.body). */
  body: CompiledBody | null = null;

  /** template.New(name): a new, undefined template. */
  constructor(readonly name: string) {}

  get missingKey(): MissingKey {
    return this.common.missingKey;
  }

  /** t.New(name): a new undefined template associated with this one, with the same delimiters. */
  new(name: string): Template {
    const nt = new Template(name);
    nt.common = this.common;
    nt.leftDelim = this.leftDelim;
    nt.rightDelim = this.rightDelim;
    return nt;
  }

  /**
   * t.Clone(): a duplicate of the template and its associated templates. The parse trees
   * are shared; the name space of associated templates, the function map (copied, not
   * checked again) and the options are the copy's own, so later parse, funcs and option
   * calls on the copy leave the original as it was.
   */
  clone(): Template {
    const nt = this.copy({ tmpl: new Map(), missingKey: this.common.missingKey, funcs: new Map(this.common.funcs) });
    for (const [name, t] of this.common.tmpl) nt.common.tmpl.set(name, name === this.name ? nt : t.copy(nt.common));
    return nt;
  }

  /** copy: a shallow copy of this template belonging to `common`. */
  private copy(common: Common): Template {
    const nt = this.new(this.name);
    nt.common = common;
    nt.tree = this.tree;
    return nt;
  }

  /** Sets the action delimiters for later parse calls; "" stands for the default {{ or }}. */
  delims(left: string, right: string): this {
    this.leftDelim = left;
    this.rightDelim = right;
    return this;
  }

  /**
   * Adds functions to the template's function map; call it before parse so the
   * parser knows the names. Throws (as Go panics) on a bad name or signature.
   */
  funcs(funcMap: FuncMap): this {
    // A new map, so call sites that looked functions up in the old one look again.
    const funcs = new Map(this.common.funcs);
    this.common.funcs = funcs;
    // Object.keys, not Object.entries: a map of a few hundred functions is a dictionary-mode
    // object, and V8 builds its entry pairs far more slowly than its key list.
    for (const name of Object.keys(funcMap)) {
      const fn = funcMap[name];
      if (!goodName(name)) throw new Error(sprintf('function name %q is not a valid identifier', [stringValue(name)]));
      const v = typeof fn === 'function' ? wrapJSFunc(fn) : fn;
      if (!(v instanceof Value) || v.kind !== 'func' || v.type.sig === undefined) {
        throw new Error(`value for ${name} not a function`);
      }
      const bad = goodFunc(name, v.type.sig);
      if (bad !== null) throw new Error(bad);
      funcs.set(name, v);
    }
    return this;
  }

  /** Sets options such as "missingkey=zero"; throws (as Go panics) on an unknown one. */
  option(...opts: string[]): this {
    for (const opt of opts) this.setOption(opt);
    return this;
  }

  private setOption(opt: string): void {
    if (opt === '') throw new Error('empty option string');
    const eq = opt.indexOf('=');
    if (eq >= 0 && opt.slice(0, eq) === 'missingkey') {
      switch (opt.slice(eq + 1)) {
        case 'invalid':
        case 'default':
          this.common.missingKey = 'invalid';
          return;
        case 'zero':
          this.common.missingKey = 'zero';
          return;
        case 'error':
          this.common.missingKey = 'error';
          return;
        default:
          break;
      }
    }
    throw new Error(`unrecognized option: ${opt}`);
  }

  /**
   * Parses text as the body of this template; {{define}} and {{block}} add
   * associated templates. A body of only spaces and comments does not replace
   * an existing definition. Throws TemplateError (kind 'parse') with Go's message.
   */
  parse(text: string): this {
    let trees: Map<string, Tree>;
    try {
      trees = parse(this.name, text, this.leftDelim, this.rightDelim, [this.common.funcs, builtins()]);
    } catch (e) {
      if (e instanceof ParseError) throw new TemplateError('parse', e.message);
      throw e;
    }
    for (const [name, tree] of trees) this.addParseTree(name, tree);
    return this;
  }

  /**
   * Associates a parse tree with the template `name`: this one if the name is its
   * own, else a new associated template. Returns the template defined.
   */
  addParseTree(name: string, tree: Tree): Template {
    const nt = name === this.name ? this : this.new(name);
    // Even if nt is this template, it must be installed in the shared map.
    if (this.associate(nt, tree) || nt.tree === null) nt.tree = tree;
    return nt;
  }

  /** associate: installs nt unless that would replace a definition with an empty one. */
  private associate(nt: Template, tree: Tree): boolean {
    const old = this.common.tmpl.get(nt.name);
    if (old !== undefined && isEmptyTree(tree.root) && old.tree !== null) return false;
    this.common.tmpl.set(nt.name, nt);
    return true;
  }

  /** The associated template with the given name, if defined. */
  lookup(name: string): Template | undefined {
    return this.common.tmpl.get(name);
  }

  /** All defined templates associated with this one (in definition order; Go's order is random). */
  templates(): Template[] {
    return [...this.common.tmpl.values()];
  }

  get execFuncs(): ReadonlyMap<string, Value> {
    return this.common.funcs;
  }

  findFunction(name: string): { fn: Value; isBuiltin: boolean } | undefined {
    const fn = this.common.funcs.get(name);
    if (fn !== undefined) return { fn, isBuiltin: false };
    const b = builtins().get(name);
    return b === undefined ? undefined : { fn: b, isBuiltin: true };
  }

  /**
   * Renders the template with dot = data (a Value, or JS data given as Go values by fromJS) and
   * returns the output; on an error nothing is returned. An output longer than a JS
   * string can be is a TemplateError: executeTo streams it instead.
   *
   * `context` (vtpl's, not Go's) is handed to every function the execution calls, as
   * its second argument: functions installed once can keep per-execution state there.
   */
  execute(data: unknown, context?: unknown): string {
    const w = new StringWriter();
    this.executeTo(w, data, context);
    return w.toString();
  }

  /**
   * Go's Execute(wr, data): writes the output to w in chunks as it is produced. On an
   * error, what was produced before it has been written, as in Go. A ByteSink gets the
   * output's UTF-8 encoded straight into its buffer (as Go's Execute into a bytes.Buffer),
   * without strings made of it.
   */
  executeTo(w: Writer | ByteSink, data: unknown, context?: unknown): void {
    try {
      executeTree(this, fromJSInPlace(data), callFunction, w, context);
    } catch (e) {
      // JS data is converted as the template reads it: a part that no Go value can hold is
      // found then, and is the template's error, not a raw exception.
      if (e instanceof DataError) throw new TemplateError('exec', e.message);
      throw e;
    }
  }

  /** Renders the associated template `name`. */
  executeTemplate(name: string, data: unknown, context?: unknown): string {
    const w = new StringWriter();
    this.executeTemplateTo(w, name, data, context);
    return w.toString();
  }

  /** Go's ExecuteTemplate(wr, name, data): executeTo for the associated template `name`. */
  executeTemplateTo(w: Writer | ByteSink, name: string, data: unknown, context?: unknown): void {
    const tmpl = this.lookup(name);
    if (tmpl === undefined) {
      throw new TemplateError('exec', sprintf('template: no template %q associated with template %q', [stringValue(name), stringValue(this.name)]));
    }
    tmpl.executeTo(w, data, context);
  }
}

/** goodName from funcs.go: a function name must be an identifier. */
function goodName(name: string): boolean {
  // The ASCII test first: it is much faster than the Unicode one and decides nearly every name.
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name);
}

/** A JS function as func(...interface{}) (interface{}, error): a throw is the error result. */
function wrapJSFunc(fn: JSFunc): Value {
  return new Value(anyFuncType, (args: readonly Value[]) => {
    let result: unknown;
    try {
      result = fn(...args);
    } catch (e) {
      // A string past JS's limit is reported by the caller with the limit named (safeCall).
      if (e instanceof GoError || e instanceof GoPanic || isStringLengthError(e)) throw e;
      throw new GoError(e instanceof Error ? e.message : String(e));
    }
    return box(fromJSInPlace(result));
  });
}

export interface RenderOptions {
  /** The template's name (in error messages); default "". */
  readonly name?: string;
  readonly delims?: readonly [string, string];
  readonly missingkey?: 'default' | 'invalid' | 'zero' | 'error';
  readonly funcs?: FuncMap;
}

/** Parses and executes text in one step. */
export function render(text: string, data: unknown, options: RenderOptions = {}): string {
  const t = new Template(options.name ?? '');
  if (options.delims) t.delims(options.delims[0], options.delims[1]);
  if (options.funcs) t.funcs(options.funcs);
  if (options.missingkey) t.option(`missingkey=${options.missingkey}`);
  return t.parse(text).execute(data);
}

export { type ByteSink, TemplateError, type Writer };
