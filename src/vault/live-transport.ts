// The HTTP transport under node-vault for the live client (Node only).
//
// node-vault's own transport (axios) JSON.parses every body, which turns 1.50 into 1.5 and
// 12345678901234567890 into 12345678901234567000; consul-template decodes Vault bodies with
// UseNumber and prints numbers by their literal text, so the live client needs the body bytes.
// node-vault lets the caller supply the transport through its `request-promise` option: this
// module is that transport. Requests marked `rawBody` answer {status, text} as the body (so
// node-vault hands it back untouched on 200/204 and inside ApiResponseError otherwise);
// other requests (the logins) answer parsed JSON, so node-vault adopts the login token itself.
//
// Every request behaves as hashicorp/vault api/client.go rawRequestWithContext sends it: one
// deadline (VAULT_CLIENT_TIMEOUT) over the whole request, retries and backoff included;
// retries by retry.ts; one 301/302/307 redirect followed, headers (the token too) kept.

import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type { Socket } from 'node:net';
import { lazyRequire } from './lazy-require.js';
import { type AttemptResult, type RetryClock, type RetryConfig, givingUp, withRetries } from './retry.js';

export interface TransportSettings {
  /** PEM CA certificates to trust instead of the system roots (VAULT_CACERT / VAULT_CAPATH). */
  readonly ca?: readonly string[];
  /** VAULT_SKIP_VERIFY: do not verify the server certificate. */
  readonly skipVerify: boolean;
  /**
   * The deadline of a whole request, retries, their backoff and a redirect included
   * (VAULT_CLIENT_TIMEOUT, vault/api default 60s); 0 or less: none.
   */
  readonly timeoutMs: number;
  /** VAULT_MAX_RETRIES and vault/api's backoff bounds. */
  readonly retry: RetryConfig;
  /** VAULT_DISABLE_REDIRECTS: answer a redirect as it is instead of following it. */
  readonly disableRedirects: boolean;
  /** The largest response body accepted (VTPL_MAX_RESPONSE_SIZE); larger ones are an error. */
  readonly maxResponseBytes: number;
  /** The backoff's clock (tests and agent runtimes inject their own). */
  readonly clock?: RetryClock;
}

/** What a rawBody request resolves to (as node-vault's response body). */
export interface RawBody {
  readonly raw: true;
  readonly status: number;
  readonly text: string;
  /** The URL that answered, when a redirect was followed (vault/api reports errors with it). */
  readonly url?: string;
  /** The answer is the last of this many attempts, each worth retrying. */
  readonly gaveUpAfter?: number;
}

/** The options node-vault passes to the transport (its own plus ours). */
export interface TransportRequest {
  readonly method: string;
  readonly uri: string;
  readonly headers?: Record<string, string>;
  /** A JSON body (node-vault's request-library convention). */
  readonly json?: unknown;
  /** Answer {status, text} instead of parsed JSON. */
  readonly rawBody?: boolean;
}

export interface TransportResponse {
  readonly statusCode: number;
  readonly body: unknown;
  readonly request: { readonly path: string };
}

/** RawBody's url and gaveUpAfter for a parsed JSON body (a login's answer). */
export interface ParsedBodyMeta {
  readonly url?: string;
  readonly gaveUpAfter?: number;
}

/**
 * node-vault's ApiResponseError keeps only a failed login's status and body, so what the
 * transport knows about the exchange stays attached to the body object here.
 */
// node:http and node:https (with tls) are loaded by the first request: `preview` and `check`
// of recorded responses reach this module through the agent's runtime but never call Vault.
const http = lazyRequire<typeof Http>('node:http');
const https = lazyRequire<typeof Https>('node:https');

const parsedMeta = new WeakMap<object, ParsedBodyMeta>();

export function parsedBodyMeta(body: unknown): ParsedBodyMeta {
  return (typeof body === 'object' && body !== null && parsedMeta.get(body)) || {};
}

/** context.DeadlineExceeded: what vault/api returns once VAULT_CLIENT_TIMEOUT has passed. */
const DEADLINE_EXCEEDED = 'context deadline exceeded';

