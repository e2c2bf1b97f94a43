// Terminal output for the CLI: where text goes, colours (TTY only), and the error kinds that
// decide exit codes (1 = something is wrong, 2 = usage).

import { fstatSync, writeSync } from 'node:fs';
import { BufferedSink, type ByteSink } from '../exec/index.js';

export interface IO {
  out(text: string): void;
  /**
   * stdout as bytes, for a template's output (executeTo encodes it straight into the buffer);
   * absent where output is collected as text (held back, captured by tests): use out().
   */
  readonly outBytes?: ByteSink;
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
 * Writes bytes to stdout before returning. The CLI runs on a worker thread, whose
 * process.stdout queues every write in memory until the thread is idle: a render
 * streaming hundreds of megabytes would be held whole. fd 1 may be non-blocking (a
 * pipe), so a full pipe (EAGAIN) is waited out; a closed one (`| head`) ends vtpl
 * quietly, as bin/vtpl does.
 */
function writeStdout(bytes: Uint8Array): void {
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

/** The buffer in front of stdout: a write(2) per 64 KB (a pipe's capacity on Linux). */
const bufferBytes = 1 << 16;
let stdoutSink: BufferedSink | undefined;

/** stdout's buffer, made on first use: text and a template's output are encoded into it, with no buffer made per chunk. */
function stdout(): BufferedSink {
  if (stdoutSink === undefined) {
    const buffer = Buffer.allocUnsafe(bufferBytes);
    stdoutSink = new BufferedSink(buffer, writeStdout, (s, at) => buffer.write(s, at));
  }
  return stdoutSink;
}

/**
 * process.stdout.isTTY (fd 1) or process.stderr.isTTY (fd 2), without making the stream when
 * the answer is no. Making process.stdout or stderr on a pipe loads Node's net and streams,
 * near a tenth of `node -e 0`, and the CLI writes stdout with writeSync: a command that only
 * asks whether colours are wanted need not pay for it. A terminal is a character device; a
 * pipe, socket or file is not, and only for a character device (a terminal, /dev/null) is Node
 * asked.
 */
export function isTTY(fd: 1 | 2): boolean {
  let device: boolean;
  try {
    device = fstatSync(fd).isCharacterDevice();
  } catch {
    device = true; // a closed descriptor: Node's answer, as before
  }
  return device && (fd === 1 ? process.stdout : process.stderr).isTTY === true;
}

export function processIO(noColor: boolean): IO {
  const colorAllowed = !noColor && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
  return {
    out: (t) => {
      const sink = stdout();
      sink.write(t);
      sink.flush();
    },
    get outBytes() {
      return stdout();
    },
    err: (t) => {
      process.stderr.write(t);
    },
    color: colorAllowed && isTTY(1),
    errTTY: colorAllowed && isTTY(2),
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
