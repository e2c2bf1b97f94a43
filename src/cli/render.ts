// `vtpl render TEMPLATE`: render one template, as Vault Agent does (consul mode) or as plain
// Go text/template with JSON data (text mode).

import { basename } from 'node:path';
import type { Command } from 'commander';
import { Template } from '../index.js';
import { TemplateError } from '../exec/index.js';
import { decodeJSON } from '../go/encoding/json/index.js';
import { invalid, type Value } from '../value/index.js';
import { renderAgentTemplate } from '../agent/index.js';
import { recordedClient } from '../vault/index.js';
import { type IO, UsageError, UserError, paint } from './io.js';
import { parseDelims, readText, writeFileAtomic } from './common.js';
import { collect, envPairs } from './preview.js';
import { responsesClient } from './responses.js';
import { VAULT_OPTIONS_HELP, type VaultCliOptions, addVaultOptions, liveClient, liveOptionsGiven } from './vault-options.js';

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

export async function runRender(file: string, opts: RenderCliOptions, io: IO): Promise<number> {
  const live = opts.vaultAddr !== undefined;
  if (live && opts.responses !== undefined) throw new UsageError('--responses (recorded) and --vault-addr (live) exclude each other');
  if (!live && liveOptionsGiven(opts)) throw new UsageError('the Vault login/TLS options need --vault-addr');
  const mode = opts.mode ?? (opts.responses !== undefined || live ? 'consul' : 'text');
  if (mode !== 'text' && mode !== 'consul') throw new UsageError(`--mode must be text or consul, got ${JSON.stringify(mode)}`);
  if (opts.missingkey !== undefined && !MISSINGKEY.includes(opts.missingkey)) {
    throw new UsageError(`--missingkey must be one of ${MISSINGKEY.join(', ')}, got ${JSON.stringify(opts.missingkey)}`);
  }
  const [left, right] = opts.delims === undefined ? ['', ''] : parseDelims(opts.delims);
  const text = readText(file);
  const c = paint(io.errTTY);

  let content: string;
  if (mode === 'consul') {
    if (opts.data !== undefined) throw new UsageError('--data only applies to --mode text: Vault Agent renders with dot = nil');
    if (opts.missingkey === 'default' || opts.missingkey === 'invalid') {
      throw new UsageError('consul-template uses missingkey=zero, or error (error_on_missing_key); use --missingkey zero|error');
    }
    const client = live ? await liveClient(opts) : opts.responses !== undefined ? responsesClient(opts.responses) : recordedClient({});
    const outcome = await renderAgentTemplate({
      template: text, delims: [left || '{{', right || '}}'], errorOnMissingKey: opts.missingkey === 'error',
      env: envPairs(opts.env), client, responsesDir: opts.responses ?? 'DIR',
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
    if (opts.responses !== undefined || live) throw new UsageError(`${live ? '--vault-addr' : '--responses'} needs --mode consul (the Vault functions exist only there)`);
    let dot: Value = invalid;
    if (opts.data !== undefined) {
      try {
        dot = decodeJSON(readText(opts.data), { useNumber: true });
      } catch (e) {
        if (e instanceof UserError) throw e;
        throw new UserError(`${opts.data}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    try {
      const t = new Template(opts.name ?? (file === '-' ? 'stdin' : basename(file))).delims(left, right);
      if (opts.missingkey !== undefined) t.option(`missingkey=${opts.missingkey}`);
      content = t.parse(text).execute(dot);
    } catch (e) {
      if (e instanceof TemplateError) {
        io.err(`${c.red('vtpl render:')} ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  }
  if (opts.out !== undefined) writeFileAtomic(opts.out, content, 0o644);
  else io.out(content);
  return 0;
}

export function registerRender(program: Command, io: IO): void {
  const cmd = program
    .command('render')
    .description('render one template file and print the result exactly (no newline is added)')
    .argument('<template>', 'template file ("-" for stdin)')
    .option('--mode <text|consul>', 'consul: as Vault Agent (name "", dot nil, consul-template functions, missingkey=zero); text: plain Go text/template. Default: consul with --responses or --vault-addr, else text')
    .option('--responses <dir>', 'recorded Vault responses for secret/secrets/pkiCert (DIR/PATH.json, DIR/PATH.put.json, DIR/_mounts.json)')
    .option('--data <file>', 'text mode: JSON file for dot; numbers stay json.Number, as Vault data does ("-" for stdin)')
    .option('--delims <left right>', 'action delimiters, e.g. --delims \'[[\' \']]\'')
    .option('--missingkey <mode>', 'default | invalid | zero | error (consul mode: zero or error)')
    .option('--name <name>', 'text mode: template name used in error messages (default: the file name)')
    .option('--env <KEY=VALUE>', 'consul mode: environment for `env`; repeatable (none by default)', collect)
    .option('-o, --out <file>', 'write the result to a file (atomically) instead of stdout');
  addVaultOptions(cmd)
    .addHelpText('after', `${VAULT_OPTIONS_HELP}

Examples:
  $ vtpl render db.ctmpl --responses examples/vault
  $ vtpl render db.ctmpl --vault-addr https://vault:8200 --role app --jwt /var/run/secrets/kubernetes.io/serviceaccount/token
  $ vtpl render greeting.tmpl --data values.json
  $ vtpl render app.tmpl --mode text --data values.json --missingkey error
  $ echo '[[ .name ]]' | vtpl render - --delims '[[' ']]' --data values.json

Exit codes: 0 rendered, 1 parse/execution error or missing secret, 2 usage error.`)
    .action(async (file: string, opts: RenderCliOptions) => {
      process.exitCode = await runRender(file, opts, io);
    });
}
