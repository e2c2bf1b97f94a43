// KV version 2 detection and path rewriting (consul-template dependency/vault_common.go
// isKVv2, vault_read.go shimKVv2Path, vault_list.go shimKvV2ListPath).

import { GoError, indirectInterface, stringType } from '../../value/index.js';
import { join } from '../../go/path/index.js';
import { trimPrefix, trimSuffix } from '../../go/strings/index.js';
import type { VaultClient } from '../client.js';
import { objectEntries, parseVaultResponse } from './vault_common.js';
import { readMountRaw } from './vault_api.js';

export interface MountCheck {
  readonly mountPath: string;
  readonly isV2: boolean;
}

/** isKVv2: asks sys/internal/ui/mounts; a 404 means an old Vault (not v2). Throws other failures. */
export async function isKVv2(client: VaultClient, path: string): Promise<MountCheck> {
  let body: string;
  try {
    body = (await readMountRaw(client, path)).body;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return { mountPath: '', isV2: false };
    throw e;
  }
  const secret = parseVaultResponse(body);
  if (secret === null) throw new GoError(`secret at path ${path} does not exist`);
  const data = new Map(objectEntries(secret.data));
  const str = (k: string): string => {
    const v = data.get(k);
    return v && v.type === stringType ? v.str() : '';
  };
  const mountPath = str('path');
  const options = data.get('options');
  if (!options?.isValid() || options.kind !== 'map') return { mountPath, isV2: false };
  const version = new Map(objectEntries(options)).get('version');
  if (!version?.isValid()) return { mountPath, isV2: false };
  const v = indirectInterface(version);
  return { mountPath, isV2: v.type === stringType && v.str() === '2' && str('type') === 'kv' };
}

/** shimKVv2Path: inserts data/ after the mount unless the path already addresses data/, metadata/ or subkeys/. */
export function shimKVv2Path(rawPath: string, mountPath: string, clientNamespace: string): string {
  if (rawPath === mountPath || rawPath === trimSuffix(mountPath, '/')) return join(mountPath, 'data');
  let ns = clientNamespace;
  if (!ns.endsWith('/')) ns += '/';
  let nsAndMount = mountPath;
  if ((mountPath.match(/\//g)?.length ?? 0) > 1 && mountPath.length > ns.length) nsAndMount = trimPrefix(mountPath, ns);
  const p = trimPrefix(rawPath, nsAndMount);
  if (p.startsWith('data/') || p.startsWith('metadata/') || p.startsWith('subkeys/')) return rawPath;
  return join(nsAndMount, 'data', p);
}

/** shimKvV2ListPath: inserts metadata/ after the mount. */
export function shimKvV2ListPath(rawPath: string, mountPath: string): string {
  const mount = trimSuffix(mountPath, '/');
  if (rawPath.startsWith(join(mount, 'metadata'))) return rawPath;
  if (rawPath === mount) return join(mount, 'metadata');
  return join(mount, 'metadata', trimPrefix(rawPath, mount));
}
