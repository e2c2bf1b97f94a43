// The Vault Agent configuration the runtime understands, read from the JSON a vault-k8s
// injector generates or from HCL (parsed by HashiCorp's own HCL, compiled to WASM, in
// @cdktf/hcl2json). Both arrive as HCL's JSON form, where a block may be an object or a
// list of objects, and a labelled block (`method "approle" { ... }`) is an object keyed
// by its label; Vault's JSON also writes the label as a `type` field.

import { parseDurationSecond } from './duration.js';

/** consul-template config/retry.go defaults (attempts 12, backoff 250ms, max_backoff 1m). */
export interface RetryPolicy {
  /** Retries after a failure; 0 = unlimited (consul-template), -1 in num_retries disables retrying. */
  readonly attempts: number;
  readonly enabled: boolean;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 12, enabled: true, backoffMs: 250, maxBackoffMs: 60_000 };

export type AuthMethodConfig =
  | { readonly type: 'kubernetes'; readonly mountPath: string; readonly role: string; readonly tokenPath: string }
  | {
      readonly type: 'approle';
      readonly mountPath: string;
      readonly roleIdFilePath: string;
      readonly secretIdFilePath: string;
      readonly removeSecretIdFileAfterReading: boolean;
    }
  | { readonly type: 'token_file'; readonly tokenFilePath: string };

export interface SinkConfig {
  readonly type: 'file';
  readonly path: string;
  /** File mode (default 0640, as Vault Agent's file sink). */
  readonly mode: number;
}

export interface TemplateSpec {
  /** The template text's file (read when the agent starts or reloads). */
  readonly source?: string;
  readonly contents?: string;
  readonly destination: string;
  /** File mode; undefined keeps the existing file's mode, else 0644. */
  readonly perms?: number;
  /** Run with /bin/sh -c after a render that changed the file. */
  readonly command?: string;
  readonly commandTimeoutMs: number;
  readonly errorOnMissingKey: boolean;
  readonly leftDelimiter: string;
  readonly rightDelimiter: string;
  readonly createDestDirs: boolean;
  readonly backup: boolean;
}

export interface AgentConfig {
  readonly vault: {
    readonly address?: string;
    readonly caCert?: string;
    readonly caPath?: string;
    readonly tlsSkipVerify?: boolean;
    readonly namespace?: string;
    readonly retry: RetryPolicy;
  };
  /** Absent: the token comes from VAULT_TOKEN (or ~/.vault-token). */
  readonly autoAuth?: { readonly method: AuthMethodConfig; readonly sinks: readonly SinkConfig[] };
  readonly templates: readonly TemplateSpec[];
  readonly templateConfig: {
    /** VaultDefaultLeaseDuration: lease-less secrets are re-read about this often (default 5m). */
    readonly staticSecretRenderIntervalMs: number;
    readonly exitOnRetryFailure: boolean;
    /** VaultLeaseRenewalThreshold (default 0.9). */
    readonly leaseRenewalThreshold: number;
  };
  /** Render every template once, then exit (the injector's init container). */
  readonly exitAfterAuth: boolean;
}

/** A configuration vtpl cannot use; the message names the file and the setting. */
export class AgentConfigError extends Error {
  override name = 'AgentConfigError';

