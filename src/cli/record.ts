// `vtpl record MANIFEST... --out DIR`: renders every pod's templates as `preview` does, against
// a live Vault through a recording client, and stores what the renders read in the layout
// `--responses DIR` reads, so previews and renders work offline afterwards. Paths built at
// run time (`env`, data of other secrets) are read as the render builds them; literal paths in
// branches the render did not take are read too, so another `--env` still finds them.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type Manifest, ManifestError, type PreviewFile, previewManifest, readManifest } from '../agent/index.js';
import { templateFileReader } from '../agent/index.js';
import { ConfineError, resolveInside } from '../agent/index.js';
import { errnoWords } from '../go/syscall/index.js';
import { Brain, type Dependency, VaultListQuery, VaultPKIQuery, VaultReadQuery, VaultWriteQuery, parseKVArgs } from '../vault/index.js';
import type { VaultClient, VaultResponse } from '../vault/index.js';
import { RecordingClient, mergeMounts, recordingFiles } from '../vault/index.js';
import { type IO, UserError, paint } from './io.js';
import { collect, envPairs, expandInputs, readText, writeFileAtomic } from './common.js';
import { checkDefaultTemplate } from './preview.js';
import { createdLeases, revokeLeases } from './record-leases.js';
import { VAULT_OPTIONS_HELP, type VaultCliOptions, addVaultOptions, liveClient } from './vault-options.js';

export interface RecordCliOptions extends VaultCliOptions {
  readonly out: string;
  readonly redact?: boolean;
  /** Revoke the leases the recording created (dynamic credentials, certificates). */
  readonly revoke?: boolean;
  readonly includeWrites?: boolean;
  readonly templateDir?: string;
  readonly defaultTemplate?: string;
  readonly env?: readonly string[];
}

/** Recorded secrets are secrets: only the owner may read the files. */
const FILE_MODE = 0o600;

const fetchOptions = { now: Date.now };

/**
 * A client that refuses writes (pkiCert issuing, `secret PATH k=v`): recording must not change
 * Vault unless asked to. The refusal fails the render of the template that wanted it, so the
 * error names that template and the path.
 */
function withoutWrites(inner: VaultClient): VaultClient {
  return {
    address: inner.address,
    namespace: inner.namespace,
    read: (path, query) => inner.read(path, query),
    list: (path) => inner.list(path),
    mountInfo: (path) => inner.mountInfo(path),
    write: async (path): Promise<VaultResponse> => {
      throw new Error(`PUT ${path} writes to Vault: not done without --include-writes`);
    },
  };
}

/** The brain every render shares, noting which dependencies were asked for. */
class RecordingBrain extends Brain {
  readonly asked = new Set<string>();

  override fetch(dep: Dependency, client: VaultClient): ReturnType<Brain['fetch']> {
    this.asked.add(dep.key);
    return super.fetch(dep, client);
  }
}

/** The dependency a statically known read makes, as secret/secrets/pkiCert would; undefined when not literal. */
function dependencyOf(r: PreviewFile['reads'][number], destination: string): { dep: Dependency; write: boolean } | undefined {
  if (r.path === undefined || r.args.some((a) => a === undefined)) return undefined;
  const args = r.args as string[];
  try {
    if (r.fn === 'secrets') return { dep: new VaultListQuery(r.path), write: false };
    if (r.fn === 'pkiCert') return { dep: new VaultPKIQuery(r.path, destination, parseKVArgs(args), fetchOptions), write: true };
    if (args.length === 0) return { dep: new VaultReadQuery(r.path, fetchOptions), write: false };
    return { dep: new VaultWriteQuery(r.path, parseKVArgs(args)), write: true };
  } catch {
    return undefined; // the render reports a bad path or argument
  }
}

interface Outcome {
  readonly failures: string[];
  readonly skipped: string[];
}

/**
 * Renders every pod as preview does (one brain for all: a dependency is read once), then reads
 * the literal paths the renders did not reach. A failed render is a failure; a literal read
 * outside what was rendered that fails is only noted (another environment may never take it).
 */
