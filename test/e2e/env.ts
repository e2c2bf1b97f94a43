// Shared helpers of the end-to-end suite: the live Vault and PostgreSQL that scripts/e2e/run.sh
// started (passed in VTPL_E2E_* variables), processes tracked for teardown, `vault agent` runs.

import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function need(name: string): string {
  const v = process.env[name];
  if (v === undefined || v === '') throw new Error(`${name} is not set: run the suite with npm run test:e2e`);
  return v;
}

export const E = {
  work: need('VTPL_E2E_WORK'),
  vaultBin: need('VTPL_E2E_VAULT_BIN'),
  addr: need('VTPL_E2E_VAULT_ADDR'),
  token: need('VTPL_E2E_VAULT_TOKEN'),
  pgPort: Number(need('VTPL_E2E_PG_PORT')),
  pgPassword: need('VTPL_E2E_PG_PASSWORD'),
  psql: need('VTPL_E2E_PSQL'),
};

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What test/e2e/setup.ts configured in Vault. */
export interface Setup {
  /** AppRole "app": policy "app" (KV, database, PKI; not secret/data/private/*). */
  readonly roleId: string;
  readonly secretId: string;
  /** AppRole "db-only": policy that reads database/creds/* and nothing else. */
  readonly dbRoleId: string;
  readonly dbSecretId: string;
  /** Max TTL of database/roles/my-app-db-role in seconds. */
  readonly dbMaxTtl: number;
  /** Kubernetes auth role (policy "app") and the service-account token file it accepts. */
  readonly k8sRole: string;
  readonly jwtPath: string;
}

export function setup(): Setup {
  return JSON.parse(readFileSync(join(E.work, 'setup.json'), 'utf8')) as Setup;
}

export interface VaultReply {
  readonly status: number;
  readonly body: string;
  readonly json: Record<string, unknown>;
}

/** One Vault HTTP API call with the root token (or the given one). */
export async function vaultApi(method: string, path: string, body?: unknown, opts: { token?: string; addr?: string } = {}): Promise<VaultReply> {
  const res = await fetch(`${opts.addr ?? E.addr}/v1/${path}`, {
    method,
    headers: { 'X-Vault-Token': opts.token ?? E.token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    /* not JSON: keep body */
  }
  return { status: res.status, body: text, json };
}

/** The same call, failing the test unless Vault answers 2xx. */
export async function vaultOk(method: string, path: string, body?: unknown, opts: { token?: string; addr?: string } = {}): Promise<Record<string, unknown>> {
  const r = await vaultApi(method, path, body, opts);
  if (r.status < 200 || r.status > 299) throw new Error(`${method} /v1/${path}: ${r.status} ${r.body}`);
  return r.json;
}

/** Records a pid so scripts/e2e/run.sh kills it even if the suite itself dies. */
export function track(pid: number | undefined): void {
  if (pid !== undefined) appendFileSync(join(E.work, 'pids'), `${pid}\n`);
}

export interface Ran {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string;
  readonly timeoutMs?: number;
  readonly cwd?: string;
}

/** Runs a program to its end (killed after timeoutMs), capturing its output. */
export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<Ran> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    track(child.pid);
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code, signal, out, err });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** The environment without any VAULT_* variable (VAULT_ADDR would override an agent's config). */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VAULT_')) env[k] = v;
  return { ...env, ...extra };
}

/** The built vtpl CLI, as a user runs it. */
export function vtpl(...args: string[]): Promise<Ran> {
  return run(process.execPath, [join(REPO, 'bin/vtpl'), ...args], { env: cleanEnv() });
}

/** The real vault CLI against the live dev server (root token unless VAULT_TOKEN is given). */
export function vaultCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return run(E.vaultBin, args, { env: cleanEnv({ VAULT_ADDR: E.addr, VAULT_TOKEN: E.token, ...env }) });
}

