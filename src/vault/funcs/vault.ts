// secret, secrets and pkiCert (template/funcs.go secretFunc, secretsFunc, pkiCertFunc):
// return the brain's data for the dependency, or nil while it is missing.

import { Value, box, invalid, sliceStringType } from '../../value/index.js';
import { type Dependency, VaultListQuery, VaultPKIQuery, VaultReadQuery, VaultWriteQuery, parseKVArgs } from '../dependency/index.js';
import { type FuncContext, inRender } from './context.js';
import { I, S, SS, fn } from './sig.js';

/** used.Add(d); the remembered data, or undefined after missing.Add(d). */
function recall(ctx: FuncContext, d: Dependency): Value | undefined {
  ctx.used.add(d);
  const v = ctx.brain.get(d.key);
  if (v === undefined) ctx.missing.add(d);
  return v;
}

/** They read and record the render's state. */
export const secretFuncs = {
  secret: fn(
    [SS],
    I,
    inRender('secret', (ctx, args) => {
      if (args.length === 0) return box(invalid);
      // A read (no k=v arguments), the common call, goes without the argument copies.
      if (args.length === 1) return box(recall(ctx, VaultReadQuery.of(args[0].str(), ctx.fetch)) ?? invalid);
      const [path, ...rest] = args.map((a) => a.str());
      const d = new VaultWriteQuery(path, parseKVArgs(rest));
      return box(recall(ctx, d) ?? invalid);
    }),
    true,
  ),
  secrets: fn(
    [S],
    SS,
    inRender('secrets', (ctx, [s]) => {
      if (s.str().length === 0) return new Value(sliceStringType, null);
      return recall(ctx, new VaultListQuery(s.str())) ?? new Value(sliceStringType, null);
    }),
  ),
  pkiCert: fn(
    [SS],
    I,
    inRender('pkiCert', (ctx, args) => {
      if (args.length === 0) return box(invalid);
      const [path, ...rest] = args.map((a) => a.str());
      const d = new VaultPKIQuery(path, ctx.destination, parseKVArgs(rest), ctx.fetch);
      return box(recall(ctx, d) ?? invalid);
    }),
    true,
  ),
} satisfies Record<string, Value>;
