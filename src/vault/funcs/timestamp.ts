// timestamp (funcs.go): the current UTC time, RFC 3339 by default, "unix" seconds, or a Go layout.

import { GoError, type Value, stringValue } from '../../value/index.js';
import { RFC3339, formatTime, goTimeFromDate } from '../../go/time/index.js';
import type { FuncContext } from './context.js';
import { SS, S, fn } from './sig.js';

export function timestampFunc(ctx: FuncContext): Value {
  return fn(
    [SS],
    S,
    (args) => {
      const now = goTimeFromDate(ctx.fetch.now());
      if (args.length === 0) return stringValue(formatTime(now, RFC3339));
      if (args.length === 1) {
        if (args[0].str() === 'unix') return stringValue(String(now.sec));
        return stringValue(formatTime(now, args[0].str()));
      }
      throw new GoError(`timestamp: wrong number of arguments, expected 0 or 1, but got ${args.length}`);
    },
    true,
  );
}