/** psql as USER with PASSWORD over TCP, one SQL command, unaligned tuples only. */
export function psql(user: string, password: string, sql: string): Promise<Ran> {
  return run(E.psql, ['-h', '127.0.0.1', '-p', String(E.pgPort), '-U', user, '-d', 'postgres', '-w', '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    env: { ...cleanEnv(), PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' },
  });
}

export function tempDir(prefix = 'case'): string {
  mkdirSync(join(E.work, 'cases'), { recursive: true });
  return mkdtempSync(join(E.work, 'cases', `${prefix}-`));
}

/** The permission bits of every regular file below dir, as relative path -> "0644". */
export function readModes(dir: string): Map<string, string> {
  const modes = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else modes.set(relative(dir, p), '0' + (st.mode & 0o777).toString(8));
    }
  };
  walk(dir);
  return modes;
}

/** Every regular file below dir, as relative path -> content. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

export interface AgentTemplate {
  readonly contents: string;
  /** Relative to the run's output folder. */
  readonly destination: string;
  readonly errorOnMissingKey?: boolean;
  readonly leftDelim?: string;
  readonly rightDelim?: string;
  /** File mode as the injector passes it (e.g. "0440"); the agent's default otherwise. */
  readonly perms?: string;
}

export interface AgentRun extends Ran {
  /** The output folder: each template's destination below it. */
  readonly outDir: string;
  readonly files: Map<string, string>;
}

export interface AgentOptions {
  readonly addr?: string;
  readonly roleId?: string;
  readonly secretId?: string;
  /** Log in with kubernetes auth (the injector's way) instead of AppRole. */
  readonly kubernetes?: boolean;
  /** Kubernetes auth: the service-account token file (default: the one Vault accepts). */
  readonly jwtPath?: string;
  /** vault.retry.num_retries: -1 disables retries so error paths end at once. */
  readonly retries?: number;
  readonly timeoutMs?: number;
}

export interface AgentConfig {
  readonly dir: string;
  /** Each template's destination is below it. */
  readonly outDir: string;
  readonly configPath: string;
}

/**
 * A Vault Agent config as the injector writes it for an init container (JSON, so template text
 * needs no HCL escaping): AppRole auto-auth, template_config.exit_on_retry_failure, and
 * exit_after_auth (render once, then exit) unless `keepRunning`.
 */
