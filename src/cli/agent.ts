// `vtpl agent --config FILE` | `vtpl agent --manifest deploy.yaml [--pod NAME]`: the agent
// runtime (src/agent/runtime.ts) as a long-running command. SIGTERM/SIGINT stop it cleanly
// (writes are synchronous and atomic, so no file is ever left half-written); SIGHUP re-reads
// the configuration and restarts the runner. Exit code 0 after a stop or exit_after_auth,
// 1 when the agent gives up (exit_on_retry_failure, a failed login), 2 for usage errors.

import type { Command } from 'commander';
import { readManifest, ManifestError } from '../agent/index.js';
import { type AgentConfig, AgentConfigError } from '../agent/index.js';
import { loadAgentConfig } from '../agent/index.js';
import { agentConfigFromPod } from '../agent/index.js';
import { Agent } from '../agent/index.js';
import { type LogLevel, type Logger, jsonLogger, textLogger } from '../agent/index.js';
import { templateFileReader } from '../agent/index.js';
import { type IO, UsageError, UserError } from './io.js';
import { readText } from './common.js';
import type { VaultCliOptions } from './vault-options.js';

/** AppRole needs its role_id/secret_id files, which only a --config file names. */
export interface AgentCliOptions extends Omit<VaultCliOptions, 'roleId' | 'secretId'> {
  readonly config?: string;
  readonly manifest?: string;
  readonly pod?: string;
  readonly out?: string;
  readonly templateDir?: string;
  readonly logFormat?: string;
  readonly logLevel?: string;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

async function configFromManifest(opts: AgentCliOptions): Promise<{ config: AgentConfig; env: Record<string, string> }> {
  const file = opts.manifest as string;
  let manifest;
  try {
    manifest = readManifest(readText(file), file);
  } catch (e) {
    if (e instanceof ManifestError) throw new UserError(e.message);
    throw e;
  }
  const pods = manifest.pods.filter((p) => opts.pod === undefined || p.label === opts.pod || p.label.endsWith(`/${opts.pod}`));
  if (pods.length === 0)
    throw new UserError(
      opts.pod === undefined
        ? `${file}: no pod templates found`
        : `${file}: no pod named ${JSON.stringify(opts.pod)} (pods: ${manifest.pods.map((p) => p.label).join(', ')})`,
    );
  if (pods.length > 1) throw new UsageError(`${file} has ${pods.length} pods (${pods.map((p) => p.label).join(', ')}): choose one with --pod NAME`);
  const pod = pods[0] as (typeof pods)[number];
  const r = agentConfigFromPod(pod, {
    vault: { address: opts.vaultAddr, namespace: opts.namespace, caCert: opts.caCert, tlsSkipVerify: opts.skipVerify },
    jwtFile: opts.jwt,
    role: opts.role,
    authPath: opts.authPath,
    outDir: opts.out,
    readTemplateFile: opts.templateDir === undefined ? undefined : templateFileReader(opts.templateDir),
  });
  if (!r.config) throw new UserError(`${pod.label} (${file}): ${r.problems.join('; ')}`);
  return { config: r.config, env: opts.token === undefined ? {} : { VAULT_TOKEN: opts.token } };
}

async function loadConfig(opts: AgentCliOptions): Promise<{ config: AgentConfig; env: Record<string, string> }> {
  if (opts.manifest !== undefined) return configFromManifest(opts);
  try {
    return { config: await loadAgentConfig(opts.config as string), env: {} };
  } catch (e) {
    if (e instanceof AgentConfigError) throw new UserError(e.message);
    throw e;
  }
}

export async function runAgent(opts: AgentCliOptions, io: IO): Promise<number> {
  if ((opts.config === undefined) === (opts.manifest === undefined))
    throw new UsageError('give either --config FILE (a Vault Agent config) or --manifest FILE');
  if (
    opts.config !== undefined &&
    (opts.pod !== undefined || opts.out !== undefined || opts.vaultAddr !== undefined || opts.token !== undefined || opts.jwt !== undefined)
  ) {
    throw new UsageError('--pod, --out and the Vault options go with --manifest; a --config file says all of that itself');
  }
  const format = opts.logFormat ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--log-format must be text or json, got ${JSON.stringify(format)}`);
  const level = (opts.logLevel ?? 'info') as LogLevel;
  if (!LEVELS.includes(level)) throw new UsageError(`--log-level must be one of ${LEVELS.join(', ')}, got ${JSON.stringify(opts.logLevel)}`);
  const { config, env } = await loadConfig(opts);
  const log: Logger = (format === 'json' ? jsonLogger : textLogger)((l) => io.err(l), Date.now, level);
  const agent = new Agent({ config, log, env: { ...process.env, ...env } });

  const stop = (sig: string) => () => {
    void agent.stop(`received ${sig}`);
  };
  const onTerm = stop('SIGTERM');
  const onInt = stop('SIGINT');
  const onHup = (): void => {
    void (async () => {
      try {
        const next = await loadConfig(opts);
        await agent.reload(next.config);
      } catch (e) {
        log('error', 'reload failed; keeping the running configuration', { error: e instanceof Error ? e.message : String(e) });
      }
    })();
  };
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  process.on('SIGHUP', onHup);
  try {
    await agent.start().catch(() => undefined);
    const exit = await agent.done;
    return exit.code;
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
    process.off('SIGHUP', onHup);
  }
}

export function registerAgent(program: Command, io: IO): void {
  program
    .command('agent')
    .description("run as Vault Agent's template runner: render the templates, then keep them fresh (renew leases, re-read, re-render, run commands)")
    .option('--config <file>', 'a Vault Agent config file (HCL, or JSON as the vault-k8s injector generates)')
    .option('--manifest <file>', 'run the agent a pod of this manifest would get (vault-k8s annotations)')
    .option('--pod <name>', 'with --manifest: the pod (Kind/name or name) when the manifest has several')
    .option('--out <dir>', 'with --manifest: write the files under this directory (DIR/vault/secrets/...)')
    .option('--template-dir <dir>', 'with --manifest: where agent-inject-template-file paths are found')
    .option('--vault-addr <url>', 'with --manifest: the Vault address (default: VAULT_ADDR)')
    .option('--token <token>', 'with --manifest: Vault token (default: VAULT_TOKEN)')
    .option('--jwt <file>', 'with --manifest: log in with kubernetes auth using this service account token file')
    .option('--role <role>', 'kubernetes auth role (default: the vault.hashicorp.com/role annotation)')
    .option('--auth-path <path>', 'kubernetes auth mount (default: the auth-path annotation, else auth/kubernetes)')
    .option('--namespace <ns>', 'with --manifest: Vault namespace (default: the namespace annotation, VAULT_NAMESPACE)')
    .option('--ca-cert <file>', "with --manifest: PEM CA certificate for Vault's TLS certificate (default: VAULT_CACERT)")
    .option('--skip-verify', "with --manifest: do not verify Vault's TLS certificate")
    .option('--log-format <format>', "text (default) or json, as Vault's -log-format")
    .option('--log-level <level>', 'debug, info (default), warn or error')
    .addHelpText(
      'after',
      `
Examples:
  $ vtpl agent --config examples/agent/agent.hcl
  $ vtpl agent --manifest examples/deployment.yaml --pod web --jwt /var/run/secrets/kubernetes.io/serviceaccount/token

Signals: SIGTERM/SIGINT stop the agent (exit 0, no partial file); SIGHUP re-reads the config.
Exit codes: 0 stopped or exit_after_auth done, 1 the agent gave up (exit_on_retry_failure, login failed), 2 usage error.`,
    )
    .action(async (o: AgentCliOptions) => {
      process.exitCode = await runAgent(o, io);
    });
}
