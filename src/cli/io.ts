// Terminal output for the CLI: where text goes, colours (TTY only), and the error kinds that
// decide exit codes (1 = something is wrong, 2 = usage).

import { writeSync } from 'node:fs';

export interface IO {
  out(text: string): void;
  err(text: string): void;
  /** ANSI colours on stdout. */
  readonly color: boolean;
  /** ANSI colours and an updating progress line on stderr. */
  readonly errTTY: boolean;
}

/** A bad command line: printed as `vtpl CMD: message`, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A failure the user must fix (unreadable file, ...): printed without a stack trace, exit code 1. */
export class UserError extends Error {
  override name = 'UserError';
}

/**
 * Writes text to stdout before returning. The CLI runs on a worker thread, whose
 * process.stdout queues every write in memory until the thread is idle: a render
 * streaming hundreds of megabytes would be held whole. fd 1 may be non-blocking (a
 * pipe), so a full pipe (EAGAIN) is waited out; a closed one (`| head`) ends vtpl
 * quietly, as bin/vtpl does.
 */
function writeStdout(text: string): void {
  const bytes = utf8(text);
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(1, bytes, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      else throw e;
    }
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Room for the UTF-8 of a chunk of template output (at most 3 bytes per UTF-16 unit) and more. */
let scratch: Buffer | undefined;
const scratchBytes = 3 << 17;

/**
 * text as UTF-8, in a buffer reused from one call to the next when it fits: a new buffer
 * for every chunk of a streamed render (Buffer.from measures the text, then allocates and
 * fills a buffer outside the heap) cost twice as much as the rest of writing it.
 */
function utf8(text: string): Uint8Array {
  if (text.length * 3 > scratchBytes) return Buffer.from(text, 'utf8');
  scratch ??= Buffer.allocUnsafe(scratchBytes);
  return scratch.subarray(0, scratch.write(text, 'utf8'));
}

export function processIO(noColor: boolean): IO {
  const colorAllowed = !noColor && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
  return {
    out: writeStdout,
    err: (t) => {
      process.stderr.write(t);
    },
    color: colorAllowed && process.stdout.isTTY === true,
    errTTY: colorAllowed && process.stderr.isTTY === true,
  };
}

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

export function paint(on: boolean): Paint {
  const wrap = (code: string, reset: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[${reset}m` : s);
  return {
    red: wrap('31', '39'),
    yellow: wrap('33', '39'),
    green: wrap('32', '39'),
    cyan: wrap('36', '39'),
    bold: wrap('1', '22'),
    dim: wrap('2', '22'),
  };
}

/** A one-line "[i/n] file" progress indicator on stderr, shown only on a TTY and for many files. */
export function progress(io: IO, total: number, threshold = 10): { step(label: string): void; done(): void } {
  const on = io.errTTY && total >= threshold;
  let i = 0;
  return {
    step(label: string) {
      i++;
      if (on) io.err(`\r\x1b[2K[${i}/${total}] ${label}`);
    },
    done() {
      if (on) io.err('\r\x1b[2K');
    },
  };
}
