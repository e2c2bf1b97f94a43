// What bin/vtpl loads, as dist/cli/vtpl.js (bundled by scripts/bundle-cli.ts). Only what the
// main thread needs before it knows the command is loaded here: a command that runs on the
// worker (preview, record, ...) costs the main thread no more than this.

export { INTERNAL_ERROR, internalErrorMessage } from './internal-error.js';
export { runOnMainThread } from './start.js';

/** The CLI on this thread (`vtpl agent`, which must receive the signals). */
export async function main(): Promise<void> {
  await (await import('./main.js')).main();
}
