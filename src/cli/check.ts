// `vtpl check MANIFEST|TEMPLATE...`: parse every template without Vault, list what it reads, warn.

import type { Command } from 'commander';
import { type CheckResult, checkFile, type Problem } from '../agent/index.js';
import { templateFileReader } from '../agent/index.js';
import { guessKvVersion, type KvVerdict } from '../agent/index.js';
import { type IO, UserError, paint, progress } from './io.js';
import { expandInputs, parseDelims, readText } from './common.js';
import { recordedKvVersions } from './responses.js';

export interface CheckCliOptions {
  readonly responses?: string;
  readonly templateDir?: string;
  readonly delims?: string;
  readonly defaultTemplate?: string;
  readonly json?: boolean;
}

/** Runs check over files; returns the exit code (0 clean, 1 any error or warning). */
export async function runCheck(files: readonly string[], opts: CheckCliOptions, io: IO): Promise<number> {
  const delims = opts.delims === undefined ? undefined : parseDelims(opts.delims);
  const recorded = opts.responses === undefined ? undefined : recordedKvVersions(opts.responses);
  const kvVersion = (p: string): KvVerdict | undefined => {
    const known = recorded?.(p);
    if (known) return known;
    const guess = guessKvVersion(p);
    if (guess && recorded) return { kv2: true, basis: `no recorded mount for "${p}"; ${guess.basis}` };
    return guess;
  };
  const reader = opts.templateDir === undefined ? undefined : templateFileReader(opts.templateDir);
  const results: { file: string; result: CheckResult }[] = [];
  const inputs = expandInputs(files);
  const bar = progress(io, inputs.length);
  for (const file of inputs) {
    bar.step(file);
    const text = readText(file);
    try {
      results.push({ file, result: checkFile(file, text, { delims, readTemplateFile: reader, defaultTemplate: opts.defaultTemplate, kvVersion }) });
    } catch (e) {
      bar.done();
      throw new UserError(e instanceof Error ? e.message : String(e));
    }
  }
  bar.done();
  const problems = results.flatMap((r) => r.result.problems);
  if (opts.json) {
    io.out(`${JSON.stringify({
      ok: problems.length === 0,
      files: results.map((r) => ({ file: r.file, templates: r.result.templates, notes: r.result.notes })),
      problems,
    }, null, 2)}\n`);
  } else {
    printReport(results, io);
  }
  return problems.length === 0 ? 0 : 1;
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
    .argument('<file...>', 'Kubernetes manifests (.yaml/.yml) or template files (anything else)')
    .option('--responses <dir>', 'recorded Vault responses; their _mounts.json tells which paths are KV v2')
    .option('--template-dir <dir>', 'local copies of files named by agent-inject-template-file-*')
    .option('--delims <left right>', 'action delimiters for template files (manifests use their annotations)')
    .option('--default-template <map|json>', 'the injector\'s -default-template setting', 'map')
    .option('--json', 'machine-readable output')
    .addHelpText('after', `
Checks:
  - every template parses (errors as file:line:col with the line and a caret; for
    annotations the position is inside the YAML file);
  - secret paths each template reads (secret/secrets/pkiCert with literal paths; computed ones are marked);
  - .Data.KEY on a KV v2 secret (values are at .Data.data.KEY); KV v2 is decided from
    --responses mounts, else from the path (e.g. "secret/" is the dev-server KV v2 mount);
  - eq/ne/lt/... comparing Vault data with an integer literal (Vault numbers are json.Number);
  - agent-inject-secret-* paths that the template does not read, and the reverse.

Examples:
  $ vtpl check examples/deployment.yaml
  $ vtpl check examples/deployment.yaml --responses examples/vault
  $ vtpl check templates/*.ctmpl --delims '[[' ']]'
  $ vtpl check k8s/ --json            (a directory means every .yaml/.yml below it)

Exit codes: 0 nothing found, 1 any error or warning, 2 usage error.`)
    .action(async (files: string[], opts: CheckCliOptions) => {
      process.exitCode = await runCheck(files, opts, io);
    });
}
