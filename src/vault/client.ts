// The transport the Vault dependencies use: raw HTTP-like results, so that recorded
// responses, a live Vault and test servers all go through the same vault/api port.

/** An HTTP response from Vault: the status code and the body text. */
export interface VaultResponse {
  readonly status: number;
  readonly body: string;
  /** The URL that answered when the client followed a redirect (vault/api's errors name it). */
  readonly url?: string;
  /** Set when every one of this many attempts failed in a way worth retrying: this is the last. */
  readonly gaveUpAfter?: number;
}

export interface VaultClient {
  /** The server address as it appears in vault/api error messages ("https://127.0.0.1:8200"). */
  readonly address: string;
  /** Vault namespace of the client ("" for none); KV v2 path shimming depends on it. */
  readonly namespace: string;
  /** GET /v1/PATH with the given query parameters. */
  read(path: string, query?: ReadonlyMap<string, readonly string[]>): Promise<VaultResponse>;
  /** LIST /v1/PATH (vault/api sends GET ?list=true). */
  list(path: string): Promise<VaultResponse>;
  /** PUT /v1/PATH with `data` as the JSON body. */
  write(path: string, data: Readonly<Record<string, unknown>>): Promise<VaultResponse>;
  /** GET /v1/sys/internal/ui/mounts/PATH (the mount that serves PATH). */
  mountInfo(path: string): Promise<VaultResponse>;
}