/** A failed request; `gaveUpAfter` counts the attempts when every one failed and retries ran out. */
class TransportError extends Error {
  override name = 'TransportError';
  constructor(message: string, gaveUpAfter?: number) {
    super(gaveUpAfter === undefined ? message : `${message} ${givingUp(gaveUpAfter)}`);
  }
}

const CERT_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
]);

/** Go's net.Addr text: "127.0.0.1:80", "[::1]:80". */
function hostPort(addr: string | undefined, port: number | undefined): string {
  return `${addr?.includes(':') ? `[${addr}]` : (addr ?? '')}:${port ?? ''}`;
}

/** "local->remote" as Go's net.OpError names a connection; read while the socket is open. */
function connectionName(socket: Socket): string {
  return `${hostPort(socket.localAddress, socket.localPort)}->${hostPort(socket.remoteAddress, socket.remotePort)}`;
}

/** net/http's url.Error text for a failed connection, as vault/api errors show it. */
function connectionError(method: string, uri: string, e: NodeJS.ErrnoException, conn: string): string {
  const op = method.charAt(0) + method.slice(1).toLowerCase();
  const u = new URL(uri);
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  let why: string;
  switch (e.code) {
    case 'ECONNREFUSED':
      why = `dial tcp ${u.hostname}:${port}: connect: connection refused`;
      break;
    case 'ENOTFOUND':
      why = `dial tcp: lookup ${u.hostname}: no such host`;
      break;
    case 'ETIMEDOUT':
      why = `dial tcp ${u.hostname}:${port}: i/o timeout`;
      break;
    case 'ECONNRESET':
      // Node says "socket hang up" when the server closed without answering: Go reads EOF.
      why = e.message === 'socket hang up' ? 'EOF' : `read tcp ${conn}: read: connection reset by peer`;
      break;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      why = 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
      break;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      why = `tls: failed to verify certificate: x509: certificate is not valid for ${u.hostname}`;
      break;
    case 'CERT_HAS_EXPIRED':
      why = 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid';
      break;
    default:
      why = e.message;
  }
  return `${op} ${JSON.stringify(uri)}: ${why}`;
}

