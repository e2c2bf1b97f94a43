// plugin (runs a command: only when the caller supplies a runner), sockaddr (go-sockaddr
// templates on this host's interfaces: ../sockaddr/) and the go-spew debug helpers (spew/).

import { GoError, type Value, stringValue } from '../../value/index.js';
import { trimSpace } from '../go/strings.js';
import { I, S, SS, fn } from './sig.js';
import { sliceOf } from '../../value/index.js';
import { sdump } from './spew/dump.js';
import { spewSprintf } from './spew/sprintf.js';
import { sockaddrFunc } from '../sockaddr/template.js';

/** Runs `name args...` and returns its trimmed stdout; throws GoError with consul-template's `exec "NAME": ...` text. */
export type PluginRunner = (name: string, args: readonly string[]) => string;

export function pluginFunc(run: PluginRunner | undefined): Value {
  return fn([S, SS], S, ([name, ...args]) => {
    if (name.str() === '') return stringValue('');
    if (!run) throw new GoError('plugin: running commands is disabled in vtpl (enable plugins to allow it)');
    const kept = args.map((a) => trimSpace(a.str())).filter((a) => a !== '');
    return stringValue(run(name.str(), kept));
  }, true);
}

export const unsupportedFuncs: Record<string, Value> = {
  sockaddr: sockaddrFunc,
  // spew_dump and spew_printf write to the agent's stdout, not into the template: their result is "".
  spew_dump: fn([sliceOf(I)], S, () => stringValue(''), true),
  spew_printf: fn([S, sliceOf(I)], S, () => stringValue(''), true),
  spew_sdump: fn([sliceOf(I)], S, (args) => stringValue(sdump(args)), true),
  spew_sprintf: fn([S, sliceOf(I)], S, ([format, ...args]) => stringValue(spewSprintf(format.str(), args)), true),
};
