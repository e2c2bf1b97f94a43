// Rendering a template as Vault Agent's consul-template does (template/template.go
// Execute + manager/runner.go's render/fetch loop): each pass executes the template
// (parsed once: template-cache.ts) with dot = nil; functions whose data is not yet in
// the brain return nil and record their dependency as missing; the missing ones are fetched (in parallel, one
// fetch per dependency string) and the template runs again until nothing is missing.
// Output is returned only from a pass with nothing missing; a failed fetch fails the render.

import { sprint } from '../fmt/index.js';
import { isStackOverflow } from '../exec/index.js';
import { Replacer } from '../go/strings/index.js';
import { type Template, TemplateError } from '../index.js';
import { type Value, invalid } from '../value/index.js';
import { Brain } from './brain.js';
import type { VaultClient } from './client.js';
import type { Dependency, FetchOptions } from './dependency/index.js';
import { type LeaseInfo, leaseInfo } from './lease.js';
import { type DepSet, type FileAccess, FuncContext, type PluginRunner } from './funcs/context.js';
import { parsedTemplate } from './template-cache.js';
import { objectEntries, secretPtrType } from './dependency/vault_common.js';

export interface RenderConsulOptions {
  readonly template: string;
  /** The template's name; consul-template always uses "". */
  readonly name?: string;
  /** Action delimiters; "" (or absent) means {{ and }}. */
  readonly delims?: readonly [string, string];
  /** error_on_missing_key: missingkey=error instead of missingkey=zero. */
  readonly errorOnMissingKey?: boolean;
  /** The environment `env`, `mustEnv` and `envOrDefault` see (nothing else is visible). */
  readonly env?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /** function_denylist globs: matching functions fail with "function is disabled". */
  readonly functionDenylist?: readonly string[];
  /** sandbox_path for `file`. */
  readonly sandboxPath?: string;
  /** The template's destination (it names pkiCert dependencies). */
  readonly destination?: string;
  /** Local file access for `file` and `writeToFile`; without it they fail. */
  readonly files?: FileAccess;
  /**
   * How pkiCert reads its destination's current contents (consul-template reuses a
   * certificate found there while it is still good). Default: `files.read`; without
   * either, pkiCert always issues.
   */
  readonly readDestination?: (destination: string) => Promise<string>;
  /** Command runner for `plugin`; without it plugin fails. */
  readonly plugin?: PluginRunner;
  /** The clock (ms since the epoch) for timestamp, KV v2 deletion times and certificates. */
  readonly now?: () => number;
  /** Bound on render passes (each can discover dependencies nested in fetched data). */
  readonly maxPasses?: number;
  readonly client: VaultClient;
  /**
   * The shared set of fetched secrets (consul-template's brain). Pass one Brain to every
   * template of a pod so that a dependency is fetched once and all of them see the same
   * response; without it each render has its own.
   */
  readonly brain?: Brain;
}

/** A dependency the render used, with the lease of its response when it has one. */
export interface UsedDependency {
  /** consul-template's String() of the dependency ("vault.read(database/creds/app)"). */
  readonly key: string;
  /** The dependency itself: `dependency.fetch(client)` reads it again (what an agent does when its lease runs out). */
  readonly dependency: Dependency;
  /** The lease of a `secret` response (id "" and duration 0 for KV); absent for lists, pkiCert and files. */
  readonly lease?: LeaseInfo;
}

export interface RenderConsulResult {
  readonly output: string;
  /** The dependencies the final pass used, as consul-template prints them ("vault.read(secret/app)"). */
  readonly used: readonly string[];
  /** The same dependencies with their leases. */
  readonly dependencies: readonly UsedDependency[];
  /** How many passes the render took. */
  readonly passes: number;
}

/** A failed render; `message` is consul-template's error text. */
export class ConsulTemplateError extends Error {
  constructor(
    message: string,
    readonly kind: 'parse' | 'execute' | 'fetch' | 'missing',
  ) {
    super(message);
    this.name = 'ConsulTemplateError';
  }
}

/**
 * redactinator: every top-level value of each used secret's Data, printed with %v, is
 * replaced by "[redacted]" in the error text with strings.NewReplacer (at each position
 * the earliest listed match wins; Go lists the values in random map order, we in key
 * order). A value that cannot be printed (a Data that contains itself: Go's fmt recurses
 * until its stack overflows) fails the render without the message, which it could not
 * redact.
 */
function redact(message: string, used: DepSet, brain: ReadonlyMap<string, Value>): string {
  const pairs: string[] = [];
  for (const d of used.list()) {
    const data = brain.get(d.key);
    if (!data || data.type !== secretPtrType || data.isNil()) continue;
    const dataMap = data.elem().field('Data');
    for (const [k, v] of objectEntries(dataMap).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      let text: string;
      try {
        text = sprint([v]);
      } catch (e) {
        if (!isStackOverflow(e)) throw e;
        throw new ConsulTemplateError(
          `execute: the error message cannot be redacted: the value of ${JSON.stringify(k)} in the data of ${d.key} contains itself`,
          'execute',
        );
      }
      pairs.push(text, '[redacted]');
    }
  }
  return pairs.length === 0 ? message : new Replacer(pairs).replace(message);
}

