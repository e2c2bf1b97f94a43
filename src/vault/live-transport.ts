// The HTTP transport under node-vault for the live client (Node only).
//
// node-vault's own transport (axios) JSON.parses every body, which turns 1.50 into 1.5 and
// 12345678901234567890 into 12345678901234567000; consul-template decodes Vault bodies with
// UseNumber and prints numbers by their literal text, so the live client needs the body bytes.
// node-vault lets the caller supply the transport through its `request-promise` option: this
// module is that transport. Requests marked `rawBody` answer {status, text} as the body (so
// node-vault hands it back untouched on 200/204 and inside ApiResponseError otherwise);
// other requests (the logins) answer parsed JSON, so node-vault adopts the login token itself.

import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface TransportSettings {
  /** PEM CA certificates to trust instead of the system roots (VAULT_CACERT / VAULT_CAPATH). */
  readonly ca?: readonly string[];
  /** VAULT_SKIP_VERIFY: do not verify the server certificate. */
  readonly skipVerify: boolean;
  /** Per-request timeout (VAULT_CLIENT_TIMEOUT, vault/api default 60s). */
  readonly timeoutMs: number;
}

const TIMEOUT_CODE = 'VTPL_CLIENT_TIMEOUT';

/** What a rawBody request resolves to (as node-vault's response body). */
export interface RawBody {
  readonly raw: true;
  readonly status: number;
  readonly text: string;
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

/** net/http's url.Error text for a failed connection, as vault/api errors show it. */
function connectionError(method: string, uri: string, e: NodeJS.ErrnoException & { host?: string }): Error {
  const op = method.charAt(0) + method.slice(1).toLowerCase();
  const u = new URL(uri);
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  let why: string;
  switch (e.code) {
    case 'ECONNREFUSED': why = `dial tcp ${u.hostname}:${port}: connect: connection refused`; break;
    case 'ENOTFOUND': why = `dial tcp: lookup ${u.hostname}: no such host`; break;
    case 'ETIMEDOUT': why = `dial tcp ${u.hostname}:${port}: i/o timeout`; break;
    case 'ECONNRESET': why = 'read: connection reset by peer'; break;
    case TIMEOUT_CODE: why = 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)'; break;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      why = 'tls: failed to verify certificate: x509: certificate signed by unknown authority'; break;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      why = `tls: failed to verify certificate: x509: certificate is not valid for ${u.hostname}`; break;
    case 'CERT_HAS_EXPIRED':
      why = 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid'; break;
    default: why = e.message;
  }
  return new Error(`${op} ${JSON.stringify(uri)}: ${why}`);
}

function send(req: TransportRequest, tls: TransportSettings): Promise<{ status: number; text: string }> {
  const url = new URL(req.uri);
  // vault/api sends every write, logins included, as PUT (node-vault posts logins). Vault treats
  // both alike, but a failed connection names the method: Vault Agent logs `Put "…/login": …`.
  const method = req.method === 'POST' ? 'PUT' : req.method;
  const body = req.json !== undefined && typeof req.json === 'object' ? JSON.stringify(req.json) : undefined;
  const headers: Record<string, string> = { 'X-Vault-Request': 'true', ...req.headers };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(body));
  }
  const secure = url.protocol === 'https:';
  const options = secure
    ? { method, headers, ca: tls.ca ? [...tls.ca] : undefined, rejectUnauthorized: !tls.skipVerify }
    : { method, headers };
  return new Promise((resolve, reject) => {
    const r = (secure ? httpsRequest : httpRequest)(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => reject(connectionError(method, req.uri, e)));
    });
    r.on('error', (e) => reject(connectionError(method, req.uri, e)));
    r.setTimeout(tls.timeoutMs, () => r.destroy(Object.assign(new Error('timeout'), { code: TIMEOUT_CODE })));
    if (body !== undefined) r.write(body);
    r.end();
  });
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
export function nodeVaultTransport(tls: TransportSettings): { defaults(opts: unknown): (req: TransportRequest) => Promise<TransportResponse> } {
  const requestFn = async (req: TransportRequest): Promise<TransportResponse> => {
    const { status, text } = await send(req, tls);
    const body: unknown = req.rawBody ? ({ raw: true, status, text } satisfies RawBody) : parseJSON(text);
    return { statusCode: status, body, request: { path: new URL(req.uri).pathname } };
  };
  // node-vault's defaults (json, strictSSL from VAULT_SKIP_VERIFY as any non-empty string)
  // are replaced by the settings resolved as the vault CLI resolves them.
  return { defaults: () => requestFn };
}