function sizeText(n: number): string {
  return n % 1048576 === 0 ? `${n / 1048576} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}

function tooLarge(method: string, uri: string, max: number): string {
  const op = method.charAt(0) + method.slice(1).toLowerCase();
  return `${op} ${JSON.stringify(uri)}: the response body is larger than ${sizeText(max)} (VTPL_MAX_RESPONSE_SIZE or --max-response-size raise the limit)`;
}

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly location?: string;
}

interface Outgoing {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** One HTTP exchange; never rejects (the retry loop judges the result). */
function sendOnce(out: Outgoing, uri: string, settings: TransportSettings, signal: AbortSignal): Promise<AttemptResult<Answer>> {
  const url = new URL(uri);
  const secure = url.protocol === 'https:';
  const options = secure
    ? { method: out.method, headers: out.headers, ca: settings.ca ? [...settings.ca] : undefined, rejectUnauthorized: !settings.skipVerify }
    : { method: out.method, headers: out.headers };
  const max = settings.maxResponseBytes;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: AttemptResult<Answer>): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const fail = (message: string, retryable: boolean): void => settle({ error: new Error(message), retryable });
    // A reset socket no longer knows its addresses: they are remembered once connected (or reused).
    let conn = '';
    const onAbort = (): void => {
      fail(DEADLINE_EXCEEDED, false);
      r.destroy();
    };
    const r = (secure ? https().request : http().request)(url, options, (res) => {
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers['content-length']);
      if (declared > max) {
        fail(tooLarge(out.method, uri, max), false);
        r.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > max) {
          fail(tooLarge(out.method, uri, max), false);
          r.destroy();
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => {
        const retryAfter = res.headers['retry-after'];
        const location = res.headers.location;
        settle({ response: { status, text: Buffer.concat(chunks).toString('utf8'), location }, status, retryAfter });
      });
      // A body cut short: vault/api fails decoding it, after the retry loop (not retried).
      res.on('error', (e: NodeJS.ErrnoException) => fail(connectionError(out.method, uri, e, conn), false));
    });
    r.on('socket', (socket: Socket) => {
      if (socket.remoteAddress !== undefined) conn = connectionName(socket);
      else
        socket.once('connect', () => {
          conn = connectionName(socket);
        });
    });
    r.on('error', (e: NodeJS.ErrnoException) => fail(connectionError(out.method, uri, e, conn), !CERT_ERRORS.has(e.code ?? '')));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort);
    if (out.body !== undefined) r.write(out.body);
    r.end();
  });
}

/** Statuses vault/api follows (once) to the Location, as a standby node redirects to the active one. */
const REDIRECTS = new Set([301, 302, 307]);

/** Retries inside, one redirect around them, all under one deadline (rawRequestWithContext). */
async function send(req: TransportRequest, settings: TransportSettings): Promise<{ status: number; text: string; url?: string; gaveUpAfter?: number }> {
  const body = req.json !== undefined && typeof req.json === 'object' ? JSON.stringify(req.json) : undefined;
  const headers: Record<string, string> = { 'X-Vault-Request': 'true', ...req.headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(body));
  }
  // vault/api sends every write, logins included, as PUT (node-vault posts logins). Vault treats
  // both alike, but a failed connection names the method: Vault Agent logs `Put "…/login": …`.
  const out: Outgoing = { method: req.method === 'POST' ? 'PUT' : req.method, headers, body };
  const deadline = new AbortController();
  const timer = settings.timeoutMs > 0 ? setTimeout(() => deadline.abort(new Error(DEADLINE_EXCEEDED)), settings.timeoutMs) : undefined;
  try {
    let uri = req.uri;
    for (let redirects = 0; ; redirects++) {
      const target = uri;
      const { last, attempts, exhausted } = await withRetries(
        (): Promise<AttemptResult<Answer>> => sendOnce(out, target, settings, deadline.signal),
        settings.retry,
        {
          clock: settings.clock,
          signal: deadline.signal,
        },
      );
      const gaveUpAfter = exhausted ? attempts : undefined;
      if ('error' in last) throw new TransportError((last.error as Error).message, gaveUpAfter);
      const answer = last.response;
      if (REDIRECTS.has(answer.status) && redirects === 0 && !settings.disableRedirects) {
        if (answer.location === undefined) throw new TransportError('http: no Location header in response');
        let next: URL;
        try {
          next = new URL(answer.location, uri);
        } catch {
          throw new TransportError(`parse ${JSON.stringify(answer.location)}: invalid URL`);
        }
        if (new URL(uri).protocol === 'https:' && next.protocol !== 'https:') throw new TransportError('redirect would cause protocol downgrade');
        uri = next.href;
        continue;
      }
      return { status: answer.status, text: answer.text, url: uri === req.uri ? undefined : uri, gaveUpAfter };
    }
  } catch (e) {
    // The deadline ends a request wherever it is: in an attempt, or between two of them.
    if (deadline.signal.aborted) throw new TransportError(DEADLINE_EXCEEDED);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

function parseJSON(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The object node-vault's `request-promise` option expects: `.defaults(opts)` gives the request function. */
export function nodeVaultTransport(settings: TransportSettings): { defaults(opts: unknown): (req: TransportRequest) => Promise<TransportResponse> } {
  const requestFn = async (req: TransportRequest): Promise<TransportResponse> => {
    const { status, text, url, gaveUpAfter } = await send(req, settings);
    const body: unknown = req.rawBody ? ({ raw: true, status, text, url, gaveUpAfter } satisfies RawBody) : parseJSON(text);
    if (!req.rawBody && typeof body === 'object' && body !== null) parsedMeta.set(body, { url, gaveUpAfter });
    return { statusCode: status, body, request: { path: new URL(url ?? req.uri).pathname } };
  };
  // node-vault's defaults (json, strictSSL from VAULT_SKIP_VERIFY as any non-empty string)
  // are replaced by the settings resolved as the vault CLI resolves them.
  return { defaults: () => requestFn };
}