function envMap(env: RenderConsulOptions['env']): Map<string, string> {
  if (env === undefined) return new Map();
  return env instanceof Map ? new Map(env) : new Map(Object.entries(env as Record<string, string>));
}

/** What one pass needs: the render's options with the environment as a map. */
export type PassOptions = Omit<RenderConsulOptions, 'client' | 'brain' | 'maxPasses' | 'env'> & { readonly env: ReadonlyMap<string, string> };

export interface Pass {
  readonly output: string;
  readonly used: DepSet;
  readonly missing: DepSet;
}

/** The clock of a pass without options; read at each call, so a replaced Date.now is seen. */
const defaultFetch: FetchOptions = { now: () => Date.now() };
const fetchByOptions = new WeakMap<PassOptions, FetchOptions>();

/**
 * The clock and file reader of a pass's fetches: one object per options (one for all
 * passes without either), so that a pass can reuse the dependencies an earlier pass
 * made for the same calls (VaultReadQuery.of).
 */
function fetchOptions(opts: PassOptions): FetchOptions {
  const files = opts.files;
  if (opts.now === undefined && opts.readDestination === undefined && files === undefined) return defaultFetch;
  let f = fetchByOptions.get(opts);
  if (f === undefined) {
    f = { now: opts.now ?? defaultFetch.now, readFile: opts.readDestination ?? (files ? (p) => files.read(p) : undefined) };
    fetchByOptions.set(opts, f);
  }
  return f;
}

/**
 * One Template.Execute with dot = nil: consul-template parses the template afresh and
 * builds a function map and scratch for the pass; here the template comes parsed from
 * template-cache.ts (the same template, parsed once) and the pass's state is a fresh
 * FuncContext that its execution hands to the functions.
 */
export function renderPass(opts: PassOptions, brain: ReadonlyMap<string, Value>): Pass {
  let tmpl: Template;
  try {
    tmpl = parsedTemplate(opts.template, {
      name: opts.name ?? '',
      leftDelim: opts.delims?.[0] ?? '',
      rightDelim: opts.delims?.[1] ?? '',
      errorOnMissingKey: opts.errorOnMissingKey ?? false,
      functionDenylist: opts.functionDenylist ?? [],
    });
  } catch (e) {
    if (e instanceof TemplateError) throw new ConsulTemplateError(`parse: ${e.message}`, 'parse');
    throw e;
  }
  const files = opts.files;
  const ctx = new FuncContext({
    brain,
    env: opts.env,
    template: tmpl,
    destination: opts.destination ?? '',
    fetch: fetchOptions(opts),
    sandboxPath: opts.sandboxPath ?? '',
    files,
    plugin: opts.plugin,
  });
  try {
    const output = tmpl.execute(invalid, ctx);
    return { output, used: ctx.used, missing: ctx.missing };
  } catch (e) {
    if (e instanceof TemplateError) throw new ConsulTemplateError(`execute: ${redact(e.message, ctx.used, brain)}`, 'execute');
    throw e;
  }
}

/** Fetches the missing dependencies in parallel; the first failure in dependency order fails the render. */
async function fetchAll(deps: readonly Dependency[], client: VaultClient, brain: Brain): Promise<void> {
  const results = await Promise.allSettled(deps.map((d) => brain.fetch(d, client)));
  for (const r of results) {
    if (r.status === 'rejected') {
      const e: unknown = r.reason;
      throw new ConsulTemplateError(e instanceof Error ? e.message : String(e), 'fetch');
    }
  }
}

/** Renders a Vault Agent template (see the file comment). Throws ConsulTemplateError. */
export async function renderConsulTemplate(opts: RenderConsulOptions): Promise<RenderConsulResult> {
  const brain = opts.brain ?? new Brain();
  const passOpts: PassOptions = { ...opts, env: envMap(opts.env) };
  const maxPasses = opts.maxPasses ?? 20;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const res = renderPass(passOpts, brain.view);
    if (res.missing.size === 0) {
      const used = [...res.used.byKey.keys()];
      const dependencies = res.used.list().map((dependency): UsedDependency => {
        const v = brain.get(dependency.key);
        const lease = v === undefined ? undefined : leaseInfo(v);
        return lease === undefined ? { key: dependency.key, dependency } : { key: dependency.key, dependency, lease };
      });
      return { output: res.output, used, dependencies, passes: pass };
    }
    await fetchAll(res.missing.list(), opts.client, brain);
  }
  throw new ConsulTemplateError(`vtpl: dependencies still missing after ${maxPasses} passes`, 'missing');
}
