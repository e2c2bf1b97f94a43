// env, mustEnv, envOrDefault over the environment the caller supplies.

import { GoError, type Value, stringValue } from '../../value/index.js';
import { inRender } from './context.js';
import { S, fn } from './sig.js';

/** They read the render's environment. */
export const envFuncs = {
  env: fn(
    [S],
    S,
    inRender('env', (ctx, [s]) => stringValue(ctx.env.get(s.str()) ?? '')),
  ),
  mustEnv: fn(
    [S],
    S,
    inRender('mustEnv', (ctx, [s]) => {
      const v = ctx.env.get(s.str()) ?? '';
      if (v === '') throw new GoError(`required environment variable ${s.str()} is empty`);
      return stringValue(v);
    }),
  ),
  envOrDefault: fn(
    [S, S],
    S,
    inRender('envOrDefault', (ctx, [s, def]) => stringValue(ctx.env.get(s.str()) ?? def.str())),
  ),
} satisfies Record<string, Value>;
