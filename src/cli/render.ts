// `vtpl render TEMPLATE`: render one template, as Vault Agent does (consul mode) or as plain
// Go text/template with JSON data (text mode).

// fs.promises, read where used: the CLI's bundle then loads node:fs/promises (with readline and
// streams) only when a file is read this way, not at start-up.
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { Template } from '../index.js';
import { TemplateError } from '../exec/index.js';
import { JSONSyntaxError, decodeJSON } from '../go/encoding/json/index.js';
import { invalid, type Value } from '../value/index.js';
import { type IO, UsageError, UserError, paint } from './io.js';
import { collect, envPairs, parseDelims, readText, writeFileAtomic } from './common.js';
import { VAULT_OPTIONS_HELP, type VaultCliOptions, addVaultOptions, envVaultAddr, liveClient, liveOptionsGiven } from './vault-options.js';

// consul-template's functions, the agent and recorded responses are loaded only for consul
// mode: a plain text render starts with the engine alone.

export interface RenderCliOptions extends VaultCliOptions {
  readonly responses?: string;
  readonly data?: string;
  readonly delims?: string;
  readonly missingkey?: string;
  readonly mode?: string;
  readonly name?: string;
  readonly env?: readonly string[];
  readonly out?: string;
}

const MISSINGKEY = ['default', 'invalid', 'zero', 'error'];

/** Whether the template calls secret/secrets/pkiCert (undefined when it does not parse as consul-template). */
async function consulReads(text: string, left: string, right: string): Promise<boolean | undefined> {
  const { analyzeTrees } = await import('../agent/index.js');
  const { TemplateParseError, parseTemplateTrees } = await import('../agent/index.js');
  try {
    return analyzeTrees(parseTemplateTrees(text, left || '{{', right || '}}'), () => undefined).reads.length > 0;
  } catch (e) {
    if (e instanceof TemplateParseError) return undefined;
    throw e;
  }
}

/** consulReads, without loading consul-template's functions for a template that cannot read Vault. */
async function readsVault(text: string, left: string, right: string): Promise<boolean | undefined> {
  return /secrets?|pkiCert/.test(text) ? consulReads(text, left, right) : false;
}

const HOW_TO_GIVE_VAULT = 'give recorded responses with --responses DIR, or a live Vault with --vault-addr URL (or VAULT_ADDR in the environment)';

