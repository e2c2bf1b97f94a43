// Response bodies as Vault sends them: encoding/json's Encoder (HTML-escaping <, > and &) over
// logical.HTTPResponse, whose struct fields keep their declaration order while the maps in it
// (data, auth metadata) have sorted keys (vault/sdk logical/translate_response.go, Vault's
// http/handler.go respondOk). Data is given as JSON text so that its number literals are kept,
// as Vault keeps them (it decodes stored JSON with UseNumber).

import { randomBytes, randomUUID } from 'node:crypto';
import { decodeJSON, marshalJSON } from '../../src/go/encoding/json/index.js';
import { quote } from '../../src/go/strconv/index.js';

export interface Reply {
  readonly status: number;
  /** Body text; absent for 204. */
  readonly body?: string;
}

/** JSON text as Go's encoding/json re-encodes what it decoded into interface{} with UseNumber. */
export function goJSON(text: string): string {
  return marshalJSON(decodeJSON(text, { useNumber: true }), { escapeHTML: true });
}

/** A JavaScript value as Go encodes the same map[string]interface{} (or string, slice, ...). */
export function goJSONOf(v: unknown): string {
  return goJSON(JSON.stringify(v ?? null));
}

/** A Go struct: fields in declaration order, each value already encoded. */
function goStruct(fields: readonly (readonly [string, string])[]): string {
  return `{${fields.map(([name, value]) => `"${name}":${value}`).join(',')}}`;
}

export interface Envelope {
  /** JSON text of `data` ("null" for none). */
  readonly data: string;
  readonly leaseId?: string;
  readonly renewable?: boolean;
  readonly leaseDuration?: number;
  readonly warnings?: readonly string[];
  /** JSON text of `auth` (see httpAuth). */
  readonly auth?: string;
  readonly mountType?: string;
}

/** logical.HTTPResponse. */
export function envelope(e: Envelope): string {
  return goStruct([
    ['request_id', goJSONOf(randomUUID())],
    ['lease_id', goJSONOf(e.leaseId ?? '')],
    ['renewable', goJSONOf(e.renewable ?? false)],
    ['lease_duration', goJSONOf(e.leaseDuration ?? 0)],
    ['data', goJSON(e.data)],
    ['wrap_info', 'null'],
    ['warnings', goJSONOf(e.warnings ?? null)],
    ['auth', e.auth ?? 'null'],
    ['mount_type', goJSONOf(e.mountType ?? '')],
  ]);
}

export interface Auth {
  readonly clientToken: string;
  readonly accessor: string;
  readonly policies: readonly string[];
  readonly tokenPolicies: readonly string[];
  /** map[string]string: null when nil. */
  readonly metadata: Readonly<Record<string, string>> | null;
  readonly leaseDuration: number;
  readonly renewable: boolean;
  readonly entityId: string;
  readonly tokenType: string;
  readonly orphan: boolean;
}

/** logical.HTTPAuth (token_policies and identity_policies are omitempty; no MFA requirement). */
export function httpAuth(a: Auth): string {
  return goStruct([
    ['client_token', goJSONOf(a.clientToken)],
    ['accessor', goJSONOf(a.accessor)],
    ['policies', goJSONOf(a.policies)],
    ...(a.tokenPolicies.length > 0 ? [['token_policies', goJSONOf(a.tokenPolicies)] as const] : []),
    ['metadata', goJSONOf(a.metadata)],
    ['lease_duration', goJSONOf(a.leaseDuration)],
    ['renewable', goJSONOf(a.renewable)],
    ['entity_id', goJSONOf(a.entityId)],
    ['token_type', goJSONOf(a.tokenType)],
    ['orphan', goJSONOf(a.orphan)],
    ['mfa_requirement', 'null'],
    ['num_uses', '0'],
  ]);
}

export function ok(e: Envelope): Reply {
  return { status: 200, body: envelope(e) };
}

/** logical.RespondError's errorResponse. */
export function errors(status: number, ...messages: string[]): Reply {
  return { status, body: goStruct([['errors', goJSONOf(messages)]]) };
}

export const noContent: Reply = { status: 204 };
export const notFound: Reply = errors(404);
export const permissionDenied: Reply = errors(403, 'permission denied');
export const sealed: Reply = errors(503, 'Vault is sealed');

/** Vault's router answer for a path no mount serves. */
export function noHandler(path: string): Reply {
  return errors(404, `no handler for route ${quote(path)}. route entry not found.`);
}

/** RFC 3339 with nanoseconds, as Vault prints times ("2024-05-01T10:00:00.123456789Z"). */
export function vaultTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_, frac: string) => `.${frac}000000Z`);
}

/** A random base62 string (lease suffixes, generated usernames). */
export function randomId(n: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');
}
