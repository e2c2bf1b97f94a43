// Connection settings for a live Vault, resolved the way the vault CLI and vault/api
// (api/client.go ReadEnvironment, the ~/.vault-token token helper) resolve them: explicit
// options first, then VAULT_* environment variables, then defaults. Node only (reads files).

import { constants as bufferConstants } from 'node:buffer';
import { readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from '../go/time/index.js';
import type { TransportSettings } from './live-transport.js';
import { DEFAULT_RETRY, type RetryClock } from './retry.js';

/** vault/api's DefaultConfig address. */
export const DEFAULT_LIVE_ADDRESS = 'https://127.0.0.1:8200';
/** vtpl's cap on a response body: Vault's own request limit (max_request_size) is 32 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** Where Vault Agent's kubernetes auth reads the service account token by default. */
export const DEFAULT_JWT_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export interface LiveOptions {
  /** --vault-addr; else VAULT_AGENT_ADDR, VAULT_ADDR, https://127.0.0.1:8200. */
  readonly address?: string;
  /** --token; else VAULT_TOKEN, else ~/.vault-token. Ignored when a login method is given. */
  readonly token?: string;
  /** Kubernetes auth: POST auth/<mountPath>/login {role, jwt}. */
  readonly kubernetes?: { readonly role: string; readonly jwtFile?: string; readonly mountPath?: string };
  /** AppRole auth: POST auth/<mountPath>/login {role_id, secret_id}. */
  readonly appRole?: { readonly roleId: string; readonly secretId?: string; readonly mountPath?: string };
  /** --namespace; else VAULT_NAMESPACE. */
  readonly namespace?: string;
  /** --ca-cert FILE; else VAULT_CACERT. */
  readonly caCert?: string;
  /** A directory of PEM CA files; else VAULT_CAPATH. */
  readonly caPath?: string;
  /** --skip-verify; else VAULT_SKIP_VERIFY (strconv.ParseBool). */
  readonly skipVerify?: boolean;
  /** Retries of 5xx, 412, 429 and connection errors; else VAULT_MAX_RETRIES, else 2. */
  readonly maxRetries?: number;
  /** --max-response-size; else VTPL_MAX_RESPONSE_SIZE, else 64 MiB. */
  readonly maxResponseBytes?: number;
  /** The clock the retry backoff sleeps on (default real time). */
  readonly clock?: RetryClock;
  /** The environment to read VAULT_* from (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The home directory holding .vault-token (default os.homedir()). */
  readonly home?: string;
}

export type LiveAuth =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'kubernetes'; readonly role: string; readonly jwt: string; readonly mountPath: string }
  | { readonly kind: 'approle'; readonly roleId: string; readonly secretId: string; readonly mountPath: string };

export interface LiveSettings {
  readonly address: string;
  readonly namespace: string;
  readonly transport: TransportSettings;
  readonly auth: LiveAuth;
}

/** A setting that cannot be used (unreadable file, bad VAULT_SKIP_VERIFY, ...). */
export class LiveConfigError extends Error {
  override name = 'LiveConfigError';
}

/** A file-system error in words ("no such file or directory"), not Node's "ENOENT: ..., open '...'". */
export function fsReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    default:
      return err.message ?? String(e);
  }
}

function readFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new LiveConfigError(`cannot read ${what} ${file}: ${fsReason(e)}`);
  }
}

/** strconv.ParseBool. */
function parseBool(name: string, s: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  throw new LiveConfigError(`could not parse ${name}: strconv.ParseBool: parsing ${JSON.stringify(s)}: invalid syntax`);
}