export function agentConfig(templates: readonly AgentTemplate[], opts: AgentOptions & { keepRunning?: boolean; outDir?: string } = {}): AgentConfig {
  const s = setup();
  const dir = tempDir('agent');
  const outDir = opts.outDir ?? join(dir, 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(dir, 'role_id'), opts.roleId ?? s.roleId);
  writeFileSync(join(dir, 'secret_id'), opts.secretId ?? s.secretId);
  const config = {
    exit_after_auth: !opts.keepRunning,
    pid_file: join(dir, 'pid'),
    vault: { address: opts.addr ?? E.addr, retry: { num_retries: opts.retries ?? -1 } },
    auto_auth: {
      method: [
        opts.kubernetes
          ? { type: 'kubernetes', mount_path: 'auth/kubernetes', exit_on_err: true, config: { role: s.k8sRole, token_path: opts.jwtPath ?? s.jwtPath } }
          : {
              type: 'approle',
              mount_path: 'auth/approle',
              exit_on_err: true,
              config: {
                role_id_file_path: join(dir, 'role_id'),
                secret_id_file_path: join(dir, 'secret_id'),
                remove_secret_id_file_after_reading: false,
              },
            },
      ],
      sink: [{ type: 'file', config: { path: join(dir, 'token') } }],
    },
    template_config: { exit_on_retry_failure: true },
    template: templates.map((t) => ({
      contents: t.contents,
      destination: join(outDir, t.destination),
      error_on_missing_key: t.errorOnMissingKey ?? false,
      ...(t.leftDelim ? { left_delimiter: t.leftDelim } : {}),
      ...(t.rightDelim ? { right_delimiter: t.rightDelim } : {}),
      ...(t.perms ? { perms: t.perms } : {}),
    })),
  };
  const configPath = join(dir, 'agent.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  return { dir, outDir, configPath };
}

/** Real `vault agent` as the injector runs it in an init container (see agentConfig). */
export async function vaultAgent(templates: readonly AgentTemplate[], opts: AgentOptions = {}): Promise<AgentRun> {
  const c = agentConfig(templates, opts);
  const r = await run(E.vaultBin, ['agent', `-config=${c.configPath}`], { env: cleanEnv(), timeoutMs: opts.timeoutMs ?? 90_000 });
  return { ...r, outDir: c.outDir, files: readTree(c.outDir) };
}

/**
 * The error Vault Agent exits with: the value of `error` in its last log line
 * `[ERROR] agent: runtime error encountered: error=... exitCode=1`, decoded from hclog's
 * quoting (`error="..."`, or one `  | ` line per line of a multi-line value).
 */
export function agentRuntimeError(r: AgentRun): string | undefined {
  const text = r.out + r.err;
  const single = /\[ERROR\] {1,2}agent: runtime error encountered: error="((?:[^"\\]|\\.)*)" exitCode=/.exec(text);
  if (single) return JSON.parse(`"${single[1]}"`) as string;
  const multi = /\[ERROR\] {1,2}agent: runtime error encountered:\n {2}error=\n((?: {2}\|.*\n)+)/.exec(text);
  // hclog escapes a tab inside a multi-line value as \t.
  if (multi)
    return multi[1]
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => l.replace(/^ {2}\| ?/, '').replaceAll('\\t', '\t'))
      .join('\n');
  return undefined;
}

/** The templates the injector would give each pod's agent: "[<namespace>/]<kind>-<name>" (as preview --out names folders) -> templates. */
export async function podTemplates(manifestFile: string): Promise<Map<string, AgentTemplate[]>> {
  const { readManifest } = await import('../../src/agent/manifest.js');
  const { planAgent } = await import('../../src/agent/annotations.js');
  const m = readManifest(readFileSync(manifestFile, 'utf8'), manifestFile);
  const pods = new Map<string, AgentTemplate[]>();
  for (const pod of m.pods) {
    const ann = new Map([...pod.annotations].map(([k, a]) => [k, a.value]));
    const plan = planAgent(ann);
    if (plan.errors.length > 0) throw new Error(`${pod.label}: ${plan.errors.join('; ')}`);
    pods.set(
      `${pod.namespace ? `${pod.namespace}/` : ''}${pod.kind.toLowerCase()}-${pod.name}`,
      plan.templates.map((t) => {
        if (t.contents === undefined) throw new Error(`${pod.label}: ${t.error ?? 'no template text'}`);
        return {
          contents: t.contents,
          destination: t.destination.replace(/^\/+/, ''),
          errorOnMissingKey: t.errorOnMissingKey,
          leftDelim: t.leftDelim,
          rightDelim: t.rightDelim,
          perms: t.perms,
        };
      }),
    );
  }
  return pods;
}

export const APP_YAML = join(REPO, 'test/e2e/fixtures/app.yaml');

/** Run `vault agent` for every pod of a manifest: "[<namespace>/]<kind>-<name>/<destination>" -> content. */
export async function agentForManifest(manifestFile: string, opts: AgentOptions = {}): Promise<{ runs: AgentRun[]; files: Map<string, string> }> {
  const runs: AgentRun[] = [];
  const files = new Map<string, string>();
  for (const [pod, templates] of await podTemplates(manifestFile)) {
    const r = await vaultAgent(
      templates.map((t) => ({ ...t, destination: join(pod, t.destination) })),
      opts,
    );
    runs.push(r);
    for (const [p, c] of r.files) files.set(p, c);
  }
  return { runs, files };
}
