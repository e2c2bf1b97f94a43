// The agent runtime: Vault Agent's template runner (consul-template v0.42.1
// manager/runner.go, watch/view.go, dependency/vault_*.go) on Node.
//
// - All templates share one brain: a dependency is read once and every template using it
//   sees the same response.
// - After the first render, each dependency is watched as consul-template's view does:
//   a renewable lease is renewed at once and then at 2/3 of the lease (vault/api
//   LifetimeWatcher) with no re-render; when renewal fails or stops extending the lease
//   (max TTL), the secret is read again. A non-renewable secret is read again after
//   leaseCheckWait (lease_renewal_threshold ±5%, rotation ttl + 1s, static_secret_render_interval
//   for lease-less ones); a certificate at goodFor; a LIST every static_secret_render_interval.
// - A read again re-renders the templates that use the dependency, and only those. A render
//   is written atomically (safety of src/agent/write.ts); identical bytes are not rewritten
//   and run no command.
// - A failed fetch is retried with consul-template's backoff (2^n x backoff, capped);
//   after the attempts, exit_on_retry_failure stops the agent with exit code 1, else the
//   runner is restarted (Vault Agent's template server does the same).
// - A new auth token (login after a failed renewal, or a 403) restarts the runner: every
//   secret is read again, as Vault Agent does.
// - Time comes from an injectable Clock; `settled()` says when no work is in flight.

// fs.promises, read where used: the CLI's bundle then loads node:fs/promises (with readline and
// streams) only when a file is read this way, not at start-up.
import { promises as fs } from 'node:fs';
import { Brain } from '../vault/index.js';
import type { Dependency } from '../vault/dependency/index.js';
import { LifetimeWatch, certGoodFor, leaseCheckWait, secretLifetime, updateLeaseDuration } from '../vault/index.js';
import { ConsulTemplateError, renderConsulTemplate } from '../vault/index.js';
import { nodeFileAccess } from '../vault/node.js';
import { logicalWrite } from '../vault/dependency/index.js';
import { intValue } from '../value/index.js';
import { type AgentVaultClient, AuthError, Authenticator, renewSelf } from './auth.js';
import { type Clock, type Timer, systemClock } from './clock.js';
import { type CommandRunner, shellCommandRunner } from './command.js';
import type { AgentConfig, TemplateSpec } from './config.js';
import { restartDelay, retryDelay } from './retry.js';
import { formatDuration } from './duration.js';
import { type Logger, textLogger } from './log.js';
import { type WriteOptions, type WriteResult, writeAtomic } from './write.js';

export type FileWriter = (path: string, contents: string, opts: WriteOptions) => WriteResult;

export interface AgentOptions {
  readonly config: AgentConfig;
  /** Connects to Vault (default: the live client for config.vault, see connectAgentClient). */
  readonly connect?: (config: AgentConfig, env: Readonly<Record<string, string | undefined>>) => Promise<AgentVaultClient>;
  readonly clock?: Clock;
  /** rand.Float64 for the jitters (default Math.random). */
  readonly random?: () => number;
  readonly log?: Logger;
  /** The environment templates see through `env`, and where VAULT_TOKEN is read (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly writeFile?: FileWriter;
  readonly runCommand?: CommandRunner;
}

/** How the agent ended: 0 after a stop or exit_after_auth, 1 after a failure it does not survive. */
export interface AgentExit {
  readonly code: number;
  readonly reason: string;
}

interface TemplateState {
  readonly spec: TemplateSpec;
  readonly text: string;
  deps: Set<string>;
  rendered: boolean;
  /** The runner generation of its last successful render. */
  renderedGen: number;
  rendering: boolean;
  again: boolean;
  retries: number;
  retryTimer?: Timer;
}

interface Watch {
  readonly dep: Dependency;
  timer?: Timer;
  dueAt?: number;
  why: string;
  lifetime?: LifetimeWatch;
  retries: number;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function is403(e: unknown): boolean {
  return /\nCode: 403\./.test(message(e));
}

export class Agent {
  /** Resolves when the agent has stopped, with its exit code. */
  readonly done: Promise<AgentExit>;
  private resolveDone!: (exit: AgentExit) => void;
  private config: AgentConfig;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly log: Logger;
  private readonly env: Readonly<Record<string, string | undefined>>;
  private readonly writeFile: FileWriter;
  private readonly runCommand: CommandRunner;
  private client: AgentVaultClient | undefined;
  private auth!: Authenticator;
  private brain = new Brain();
  private templates: TemplateState[] = [];
  private readonly watches = new Map<string, Watch>();
  private tokenTimer: Timer | undefined;
  private tokenWatch: LifetimeWatch | undefined;
  /** Bumped by every restart and by stop: callbacks of an older generation do nothing. */
  private generation = 0;
  private restarts = 0;
  private exited: AgentExit | undefined;
  private inflight = 0;
  private idleWaiters: (() => void)[] = [];
  private firstRender: { resolve: () => void; reject: (e: Error) => void } | undefined;

