// plugin (funcs.go: runs a command, only when the caller supplies a runner) and sockaddr
// (needs the host's network interfaces, which vtpl does not read).

import { GoError, type Value, stringValue } from '../../value/index.js';
import { trimSpace } from '../../go/strings/index.js';
import { S, SS, fn } from './sig.js';
import type { PluginRunner } from './context.js';

export function pluginFunc(run: PluginRunner | undefined): Value {
  return fn(
    [S, SS],
    S,
    ([name, ...args]) => {
      if (name.str() === '') return stringValue('');
      if (!run) throw new GoError('plugin: running commands is disabled in vtpl (enable plugins to allow it)');
      const kept = args.map((a) => trimSpace(a.str())).filter((a) => a !== '');
      return stringValue(run(name.str(), kept));
    },
    true,
  );
}

function unsupported(name: string, why: string, params: Value['type'][], variadic: boolean): Value {
  return fn(
    params,
    S,
    () => {
      throw new GoError(`${name}: ${why}, not supported by vtpl`);
    },
    variadic,
  );
}

export const sockaddrFuncs = {
  sockaddr: unsupported('sockaddr', 'needs network interface introspection', [SS], true),
} satisfies Record<string, Value>;
