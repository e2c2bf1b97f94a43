// A VaultClient talking to a live Vault over HTTP (Node only).
//
// node-vault is the HTTP client (the project chose it): it builds the /v1 URLs, sends
// X-Vault-Token and X-Vault-Namespace, and runs the kubernetes and AppRole logins
// (adopting the returned client token). Its transport is replaced (see live-transport.ts)
// so that bodies reach vault-api.ts byte for byte with their status: a 403, 404, 500 or 503
// is a response here, not an exception, and vault-api.ts turns it into vault/api's error text.

import type NodeVault from 'node-vault';
import { utf8Bytes } from '../go/unicode/utf8/index.js';
import type { VaultClient, VaultResponse } from './client.js';
import { encodeQuery } from './dependency/vault_api.js';
import { type LiveAuth, type LiveOptions, type LiveSettings, resolveLiveSettings } from './live-config.js';
import { type RawBody, nodeVaultTransport, parsedBodyMeta } from './live-transport.js';
import { givingUp } from './retry.js';

/** A failed login; the message reads like vault/api's ResponseError. */
export class VaultLoginError extends Error {
  override name = 'VaultLoginError';
}

/**
 * Go's URL.EscapedPath for "/v1/" + path: unreserved characters, "/" and the sub-delims
 * `!$&'()*+,;=:@` stay, everything else is %XX over the Go bytes (an escape is its byte).
 */
export function escapePath(path: string): string {
  let out = '';
  for (const b of utf8Bytes(path)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~/!$&'()*+,;=:@]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function isRawBody(v: unknown): v is RawBody {
  return typeof v === 'object' && v !== null && (v as { raw?: unknown }).raw === true;
}

/** node-vault's ApiResponseError carries the transport's body in `response.body`. */
function rawFromError(e: unknown): RawBody | undefined {
  const body = (e as { response?: { body?: unknown } } | null)?.response?.body;
  return isRawBody(body) ? body : undefined;
}

function loginError(settings: LiveSettings, mountPath: string, kind: string, e: unknown): VaultLoginError {
  const res = (e as { response?: { statusCode?: number; body?: unknown } } | null)?.response;
  if (res?.statusCode === undefined) return new VaultLoginError(`${kind} login failed: ${e instanceof Error ? e.message : String(e)}`);
  const meta = parsedBodyMeta(res.body);
  const url = meta.url ?? `${settings.address}/v1/auth/${mountPath}/login`;
  const errs = (res.body as { errors?: unknown } | undefined)?.errors;
  const list = Array.isArray(errs) ? errs.map((x) => `* ${String(x)}`).join('\n') : String(JSON.stringify(res.body));
  const gaveUp = meta.gaveUpAfter === undefined ? '' : `\n\n${givingUp(meta.gaveUpAfter)}`;
  return new VaultLoginError(`${kind} login failed: Error making API request.\n\nURL: PUT ${url}\nCode: ${res.statusCode}. Errors:\n\n${list}${gaveUp}`);
}

export class LiveVaultClient implements VaultClient {
  readonly address: string;
  readonly namespace: string;

  private constructor(
    private readonly settings: LiveSettings,
    private readonly vault: NodeVault.client,
  ) {
    this.address = settings.address;
    this.namespace = settings.namespace;
  }

  /** Resolves the settings, logs in when a login method is configured, and returns the client. */
  static async connect(opts: LiveOptions): Promise<LiveVaultClient> {
    const settings = resolveLiveSettings(opts);
    // Loaded here, not with this module: node-vault and its HTTP stack (axios, form-data,
    // mime-db) cost more CPU than Node's own start, and only a live Vault needs them.
    const { default: nodeVault } = await import('node-vault');
    const vault = nodeVault({
      apiVersion: 'v1',
      endpoint: settings.address,
      pathPrefix: '',
      'request-promise': nodeVaultTransport(settings.transport),
    });
    // Set after construction: node-vault falls back to process.env for empty values, and the
    // settings already applied the environment (possibly a different one) by the CLI's rules.
    vault.token = settings.auth.kind === 'token' ? settings.auth.token : '';
    (vault as { namespace?: string }).namespace = settings.namespace;
    const client = new LiveVaultClient(settings, vault);
    await client.login(settings.auth);
    return client;
  }

  /** The token requests are sent with (after a login, the one Vault issued). */
  get token(): string {
    return this.vault.token ?? '';
  }

  /** Sends later requests with `token` (the agent runtime logs in and renews tokens itself). */
  setToken(token: string): void {
    this.vault.token = token;
  }

  private async login(auth: LiveAuth): Promise<void> {
    if (auth.kind === 'token') return;
    const kind = auth.kind === 'kubernetes' ? 'kubernetes' : 'approle';
    try {
      if (auth.kind === 'kubernetes') {
        await this.vault.kubernetesLogin({ role: auth.role, jwt: auth.jwt, mount_point: auth.mountPath });
      } else {
        await this.vault.approleLogin({ role_id: auth.roleId, secret_id: auth.secretId, mount_point: auth.mountPath });
      }
    } catch (e) {
      throw loginError(this.settings, auth.mountPath, kind, e);
    }
    if (!this.vault.token) throw new VaultLoginError(`${kind} login failed: the response has no auth.client_token`);
  }

  private async call(method: 'GET' | 'PUT', path: string, json?: Readonly<Record<string, unknown>>): Promise<VaultResponse> {
    let body: unknown;
    try {
      body = await this.vault.request({ method, path: `/${path}`, json, rawBody: true });
    } catch (e) {
      body = rawFromError(e);
      if (body === undefined) throw e;
    }
    if (!isRawBody(body)) throw new Error(`unexpected transport result for ${method} ${path}`);
    return { status: body.status, body: body.text, url: body.url, gaveUpAfter: body.gaveUpAfter };
  }

  read(path: string, query?: ReadonlyMap<string, readonly string[]>): Promise<VaultResponse> {
    const q = query && query.size > 0 ? `?${encodeQuery(query)}` : '';
    return this.call('GET', `${escapePath(path)}${q}`);
  }

  /** vault/api's Logical().List sends GET ?list=true rather than the LIST verb. */
  list(path: string): Promise<VaultResponse> {
    return this.call('GET', `${escapePath(path)}?list=true`);
  }

  write(path: string, data: Readonly<Record<string, unknown>>): Promise<VaultResponse> {
    return this.call('PUT', escapePath(path), data);
  }

  mountInfo(path: string): Promise<VaultResponse> {
    return this.call('GET', `sys/internal/ui/mounts/${escapePath(path)}`);
  }
}

/** Connects to a live Vault (see LiveOptions for where each setting comes from). */
export function connectLiveVault(opts: LiveOptions = {}): Promise<LiveVaultClient> {
  return LiveVaultClient.connect(opts);
}
