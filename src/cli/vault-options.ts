// The live-Vault options shared by render, preview and record, and the client they make.

import type { Command } from 'commander';
import type { LiveOptions, LiveVaultClient } from '../vault/node.js';
import { UsageError, UserError } from './io.js';

export interface VaultCliOptions {
  readonly vaultAddr?: string;
  readonly token?: string;
  readonly role?: string;
  readonly jwt?: string;
  readonly authPath?: string;
  readonly roleId?: string;
  readonly secretId?: string;
  readonly namespace?: string;
  readonly caCert?: string;
  readonly skipVerify?: boolean;
  readonly maxResponseSize?: string;
}

export const VAULT_OPTIONS_HELP = `
Live Vault: --vault-addr URL reads secrets from a running Vault instead of recordings. The token
comes from --token, else VAULT_TOKEN, else ~/.vault-token; or log in with kubernetes auth
(--role ROLE [--jwt FILE] [--auth-path kubernetes]) or AppRole (--role-id ID [--secret-id ID]).
VAULT_NAMESPACE, VAULT_CACERT, VAULT_CAPATH, VAULT_SKIP_VERIFY, VAULT_CLIENT_TIMEOUT (the whole request,
retries included), VAULT_MAX_RETRIES (5xx, 412, 429 and connection errors; default 2) and
VAULT_DISABLE_REDIRECTS are honoured as by the vault CLI.`;

/** Adds the live-Vault options to a command. */
export function addVaultOptions(cmd: Command, addrHelp = 'read secrets from this live Vault (e.g. https://vault:8200) instead of recorded responses'): Command {
  return cmd
    .option('--vault-addr <url>', addrHelp)
    .option('--token <token>', 'Vault token (default: VAULT_TOKEN, then ~/.vault-token)')
    .option('--role <role>', 'log in with kubernetes auth as this role')
    .option('--jwt <file>', 'kubernetes auth: service account token file (default /var/run/secrets/kubernetes.io/serviceaccount/token)')
    .option('--auth-path <path>', 'mount path of the auth method (default kubernetes, or approle)')
    .option('--role-id <id>', 'log in with AppRole: the role_id')
    .option('--secret-id <id>', 'AppRole: the secret_id')
    .option('--namespace <ns>', 'Vault namespace, sent as X-Vault-Namespace (default: VAULT_NAMESPACE)')
    .option('--ca-cert <file>', "PEM CA certificate to verify Vault's TLS certificate (default: VAULT_CACERT)")
    .option('--skip-verify', "do not verify Vault's TLS certificate (default: VAULT_SKIP_VERIFY)")
    .option('--max-response-size <size>', 'refuse Vault responses larger than this, e.g. 64MiB (default: VTPL_MAX_RESPONSE_SIZE, else 64MiB)');
}

/** VAULT_ADDR (or VAULT_AGENT_ADDR, as vault/api reads it) when set and not empty. */
export function envVaultAddr(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  return env.VAULT_AGENT_ADDR || env.VAULT_ADDR || undefined;
}

/** Whether any live-only option was given (they need --vault-addr, except for record). */
export function liveOptionsGiven(o: VaultCliOptions): boolean {
  return [o.token, o.role, o.jwt, o.authPath, o.roleId, o.secretId, o.namespace, o.caCert, o.skipVerify, o.maxResponseSize].some((v) => v !== undefined);
}

/** LiveOptions from the command line; usage errors for contradictory flags. */
export async function liveOptions(o: VaultCliOptions, address: string | undefined): Promise<LiveOptions> {
  if (o.role !== undefined && o.roleId !== undefined) throw new UsageError('--role (kubernetes auth) and --role-id (AppRole) exclude each other');
  if (o.token !== undefined && (o.role !== undefined || o.roleId !== undefined))
    throw new UsageError('--token and a login (--role / --role-id) exclude each other');
  if (o.jwt !== undefined && o.role === undefined) throw new UsageError('--jwt needs --role (kubernetes auth)');
  if (o.secretId !== undefined && o.roleId === undefined) throw new UsageError('--secret-id needs --role-id (AppRole)');
  if (o.authPath !== undefined && o.role === undefined && o.roleId === undefined)
    throw new UsageError('--auth-path needs a login method (--role or --role-id)');
  let maxResponseBytes: number | undefined;
  // The live client's modules (node-vault and its HTTP stack) are loaded only when Vault is really used.
  const { parseSize } = await import('../vault/node.js');
  try {
    maxResponseBytes = o.maxResponseSize === undefined ? undefined : parseSize('--max-response-size', o.maxResponseSize);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return {
    address,
    token: o.token,
    kubernetes: o.role === undefined ? undefined : { role: o.role, jwtFile: o.jwt, mountPath: o.authPath },
    appRole: o.roleId === undefined ? undefined : { roleId: o.roleId, secretId: o.secretId, mountPath: o.authPath },
    namespace: o.namespace,
    caCert: o.caCert,
    skipVerify: o.skipVerify,
    maxResponseBytes,
  };
}

/** --vault-addr must be an http(s) URL: anything else is a usage error (exit 2). */
export function checkVaultAddr(addr: string): void {
  let url: URL | undefined;
  try {
    url = new URL(addr);
  } catch {
    // reported below
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`--vault-addr must be an http:// or https:// URL (e.g. https://vault:8200), got ${JSON.stringify(addr)}`);
  }
}

/** Connects (and logs in); configuration and login problems become UserErrors. */
export async function liveClient(o: VaultCliOptions, address = o.vaultAddr): Promise<LiveVaultClient> {
  if (o.vaultAddr !== undefined) checkVaultAddr(o.vaultAddr);
  const opts = await liveOptions(o, address);
  const { LiveConfigError } = await import('../vault/node.js');
  const { VaultLoginError, connectLiveVault } = await import('../vault/node.js');
  try {
    return await connectLiveVault(opts);
  } catch (e) {
    if (e instanceof LiveConfigError || e instanceof VaultLoginError) throw new UserError(e.message);
    throw e;
  }
}