  constructor(private readonly opts: AgentOptions) {
    this.config = opts.config;
    this.clock = opts.clock ?? systemClock;
    this.random = opts.random ?? Math.random;
    this.env = opts.env ?? process.env;
    this.log =
      opts.log ??
      textLogger(
        (l) => process.stderr.write(l),
        () => this.clock.now(),
      );
    this.writeFile = opts.writeFile ?? writeAtomic;
    this.runCommand = opts.runCommand ?? shellCommandRunner(this.clock, { ...process.env, ...this.env });
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
  }

  /**
   * Logs in and renders every template once. Resolves when all have been written (the
   * agent keeps them fresh afterwards, until stop()); rejects if the agent exits first.
   */
  start(): Promise<void> {
    const first = new Promise<void>((resolve, reject) => {
      this.firstRender = { resolve, reject };
    });
    void this.track(this.run());
    return first;
  }

  /** Stops every timer and watch; in-flight work finishes (a write is never cut short). */
  async stop(reason = 'stopped'): Promise<AgentExit> {
    this.exit(0, reason);
    await this.settled();
    return this.done;
  }

  /** SIGHUP: the new configuration replaces the old one and the runner restarts. */
  async reload(config: AgentConfig): Promise<void> {
    this.config = config;
    this.log('info', 'reloading configuration');
    this.generation++;
    this.cancelAll();
    // The vault block may have changed (address, TLS): connect again.
    this.client = undefined;
    await this.track(this.run());
  }

