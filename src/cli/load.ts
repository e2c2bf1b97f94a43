// Loads the bundled CLI (dist/cli/vtpl.cjs) for bin/vtpl and its worker, with V8's code cache.
//
// Start-up is most of a small `vtpl render`. Node 20 has no compile cache for modules
// (module.enableCompileCache came in 22), so, as v8-compile-cache does, the bundle is compiled
// as a vm.Script with the cachedData `npm run build` saved after running a few commands
// (scripts/bundle-cli.ts): V8 then reads the functions those commands compiled instead of
// parsing them again. A cache that V8 refuses (another Node version, other V8 flags) is only
// ignored, and nothing is ever written here: the cache is made once, by the build, next to the
// bundle.
//
// The build writes the bundle as the function expression Node would wrap a CommonJS module in,
// and only in ASCII (it checks): read as latin1, the file is the script's source as is, a
// one-byte string, with no UTF-8 decoding and no copy to wrap it.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** What dist/cli/vtpl.cjs exports (src/cli/entry.ts). */
export interface Cli {
  readonly INTERNAL_ERROR: number;
  internalErrorMessage(prefix: string, e: unknown): string;
  runOnMainThread(argv: readonly string[]): Promise<boolean>;
  main(): Promise<void>;
  runThread(): Promise<void>;
  runQuietly(args: readonly string[]): Promise<number>;
}

const bundle = fileURLToPath(new URL('./vtpl.cjs', import.meta.url));
export const codeCacheFile = fileURLToPath(new URL('./vtpl.cache', import.meta.url));

let loaded: { cli: Cli; script: Script } | undefined;

function cachedData(): Buffer | undefined {
  try {
    return readFileSync(codeCacheFile);
  } catch {
    return undefined; // not built yet (the build's own first load)
  }
}

/** The CLI, compiled once per thread. */
export function loadCli(): Cli {
  if (loaded === undefined) {
    const script = new Script(readFileSync(bundle, 'latin1'), { filename: bundle, cachedData: cachedData() });
    const module = { exports: {} as Cli };
    const wrapper = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
    wrapper(module.exports, createRequire(bundle), module, bundle, fileURLToPath(new URL('.', import.meta.url)));
    loaded = { cli: module.exports, script };
  }
  return loaded.cli;
}

/** V8's code cache for the bundle, with every function compiled so far in this thread. */
export function codeCache(): Buffer {
  loadCli();
  return (loaded as { script: Script }).script.createCachedData();
}
