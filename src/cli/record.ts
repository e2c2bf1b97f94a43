// `vtpl record MANIFEST... --out DIR`: reads every secret the pods' templates name with a
// literal path from a live Vault, and stores the answers in the layout `--responses DIR`
// reads, so previews and renders work offline afterwards.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ManifestError, readManifest } from '../agent/index.js';
import { planAgent, type TemplateConfig } from '../agent/index.js';
import { analyzeTrees, type SecretRead } from '../agent/index.js';
import { parseTemplateTrees } from '../agent/index.js';
import { templateFileReader } from '../agent/index.js';
import { ConfineError, resolveInside } from '../agent/index.js';
import { errnoWords } from '../go/syscall/index.js';
import { type Dependency, VaultListQuery, VaultPKIQuery, VaultReadQuery, VaultWriteQuery, parseKVArgs } from '../vault/index.js';
import { RecordingClient, mergeMounts, recordingFiles } from '../vault/index.js';
import { type IO, UserError, paint } from './io.js';
import { expandInputs, readText, writeFileAtomic } from './common.js';
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
}

/** Recorded secrets are secrets: only the owner may read the files. */
const FILE_MODE = 0o600;

interface Wanted {
  readonly dep: Dependency;
  /** Where the read comes from, for messages. */
  readonly where: string;
}

interface Collected {
  readonly wanted: Map<string, Wanted>;
  readonly skipped: string[];
}

const fetchOptions = { now: Date.now };

/** The dependency a statically known read makes, as secret/secrets/pkiCert would; or why it cannot be recorded. */
function dependencyOf(r: SecretRead, c: TemplateConfig, includeWrites: boolean): Dependency | string {
  if (r.path === undefined) return `${r.fn} with a computed path (not known before rendering)`;
  if (r.args.some((a) => a === undefined)) return `${r.fn} ${JSON.stringify(r.path)} with computed arguments`;
  const args = r.args as string[];
  try {
    if (r.fn === 'secrets') return new VaultListQuery(r.path);
    if (r.fn === 'pkiCert') return new VaultPKIQuery(r.path, c.destination, parseKVArgs(args), fetchOptions);
    if (args.length === 0) return new VaultReadQuery(r.path, fetchOptions);
    if (!includeWrites) return `secret ${JSON.stringify(r.path)} with arguments is a write (it changes Vault); --include-writes records it`;
    return new VaultWriteQuery(r.path, parseKVArgs(args));
  } catch (e) {
    return `${r.fn} ${JSON.stringify(r.path)}: ${(e as Error).message}`;
  }
}

function collect(files: readonly string[], opts: RecordCliOptions): Collected {
  const wanted = new Map<string, Wanted>();
  const skipped: string[] = [];
  const readTemplateFile = opts.templateDir === undefined ? undefined : templateFileReader(opts.templateDir);
  for (const file of files) {
    let manifest: ReturnType<typeof readManifest>;
    try {
      manifest = readManifest(readText(file), file);
    } catch (e) {
      if (e instanceof ManifestError) throw new UserError(e.message);
      throw e;
    }
    for (const pod of manifest.pods) {
      const plan = planAgent(new Map([...pod.annotations].map(([k, a]) => [k, a.value])), { readTemplateFile, defaultTemplate: opts.defaultTemplate });
      if (!plan.inject) continue;
      for (const c of plan.templates) {
        const where = `${file}: ${pod.label}: ${c.destination}`;
        if (c.contents === undefined) {
          skipped.push(`${where}: ${c.error ?? 'no template text'}`);
          continue;
        }
        let reads: readonly SecretRead[];
        try {
          reads = analyzeTrees(parseTemplateTrees(c.contents, c.leftDelim, c.rightDelim), () => undefined).reads;
        } catch (e) {
          skipped.push(`${where}: ${(e as Error).message}`);
          continue;
        }
        for (const r of reads) {
          const dep = dependencyOf(r, c, opts.includeWrites === true);
          if (typeof dep === 'string') skipped.push(`${where}: ${dep}`);
          else if (!wanted.has(dep.key)) wanted.set(dep.key, { dep, where });
        }
      }
    }
  }
  return { wanted, skipped };
}

export async function runRecord(manifests: readonly string[], opts: RecordCliOptions, io: IO): Promise<number> {
  const { wanted, skipped } = collect(expandInputs(manifests), opts);
  const client = await liveClient(opts, opts.vaultAddr);
  const recorder = new RecordingClient(client);
  const failures: string[] = [];
  for (const { dep, where } of wanted.values()) {
    try {
      await dep.fetch(recorder);
    } catch (e) {
      failures.push(`${where}: ${(e as Error).message}`);
    }
  }

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
    .description("record from a live Vault every secret the pods' templates read (literal paths), for offline preview/render with --responses DIR")
    .argument('<manifest...>', 'YAML manifests; a directory means every .yaml/.yml below it')
    .requiredOption('--out <dir>', 'write DIR/PATH.json, DIR/PATH.list.json, DIR/PATH.put.json and DIR/_mounts.json (atomically, mode 0600)')
    .option(
      '--redact',
      'replace every non-empty string under "data", the tokens and accessors of "auth" and "wrap_info", and those values inside "warnings" with "REDACTED" (keys, numbers, booleans and empty strings stay, so templates still render)',
    )
    .option('--revoke', 'after recording, revoke the leases it created (dynamic database credentials, ...); the recordings keep their values')
    .option('--include-writes', 'also perform the writes of `secret PATH k=v` (they change Vault); pkiCert is always issued')
    .option('--template-dir <dir>', 'local copies of files named by agent-inject-template-file-*')
    .option('--default-template <map|json>', "the injector's -default-template setting", 'map');
  addVaultOptions(cmd, 'the Vault to read (default: VAULT_ADDR, then https://127.0.0.1:8200)')
    .addHelpText(
      'after',
      `${VAULT_OPTIONS_HELP}

Reads that depend on run-time values (computed paths) cannot be known in advance and are
listed as skipped. Dynamic secrets (database/creds/...) are issued once and recorded as issued.

Examples:
  $ vtpl record k8s/ --vault-addr https://vault:8200 --out recorded/
  $ VAULT_TOKEN=... vtpl record app.yaml --out recorded/ --redact
  $ vtpl preview k8s/ --responses recorded/

Exit codes: 0 everything recorded, 1 a read failed (403, 404, ...), 2 usage error.`,
    )
    .action(async (files: string[], opts: RecordCliOptions) => {
      process.exitCode = await runRecord(files, opts, io);
    });
}
