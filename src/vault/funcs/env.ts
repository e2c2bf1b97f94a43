// env, mustEnv, envOrDefault over the environment the caller supplies.

import { GoError, type Value, stringValue } from '../../value/index.js';
import type { FuncContext } from './context.js';
import { S, fn } from './sig.js';

export function envFuncs(ctx: FuncContext): Record<string, Value> {
  return {
    env: fn([S], S, ([s]) => stringValue(ctx.env.get(s.str()) ?? '')),
    mustEnv: fn([S], S, ([s]) => {
      const v = ctx.env.get(s.str()) ?? '';
      if (v === '') throw new GoError(`required environment variable ${s.str()} is empty`);
      return stringValue(v);
    }),
    envOrDefault: fn([S, S], S, ([s, def]) => stringValue(ctx.env.get(s.str()) ?? def.str())),
  };
}