export async function runRender(file: string, opts: RenderCliOptions, io: IO): Promise<number> {
  if (opts.vaultAddr !== undefined && opts.responses !== undefined) throw new UsageError('--responses (recorded) and --vault-addr (live) exclude each other');
  if (opts.missingkey !== undefined && !MISSINGKEY.includes(opts.missingkey)) {
    throw new UsageError(`--missingkey must be one of ${MISSINGKEY.join(', ')}, got ${JSON.stringify(opts.missingkey)}`);
  }
  if (opts.mode !== undefined && opts.mode !== 'text' && opts.mode !== 'consul')
    throw new UsageError(`--mode must be text or consul, got ${JSON.stringify(opts.mode)}`);
  const [left, right] = opts.delims === undefined ? ['', ''] : parseDelims(opts.delims);
  const text = readText(file);
  // A template that reads Vault with no recordings given: VAULT_ADDR makes it live, as for the vault CLI.
  const vaultTemplate =
    opts.responses === undefined &&
    opts.vaultAddr === undefined &&
    opts.data === undefined &&
    opts.mode !== 'text' &&
    (await readsVault(text, left, right)) === true;
  if (vaultTemplate && envVaultAddr() === undefined) {
    throw new UserError(`${file} reads Vault (secret/secrets/pkiCert): ${HOW_TO_GIVE_VAULT}`);
  }
  const live = opts.vaultAddr !== undefined || vaultTemplate;
  if (!live && liveOptionsGiven(opts)) throw new UsageError('the Vault login/TLS options need --vault-addr (or VAULT_ADDR)');
  const mode = opts.mode ?? (opts.responses !== undefined || live ? 'consul' : 'text');
  const c = paint(io.errTTY);

  let content: string;
  if (mode === 'consul') {
    if (opts.data !== undefined) throw new UsageError('--data only applies to --mode text: Vault Agent renders with dot = nil');
    if (opts.missingkey === 'default' || opts.missingkey === 'invalid') {
      throw new UsageError('consul-template uses missingkey=zero, or error (error_on_missing_key); use --missingkey zero|error');
    }
    const { renderAgentTemplate } = await import('../agent/index.js');
    const client = live
      ? await liveClient(opts)
      : opts.responses !== undefined
        ? (await import('./responses.js')).responsesClient(opts.responses)
        : (await import('../vault/index.js')).recordedClient({});
    const outcome = await renderAgentTemplate({
      template: text,
      delims: [left || '{{', right || '}}'],
      errorOnMissingKey: opts.missingkey === 'error',
      env: envPairs(opts.env),
      client,
      responsesDir: opts.responses ?? 'DIR',
      // With -o the output file is the template's destination, which names pkiCert's dependency
      // in errors as Vault Agent names it ("vault.pki(pki/issue/web->/path/to/out)").
      destination: opts.out,
      // And pkiCert reuses the certificate an earlier render left there while it is still good.
      readDestination: opts.out === undefined ? undefined : (path) => fs.readFile(path, 'utf8'),
    });
    if (outcome.content === undefined) {
      io.err(`${c.red('vtpl render:')} ${outcome.error ?? 'not rendered'}\n`);
      for (const m of outcome.missing ?? []) io.err(live ? `  missing ${m.request}\n` : `  missing ${m.request}; record it with:\n    ${m.record}\n`);
      return 1;
    }
    for (const l of outcome.emptyLists ?? []) {
      io.err(`${c.yellow('note:')} ${l.request} has no recording, so \`secrets\` saw an empty list; record it with:\n  ${l.record}\n`);
    }
    content = outcome.content;
  } else {
    if (opts.responses !== undefined || live)
      throw new UsageError(`${live ? '--vault-addr' : '--responses'} needs --mode consul (the Vault functions exist only there)`);
    let dot: Value = invalid;
    if (opts.data !== undefined) {
      const json = readText(opts.data);
      try {
        dot = decodeJSON(json, { useNumber: true });
      } catch (e) {
        if (e instanceof JSONSyntaxError) {
          const { lineColAt } = await import('../vault/index.js');
          const at = lineColAt(json, Buffer.from(json).subarray(0, e.offset).toString('utf8').length);
          throw new UserError(`${opts.data}:${at.line}:${at.col}: ${e.message}`);
        }
        throw new UserError(`${opts.data}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    try {
      const t = new Template(opts.name ?? (file === '-' ? 'stdin' : basename(file))).delims(left, right);
      if (opts.missingkey !== undefined) t.option(`missingkey=${opts.missingkey}`);
      t.parse(text);
      if (opts.out === undefined) {
        // Streamed to stdout as it is produced, as Go's Execute(os.Stdout, data) does: no
        // size limit, and on an error what came before it has been printed.
        t.executeTo(io.outBytes ?? { write: (chunk) => io.out(chunk) }, dot);
      } else {
        // Streamed into the temporary file, which replaces the destination only if execution succeeds.
        await writeFileAtomic(opts.out, (file) => t.executeTo(file, dot), 0o644);
      }
      return 0;
    } catch (e) {
      if (e instanceof TemplateError) {
        io.err(`${c.red('vtpl render:')} ${e.message}\n`);
        const fn = /function "([^"]+)" not defined/.exec(e.message)?.[1];
        if (fn !== undefined && (await consulReads(text, left, right)) !== undefined) {
          io.err(`  ${fn} is a consul-template function: render as Vault Agent does with --mode consul; for Vault secrets ${HOW_TO_GIVE_VAULT}\n`);
        }
        return 1;
      }
      throw e;
    }
  }
  if (opts.out !== undefined) await writeFileAtomic(opts.out, content, 0o644);
  else io.out(content);
  return 0;
}

export function registerRender(program: Command, io: IO): void {
  const cmd = program
    .command('render')
    .description('render one template file and print the result exactly (no newline is added)')
    .argument('<template>', 'template file ("-" for stdin)')
    .option(
      '--mode <text|consul>',
      'consul: as Vault Agent (name "", dot nil, consul-template functions, missingkey=zero); text: plain Go text/template. Default: consul with --responses or --vault-addr, else text',
    )
    .option('--responses <dir>', 'recorded Vault responses for secret/secrets/pkiCert (DIR/PATH.json, DIR/PATH.put.json, DIR/_mounts.json)')
    .option('--data <file>', 'text mode: JSON file for dot; numbers stay json.Number, as Vault data does ("-" for stdin)')
    .option('--delims <left right>', "action delimiters, e.g. --delims '[[' ']]'")
    .option('--missingkey <mode>', 'default | invalid | zero | error (consul mode: zero or error)')
    .option('--name <name>', 'text mode: template name used in error messages (default: the file name)')
    .option('--env <KEY=VALUE>', 'consul mode: environment for `env`; repeatable (none by default)', collect)
    .option('-o, --out <file>', 'write the result to a file (atomically) instead of stdout');
  addVaultOptions(cmd)
    .addHelpText(
      'after',
      `${VAULT_OPTIONS_HELP}

Examples:
  $ vtpl render db.ctmpl --responses examples/vault
  $ vtpl render db.ctmpl --vault-addr https://vault:8200 --role app --jwt /var/run/secrets/kubernetes.io/serviceaccount/token
  $ vtpl render greeting.tmpl --data values.json
  $ vtpl render app.tmpl --mode text --data values.json --missingkey error
  $ echo '[[ .name ]]' | vtpl render - --delims '[[' ']]' --data values.json

Exit codes: 0 rendered, 1 parse/execution error or missing secret, 2 usage error.`,
    )
    .action(async (file: string, opts: RenderCliOptions) => {
      process.exitCode = await runRender(file, opts, io);
    });
}
