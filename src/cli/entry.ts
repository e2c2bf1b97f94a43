// What bin/vtpl and its worker thread run: the CLI, bundled by scripts/bundle-cli.ts into
// dist/cli/vtpl.cjs and loaded by load.ts with V8's code cache. The main thread needs little
// before it knows the command; the rest is loaded by the command that runs.

export { INTERNAL_ERROR, internalErrorMessage } from './internal-error.js';
export { runOnMainThread } from './start.js';

/** The CLI on this thread (`vtpl agent`, which must receive the signals). */
export async function main(): Promise<void> {
  await (await import('./main.js')).main();
}

/** The CLI on bin/vtpl's large-stack worker. */
export async function runThread(): Promise<void> {
  await (await import('./thread.js')).runThread();
}

/** Runs one command with its output discarded: the build runs a few to fill the code cache. */
export async function runQuietly(args: readonly string[]): Promise<number> {
  const ignore = () => undefined;
  return (await import('./main.js')).run(args, { out: ignore, err: ignore, color: false, errTTY: false });
}
