// env, mustEnv, envOrDefault over the environment the caller supplies.

import { GoError, type Value, stringValue } from '../../value/index.js';
import type { FuncContext, PerRender } from './context.js';
import { S, fn } from './sig.js';

/** Made per render: they read and record the render's state. */
export const envFuncs = {
  env: (ctx: FuncContext): Value => fn([S], S, ([s]) => stringValue(ctx.env.get(s.str()) ?? '')),
  mustEnv: (ctx: FuncContext): Value =>
    fn([S], S, ([s]) => {
      const v = ctx.env.get(s.str()) ?? '';
      if (v === '') throw new GoError(`required environment variable ${s.str()} is empty`);
      return stringValue(v);
    }),
  envOrDefault: (ctx: FuncContext): Value => fn([S, S], S, ([s, def]) => stringValue(ctx.env.get(s.str()) ?? def.str())),
} satisfies Record<string, PerRender>;