async function recordManifests(read: readonly { file: string; manifest: Manifest }[], vault: VaultClient, opts: RecordCliOptions): Promise<Outcome> {
  const failures: string[] = [];
  const skipped: string[] = [];
  const brain = new RecordingBrain();
  const readTemplateFile = opts.templateDir === undefined ? undefined : templateFileReader(opts.templateDir);
  const env = envPairs(opts.env);
  // Literal reads and writes of every template, judged once every render is done.
  const literal: { dep: Dependency; write: boolean; what: string; where: string }[] = [];
  for (const { file, manifest } of read) {
    const { pods } = await previewManifest(manifest, {
      client: vault,
      responsesDir: opts.out,
      readTemplateFile,
      defaultTemplate: opts.defaultTemplate,
      env,
      brain,
    });
    for (const pod of pods) {
      if (!pod.inject) continue;
      const where = `${file}: ${pod.label}`;
      if (pod.errors.length > 0) {
        skipped.push(`${where}: the injector rejects this pod, so nothing of it is rendered: ${pod.errors.join('; ')}`);
        continue;
      }
      for (const f of pod.files) {
        if (f.placeholder) continue;
        const at = `${where}: ${f.destination}`;
        if (f.content === undefined) failures.push(`${at}: ${f.error ?? 'not rendered'}`);
        for (const r of f.reads) {
          const d = dependencyOf(r, f.destination);
          if (d !== undefined) literal.push({ ...d, what: `${r.fn} ${JSON.stringify(r.path)}${r.fn === 'secret' ? ' with arguments' : ''}`, where: at });
        }
      }
    }
  }
  const unreachedWrites: string[] = [];
  const unreached = new Map<string, { dep: Dependency; where: string }>();
  for (const l of literal) {
    if (brain.asked.has(l.dep.key)) continue;
    if (l.write) unreachedWrites.push(`${l.where}: ${l.what} writes to Vault and the render did not reach it: not done`);
    else if (!unreached.has(l.dep.key)) unreached.set(l.dep.key, l);
  }
  for (const { dep, where } of unreached.values()) {
    try {
      await brain.fetch(dep, vault);
    } catch (e) {
      skipped.push(`${where}: not recorded (a part of the template this render did not reach): ${(e as Error).message}`);
    }
  }
  return { failures, skipped: [...skipped, ...unreachedWrites] };
}

function readManifests(files: readonly string[]): { file: string; manifest: Manifest }[] {
  return files.map((file) => {
    try {
      return { file, manifest: readManifest(readText(file), file) };
    } catch (e) {
      if (e instanceof ManifestError) throw new UserError(e.message);
      throw e;
    }
  });
}

export async function runRecord(manifests: readonly string[], opts: RecordCliOptions, io: IO): Promise<number> {
  checkDefaultTemplate(opts.defaultTemplate);
  envPairs(opts.env); // a malformed --env is a usage error before anything is read
  const read = readManifests(expandInputs(manifests));
  const client = await liveClient(opts, opts.vaultAddr);
  const recorder = new RecordingClient(client);
  const { failures, skipped } = await recordManifests(read, opts.includeWrites ? recorder : withoutWrites(recorder), opts);

  const layout = recordingFiles(recorder.exchanges, { redact: opts.redact === true });
  for (const s of layout.skipped) failures.push(`${s.exchange.method} ${s.exchange.path}: ${s.reason}`);
  const c = paint(io.color);
  for (const [name, content] of layout.files) {
    const file = insideOut(opts.out, name);
    await writeFileAtomic(file, content, FILE_MODE);
    io.out(`recorded ${file}\n`);
  }
  if (layout.mounts.size > 0) {
    const file = insideOut(opts.out, '_mounts.json');
    let existing: string | undefined;
    try {
      existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      await writeFileAtomic(file, mergeMounts(existing, layout.mounts), FILE_MODE);
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`cannot update ${file}: ${(e as Error).message}`);
    }
    io.out(`recorded ${file} (${[...layout.mounts.keys()].join(', ')})\n`);
  }
  const leases = createdLeases(recorder.exchanges);
  if (leases.length > 0 && opts.revoke) {
    const notRevoked = await revokeLeases(client, leases);
    failures.push(...notRevoked);
    io.out(`revoked ${leases.length - notRevoked.length} of ${leases.length} lease(s) the recording created\n`);
  } else if (leases.length > 0) {
    io.out(
      `${c.yellow('note:')} recording created ${leases.length} lease(s) in Vault (live credentials): ` +
        `${leases.map((l) => l.leaseId).join(', ')}; revoke them with \`vault lease revoke ID\`, or record with --revoke\n`,
    );
  }
  for (const s of skipped) io.out(`${c.yellow('skipped:')} ${s}\n`);
  for (const f of failures) io.out(`${c.red('error:')} ${f}\n`);
  if (failures.some((f) => /\b403\b|permission denied/.test(f)) && opts.role === undefined && opts.roleId === undefined) {
    io.out(
      `${c.cyan('hint:')} Vault refused the token (403). The token comes from --token, else VAULT_TOKEN, else ~/.vault-token ` +
        '(written by `vault login`); or log in with --role (kubernetes auth) or --role-id (AppRole). Its policy must allow reading these paths.\n',
    );
  }
  const redacted = opts.redact ? ', string values redacted' : '';
  io.out(c.dim(`${layout.files.size} response(s) written to ${opts.out}${redacted}; ${failures.length} failed, ${skipped.length} skipped\n`));
  return failures.length > 0 ? 1 : 0;
}

