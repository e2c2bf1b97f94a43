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
import { sprigFuncs } from './funcs/sprig/index.js';
import { stringFuncs } from './funcs/strings.js';
import { timestampFunc } from './funcs/timestamp.js';
import { tomlFuncs } from './funcs/toml.js';
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

// consul-template builds its map on every Execute; the Consul/Nomad stand-ins and the
// sprig set hold no per-execution state, so vtpl builds those once (each render pass
// would otherwise spend most of its time rebuilding them).
let stateless: { consul: Record<string, Value>; sprig: Record<string, Value> } | undefined;

export function consulTemplateFuncs(ctx: FuncContext, opts: FuncMapOptions): Record<string, Value> {
  stateless ??= { consul: consulFuncs(), sprig: sprigFuncs() };
  const r: Record<string, Value> = {
    ...stateless.consul,
    ...fileFuncs(ctx),
    ...secretFuncs(ctx),
    scratch: scratchFunc(),
    ...base64Funcs,
    ...containsFuncs,
    ...envFuncs(ctx),
    executeTemplate: executeTemplateFunc(ctx),
    ...mapFuncs,
    loop: loopFunc,
    ...stringFuncs,
    ...parseFuncs,
    plugin: pluginFunc(opts.plugin),
    ...regexFuncs,
    ...hashFuncs,
    timestamp: timestampFunc(ctx),
    ...jsonFuncs,
    ...yamlFuncs,
    ...tomlFuncs,
    ...unsupportedFuncs,
    ...mathFuncs,
    ...stateless.sprig,
  };
  for (const pattern of opts.functionDenylist ?? []) {
    for (const name of Object.keys(r)) if (glob(pattern, name)) r[name] = denied;
  }
  return r;
}

