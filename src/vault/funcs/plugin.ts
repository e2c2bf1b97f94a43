// plugin (funcs.go: runs a command, only when the caller supplies a runner) and sockaddr
// (go-sockaddr templates on this host's interfaces: ../sockaddr/).

import { GoError, type Value, stringValue } from '../../value/index.js';
import { trimSpace } from '../../go/strings/index.js';
import { S, SS, fn } from './sig.js';
import { inRender } from './context.js';
import { sockaddrFunc } from '../sockaddr/template.js';

/** It runs the command with the render's runner. */
export const pluginFunc: Value = fn(
  [S, SS],
  S,
  inRender('plugin', (ctx, [name, ...args]) => {
    if (name.str() === '') return stringValue('');
    if (!ctx.plugin) throw new GoError('plugin: running commands is disabled in vtpl (enable plugins to allow it)');
    const kept = args.map((a) => trimSpace(a.str())).filter((a) => a !== '');
    return stringValue(ctx.plugin(name.str(), kept));
  }),
  true,
);

export const sockaddrFuncs = {
  sockaddr: sockaddrFunc,
} satisfies Record<string, Value>;