/** OUT/NAME for a name made from a Vault path: never through a symbolic link out of OUT. */
function insideOut(out: string, name: string): string {
  try {
    mkdirSync(out, { recursive: true });
    return resolveInside(out, name);
  } catch (e) {
    if (e instanceof ConfineError) throw new UserError(`cannot record ${name}: ${e.message}`);
    throw new UserError(`cannot create ${out}: ${errnoWords(e)}`);
  }
}

export function registerRecord(program: Command, io: IO): void {
  const cmd = program
    .command('record')
    .description("render the pods' templates against a live Vault and record every response they read, for offline preview/render with --responses DIR")
    .argument('<manifest...>', 'YAML manifests; a directory means every .yaml/.yml below it')
    .requiredOption('--out <dir>', 'write DIR/PATH.json, DIR/PATH.list.json, DIR/PATH.put.json and DIR/_mounts.json (atomically, mode 0600)')
    .option(
      '--redact',
      'replace every non-empty string under "data", the tokens and accessors of "auth" and "wrap_info", and those values inside "warnings" with "REDACTED" (keys, numbers, booleans and empty strings stay, so templates still render)',
    )
    .option('--revoke', 'after recording, revoke the leases it created (dynamic database credentials, ...); the recordings keep their values')
    .option('--include-writes', 'also perform the writes templates make (they change Vault): pkiCert issues a certificate, `secret PATH k=v` writes')
    .option('--template-dir <dir>', 'local copies of files named by agent-inject-template-file-*')
    .option('--default-template <map|json>', "the injector's -default-template setting", 'map')
    .option('--env <KEY=VALUE>', 'environment the `env` function sees, as for preview and render; repeatable (none by default)', collect);
  addVaultOptions(cmd, 'the Vault to read (default: VAULT_ADDR, then https://127.0.0.1:8200)')
    .addHelpText(
      'after',
      `${VAULT_OPTIONS_HELP}

Each template is rendered as preview renders it (same --env), so a path built at run time is
read as built; literal paths in branches the render did not take are read too (a failure there
is only noted). Writes are refused, and fail the template that makes them, unless
--include-writes. Dynamic secrets (database/creds/...) are issued once and recorded as issued.

Examples:
  $ vtpl record k8s/ --vault-addr https://vault:8200 --out recorded/
  $ VAULT_TOKEN=... vtpl record app.yaml --out recorded/ --redact
  $ vtpl record app.yaml --env APP=web --out recorded/
  $ vtpl preview k8s/ --responses recorded/

Exit codes: 0 everything recorded, 1 a template did not render (403, 404, a refused write, ...), 2 usage error.`,
    )
    .action(async (files: string[], opts: RecordCliOptions) => {
      process.exitCode = await runRecord(files, opts, io);
    });
}