/** The token helper's ~/.vault-token, whitespace-trimmed; "" when there is none. */
function tokenFile(home: string): string {
  try {
    return readFileSync(join(home, '.vault-token'), 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new LiveConfigError(`cannot read ${join(home, '.vault-token')}: ${fsReason(e)}`);
  }
}

function caCerts(caCert: string | undefined, caPath: string | undefined): string[] | undefined {
  if (caCert) return [readFile(caCert, 'CA certificate')];
  if (!caPath) return undefined;
  let names: string[];
  try {
    names = readdirSync(caPath).sort();
  } catch (e) {
    throw new LiveConfigError(`cannot read CA directory ${caPath}: ${fsReason(e)}`);
  }
  return names.map((n) => readFile(join(caPath, n), 'CA certificate'));
}

/** Resolves options, environment and files into the settings a live client uses. */
export function resolveLiveSettings(opts: LiveOptions): LiveSettings {
  const env = opts.env ?? process.env;
  const get = (k: string): string | undefined => {
    const v = env[k];
    return v === undefined || v === '' ? undefined : v;
  };
  const address = (opts.address ?? get('VAULT_AGENT_ADDR') ?? get('VAULT_ADDR') ?? DEFAULT_LIVE_ADDRESS).replace(/\/+$/, '');
  try {
    const u = new URL(address);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`unsupported scheme ${u.protocol}`);
  } catch (e) {
    throw new LiveConfigError(`invalid Vault address ${JSON.stringify(address)}: ${(e as Error).message}`);
  }
  const skipEnv = get('VAULT_SKIP_VERIFY');
  const skipVerify = opts.skipVerify ?? (skipEnv === undefined ? false : parseBool('VAULT_SKIP_VERIFY', skipEnv));
  const timeout = get('VAULT_CLIENT_TIMEOUT');
  const retries = get('VAULT_MAX_RETRIES');
  const noRedirects = get('VAULT_DISABLE_REDIRECTS');
  const maxBody = get('VTPL_MAX_RESPONSE_SIZE');
  // ReadEnvironment: a VAULT_CLIENT_TIMEOUT of 0 keeps the 60s default.
  const timeoutMs = timeout === undefined ? 0 : parseTimeout(timeout);
  const transport: TransportSettings = {
    ca: caCerts(opts.caCert ?? get('VAULT_CACERT'), opts.caPath ?? get('VAULT_CAPATH')),
    skipVerify,
    timeoutMs: timeoutMs === 0 ? 60_000 : timeoutMs,
    retry: { ...DEFAULT_RETRY, maxRetries: opts.maxRetries ?? (retries === undefined ? DEFAULT_RETRY.maxRetries : parseRetries(retries)) },
    disableRedirects: noRedirects === undefined ? false : parseBool('VAULT_DISABLE_REDIRECTS', noRedirects),
    maxResponseBytes: responseCap(opts.maxResponseBytes ?? (maxBody === undefined ? DEFAULT_MAX_RESPONSE_BYTES : parseSize('VTPL_MAX_RESPONSE_SIZE', maxBody))),
    clock: opts.clock,
  };
  const namespace = opts.namespace ?? get('VAULT_NAMESPACE') ?? '';

  let auth: LiveAuth;
  if (opts.kubernetes && opts.appRole) throw new LiveConfigError('choose one login method: kubernetes (--role/--jwt) or AppRole (--role-id/--secret-id)');
  if (opts.kubernetes) {
    const file = opts.kubernetes.jwtFile ?? DEFAULT_JWT_FILE;
    // Vault Agent's kubernetes auth trims the token file.
    const jwt = readFile(file, 'service account token').trim();
    auth = { kind: 'kubernetes', role: opts.kubernetes.role, jwt, mountPath: trimMount(opts.kubernetes.mountPath ?? 'kubernetes') };
  } else if (opts.appRole) {
    auth = { kind: 'approle', roleId: opts.appRole.roleId, secretId: opts.appRole.secretId ?? '', mountPath: trimMount(opts.appRole.mountPath ?? 'approle') };
  } else {
    auth = { kind: 'token', token: opts.token ?? get('VAULT_TOKEN') ?? tokenFile(opts.home ?? homedir()) };
  }
  return { address, namespace, transport, auth };
}

/**
 * VAULT_CLIENT_TIMEOUT in milliseconds, as parseutil.ParseDurationSecond reads it: whole
 * seconds ("30"), days ("2d") or a Go duration ("1m30s", "500ms").
 */
function parseTimeout(s: string): number {
  let ns: bigint | undefined;
  if (/^[+-]?\d+$/.test(s)) ns = BigInt(s) * 1_000_000_000n;
  else if (s.endsWith('d') && /^[+-]?\d+$/.test(s.slice(0, -1))) ns = BigInt(s.slice(0, -1)) * 86_400_000_000_000n;
  else {
    try {
      ns = parseDuration(s);
    } catch {
      ns = undefined;
    }
  }
  if (ns === undefined || ns > (1n << 63n) - 1n || ns < -(1n << 63n)) throw new LiveConfigError('could not parse "VAULT_CLIENT_TIMEOUT"');
  // A positive timeout under a millisecond is still a timeout (0 would mean the default).
  return ns > 0n && ns < 1_000_000n ? 1 : Number(ns / 1_000_000n);
}

/** VAULT_MAX_RETRIES: strconv.ParseUint(v, 10, 32). */
function parseRetries(s: string): number {
  const fail = (why: string): LiveConfigError =>
    new LiveConfigError(`could not parse VAULT_MAX_RETRIES: strconv.ParseUint: parsing ${JSON.stringify(s)}: ${why}`);
  if (!/^\d+$/.test(s)) throw fail('invalid syntax');
  const n = Number(s);
  if (n > 0xffffffff) throw fail('value out of range');
  return n;
}

/** A body becomes one string: a cap above Node's longest string would crash instead of failing clearly. */
function responseCap(n: number): number {
  const max = bufferConstants.MAX_STRING_LENGTH;
  if (n > max) throw new LiveConfigError(`the response size limit ${n} is above ${max} bytes, the longest text Node can hold`);
  return n;
}

/** A byte count: "1048576", or with a unit: "512KiB", "64MiB", "1GiB" (also KB, MB, GB, as the same powers of 1024). */
export function parseSize(name: string, s: string): number {
  const m = /^(\d+)\s*(B|K|KB|KiB|M|MB|MiB|G|GB|GiB)?$/i.exec(s.trim());
  const unit = m?.[2]?.charAt(0).toUpperCase();
  const n = m ? Number(m[1]) * (unit === 'G' ? 1024 ** 3 : unit === 'M' ? 1024 ** 2 : unit === 'K' ? 1024 : 1) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new LiveConfigError(`could not parse ${name}: ${JSON.stringify(s)} (a size in bytes, such as 1048576 or 64MiB)`);
  return n;
}

function trimMount(m: string): string {
  return m.replace(/^\/+|\/+$/g, '').replace(/^auth\//, '');
}
