// What the consul-template functions share during one execution (funcMapInput in
// template.go): the brain of fetched data, the used/missing dependency sets, the
// scratch, the environment, the template being executed and the caller's capabilities.

import type { Template } from '../../index.js';
import { type GoFunc, GoError, type Value } from '../../value/index.js';
import type { Dependency, FetchOptions } from '../dependency/dependency.js';

/** An ordered set of dependencies keyed by String() (dependency.Set). */
export class DepSet {
  readonly byKey = new Map<string, Dependency>();

  add(d: Dependency): void {
    if (!this.byKey.has(d.key)) this.byKey.set(d.key, d);
  }

  list(): Dependency[] {
    return [...this.byKey.values()];
  }

  get size(): number {
    return this.byKey.size;
  }
}

/** Local files for `file` (reads, a dependency) and `writeToFile` (a side effect). */
export interface FileAccess {
  /** filepath.EvalSymlinks(filepath.Clean(path)); throws with Go's error text. */
  resolve(path: string): string;
  /** os.ReadFile; throws with Go's error text ("open P: no such file or directory"). */
  read(path: string): Promise<string>;
  /** writeToFile's effect: path, owner, group, perms, append/newline flags; throws with Go's error text. */
  write(path: string, user: string, group: string, perms: number, content: string, append: boolean): void;
}

/** What a render pass starts from: the brain, the caller's choices and capabilities. */
export interface FuncContextInit {
  readonly brain: ReadonlyMap<string, Value>;
  /** The runner's environment ("K=V" pairs win over the process environment in Go; here they are all there is). */
  readonly env: ReadonlyMap<string, string>;
  /** The template being executed (executeTemplate runs its associated templates). */
  readonly template: Template;
  /** The render's destination path (pkiCert's dependency key). */
  readonly destination: string;
  readonly fetch: FetchOptions;
  /** sandbox_path for `file`. */
  readonly sandboxPath: string;
  /** Present only when the caller allows file access. */
  readonly files?: FileAccess;
  /** Runs `plugin` commands; without it `plugin` fails. */
  readonly plugin?: PluginRunner;
}

/**
 * The state of one render pass (one Template.Execute), which consul-template captures
 * in closures when it builds the function map for the pass. vtpl builds the map once
 * and hands this to the execution as its context: every function receives it.
 */
export class FuncContext implements FuncContextInit {
  readonly brain: ReadonlyMap<string, Value>;
  readonly env: ReadonlyMap<string, string>;
  readonly template: Template;
  readonly destination: string;
  readonly fetch: FetchOptions;
  readonly sandboxPath: string;
  readonly files?: FileAccess;
  readonly plugin?: PluginRunner;
  /** The dependencies the pass used, and those of them not yet in the brain. */
  readonly used = new DepSet();
  readonly missing = new DepSet();
  /** The pass's Scratch (`scratch`), made on first use. */
  scratch: Value | null = null;

  constructor(init: FuncContextInit) {
    this.brain = init.brain;
    this.env = init.env;
    this.template = init.template;
    this.destination = init.destination;
    this.fetch = init.fetch;
    this.sandboxPath = init.sandboxPath;
    this.files = init.files;
    this.plugin = init.plugin;
  }
}

/**
 * A function implementation that reads the render pass it is called in. Outside a
 * render (a template executed without a FuncContext) it fails as a template error.
 */
export function inRender(name: string, impl: (ctx: FuncContext, args: readonly Value[]) => Value): GoFunc {
  return (args, context) => {
    if (!(context instanceof FuncContext)) throw new GoError(`${name}: called outside a consul-template render`);
    return impl(context, args);
  };
}

/** Runs `name args...` and returns its trimmed stdout; throws GoError with consul-template's `exec "NAME": ...` text. */
export type PluginRunner = (name: string, args: readonly string[]) => string;