  /**
   * `at`: the keys and indexes from the top of the decoded file to the offending value, so
   * that a reader with the file's text can say its line (see config-file.ts).
   */
  constructor(
    message: string,
    readonly at?: readonly (string | number)[],
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** Where a value sits in the decoded file: the object (or array) holding it and its key. */
interface Place {
  readonly obj: object;
  readonly key?: string | number;
}

type Obj = Readonly<Record<string, unknown>>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Where a decoded config came from. Vault reads JSON files with HCL 1's JSON parser, whose
 * quirks matter (see agentConfigFromObject); HCL files arrive as HCL's JSON form.
 */
export type ConfigForm = 'json' | 'hcl';

class Reader {
  /** Each object and array of the decoded file, with its path from the top. */
  private readonly paths = new WeakMap<object, (string | number)[]>();

  constructor(
    readonly file: string,
    readonly form: ConfigForm,
    raw: unknown,
  ) {
    const walk = (v: unknown, path: (string | number)[]): void => {
      if (typeof v !== 'object' || v === null) return;
      this.paths.set(v, path);
      if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, [...path, i]);
      } else for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(raw, []);
  }

  fail(where: string, msg: string, place?: Place): never {
    const base = place && this.paths.get(place.obj);
    const at = base && (place.key === undefined ? base : [...base, place.key]);
    throw new AgentConfigError(`${this.file}: ${where}: ${msg}`, at, `${where}: ${msg}`);
  }

  /** Vault's own wording for what real `vault agent` rejects while loading the file. */
  vaultFail(msg: string): never {
    throw new AgentConfigError(`${this.file}: error loading configuration: ${msg}`);
  }

  /** A block written as an object or as a list of objects. */
  blocks(v: unknown, where: string): Obj[] {
    if (v === undefined || v === null) return [];
    const list = Array.isArray(v) ? v : [v];
    return list.map((b, i) =>
      isObj(b) ? b : this.fail(list.length > 1 ? `${where}[${i}]` : where, 'must be a block (an object)', Array.isArray(v) ? { obj: v, key: i } : undefined),
    );
  }

  /** At most one block. */
  block(v: unknown, where: string): Obj | undefined {
    const bs = this.blocks(v, where);
    if (bs.length > 1) this.fail(where, `only one ${where} block is allowed`);
    return bs[0];
  }

  /**
   * A labelled block: `{"type": "approle", ...}` (Vault's JSON), or `{"approle": [{...}]}` /
   * `{"approle": {...}}` (HCL's JSON form of `method "approle" { ... }`). Returns [type, body].
   */
  labelled(v: unknown, where: string): [string, Obj][] {
    return this.blocks(v, where).flatMap((b): [string, Obj][] => {
      if (typeof b.type === 'string') return [[b.type, b]];
      // Real `vault agent` takes the type only from a "type" field in a JSON file.
      if (this.form === 'json') {
        this.vaultFail(
          where.endsWith('sink')
            ? "error parsing 'auto_auth': error parsing 'sink' stanzas: sink type must be specified"
            : "error parsing 'auto_auth': error parsing 'method': method type must be specified",
        );
      }
      const keys = Object.keys(b);
      if (keys.length === 1 && (isObj(b[keys[0]]) || Array.isArray(b[keys[0]]))) {
        const label = keys[0] as string;
        return this.blocks(b[label], `${where} "${label}"`).map((body): [string, Obj] => [label, body]);
      }
      return this.fail(where, 'needs a type ("type" field or a block label)');
    });
  }

  str(o: Obj, key: string, where: string): string | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') this.fail(`${where}.${key}`, `must be a string, not ${JSON.stringify(v)}`, { obj: o, key });
    return v;
  }

  bool(o: Obj, key: string, where: string): boolean | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    // Vault decodes with mapstructure's weak typing: "true"/"false" strings are accepted.
    if (v === 'true' || v === 'false') return v === 'true';
    return this.fail(`${where}.${key}`, `must be a boolean, not ${JSON.stringify(v)}`, { obj: o, key });
  }

  num(o: Obj, key: string, where: string): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(v)) return Number(v);
    return this.fail(`${where}.${key}`, `must be a number, not ${JSON.stringify(v)}`, { obj: o, key });
  }

  duration(o: Obj, key: string, where: string): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    try {
      return parseDurationSecond(v);
    } catch (e) {
      return this.fail(`${where}.${key}`, (e as Error).message, { obj: o, key });
    }
  }

  /** A file mode: "0440" (octal string) or a number. */
  mode(o: Obj, key: string, where: string): number | undefined {
    const v = o[key];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string' && /^0?[0-7]{1,4}$/.test(v)) return parseInt(v, 8);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0o7777) return v;
    // Vault's message (mapstructure's decode of the FileMode), then what to write instead.
    return this.fail(
      `${where}.${key}`,
      `strconv.ParseUint: parsing ${JSON.stringify(String(v))}: invalid syntax (write the mode as an octal string, e.g. "0640")`,
      { obj: o, key },
    );
  }
}

