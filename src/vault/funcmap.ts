// consul-template's function map (template.go funcMap): Vault, scratch, helpers, math,
// debug, then the sprig_* set; names matching a function_denylist glob are replaced by
// `denied`.

import { GoError, type Value, sliceStringType } from '../value/index.js';
import type { FuncContext } from './funcs/context.js';
import { base64Funcs } from './funcs/base64.js';
import { consulFuncs } from './funcs/consul.js';
import { containsFuncs } from './funcs/contains.js';
import { envFuncs } from './funcs/env.js';
import { executeTemplateFunc } from './funcs/execute-template.js';
import { fileFuncs } from './funcs/files.js';
import { hashFuncs } from './funcs/hash.js';
import { jsonFuncs } from './funcs/json.js';
import { loopFunc } from './funcs/loop.js';
import { mapFuncs } from './funcs/maps.js';
import { mathFuncs } from './funcs/math.js';
import { parseFuncs } from './funcs/parse.js';
import { regexFuncs } from './funcs/regex.js';
import { scratchFunc } from './funcs/scratch.js';
import { S, fn } from './funcs/sig.js';
import { sprigFuncs } from './sprig/index.js';
import { stringFuncs } from './funcs/strings.js';
import { timestampFunc } from './funcs/timestamp.js';
import { tomlFuncs } from './toml/encode.js';
import { type PluginRunner, pluginFunc, unsupportedFuncs } from './funcs/unsupported.js';
import { secretFuncs } from './funcs/vault.js';
import { yamlFuncs } from './funcs/yaml.js';
import { glob } from './glob.js';

/** func denied(...string) (string, error): the replacement for a denylisted function. */
const denied: Value = fn([sliceStringType], S, () => {
  throw new GoError('function is disabled');
}, true);

export interface FuncMapOptions {
  readonly functionDenylist?: readonly string[];
  readonly plugin?: PluginRunner;
}

type Entries = readonly (readonly [string, Value])[];

// consul-template builds its map on every Execute. The functions that hold no
// per-execution state are built once here, as runs of entries in funcMap's order
// between the per-execution ones (a later entry of the same name wins, as there).
let statelessRuns: readonly Entries[] | undefined;

function stateless(): readonly Entries[] {
  statelessRuns ??= [
    consulFuncs(),
    { ...base64Funcs, ...containsFuncs },
    { ...mapFuncs, loop: loopFunc, ...stringFuncs, ...parseFuncs },
    { ...regexFuncs, ...hashFuncs },
    { ...jsonFuncs, ...yamlFuncs, ...tomlFuncs, ...unsupportedFuncs, ...mathFuncs, ...sprigFuncs() },
  ].map((run) => Object.entries(run));
  return statelessRuns;
}

export function consulTemplateFuncs(ctx: FuncContext, opts: FuncMapOptions): Record<string, Value> {
  const [consul, encoding, collections, matching, formats] = stateless();
  // A null-prototype object: V8 adds this map's ~300 properties to it several times
  // faster than to an ordinary object (or than spreading them into a literal), and
  // each render pass builds one.
  const r: Record<string, Value> = Object.create(null) as Record<string, Value>;
  const add = (entries: Entries): void => {
    for (const [name, f] of entries) r[name] = f;
  };
  add(consul);
  add(Object.entries(fileFuncs(ctx)));
  add(Object.entries(secretFuncs(ctx)));
  r.scratch = scratchFunc();
  add(encoding);
  add(Object.entries(envFuncs(ctx)));
  r.executeTemplate = executeTemplateFunc(ctx);
  add(collections);
  r.plugin = pluginFunc(opts.plugin);
  add(matching);
  r.timestamp = timestampFunc(ctx);
  add(formats);
  for (const pattern of opts.functionDenylist ?? []) {
    for (const name of Object.keys(r)) if (glob(pattern, name)) r[name] = denied;
  }
  return r;
}
