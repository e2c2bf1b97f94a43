// Node implementations of the capabilities `file`, `writeToFile` and `plugin` need.
// Node only: the caller opts in by passing them to renderConsulTemplate.

import { chmodSync, chownSync, closeSync, constants, lstatSync, mkdirSync, openSync, readFileSync, realpathSync, statSync, writeSync } from 'node:fs';
import { dirname, join, basename, normalize } from 'node:path';
import { errnoWords } from '../go/syscall/index.js';
import { utf8Bytes } from '../go/unicode/utf8/index.js';
import { GoError } from '../value/index.js';
import type { FileAccess } from './funcs/context.js';
import type { PluginRunner } from './funcs/context.js';
import { nodeChildProcess } from './lazy-require.js';

/** A *fs.PathError's text: "OP PATH: reason". */
function pathError(op: string, path: string, e: unknown): GoError {
  return new GoError(`${op} ${path}: ${errnoWords(e)}`);
}

/** Local file access for `file` (stat then read, as FileQuery.Fetch does) and `writeToFile`. */
export function nodeFileAccess(): FileAccess {
  return {
    resolve(path: string): string {
      try {
        return realpathSync(path);
      } catch (e) {
        throw pathError('lstat', path, e);
      }
    },
    async read(path: string): Promise<string> {
      try {
        statSync(path);
      } catch (e) {
        throw pathError('stat', path, e);
      }
      try {
        return readFileSync(path, 'utf8');
      } catch (e) {
        throw pathError('open', path, e);
      }
    },
    write(path: string, user: string, group: string, perms: number, content: string, append: boolean): void {
      const clean = normalize(path);
      const dir = dirname(clean);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        throw pathError('mkdir', dir, e);
      }
      if (lstatSync(dir).isSymbolicLink()) throw new GoError(`writeToFile: refusing to write through symlinked directory in path "${path}"`);
      const target = join(dir, basename(clean));
      let isLink = false;
      try {
        isLink = lstatSync(target).isSymbolicLink();
      } catch {
        // A missing file is created below.
      }
      if (isLink) throw new GoError(`writeToFile: refusing to write to symlink "${path}"`);
      const flags = (append ? constants.O_APPEND | constants.O_WRONLY : constants.O_RDWR | constants.O_TRUNC) | constants.O_CREAT | constants.O_NOFOLLOW;
      let fd: number;
      try {
        fd = openSync(target, flags, perms);
      } catch (e) {
        throw pathError('open', target, e);
      }
      try {
        // Go writes the string's bytes: an escape is its byte, not U+FFFD as writeSync(fd, string) writes it.
        writeSync(fd, utf8Bytes(content));
        if (user !== '' || group !== '') {
          const uid = user === '' ? (process.getuid?.() ?? -1) : Number(user);
          const gid = group === '' ? (process.getgid?.() ?? -1) : Number(group);
          if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new GoError(`user: unknown user ${user}`);
          chownSync(target, uid, gid);
        }
        chmodSync(target, perms);
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** Runs plugins as consul-template does: the command with its arguments, 30 s timeout, trimmed stdout. */
export const nodePluginRunner: PluginRunner = (name, args) => {
  try {
    return nodeChildProcess()
      .execFileSync(name, [...args], { timeout: 30_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .trim();
  } catch (e) {
    const err = e as { code?: string; signal?: string; stdout?: string; stderr?: string; status?: number };
    if (err.signal === 'SIGTERM') throw new GoError(`exec "${name}": did not finish in 30s`);
    const reason = err.code === 'ENOENT' ? `exec: "${name}": executable file not found in $PATH` : `exit status ${err.status ?? 1}`;
    throw new GoError(`exec "${name}": ${reason}\n\nstdout:\n\n${err.stdout ?? ''}\n\nstderr:\n\n${err.stderr ?? ''}`);
  }
};