function trimAuthMount(m: string): string {
  return m.replace(/^\/+|\/+$/g, '').replace(/^auth\//, '');
}

function readMethod(r: Reader, type: string, b: Obj): AuthMethodConfig {
  const where = `auto_auth.method "${type}"`;
  const config = r.block(b.config, `${where}.config`) ?? {};
  const mount = r.str(b, 'mount_path', where);
  switch (type) {
    case 'kubernetes': {
      const role = r.str(config, 'role', `${where}.config`);
      if (!role) r.fail(`${where}.config`, "missing 'role' value", { obj: config });
      return {
        type,
        mountPath: trimAuthMount(mount ?? 'auth/kubernetes'),
        role,
        tokenPath: r.str(config, 'token_path', `${where}.config`) ?? '/var/run/secrets/kubernetes.io/serviceaccount/token',
      };
    }
    case 'approle': {
      const roleIdFilePath = r.str(config, 'role_id_file_path', `${where}.config`);
      if (!roleIdFilePath) r.fail(`${where}.config`, "'role_id_file_path' is required", { obj: config });
      return {
        type,
        mountPath: trimAuthMount(mount ?? 'auth/approle'),
        roleIdFilePath,
        secretIdFilePath: r.str(config, 'secret_id_file_path', `${where}.config`) ?? '',
        // Vault Agent's default is true: the secret ID file is removed once read.
        removeSecretIdFileAfterReading: r.bool(config, 'remove_secret_id_file_after_reading', `${where}.config`) ?? true,
      };
    }
    case 'token_file': {
      const tokenFilePath = r.str(config, 'token_file_path', `${where}.config`);
      if (!tokenFilePath) r.fail(`${where}.config`, "'token_file_path' is required", { obj: config });
      return { type, tokenFilePath };
    }
    default:
      return r.fail(where, `vtpl supports the kubernetes, approle and token_file auth methods, not ${JSON.stringify(type)}`, { obj: b });
  }
}

function readTemplate(r: Reader, b: Obj, i: number): TemplateSpec {
  const where = `template[${i}]`;
  const source = r.str(b, 'source', where) || undefined;
  const contents = r.str(b, 'contents', where) || undefined;
  const destination = r.str(b, 'destination', where);
  if (source !== undefined && contents !== undefined) r.fail(where, "'source' and 'contents' cannot both be set", { obj: b });
  if (source === undefined && contents === undefined) r.fail(where, "one of 'source' or 'contents' is required", { obj: b });
  if (!destination) r.fail(where, "'destination' is required", { obj: b });
  let command: string | undefined;
  let timeout = r.duration(b, 'command_timeout', where);
  const exec = r.block(b.exec, `${where}.exec`);
  const cmd = exec ? exec.command : b.command;
  if (Array.isArray(cmd)) {
    if (!cmd.every((c) => typeof c === 'string')) r.fail(`${where}.command`, 'must be a string or a list of strings', { obj: cmd });
    command = cmd.length === 1 ? (cmd[0] as string) : (cmd as string[]).map((c) => `'${c.replace(/'/g, `'\\''`)}'`).join(' ');
  } else if (typeof cmd === 'string') {
    command = cmd || undefined;
  } else if (cmd !== undefined && cmd !== null) {
    r.fail(`${where}.command`, 'must be a string or a list of strings', { obj: exec ?? b, key: 'command' });
  }
  if (exec) timeout = r.duration(exec, 'timeout', `${where}.exec`) ?? timeout;
  return {
    source,
    contents,
    destination,
    command,
    perms: r.mode(b, 'perms', where),
    // consul-template's default command timeout.
    commandTimeoutMs: timeout ?? 30_000,
    errorOnMissingKey: r.bool(b, 'error_on_missing_key', where) ?? false,
    leftDelimiter: r.str(b, 'left_delimiter', where) ?? '',
    rightDelimiter: r.str(b, 'right_delimiter', where) ?? '',
    createDestDirs: r.bool(b, 'create_dest_dirs', where) ?? true,
    backup: r.bool(b, 'backup', where) ?? false,
  };
}

/**
 * Normalizes a decoded config (a JSON file, or HCL's JSON form) into an AgentConfig.
 *
 * HCL 1's JSON parser, which Vault uses for .json files, flattens an object whose members
 * are all objects into labelled blocks: `"auto_auth": {"method": {...}}` (with no sink list
 * beside it) becomes `auto_auth "method" {...}`, which has no method block. Real `vault
 * agent` rejects those files, and so does this reader, with Vault's message.
 */
export function agentConfigFromObject(raw: unknown, file = 'config', form: ConfigForm = 'json'): AgentConfig {
  const r: Reader = new Reader(file, form, raw);
  if (!isObj(raw)) r.fail('top level', 'the configuration must be an object');
  if (form === 'json' && isObj(raw.auto_auth)) {
    const members = Object.values(raw.auto_auth);
    if (members.length === 1 && isObj(members[0]))
      r.vaultFail("error parsing 'auto_auth': error parsing 'method': one and only one \"method\" block is required");
    if (members.length > 1 && members.every(isObj)) r.vaultFail('error parsing \'auto_auth\': at most one "auto_auth" block is allowed');
  }
  const vault = r.block(raw.vault, 'vault') ?? {};
  const retryBlock = r.block(vault.retry, 'vault.retry');
  let retry = DEFAULT_RETRY;
  if (retryBlock) {
    const n = r.num(retryBlock, 'num_retries', 'vault.retry');
    // Vault: 0 means the default (12); -1 disables retries.
    if (n !== undefined && n < 0) retry = { ...retry, enabled: false, attempts: 0 };
    else if (n !== undefined && n > 0) retry = { ...retry, attempts: n };
  }
  const auto = r.block(raw.auto_auth, 'auto_auth');
  let autoAuth: AgentConfig['autoAuth'];
  if (auto) {
    const methods = r.labelled(auto.method, 'auto_auth.method');
    if (methods.length !== 1) r.fail('auto_auth', 'exactly one method block is required');
    const [type, body] = methods[0] as [string, Obj];
    const method = readMethod(r, type, body);
    const minBackoff = r.duration(body, 'min_backoff', `auto_auth.method "${type}"`);
    const maxBackoff = r.duration(body, 'max_backoff', `auto_auth.method "${type}"`);
    if (minBackoff) retry = { ...retry, backoffMs: minBackoff };
    if (maxBackoff) retry = { ...retry, maxBackoffMs: maxBackoff };
    const sinks = r.labelled(auto.sink, 'auto_auth.sink').map(([st, sb]): SinkConfig => {
      if (st !== 'file') r.fail(`auto_auth.sink "${st}"`, 'only file sinks are supported', { obj: sb });
      const cfg = r.block(sb.config, 'auto_auth.sink "file".config') ?? {};
      const path = r.str(cfg, 'path', 'auto_auth.sink "file".config');
      if (!path) r.fail('auto_auth.sink "file".config', "'path' is required", { obj: cfg });
      return { type: 'file', path, mode: r.mode(cfg, 'mode', 'auto_auth.sink "file".config') ?? 0o640 };
    });
    autoAuth = { method, sinks };
  }
  const templates = r.blocks(raw.template, 'template').map((b, i) => readTemplate(r, b, i));
  const tc = r.block(raw.template_config, 'template_config') ?? {};
  const threshold = r.num(tc, 'lease_renewal_threshold', 'template_config') ?? 0.9;
  if (!(threshold > 0 && threshold < 1))
    r.fail('template_config.lease_renewal_threshold', 'must be between 0 and 1', { obj: tc, key: 'lease_renewal_threshold' });
  const interval = r.duration(tc, 'static_secret_render_interval', 'template_config');
  return {
    vault: {
      address: r.str(vault, 'address', 'vault') || undefined,
      caCert: r.str(vault, 'ca_cert', 'vault') || undefined,
      caPath: r.str(vault, 'ca_path', 'vault') || undefined,
      tlsSkipVerify: r.bool(vault, 'tls_skip_verify', 'vault'),
      namespace: r.str(vault, 'namespace', 'vault') || r.str(raw, 'namespace', 'top level') || undefined,
      retry,
    },
    autoAuth,
    templates,
    templateConfig: {
      staticSecretRenderIntervalMs: interval && interval > 0 ? interval : 5 * 60_000,
      exitOnRetryFailure: r.bool(tc, 'exit_on_retry_failure', 'template_config') ?? false,
      leaseRenewalThreshold: threshold,
    },
    exitAfterAuth: r.bool(raw, 'exit_after_auth', 'top level') ?? false,
  };
}
