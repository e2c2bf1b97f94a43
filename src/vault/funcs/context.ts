// What the consul-template functions share during one execution (funcMapInput in
// template.go): the brain of fetched data, the used/missing dependency sets, the
// environment, the template being executed and the caller's capabilities.

import type { Template } from '../../index.js';
import type { Value } from '../../value/index.js';
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

export interface FuncContext {
  readonly brain: ReadonlyMap<string, Value>;
  readonly used: DepSet;
  readonly missing: DepSet;
  /** The runner's environment ("K=V" pairs win over the process environment in Go; here they are all there is). */
  readonly env: ReadonlyMap<string, string>;
  /** The template being executed (executeTemplate runs its associated templates). */
  readonly template: () => Template;
  /** The render's destination path (pkiCert's dependency key). */
  readonly destination: string;
  readonly fetch: FetchOptions;
  /** sandbox_path for `file`. */
  readonly sandboxPath: string;
  /** Present only when the caller allows file access. */
  readonly files?: FileAccess;
}

/** What the caller chooses for the whole render. */
export interface FuncMapOptions {
  /** function_denylist: names matching one of these globs are replaced by `denied`. */
  readonly functionDenylist?: readonly string[];
  /** Runs `plugin` commands; without it `plugin` fails. */
  readonly plugin?: PluginRunner;
}

/** Runs `name args...` and returns its trimmed stdout; throws GoError with consul-template's `exec "NAME": ...` text. */
export type PluginRunner = (name: string, args: readonly string[]) => string;

/** A function of the map that holds per-render state: made afresh for each render. */
export type PerRender = (ctx: FuncContext, opts: FuncMapOptions) => Value;
