// Port of the parts of hashicorp/vault/api the dependencies use: Logical().ReadWithData,
// List and Write (404 handling, ResponseError texts) on top of a VaultClient.

import { utf8Bytes } from '../../go/unicode/utf8/index.js';
import { GoError } from '../../value/index.js';
import { type ApiSecret, parseVaultResponse } from './vault_common.js';
import type { VaultClient, VaultResponse } from '../client.js';
import { givingUp } from '../retry.js';

/** url.Values.Encode: keys sorted, values in order, query-escaped. */
export function encodeQuery(query: ReadonlyMap<string, readonly string[]>): string {
  const keys = [...query.keys()].sort();
  const parts: string[] = [];
  for (const k of keys) for (const v of query.get(k) ?? []) parts.push(`${queryEscape(k)}=${queryEscape(v)}`);
  return parts.join('&');
}

/** url.QueryEscape, over s's Go bytes (an escape is its byte). */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** api.ResponseError.Error() for a non-2xx response. */
function responseError(method: string, url: string, res: VaultResponse): GoError {
  let errors: string[];
  let raw = false;
  try {
    const parsed = JSON.parse(res.body) as unknown;
    if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    const errs = parsed === null ? undefined : (parsed as Record<string, unknown>).errors;
    if (errs !== undefined && errs !== null && !(Array.isArray(errs) && errs.every((e) => typeof e === 'string' || e === null))) throw new Error('bad errors');
    errors = Array.isArray(errs) ? errs.map((e) => (e === null ? '' : String(e))) : [];
  } catch {
    raw = true;
    errors = [res.body];
  }
  let text = `Error making API request.\n\nURL: ${method} ${url}\nCode: ${res.status}. ${raw ? 'Raw Message' : 'Errors'}:\n\n`;
  text += raw && errors.length === 1 ? errors[0] : errors.map((e) => `* ${e}`).join('');
  if (res.gaveUpAfter !== undefined) text += `\n\n${givingUp(res.gaveUpAfter)}`;
  return new GoError(text);
}

function ok(status: number): boolean {
  return status >= 200 && status < 400;
}

/** ParseRawResponseAndCloseBody / list / write 404 handling: a 404 carrying data or warnings is a secret. */
function parse404(res: VaultResponse): ApiSecret | null {
  let secret: ApiSecret | null;
  try {
    secret = parseVaultResponse(res.body);
  } catch (e) {
    if (e instanceof GoError && e.message === 'EOF') return null;
    throw e;
  }
  if (secret && ((secret.warnings?.length ?? 0) > 0 || (secret.data.map()?.size ?? 0) > 0)) return secret;
  return null;
}

/** The URL an error names: the one that answered (after a redirect), else the one asked. */
export function requestURL(client: VaultClient, path: string, query: string, res?: VaultResponse): string {
  return res?.url ?? `${client.address}/v1/${path}${query ? `?${query}` : ''}`;
}

/** Logical().ReadWithData(path, query). */
export async function logicalRead(client: VaultClient, path: string, query: ReadonlyMap<string, readonly string[]>): Promise<ApiSecret | null> {
  const res = await client.read(path, query);
  if (res.status === 404) return parse404(res);
  if (!ok(res.status)) throw responseError('GET', requestURL(client, path, encodeQuery(query), res), res);
  return parseVaultResponse(res.body);
}

/** Logical().List(path). */
export async function logicalList(client: VaultClient, path: string): Promise<ApiSecret | null> {
  const res = await client.list(path);
  if (res.status === 404) return parse404(res);
  if (!ok(res.status)) throw responseError('GET', requestURL(client, path, 'list=true', res), res);
  return parseVaultResponse(res.body);
}

/** Logical().Write(path, data): unlike reads, any 404 is an error. */
export async function logicalWrite(client: VaultClient, path: string, data: Readonly<Record<string, unknown>>): Promise<ApiSecret | null> {
  const res = await client.write(path, data);
  if (!ok(res.status)) throw responseError('PUT', requestURL(client, path, '', res), res);
  return parseVaultResponse(res.body);
}

/** Logical().ReadRaw("sys/internal/ui/mounts/" + path): the raw response, or a ResponseError. */
export async function readMountRaw(client: VaultClient, path: string): Promise<VaultResponse> {
  const res = await client.mountInfo(path);
  if (!ok(res.status)) throw Object.assign(responseError('GET', requestURL(client, `sys/internal/ui/mounts/${path}`, '', res), res), { status: res.status });
  return res;
}
