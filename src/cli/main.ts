// vtpl command line: builds the commander program and maps outcomes to exit codes
// (0 ok, 1 something is wrong, 2 usage, 70 internal error).

import { Command, CommanderError } from 'commander';
import { type IO, UsageError, UserError, processIO } from './io.js';
import { errnoWords } from '../go/syscall/index.js';
import { INTERNAL_ERROR, internalErrorMessage } from './internal-error.js';
import { isStringLengthError, maxStringLength } from '../exec/index.js';

const VERSION = '0.1.0';

/**
 * Each command's module, loaded only when needed: a render must not pay for the YAML parser,
 * the Vault HTTP client or the other commands (start-up time is most of a small render).
 */
const COMMANDS: Readonly<Record<string, (program: Command, io: IO) => Promise<void>>> = {
  preview: async (p, io) => (await import('./preview.js')).registerPreview(p, io),
  render: async (p, io) => (await import('./render.js')).registerRender(p, io),
  check: async (p, io) => (await import('./check.js')).registerCheck(p, io),
  record: async (p, io) => (await import('./record.js')).registerRecord(p, io),
  agent: async (p, io) => (await import('./agent.js')).registerAgent(p, io),
  conformance: async (p) => (await import('./conformance.js')).registerConformance(p),
};

/**
 * The program, with commands writing to `io`; only `command` is registered when it names one
 * (else all, for the overview help). Exit codes land in `process.exitCode` or are thrown as errors.
 */
export async function buildProgram(io: IO, command?: string): Promise<Command> {
  const program = new Command();
  program
    .name('vtpl')
    .description('Render HashiCorp Vault Agent templates (Go text/template + consul-template functions) offline, byte-identical to Go')
    .version(VERSION)
    .option('--no-color', 'never colour the output (colours are only used on a terminal anyway)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ vtpl preview examples/deployment.yaml --responses examples/vault
  $ vtpl render app.ctmpl --responses examples/vault
  $ vtpl render greeting.tmpl --data values.json --mode text
  $ vtpl check examples/deployment.yaml
  $ vtpl record k8s/ --vault-addr https://vault:8200 --out recorded/
  $ vtpl agent --config examples/agent/agent.hcl

Exit codes: 0 success, 1 a problem was found (render/parse error, missing secret, warning,
file that cannot be read or written), 2 usage error, 70 internal error (a bug in vtpl).`,
    );
  const one = command === undefined ? undefined : COMMANDS[command];
  for (const register of one ? [one] : Object.values(COMMANDS)) await register(program, io);
  return program;
}

/**
 * `--delims L R` takes two values, which commander cannot express: fold them into one
 * token `L\0R` (a single token containing a space, `--delims "[[ ]]"`, is also accepted).
 */
export function foldDelims(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    const after = argv[i + 2];
    if (a === '--delims' && next !== undefined && !/\s/.test(next) && after !== undefined) {
      out.push(a, `${next}\0${after}`);
      i += 2;
    } else {
      out.push(a);
    }
  }
  return out;
}

/** Runs vtpl with user arguments (no node/script prefix); returns the exit code. */
export async function run(args: readonly string[], io: IO): Promise<number> {
  const program = await buildProgram(
    io,
    args.find((a) => !a.startsWith('-')),
  );
  const saved = process.exitCode;
  process.exitCode = 0;
  try {
    // Colour is decided by `io`; dropping the flag here lets it appear anywhere on the line.
    await program.parseAsync(foldDelims(args.filter((a) => a !== '--no-color')), { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help asked for is success; help shown because no command was given is a usage error.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help') return e.exitCode === 0 ? 0 : 2;
      return 2;
    }
    const cmd = commandName(args);
    if (e instanceof UsageError) {
      io.err(`vtpl${cmd}: ${e.message}\n(run with --help for usage)\n`);
      return 2;
    }
    if (e instanceof UserError) {
      io.err(`vtpl${cmd}: ${e.message}\n`);
      return 1;
    }
    if (isStringLengthError(e)) {
      // Something (a --json report, a file's content) outgrew JavaScript's longest string.
      io.err(`vtpl${cmd}: a result is longer than ${maxStringLength} characters, the longest string JavaScript can hold (a vtpl limit)\n`);
      return 1;
    }
    // The writer's module is loaded only when something failed: a render to stdout never needs it.
    if (e instanceof (await import('../agent/index.js')).WriteError) {
      io.err(`vtpl${cmd}: ${e.message}\n`);
      return 1;
    }
    // An error from the operating system (a file or directory that cannot be read or made) is
    // the environment's problem, not vtpl's: say what failed, in words.
    const sys = e as NodeJS.ErrnoException;
    if (e instanceof Error && typeof sys.code === 'string' && typeof sys.syscall === 'string') {
      io.err(`vtpl${cmd}: cannot ${sys.syscall}${sys.path === undefined ? '' : ` ${sys.path}`}: ${errnoWords(e)}\n`);
      return 1;
    }
    io.err(internalErrorMessage(`vtpl${cmd}`, e));
    return INTERNAL_ERROR;
  } finally {
    process.exitCode = saved;
  }
}

function commandName(args: readonly string[]): string {
  const first = args.find((a) => !a.startsWith('-'));
  return first === undefined ? '' : ` ${first}`;
}

/** The `vtpl` executable's entry point (bin/vtpl). */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // `vtpl ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io = processIO(argv.includes('--no-color'));
  process.exitCode = await run(argv, io);
}
