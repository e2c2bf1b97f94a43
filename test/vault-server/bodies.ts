// Response bodies shaped like Vault's (logical.HTTPResponse, in Vault's key order), built as
// text so that data given as JSON text keeps its number literals.

import { randomBytes, randomUUID } from 'node:crypto';

export interface Reply {
  readonly status: number;
  /** Body text; absent for 204. */
  readonly body?: string;
}

export interface Envelope {
  /** JSON text of `data` ("null" for none). */
  readonly data: string;
  readonly leaseId?: string;
  readonly renewable?: boolean;
  readonly leaseDuration?: number;
  readonly warnings?: readonly string[];
  /** JSON text of `auth`. */
  readonly auth?: string;
  readonly mountType?: string;
}

export function envelope(e: Envelope): string {
  return (
    `{"request_id":${JSON.stringify(randomUUID())},"lease_id":${JSON.stringify(e.leaseId ?? '')},"renewable":${e.renewable ?? false},` +
    `"lease_duration":${e.leaseDuration ?? 0},"data":${e.data},"wrap_info":null,` +
    `"warnings":${e.warnings ? JSON.stringify(e.warnings) : 'null'},"auth":${e.auth ?? 'null'},"mount_type":${JSON.stringify(e.mountType ?? '')}}`
  );
}

export function ok(e: Envelope): Reply {
  return { status: 200, body: envelope(e) };
}

export function errors(status: number, ...messages: string[]): Reply {
  return { status, body: JSON.stringify({ errors: messages }) };
}

export const noContent: Reply = { status: 204 };
export const notFound: Reply = errors(404);
export const permissionDenied: Reply = errors(403, 'permission denied');
export const sealed: Reply = errors(503, 'Vault is sealed');

/** Vault's router answer for a path no mount serves. */
export function noHandler(path: string): Reply {
  return errors(404, `no handler for route ${JSON.stringify(path)}. route entry not found.`);
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
