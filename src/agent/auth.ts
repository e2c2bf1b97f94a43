// Vault Agent's auto-auth methods the runtime supports (kubernetes, approle, token_file;
// or VAULT_TOKEN without auto_auth) and token renewal (auth/token/renew-self). Node.

// fs.promises, read where used: the CLI's bundle then loads node:fs/promises (with readline and
// streams) only when a file is read this way, not at start-up.
import { promises as fs } from 'node:fs';
import type { VaultClient } from '../vault/index.js';
import { logicalRead, logicalWrite } from '../vault/dependency/index.js';
import type { AuthMethodConfig } from './config.js';

/** A client whose token the agent sets after each login. */
export interface AgentVaultClient extends VaultClient {
  setToken(token: string): void;
}

export interface AuthToken {
  readonly token: string;
  /** Seconds the token lives (0: no expiry, such as a root token). */
  readonly leaseSeconds: number;
  readonly renewable: boolean;
}

/** A login that failed; the message is safe to log (no credential in it). */
export class AuthError extends Error {
  override name = 'AuthError';
}

async function readCredential(path: string, what: string): Promise<string> {
  try {
    return (await fs.readFile(path, 'utf8')).trim();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AuthError(`cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
}

/** Remembers what a method must keep between logins (approle's secret ID once its file is removed). */
export class Authenticator {
  private cachedSecretId: string | undefined;

  constructor(
    private readonly method: AuthMethodConfig | undefined,
    private readonly envToken: () => string,
  ) {}

  /** Logs in (or reads the token) and sets it on the client. */
  async login(client: AgentVaultClient): Promise<AuthToken> {
    const m = this.method;
    if (m === undefined || m.type === 'token_file') {
      const token = m === undefined ? this.envToken() : await readCredential(m.tokenFilePath, 'token file');
      if (token === '')
        throw new AuthError(m === undefined ? 'no Vault token: set VAULT_TOKEN or configure auto_auth' : `token file ${m.tokenFilePath} is empty`);
      client.setToken(token);
      if (m === undefined) return { token, leaseSeconds: 0, renewable: false };
      // The token_file method asks Vault how long the token lives, to renew it in time.
      const self = await logicalRead(client, 'auth/token/lookup-self', new Map());
      const data = self?.data.map();
      const ttl = Number(data?.entries.get('ttl')?.value.elem().v ?? 0);
      const renewable = data?.entries.get('renewable')?.value.elem().v === true;
      return { token, leaseSeconds: Number.isFinite(ttl) ? ttl : 0, renewable };
    }
    let path: string;
    let body: Record<string, string>;
    if (m.type === 'kubernetes') {
      path = `auth/${m.mountPath}/login`;
      body = { role: m.role, jwt: await readCredential(m.tokenPath, 'service account token') };
    } else {
      path = `auth/${m.mountPath}/login`;
      const roleId = await readCredential(m.roleIdFilePath, 'role ID file');
      let secretId = this.cachedSecretId ?? '';
      if (m.secretIdFilePath !== '') {
        try {
          secretId = await readCredential(m.secretIdFilePath, 'secret ID file');
          this.cachedSecretId = secretId;
          if (m.removeSecretIdFileAfterReading) await fs.rm(m.secretIdFilePath, { force: true });
        } catch (e) {
          // Vault Agent keeps the secret ID it read before the file was removed.
          if (this.cachedSecretId === undefined) throw e;
        }
      }
      body = { role_id: roleId, secret_id: secretId };
    }
    client.setToken('');
    let secret;
    try {
      secret = await logicalWrite(client, path, body);
    } catch (e) {
      throw new AuthError(`${m.type} login failed: ${(e as Error).message}`);
    }
    const auth = secret?.auth;
    if (!auth || auth.clientToken === '') throw new AuthError(`${m.type} login failed: the response has no auth.client_token`);
    client.setToken(auth.clientToken);
    return { token: auth.clientToken, leaseSeconds: Number(auth.leaseDuration), renewable: auth.renewable };
  }
}

/** PUT auth/token/renew-self: the token's new lease. */
export async function renewSelf(client: VaultClient): Promise<{ leaseSeconds: number; renewable: boolean }> {
  const secret = await logicalWrite(client, 'auth/token/renew-self', {});
  if (!secret?.auth) throw new Error('token renewal returned no auth data');
  return { leaseSeconds: Number(secret.auth.leaseDuration), renewable: secret.auth.renewable };
}
