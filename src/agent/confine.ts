// Keeping paths that come from manifests inside their roots: the file a template writes inside
// the volume the injector mounts for it, and every file vtpl reads or writes on this machine
// inside the directory the user named (--out, --template-dir).

import { lstatSync, realpathSync } from 'node:fs';
import { join as joinHost, sep } from 'node:path';
import { clean } from '../go/path/index.js';
import { errnoWords } from '../go/syscall/index.js';

/**
 * A path as the Vault Agent container sees it: absolute and cleaned. kubelet makes a relative
 * volume mountPath absolute (MakeAbsolutePath prefixes "/"), and the agent runs with "/" as its
 * working directory, so a relative destination names the same file; ".." stops at "/".
 */
export function containerPath(p: string): string {
  return clean(`/${p}`);
}

/** Whether the cleaned absolute path `p` lies strictly below `root` (both from containerPath). */
export function isBelow(root: string, p: string): boolean {
  return root === '/' ? p !== '/' : p.startsWith(`${root}/`);
}

/**
 * vault-k8s accepts any secret-volume-path (it becomes a volume mount) and builds the file as
 * `MOUNT/NAME` or filepath.Join(MOUNT, agent-inject-file) without checking either. A result
 * outside MOUNT is not in the shared volume: the app never sees it and the agent's container has
 * a read-only root filesystem (vault-k8s DefaultAgentReadOnlyRoot), so the render fails there.
 * Returns why, or undefined when `destination` is a file inside `mountPath`.
 */
export function destinationOutsideVolume(mountPath: string, destination: string): string | undefined {
  const root = containerPath(mountPath);
  const file = containerPath(destination);
  if (isBelow(root, file)) return undefined;
  if (file === root) return `${JSON.stringify(destination)} is the volume directory ${root} itself, not a file in it`;
  return `${JSON.stringify(destination)} resolves to ${file}, outside the volume ${root} the injector mounts for it`;
}

/** A path from a manifest that cannot be used: it leads out of its directory, or the directory is unusable. */
export class ConfineError extends Error {
  override name = 'ConfineError';
}

function inside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The host path of `rel` (a container path: ".." cannot climb above `root`) under the existing
 * directory `root`, refusing a symbolic link on the way (a parent directory or the file itself)
 * whose target is missing or outside `root`: following it would read or write outside `root`.
 * Components that do not exist yet hold no links; whoever creates them creates real directories.
 */
export function resolveInside(root: string, rel: string): string {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (e) {
    throw new ConfineError(`cannot use ${root}: ${errnoWords(e)}`);
  }
  const parts = containerPath(rel)
    .split('/')
    .filter((p) => p !== '');
  let real = realRoot;
  let shown = root;
  for (const part of parts) {
    const next = joinHost(real, part);
    shown = joinHost(shown, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(next).isSymbolicLink();
    } catch {
      break; // does not exist yet, nor does anything below it
    }
    if (!isLink) {
      real = next;
      continue;
    }
    let target: string;
    try {
      target = realpathSync(next);
    } catch {
      throw new ConfineError(`${shown} is a symbolic link to a missing path; refusing to follow it out of ${root}`);
    }
    if (!inside(realRoot, target)) throw new ConfineError(`${shown} is a symbolic link to ${target}, outside ${root}`);
    real = target;
  }
  return joinHost(root, ...parts);
}
