// `vtpl preview MANIFEST... --responses DIR`: the files Vault Agent would write for each pod.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Manifest, PodTemplate, PreviewFile, PreviewPod, PreviewResult } from '../agent/index.js';
import { templateFileReader } from '../agent/index.js';
import { ConfineError, containerPath, resolveInside } from '../agent/index.js';
import { WriteError, writeAtomic } from '../agent/index.js';
import { errnoWords } from '../go/syscall/index.js';
import { type IO, UsageError, UserError, paint, progress } from './io.js';
import { collect, envPairs, expandInputs, parseMode, readText } from './common.js';
import { VAULT_OPTIONS_HELP, type VaultCliOptions, addVaultOptions, envVaultAddr, liveClient, liveOptionsGiven } from './vault-options.js';

export interface PreviewCliOptions extends VaultCliOptions {
  /** Recorded responses; exactly one of this and vaultAddr. */
  readonly responses?: string;
  readonly templateDir?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly defaultTemplate?: string;
  readonly env?: readonly string[];
}

/** --default-template: the injector accepts map or json (any case). */
export function checkDefaultTemplate(v: string | undefined): void {
  if (v !== undefined && !/^(map|json)$/i.test(v)) throw new UsageError(`--default-template must be map or json, got ${JSON.stringify(v)}`);
}

/** `Deployment/web in namespace shop`: the pod header, with the namespace when the manifest sets one. */
export function podTitle(p: Pick<PreviewPod, 'label' | 'namespace'>): string {
  return p.namespace ? `${p.label} in namespace ${p.namespace}` : p.label;
}

