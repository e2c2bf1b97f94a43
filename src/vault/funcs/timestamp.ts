// timestamp (funcs.go): the current UTC time, RFC 3339 by default, "unix" seconds, or a Go layout.

import { GoError, type Value, stringValue } from '../../value/index.js';
import { RFC3339, formatTime, goTimeFromDate } from '../../go/time/index.js';
import { inRender } from './context.js';
import { SS, S, fn } from './sig.js';

/** It reads the render's clock. */
export const timestampFunc: Value = fn(
  [SS],
  S,
  inRender('timestamp', (ctx, args) => {
    const now = goTimeFromDate(ctx.fetch.now());
    if (args.length === 0) return stringValue(formatTime(now, RFC3339));
    if (args.length === 1) {
      if (args[0].str() === 'unix') return stringValue(String(now.sec));
      return stringValue(formatTime(now, args[0].str()));
    }
    throw new GoError(`timestamp: wrong number of arguments, expected 0 or 1, but got ${args.length}`);
  }),
  true,
);
