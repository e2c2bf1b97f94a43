// file (a dependency on a local file, sandboxed) and writeToFile (a side effect): both
// work only when the caller hands in a FileAccess.

import { GoError, GoPanic, type Value, stringValue } from '../../value/index.js';
import { parseUint8 } from '../../go/strconv/index.js';
import { clean } from '../../go/path/index.js';
import { trimSpace } from '../../go/strings/index.js';
import type { Dependency } from '../dependency/dependency.js';
import { type FileAccess, inRender } from './context.js';
import { S, SS, fn } from './sig.js';

/** resolveSandboxedPath (funcs.go). */
function resolveSandboxed(files: FileAccess, sandbox: string, path: string): string {
  if (sandbox === '') return clean(path);
  let root: string;
  let target: string;
  try {
    root = files.resolve(clean(sandbox));
  } catch (e) {
    throw new GoError(`failed to resolve sandbox path: ${(e as Error).message}`);
  }
  try {
    target = files.resolve(clean(path));
  } catch (e) {
    throw new GoError(`failed to resolve target path: ${(e as Error).message}`);
  }
  if (!(target === root || target.startsWith(root.endsWith('/') ? root : `${root}/`))) {
    throw new GoError(`'${path}' is outside of sandbox`);
  }
  return target;
}

/** dependency.FileQuery. */
class FileQuery implements Dependency {
  readonly key: string;

  constructor(
    private readonly path: string,
    private readonly files: FileAccess,
  ) {
    this.key = `file(${path})`;
  }

  async fetch(): Promise<Value> {
    try {
      return stringValue(await this.files.read(this.path));
    } catch (e) {
      throw new GoError(`${this.key}: ${(e as Error).message}`);
    }
  }
}

/** They read and record the render's state. */
export const fileFuncs = {
  file: fn(
    [S],
    S,
    inRender('file', (ctx, [s]) => {
      if (s.str() === '') return stringValue('');
      if (!ctx.files) throw new GoError('file: reading local files is disabled in vtpl (allow file access to enable it)');
      const d = new FileQuery(resolveSandboxed(ctx.files, ctx.sandboxPath, trimSpace(s.str())), ctx.files);
      ctx.used.add(d);
      const v = ctx.brain.get(d.key);
      if (v === undefined) ctx.missing.add(d);
      return v ?? stringValue('');
    }),
  ),
  writeToFile: fn(
    [S, S, S, S, SS],
    S,
    inRender('writeToFile', (ctx, [path, user, group, perms, ...args]) => {
      const flags = args.length === 2 ? args[0].str() : '';
      if (args.length === 0) throw new GoPanic('runtime error: index out of range [-1]');
      const content = args[args.length - 1].str();
      const mode = Number(parseUint8(perms.str(), 32));
      if (!ctx.files) throw new GoError('writeToFile: writing local files is disabled in vtpl (allow file access to enable it)');
      ctx.files.write(path.str(), user.str(), group.str(), mode, content + (flags.includes('newline') ? '\n' : ''), flags.includes('append'));
      return stringValue('');
    }),
    true,
  ),
} satisfies Record<string, Value>;