/** Directory for one pod under --out: [<namespace>/]<kind>-<name>, made unique when names repeat. */
function podDirs(pods: readonly Pick<PodTemplate, 'label' | 'namespace'>[]): string[] {
  const used = new Map<string, number>();
  const clean = (s: string) =>
    s
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^\.+/, '')
      .toLowerCase();
  return pods.map((p) => {
    const own = clean(p.label.replace(/^List\[\d+\] /, ''));
    const base = p.namespace ? join(clean(p.namespace) || '-', own) : own;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

export async function runPreview(manifests: readonly string[], opts: PreviewCliOptions, io: IO): Promise<number> {
  if (opts.vaultAddr !== undefined && opts.responses !== undefined)
    throw new UsageError('--responses DIR (recorded) and --vault-addr URL (live) exclude each other');
  // As the vault CLI: VAULT_ADDR stands for --vault-addr when no recordings are given.
  const live = opts.vaultAddr !== undefined || (opts.responses === undefined && envVaultAddr() !== undefined);
  if (!live && opts.responses === undefined) {
    throw new UsageError('give --responses DIR (recorded responses) or a Vault address (--vault-addr URL, or VAULT_ADDR in the environment)');
  }
  if (!live && liveOptionsGiven(opts)) throw new UsageError('the Vault login/TLS options need --vault-addr (or VAULT_ADDR)');
  checkDefaultTemplate(opts.defaultTemplate);
  const env = envPairs(opts.env);
  // Loaded here, not at start-up: `vtpl render` and `--help` need neither YAML nor the agent.
  const { ManifestError, readManifest } = await import('../agent/index.js');
  const { previewManifest } = await import('../agent/index.js');
  const client = live ? await liveClient(opts) : (await import('./responses.js')).responsesClient(opts.responses as string);
  const readTemplateFile = opts.templateDir === undefined ? undefined : templateFileReader(opts.templateDir);
  const results: { file: string; result: PreviewResult }[] = [];
  const inputs = expandInputs(manifests);
  if (inputs.length === 0) throw new UserError(`nothing to preview: no .yaml/.yml files in ${manifests.join(', ')}`);
  const bar = progress(io, inputs.length);
  const broken: string[] = [];
  const read: { file: string; manifest: Manifest }[] = [];
  for (const file of inputs) {
    try {
      read.push({ file, manifest: readManifest(readText(file), file) });
    } catch (e) {
      // One broken file must not hide the others: say so, go on, fail at the end.
      if (!(e instanceof ManifestError)) throw e;
      broken.push(e.message);
    }
  }
  // Known before rendering, so that pkiCert can find the certificate an earlier --out wrote.
  const allPods = read.flatMap((r) => r.manifest.pods);
  const dirList = podDirs(allPods);
  const readDestination = opts.out === undefined ? undefined : earlierOutput(opts.out, new Map(allPods.map((p, i) => [p, dirList[i] as string])));
  for (const { file, manifest } of read) {
    bar.step(file);
    results.push({
      file,
      result: await previewManifest(manifest, {
        client,
        responsesDir: opts.responses ?? 'DIR',
        readTemplateFile,
        defaultTemplate: opts.defaultTemplate,
        env,
        readDestination,
      }),
    });
  }
  bar.done();
  const pods = results.flatMap((r) => r.result.pods);
  const failed = broken.length > 0 || pods.length === 0 || pods.some((p) => p.errors.length > 0 || p.files.some((f) => f.content === undefined));

  const written = opts.out === undefined ? undefined : writePods(opts.out, pods, dirList);
  const writeFailed = written !== undefined && [...written.values()].some((w) => w.error !== undefined);
  // Also on stderr, so a failed write is seen when stdout goes to a file or a pipe.
  for (const e of new Set([...(written?.values() ?? [])].map((w) => w.error))) if (e !== undefined) io.err(`vtpl preview: ${e}\n`);
  if (opts.json) {
    const writeErrors = written === undefined ? undefined : [...written.values()].flatMap((w) => (w.error === undefined ? [] : [w.error]));
    io.out(
      `${JSON.stringify({ ok: !failed && !writeFailed, manifests: results.map((r) => ({ file: r.file, ...r.result })), errors: broken, writeErrors }, null, 2)}\n`,
    );
  } else {
    printPreview(results, io, written, live);
  }
  for (const b of broken) io.err(`vtpl preview: ${b}\n`);
  if (pods.length === 0) io.err(`vtpl preview: nothing to preview: no pod templates in ${inputs.join(', ')}\n`);
  return failed || writeFailed ? 1 : 0;
}

/**
 * The file an earlier `--out` wrote for a pod's destination: pkiCert reuses the certificate in
 * it while still good, as Vault Agent does with its destination. A missing file, or one reached
 * only through a link out of OUT, throws: pkiCert then issues a new certificate.
 */
function earlierOutput(out: string, dirs: ReadonlyMap<PodTemplate, string>): (pod: PodTemplate, destination: string) => Promise<string> {
  return async (pod, destination) => readFileSync(resolveInside(out, `${dirs.get(pod) ?? ''}${containerPath(destination)}`), 'utf8');
}

/** What --out did with one file: the path written, or why it was not. */
interface Written {
  readonly path?: string;
  /** The file already held these bytes, so it was left alone (as Vault Agent does). */
  readonly unchanged?: boolean;
  readonly error?: string;
}

/**
 * Writes each pod's files under OUT/[<namespace>/]<kind>-<name>/<destination> (a pod the
 * injector rejects has none). A pod with any destination that leads out of OUT through a
 * symbolic link gets nothing: all its paths are checked before the first write.
 */
function writePods(out: string, pods: readonly PreviewPod[], dirs: readonly string[]): Map<PreviewFile, Written> {
  const result = new Map<PreviewFile, Written>();
  let outError: string | undefined;
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    outError = `not written: cannot create ${out}: ${errnoWords(e)}`;
  }
  pods.forEach((p, i) => {
    const files = p.files.filter((f) => f.content !== undefined && !f.placeholder);
    if (outError !== undefined) {
      for (const f of files) result.set(f, { error: outError });
      return;
    }
    const targets: [PreviewFile, string][] = [];
    for (const f of files) {
      try {
        targets.push([f, resolveInside(out, `${dirs[i] as string}${containerPath(f.destination)}`)]);
      } catch (e) {
        if (!(e instanceof ConfineError)) throw e;
        const why = `not written: ${f.destination} (from ${f.origin}): ${e.message}; nothing is written for this pod`;
        for (const g of files)
          result.set(g, g === f ? { error: why } : { error: `not written: another file of this pod (${f.destination}) cannot be written safely, so none is` });
        return;
      }
    }
    // Each file is atomic; one that cannot be written (EACCES, ENOSPC...) is reported and the rest go on.
    for (const [f, target] of targets) {
      try {
        const { changed } = writeAtomic(target, f.content as string, { perms: parseMode(f.mode) });
        result.set(f, { path: target, unchanged: !changed });
      } catch (e) {
        if (!(e instanceof WriteError)) throw e;
        result.set(f, { error: `not written: ${e.message}` });
      }
    }
  });
  return result;
}

function printPreview(
  results: readonly { file: string; result: PreviewResult }[],
  io: IO,
  written: Map<PreviewFile, Written> | undefined,
  live: boolean,
): void {
  const c = paint(io.color);
  for (const { file, result } of results) {
    for (const pod of result.pods) {
      io.out(`${c.bold(`# ${podTitle(pod)}`)} ${c.dim(`(${file}, document ${pod.doc})`)}\n`);
      for (const e of pod.errors) io.out(`${c.red('error:')} ${e}\n`);
      for (const w of pod.warnings) io.out(`${c.yellow('warning:')} ${w}\n`);
      if (!pod.inject) {
        io.out(`${c.dim(`nothing injected: ${pod.reason ?? 'see errors above'}`)}\n\n`);
        continue;
      }
      if (pod.errors.length > 0) {
        io.out(`${c.dim('no files: the injector rejects this pod')}\n\n`);
        continue;
      }
      for (const f of pod.files) printFile(f, io, written?.get(f), live);
    }
    for (const s of result.skipped) io.out(c.dim(`${file}:${s.pos.line}:${s.pos.col}: skipped ${s.label}: ${s.reason}\n`));
    if (result.pods.length === 0) io.out(c.dim(`${file}: no pod templates found\n`));
  }
}

/** `live`: answers come from a running Vault, so there is nothing to record. */
function printFile(f: PreviewFile, io: IO, written: Written | undefined, live: boolean): void {
  const c = paint(io.color);
  const mode = f.modeFrom === 'default' ? `${f.mode} (Vault Agent default)` : f.mode;
  io.out(`${c.cyan(`==> ${f.destination}`)}  mode ${mode}  ${c.dim(`from ${f.origin}`)}\n`);
  const reads = f.reads.map((r) => `${r.fn} ${r.path ?? '<dynamic>'}`).join(', ');
  if (reads) io.out(c.dim(`    reads: ${reads}\n`));
  if (f.command) io.out(c.dim(`    after render the agent runs (not run here): ${f.command}\n`));
  if (f.content === undefined) {
    io.out(`${c.red('    not written:')} ${f.error ?? ''}\n`);
    for (const m of f.missing ?? []) {
      io.out(live ? `    missing ${m.request}\n` : `    missing ${m.request}; record it with:\n      ${m.record}\n`);
    }
    io.out('\n');
    return;
  }
  for (const l of live ? [] : (f.emptyLists ?? [])) {
    io.out(`${c.yellow('    note:')} ${l.request} has no recording, so \`secrets\` saw an empty list; record it with:\n      ${l.record}\n`);
  }
  if (written?.path !== undefined) io.out(c.dim(`    ${written.unchanged ? 'unchanged (same bytes already there)' : 'written to'} ${written.path}\n`));
  if (written?.error !== undefined) io.out(`    ${c.red(written.error)}\n`);
  if (f.placeholder) {
    io.out(`${c.yellow(f.content)}\n\n`);
    return;
  }
  if (f.content === '') io.out(`${c.dim('(empty file)')}\n`);
  io.out(f.content);
  if (f.content !== '' && !f.content.endsWith('\n')) io.out(`${c.dim('\n\\ No newline at end of file')}\n`);
  io.out('\n');
}

export function registerPreview(program: Command, io: IO): void {
  const cmd = program
    .command('preview')
    .description(
      'show every file Vault Agent would write for the pods in Kubernetes manifests, rendered against recorded Vault responses (or a live Vault with --vault-addr)',
    )
    .argument(
      '<manifest...>',
      'YAML manifests (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, List; several documents per file); a directory means every .yaml/.yml below it',
    )
    .option(
      '--responses <dir>',
      'recorded Vault responses: DIR/PATH.json from `vault read -format=json PATH`, DIR/PATH.put.json for writes, DIR/_mounts.json for the mount table',
    )
    .option('--template-dir <dir>', 'local copies of files named by agent-inject-template-file-* (looked up by full path, then by base name)')
    .option('--out <dir>', 'also write each rendered file to DIR/[<namespace>/]<kind>-<name>/<destination> (atomically, with its mode; never outside DIR)')
    .option('--default-template <map|json>', "the injector's -default-template setting (pods can override it)", 'map')
    .option('--env <KEY=VALUE>', 'environment the `env` function sees; repeatable (none by default)', collect)
    .option('--json', 'machine-readable output');
  addVaultOptions(cmd)
    .addHelpText(
      'after',
      `${VAULT_OPTIONS_HELP}

Each file is printed after a header line with its destination and mode. A secret that is not
recorded is reported with the exact command that records it; like Vault Agent, vtpl then does
not write that file. agent-inject-command-* commands are shown, never run. The token file of
agent-inject-token is shown as a placeholder (no real token exists offline).

Examples:
  $ vtpl preview examples/deployment.yaml --responses examples/vault
  $ vtpl preview k8s/ --responses recorded/ --out /tmp/rendered
  $ vtpl preview k8s/ --vault-addr https://vault:8200 --role web
  $ vtpl preview app.yaml --responses recorded/ --template-dir configmaps/ --json

Exit codes: 0 every file rendered, 1 a file could not be rendered or written or the pod is invalid
(nothing is written for an invalid pod), 2 usage error, 70 internal error.`,
    )
    .action(async (manifests: string[], opts: PreviewCliOptions) => {
      process.exitCode = await runPreview(manifests, opts, io);
    });
}
