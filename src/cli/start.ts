// Where bin/vtpl runs a command. Go evaluates templates on stacks that grow to 1 GB; Node's
// main thread has about 1 MB, so bin/vtpl can run the CLI on a worker thread with a 256 MB
// stack. Starting that worker costs about as much CPU as Node itself, which is most of a
// small render. So render, check and preview run on the main thread first, with their output held
// back; only when the JavaScript stack ran out, or the output is too large to hold, is the command
// run again on the worker.

import { type IO, isTTY, processIO } from './io.js';

/** What the CLI prints when the main thread's stack ran out (exec's depth errors, V8's RangeError). */
const STACK_EXHAUSTED = /exceeds the JavaScript stack|JavaScript stack ran out|call stack size exceeded|Stack overflow/;

/**
 * Commands whose whole output can wait until the end, and that are safe to run twice. A command
 * writing a file (-o) stays on the worker, whose temporary files bin/vtpl removes on a signal.
 * preview joins them when it reads recorded responses (a second run against a live Vault would
 * read dynamic secrets twice) and stderr is not a terminal (there it shows a progress line and
 * colours as it goes, which output held back until the end cannot). stdin can be read only
 * once, so a command reading it goes to the worker straight away.
 */
function mainThreadSafe(command: string | undefined, argv: readonly string[]): boolean {
  if (argv.includes('-') || argv.some((a) => a === '-o' || a === '--out' || a.startsWith('--out='))) return false;
  if (command === 'render' || command === 'check') return true;
  return (
    command === 'preview' &&
    argv.some((a) => a === '--responses' || a.startsWith('--responses=')) &&
    !argv.some((a) => a === '--vault-addr' || a.startsWith('--vault-addr=')) &&
    !isTTY(2)
  );
}

/**
 * Output held back past this many characters sends the command to the worker, which streams
 * it: held whole, a render takes as much memory as its output and fails past the longest
 * string JavaScript can hold, where streamed it takes a chunk. Rendering the first few
 * megabytes twice costs about as much as the worker's start.
 */
const heldChars = 1 << 22;

/** Thrown by the held-back stdout when it is full: the command stops, to run again on the worker. */
class HeldOutputFull extends Error {}

/**
 * Runs the command on the main thread when that is cheap and safe; returns false when it must
 * run on the large-stack worker instead (other commands, stdin input, output too large to
 * hold, or the stack ran out).
 */
export async function runOnMainThread(argv: readonly string[]): Promise<boolean> {
  const command = argv.find((a) => !a.startsWith('-'));
  if (!mainThreadSafe(command, argv)) return false;
  const real = processIO(argv.includes('--no-color'));
  const out: string[] = [];
  const err: string[] = [];
  let held = 0;
  const io: IO = {
    out: (s) => {
      held += s.length;
      if (held > heldChars) throw new HeldOutputFull();
      out.push(s);
    },
    err: (s) => {
      err.push(s);
    },
    color: real.color,
    errTTY: false,
  };
  const { run } = await import('./main.js');
  const code = await run(argv, io);
  const errText = err.join('');
  if (held > heldChars || STACK_EXHAUSTED.test(errText)) return false;
  real.out(out.join(''));
  // An empty write would still make process.stderr (start-up cost, see isTTY).
  if (errText !== '') real.err(errText);
  process.exitCode = code;
  return true;
}
