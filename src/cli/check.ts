// `vtpl check MANIFEST|TEMPLATE...`: parse every template without Vault, list what it reads, warn.

import type { Command } from 'commander';
import { type CheckResult, checkFile, type Problem } from '../agent/index.js';
import { templateFileReader } from '../agent/index.js';
import { guessKvVersion, type KvVerdict } from '../agent/index.js';
import { type IO, UsageError, UserError, paint, progress } from './io.js';
import { expandInputs, parseDelims, readText } from './common.js';
import { recordedKvVersions } from './responses.js';
import { checkRecorded } from './responses-check.js';

export interface CheckCliOptions {
  readonly responses?: string;
  /** Warnings fail the run too (exit 1). */
  readonly strict?: boolean;
  /** Every file is a template (whatever its name). */
  readonly template?: boolean;
  /** Every file is a Kubernetes manifest (whatever its name). */
  readonly manifest?: boolean;
  readonly templateDir?: string;
  readonly delims?: string;
  readonly defaultTemplate?: string;
  readonly json?: boolean;
}

/** Runs check over files; returns the exit code (1 on errors, or on warnings with --strict; else 0). */
export async function runCheck(files: readonly string[], opts: CheckCliOptions, io: IO): Promise<number> {
  if (opts.template && opts.manifest) throw new UsageError('--template and --manifest exclude each other');
  // stdin holds manifests unless told otherwise (`helm template . | vtpl check -`).
  const kindOf = (file: string): 'manifest' | 'template' | undefined => (opts.template ? 'template' : opts.manifest || file === '-' ? 'manifest' : undefined);
  const delims = opts.delims === undefined ? undefined : parseDelims(opts.delims);
  const recorded = opts.responses === undefined ? undefined : tolerantKvVersions(opts.responses);
  const kvVersion = (p: string): KvVerdict | undefined => {
    const known = recorded?.(p);
    if (known) return known;
    const guess = guessKvVersion(p);
    if (guess && recorded) return { kv2: true, basis: `no recorded mount for "${p}"; ${guess.basis}` };
    return guess;
  };
  const reader = opts.templateDir === undefined ? undefined : templateFileReader(opts.templateDir);
  const results: { file: string; result: CheckResult }[] = [];
  const inputs = expandInputs(files, opts.template ? /(?:)/ : undefined);
  if (inputs.length === 0) throw new UserError(`nothing to check: no .yaml/.yml files in ${files.join(', ')}`);
  const bar = progress(io, inputs.length);
  if (opts.responses !== undefined) {
    results.push({ file: opts.responses, result: { templates: [], problems: checkRecorded(opts.responses), notes: [] } });
  }
  for (const file of inputs) {
    bar.step(file);
    const text = readText(file);
    try {
      results.push({
        file,
        result: checkFile(file, text, { delims, readTemplateFile: reader, defaultTemplate: opts.defaultTemplate, kvVersion, kind: kindOf(file) }),
      });
    } catch (e) {
      bar.done();
      throw new UserError(e instanceof Error ? e.message : String(e));
    }
  }
  bar.done();
  const problems = results.flatMap((r) => r.result.problems);
  const failed = problems.some((p) => p.severity === 'error' || opts.strict === true);
  if (opts.json) {
    io.out(
      `${JSON.stringify(
        {
          ok: !failed,
          files: results.map((r) => ({ file: r.file, templates: r.result.templates, notes: r.result.notes })),
          problems,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    printReport(results, io);
  }
  return failed ? 1 : 0;
}

function printReport(results: readonly { file: string; result: CheckResult }[], io: IO): void {
  const c = paint(io.color);
  let templates = 0;
  for (const { result } of results) {
    for (const n of result.notes) io.out(`${c.dim(n)}\n`);
    for (const t of result.templates) {
      templates++;
      const title = [t.file, t.pod, t.destination].filter(Boolean).join(': ');
      io.out(`${c.bold(title)}${t.origin !== t.file ? c.dim(` (${t.origin})`) : ''}\n`);
      if (!t.parsed) {
        io.out(`  ${c.red('not parsed')}\n`);
        continue;
      }
      if (t.reads.length === 0) io.out(`  ${c.dim('reads no Vault secrets')}\n`);
      for (const r of t.reads) {
        const args = r.args.length === 0 ? '' : ' ' + r.args.map((a) => (a === undefined ? '<dynamic>' : JSON.stringify(a))).join(' ');
        const path = r.path === undefined ? c.yellow('<dynamic path: computed at render time>') : r.path;
        io.out(`  reads  ${r.fn} ${path}${args}\n`);
      }
    }
    for (const p of result.problems) io.out(formatProblem(p, io.color));
  }
  const problems = results.flatMap((r) => r.result.problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const summary = `${templates} template${templates === 1 ? '' : 's'} checked, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  io.out(`${problems.length === 0 ? c.green(summary) : c.bold(summary)}\n`);
}

/** `file:line:col: severity: message`, the offending line with a caret, context and hint. */
/** The recorded mount table, or none when the directory cannot be loaded (checkRecorded reports why). */
function tolerantKvVersions(dir: string): ReturnType<typeof recordedKvVersions> | undefined {
  try {
    return recordedKvVersions(dir);
  } catch (e) {
    if (e instanceof UserError) return undefined;
    throw e;
  }
}

export function formatProblem(p: Problem, color: boolean): string {
  const c = paint(color);
  const loc = p.pos ? `${p.file}:${p.pos.line}:${p.pos.col}` : p.file;
  const sev = p.severity === 'error' ? c.red('error') : c.yellow('warning');
  let out = `${c.bold(loc)}: ${sev}: ${p.message}\n`;
  if (p.context) out += `  ${c.dim(`in ${p.context}`)}\n`;
  if (p.pos && p.lineText !== undefined) {
    const line = p.lineText.replace(/\t/g, ' ');
    out += `  ${line}\n  ${' '.repeat(Math.max(0, p.pos.col - 1))}${c.green('^')}\n`;
  }
  if (p.hint) out += `  ${c.cyan('hint:')} ${p.hint}\n`;
  return out;
}

export function registerCheck(program: Command, io: IO): void {
  program
    .command('check')
    .description('parse templates in manifests or template files without Vault: list the secrets they read, report errors and likely mistakes')
    .argument(
      '<file...>',
      'Kubernetes manifests (.yaml/.yml; "-" reads manifests from stdin) or template files (anything else); a directory means every .yaml/.yml below it',
    )
    .option('--template', 'treat every file as a template, whatever its name (a directory then means every file below it)')
    .option('--manifest', 'treat every file as a Kubernetes manifest, whatever its name')
    .option('--strict', 'exit 1 on warnings too (for CI jobs that want no warnings)')
    .option('--responses <dir>', 'recorded Vault responses: checks that every file is a whole Vault response; their _mounts.json tells which paths are KV v2')
    .option('--template-dir <dir>', 'local copies of files named by agent-inject-template-file-*')
    .option('--delims <left right>', 'action delimiters for template files (manifests use their annotations)')
    .option('--default-template <map|json>', "the injector's -default-template setting", 'map')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      `
Checks:
  - every template parses (errors as file:line:col with the line and a caret; for
    annotations the position is inside the YAML file);
  - secret paths each template reads (secret/secrets/pkiCert with literal paths; computed ones are marked);
  - .Data.KEY on a KV v2 secret (values are at .Data.data.KEY); KV v2 is decided from
    --responses mounts, else from the path (e.g. "secret/" is the dev-server KV v2 mount);
  - eq/ne/lt/... comparing Vault data with an integer literal (Vault numbers are json.Number);
  - secret "PATH" "k=v": a write (PUT) in consul-template, not a read of a version;
  - fields a secret does not have (.data, .Dta) and range over a secret: errors;
  - functions that need Consul, Nomad, a local file, a command or the pod's interfaces;
  - vault.hashicorp.com/ annotations on a workload's own metadata instead of its pod template's;
  - agent-inject-secret-* paths that the template does not read;
  - with --responses: every recorded file is a whole Vault response (not just its data).

Examples:
  $ vtpl check examples/deployment.yaml
  $ vtpl check examples/deployment.yaml --responses examples/vault
  $ helm template . | vtpl check -
  $ vtpl check templates/*.ctmpl --delims '[[' ']]'
  $ vtpl check --template config.yaml     (a template that happens to be named .yaml)
  $ vtpl check k8s/ --json --strict       (a directory means every .yaml/.yml below it)

Exit codes: 0 no errors (warnings are printed but do not fail), 1 an error was found (or a
warning, with --strict), 2 usage error. A file that is not valid YAML is an error; the other
files are still checked.`,
    )
    .action(async (files: string[], opts: CheckCliOptions) => {
      process.exitCode = await runCheck(files, opts, io);
    });
}