  /** Resolves once no request, render, write or command is in flight (timers may be set). */
  settled(): Promise<void> {
    if (this.inflight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** When each destination's next wake-up is due (ms since the epoch), for tests and status. */
  nextWakeUps(): Map<string, number | undefined> {
    return new Map(this.templates.map((t) => [t.spec.destination, this.nextWake(t)?.at]));
  }

  // ---- work tracking -------------------------------------------------------------

  private async track<T>(p: Promise<T>): Promise<T> {
    this.inflight++;
    try {
      return await p;
    } finally {
      this.inflight--;
      if (this.inflight === 0) for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  /** A timer whose callback runs only if the runner has not restarted or stopped since. */
  private timer(ms: number, fn: () => Promise<void>): Timer {
    const gen = this.generation;
    return this.clock.setTimer(ms, () => {
      if (gen !== this.generation || this.exited) return;
      void this.track(fn());
    });
  }

  private exit(code: number, reason: string): void {
    if (this.exited) return;
    this.exited = { code, reason };
    this.generation++;
    this.cancelAll();
    if (code !== 0) this.log('error', 'agent exiting', { reason });
    else this.log('info', 'agent stopped', { reason });
    this.firstRender?.reject(new Error(reason));
    this.firstRender = undefined;
    this.resolveDone(this.exited);
  }

  private cancelAll(): void {
    for (const w of this.watches.values()) w.timer?.cancel();
    this.watches.clear();
    for (const t of this.templates) t.retryTimer?.cancel();
    this.tokenTimer?.cancel();
    this.tokenTimer = undefined;
  }

  // ---- the runner ----------------------------------------------------------------

  /** (Re)starts the runner: client, login, sinks, then every template from an empty brain. */
  private async run(): Promise<void> {
    const gen = this.generation;
    try {
      if (!this.client) this.client = await (this.opts.connect ?? connectAgentClient)(this.config, this.env);
      this.auth = new Authenticator(this.config.autoAuth?.method, () => this.env.VAULT_TOKEN ?? '');
      this.templates = await Promise.all(
        this.config.templates.map(async (spec) => ({
          spec,
          text: spec.contents ?? (await readTemplateSource(spec.source as string)),
          deps: new Set<string>(),
          rendered: false,
          renderedGen: -1,
          rendering: false,
          again: false,
          retries: 0,
        })),
      );
    } catch (e) {
      this.exit(1, message(e));
      return;
    }
    if (gen !== this.generation) return;
    await this.login(gen);
  }

  /** Logs in (retrying with backoff), writes the sinks, then renders everything. */
  private async login(gen: number, attempt = 0): Promise<void> {
    const client = this.client as AgentVaultClient;
    let token;
    try {
      token = await this.auth.login(client);
    } catch (e) {
      if (gen !== this.generation) return;
      const wait = retryDelay(this.config.vault.retry, attempt);
      this.log('error', 'authentication failed', { error: message(e), retry_in: wait === undefined ? undefined : formatDuration(wait) });
      if (wait === undefined || (e instanceof AuthError && /cannot read|no Vault token|is empty/.test(e.message))) {
        this.exit(1, `auth: ${message(e)}`);
        return;
      }
      this.timer(wait, () => this.login(this.generation, attempt + 1));
      return;
    }
    if (gen !== this.generation) return;
    this.log('info', 'authenticated', {
      method: this.config.autoAuth?.method.type ?? 'VAULT_TOKEN',
      ttl: token.leaseSeconds ? formatDuration(token.leaseSeconds * 1000) : undefined,
    });
    for (const sink of this.config.autoAuth?.sinks ?? []) {
      try {
        this.writeFile(sink.path, token.token, { perms: sink.mode, createDestDirs: true });
      } catch (e) {
        this.log('error', 'sink write failed', { path: sink.path, error: message(e) });
      }
    }
    if (this.config.autoAuth && token.renewable && token.leaseSeconds > 0) {
      this.tokenWatch = new LifetimeWatch(token.leaseSeconds, this.random);
      this.tokenTimer = this.timer(0, () => this.renewToken());
    }
    this.brain = new Brain();
    this.watches.clear();
    await this.renderAll(this.templates, gen);
  }

  /**
   * Renders templates (a runner's Run), then runs the commands of those whose file changed:
   * each distinct command once, in template order, after all the renders (manager/runner.go).
   */
  private async renderAll(templates: readonly TemplateState[], gen: number): Promise<void> {
    const changed = await Promise.all(templates.map((t) => this.render(t)));
    const ok = await this.commands(
      templates.filter((_, i) => changed[i]).map((t) => t.spec),
      gen,
    );
    // A runner whose templates all rendered and whose commands succeeded is healthy again:
    // its next failure restarts it after 1s.
    if (ok && gen === this.generation && this.templates.every((x) => x.renderedGen === gen)) this.restarts = 0;
    this.checkFirstRender();
  }

  /** The auth token's lifetime watcher: renew-self; when it ends, log in again (and restart). */
  private async renewToken(): Promise<void> {
    const gen = this.generation;
    try {
      const r = await renewSelf(this.client as AgentVaultClient);
      if (gen !== this.generation) return;
      const next = r.renewable ? this.tokenWatch?.next(r.leaseSeconds) : undefined;
      this.log('debug', 'auth token renewed', { ttl: formatDuration(r.leaseSeconds * 1000) });
      if (next !== undefined) {
        this.tokenTimer = this.timer(next, () => this.renewToken());
        return;
      }
      this.log('info', 'auth token reached its max TTL; authenticating again');
    } catch (e) {
      if (gen !== this.generation) return;
      this.log('warn', 'auth token renewal failed; authenticating again', { error: message(e) });
    }
    await this.restart('new auth token', gen);
  }

  /**
   * A new token restarts the runner: every secret is read again (Vault Agent does the same).
   * `gen` is the runner that asked: when several of its requests fail at once, one restart is enough.
   */
  private async restart(why: string, gen: number): Promise<void> {
    if (gen !== this.generation || this.exited) return;
    this.log('info', 'restarting the template runner', { reason: why });
    this.generation++;
    this.cancelAll();
    for (const t of this.templates) {
      t.deps = new Set();
      t.retries = 0;
    }
    await this.login(this.generation);
  }

  /**
   * Renders one template; true when its file changed. A render asked for while one runs is
   * done right after it (and its change is reported by the first).
   */
  private async render(t: TemplateState): Promise<boolean> {
    if (t.rendering) {
      t.again = true;
      return false;
    }
    t.rendering = true;
    let changed: boolean;
    try {
      changed = await this.renderOnce(t, this.generation);
    } finally {
      t.rendering = false;
    }
    // A render asked for meanwhile (new data, or a restarted runner) runs now, with the current data.
    if (t.again && !this.exited) {
      t.again = false;
      changed = (await this.render(t)) || changed;
    }
    return changed;
  }

  private async renderOnce(t: TemplateState, gen: number): Promise<boolean> {
    const spec = t.spec;
    let res;
    try {
      res = await renderConsulTemplate({
        template: t.text,
        name: '',
        delims: [spec.leftDelimiter, spec.rightDelimiter],
        errorOnMissingKey: spec.errorOnMissingKey,
        env: Object.fromEntries(Object.entries(this.env).filter((kv): kv is [string, string] => kv[1] !== undefined)),
        destination: spec.destination,
        client: this.client as AgentVaultClient,
        brain: this.brain,
        now: () => this.clock.now(),
        files: nodeFileAccess(),
      });
    } catch (e) {
      if (gen !== this.generation) return false;
      await this.renderFailed(t, e, gen);
      return false;
    }
    if (gen !== this.generation || this.exited) return false;
    t.retries = 0;
    t.renderedGen = gen;
    let changed: boolean;
    try {
      changed = this.writeFile(spec.destination, res.output, { perms: spec.perms, backup: spec.backup, createDestDirs: spec.createDestDirs }).changed;
    } catch (e) {
      this.log('error', 'write failed', { destination: spec.destination, error: message(e) });
      if (this.config.templateConfig.exitOnRetryFailure) this.exit(1, message(e));
      return false;
    }
    t.deps = new Set(res.dependencies.map((d) => d.key));
    for (const d of res.dependencies) this.watch(d.dependency);
    this.dropUnused();
    t.rendered = true;
    const wake = this.nextWake(t);
    this.log('info', 'rendered', {
      destination: spec.destination,
      changed,
      next: wake ? formatDuration(Math.max(0, wake.at - this.clock.now())) : undefined,
      why: wake?.why,
    });
    return changed;
  }

  private checkFirstRender(): void {
    if (!this.firstRender || !this.templates.every((x) => x.rendered)) return;
    this.firstRender.resolve();
    this.firstRender = undefined;
    if (this.config.exitAfterAuth) this.exit(0, 'exit_after_auth: every template rendered');
  }

  /**
   * Runs the commands of changed templates. A command that fails (non-zero status, timeout)
   * fails the runner, as in consul-template: Vault Agent then exits (exit_on_retry_failure)
   * or restarts the runner, which reads every secret again.
   */
  private async commands(specs: readonly TemplateSpec[], gen: number): Promise<boolean> {
    const seen = new Set<string>();
    const failures: string[] = [];
    for (const spec of specs) {
      const cmd = spec.command;
      if (cmd === undefined || seen.has(cmd)) continue;
      seen.add(cmd);
      if (gen !== this.generation || this.exited) return false;
      this.log('info', 'running command', { destination: spec.destination, command: cmd });
      const r = await this.runCommand(cmd, spec.commandTimeoutMs);
      const fields = {
        destination: spec.destination,
        command: cmd,
        status: r.code ?? undefined,
        signal: r.signal ?? undefined,
        output: r.output.trimEnd() || undefined,
      };
      let why: string | undefined;
      if (r.error) why = `could not start: ${r.error}`;
      else if (r.timedOut) why = `command did not exit within time limit (${JSON.stringify(formatDuration(spec.commandTimeoutMs))})`;
      else if (r.code !== 0) why = 'command exited with a non-zero exit status';
      if (why === undefined) {
        this.log('info', 'command finished', fields);
        continue;
      }
      this.log('error', 'command failed', { ...fields, error: why });
      failures.push(`failed to execute command ${JSON.stringify(cmd)} for ${spec.destination}: ${why}`);
    }
    if (failures.length === 0) return true;
    if (gen === this.generation && !this.exited) await this.runnerFailed(failures.join('; '));
    return false;
  }

  /** A failed render: fetch errors are retried with backoff, a 403 logs in again, others fail the runner. */
  private async renderFailed(t: TemplateState, e: unknown, gen: number): Promise<void> {
    const isFetch = e instanceof ConsulTemplateError && e.kind === 'fetch';
    if (isFetch && is403(e) && this.config.autoAuth) {
      this.log('warn', 'permission denied; authenticating again', { destination: t.spec.destination, error: message(e) });
      await this.restart('403 from Vault', gen);
      return;
    }
    const wait = isFetch ? retryDelay(this.config.vault.retry, t.retries) : undefined;
    if (wait !== undefined) {
      this.log('warn', 'fetch failed; retrying', {
        destination: t.spec.destination,
        error: message(e),
        attempt: t.retries + 1,
        retry_in: formatDuration(wait),
      });
      t.retries++;
      t.retryTimer = this.timer(wait, () => this.renderAll([t], this.generation));
      return;
    }
    await this.runnerFailed(message(e), t.spec.destination);
  }

  /** The error reached the template server: exit (exit_on_retry_failure) or restart the runner after a backoff. */
  private async runnerFailed(err: string, destination?: string): Promise<void> {
    if (this.config.templateConfig.exitOnRetryFailure) {
      this.exit(1, `template server: ${err}`);
      return;
    }
    const wait = restartDelay(this.restarts++);
    this.log('error', 'template server error; restarting the runner', { destination, error: err, restart_in: formatDuration(wait) });
    this.generation++;
    this.cancelAll();
    this.timer(wait, () => this.restart('after an error', this.generation));
  }

  // ---- dependency watches --------------------------------------------------------

  /** Starts watching a dependency the first time a template uses it. */
  private watch(dep: Dependency): void {
    if (this.watches.has(dep.key)) return;
    const w: Watch = { dep, why: '', retries: 0 };
    this.watches.set(dep.key, w);
    this.schedule(w);
  }

  /** Stops watching what no template uses any more, and forgets its data. */
  private dropUnused(): void {
    const used = new Set(this.templates.flatMap((t) => [...t.deps]));
    for (const [key, w] of this.watches) {
      if (used.has(key)) continue;
      w.timer?.cancel();
      this.watches.delete(key);
      this.brain.forget(key);
    }
  }

  private at(w: Watch, ms: number, why: string, fn: () => Promise<void>): void {
    w.timer?.cancel();
    w.dueAt = this.clock.now() + ms;
    w.why = why;
    w.timer = this.timer(ms, fn);
  }

  /** When to look at a dependency again, from the data the brain holds for it. */
  private schedule(w: Watch): void {
    const v = this.brain.get(w.dep.key);
    if (v === undefined) return;
    const tc = this.config.templateConfig;
    const s = secretLifetime(v);
    const label = w.dep.key;
    if (s?.renewable && !s.isAuth && s.id !== '') {
      // view.fetch calls Fetch again at once: renewSecret's watcher renews immediately.
      w.lifetime = new LifetimeWatch(s.duration, this.random);
      this.at(w, 0, `renew lease of ${label}`, () => this.renew(w));
      return;
    }
    if (s) {
      try {
        const { ms, reason } = leaseCheckWait(s, {
          now: this.clock.now(),
          random: this.random,
          threshold: tc.leaseRenewalThreshold,
          defaultLeaseSeconds: tc.staticSecretRenderIntervalMs / 1000,
        });
        this.at(w, ms, `${reason} of ${label}`, () => this.reread(w));
      } catch (e) {
        this.rereadFailed(w, e);
      }
      return;
    }
    const cert = certGoodFor(v, this.clock.now(), tc.leaseRenewalThreshold);
    if (label.startsWith('vault.pki(')) {
      this.at(w, cert ?? 0, `certificate rotation of ${label}`, () => this.reread(w));
      return;
    }
    if (label.startsWith('vault.')) {
      // vault.list polls every VaultDefaultLeaseDuration; a write answered 204 likewise.
      this.at(w, tc.staticSecretRenderIntervalMs, `static secret interval of ${label}`, () => this.reread(w));
    }
  }

  /** PUT sys/leases/renew; the brain's secret takes the new duration and nothing is re-rendered. */
  private async renew(w: Watch): Promise<void> {
    const gen = this.generation;
    const v = this.brain.get(w.dep.key);
    const s = v === undefined ? undefined : secretLifetime(v);
    if (!v || !s) return;
    try {
      const r = await logicalWrite(this.client as AgentVaultClient, 'sys/leases/renew', { lease_id: s.id, increment: 0 });
      if (gen !== this.generation) return;
      const seconds = Number(r?.leaseDuration ?? 0n);
      updateLeaseDuration(v, seconds, intValue);
      const next = r?.renewable ? w.lifetime?.next(seconds) : undefined;
      if (next !== undefined) {
        this.log('info', 'lease renewed', { dependency: w.dep.key, lease_id: s.id, ttl: formatDuration(seconds * 1000), next: formatDuration(next) });
        this.at(w, next, `renew lease of ${w.dep.key}`, () => this.renew(w));
        return;
      }
      this.log('info', 'lease is not extended any more (max TTL); reading the secret again', {
        dependency: w.dep.key,
        lease_id: s.id,
        ttl: formatDuration(seconds * 1000),
      });
    } catch (e) {
      if (gen !== this.generation) return;
      this.log('warn', 'lease renewal failed; reading the secret again', { dependency: w.dep.key, lease_id: s.id, error: message(e) });
    }
    await this.reread(w);
  }

  /** Reads a dependency again; the templates using it are rendered with the new data. */
  private async reread(w: Watch): Promise<void> {
    const gen = this.generation;
    let v;
    try {
      v = await w.dep.fetch(this.client as AgentVaultClient);
    } catch (e) {
      if (gen !== this.generation) return;
      if (is403(e) && this.config.autoAuth) {
        this.log('warn', 'permission denied; authenticating again', { dependency: w.dep.key, error: message(e) });
        await this.restart('403 from Vault', gen);
        return;
      }
      this.rereadFailed(w, e);
      return;
    }
    if (gen !== this.generation || this.watches.get(w.dep.key) !== w) return;
    w.retries = 0;
    this.brain.remember(w.dep.key, v);
    this.log('info', 'secret read again', { dependency: w.dep.key });
    this.schedule(w);
    await this.renderAll(
      this.templates.filter((t) => t.deps.has(w.dep.key)),
      gen,
    );
  }

  private rereadFailed(w: Watch, e: unknown): void {
    const wait = retryDelay(this.config.vault.retry, w.retries);
    if (wait === undefined) {
      void this.track(this.runnerFailed(`${message(e)} (exceeded maximum retries)`));
      return;
    }
    this.log('warn', 'fetch failed; retrying', { dependency: w.dep.key, error: message(e), attempt: w.retries + 1, retry_in: formatDuration(wait) });
    w.retries++;
    this.at(w, wait, `retry of ${w.dep.key}`, () => this.reread(w));
  }

  /** The earliest wake-up among a template's dependencies. */
  private nextWake(t: TemplateState): { at: number; why: string } | undefined {
    let best: { at: number; why: string } | undefined;
    for (const key of t.deps) {
      const w = this.watches.get(key);
      if (w?.dueAt !== undefined && (!best || w.dueAt < best.at)) best = { at: w.dueAt, why: w.why };
    }
    return best;
  }
}

async function readTemplateSource(source: string): Promise<string> {
  try {
    return await fs.readFile(source, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`cannot read template source ${source}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : message(e)}`);
  }
}

/** The live client for a config's vault block (VAULT_* variables of `env` fill what it leaves out). */
export async function connectAgentClient(config: AgentConfig, env: Readonly<Record<string, string | undefined>> = process.env): Promise<AgentVaultClient> {
  const { connectLiveVault } = await import('../vault/node.js');
  return connectLiveVault({
    address: config.vault.address,
    token: '',
    namespace: config.vault.namespace,
    caCert: config.vault.caCert,
    caPath: config.vault.caPath,
    skipVerify: config.vault.tlsSkipVerify,
    env,
  });
}
