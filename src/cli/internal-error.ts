// How vtpl reports a failure of its own (a bug, a crashed worker). Imports nothing, so bin/vtpl's
// main thread can use it without loading the CLI.

/** sysexits.h EX_SOFTWARE: vtpl itself failed. */
export const INTERNAL_ERROR = 70;

/** What to print for a bug in vtpl: what happened, what to do, and the stack only with VTPL_DEBUG set. */
export function internalErrorMessage(prefix: string, e: unknown): string {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const stack = process.env.VTPL_DEBUG && e instanceof Error && e.stack ? `${e.stack}\n` : '';
  return `${prefix}: internal error: ${msg}\n${stack || 'This is a bug in vtpl. Please report it with the command and inputs that caused it; VTPL_DEBUG=1 adds a stack trace.\n'}`;
}
