// Terminal output for the CLI: where text goes, colours (TTY only), and the error kinds that
// decide exit codes (1 = something is wrong, 2 = usage).

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

export function processIO(noColor: boolean): IO {
  const colorAllowed = !noColor && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
  return {
    out: (t) => { process.stdout.write(t); },
    err: (t) => { process.stderr.write(t); },
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
    red: wrap('31', '39'), yellow: wrap('33', '39'), green: wrap('32', '39'), cyan: wrap('36', '39'),
    bold: wrap('1', '22'), dim: wrap('2', '22'),
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
