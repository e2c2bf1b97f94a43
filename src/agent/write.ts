// Writing a rendered file the way Vault Agent does: a port of consul-template v0.42.1
// renderer/renderer.go (Render + AtomicWrite), so a reader of the destination sees either the
// old file or the whole new one, never a part of it.
//
// Where vtpl is stricter than renderer.go, and why:
// - Every write's byte count is checked (Go's f.Write returns an error on a short write;
//   Node's writeSync just returns the count), so a full disk or a file-size limit is an
//   error and the previous file stays.
// - The temporary file is created with O_EXCL and at most 0600 (os.CreateTemp's mode), and
//   its final mode is set before any byte of the secret is written, so the secret is never
//   more readable than the destination will be.
// - Temporary files are tracked so that a SIGINT/SIGTERM (see removeTempFilesOnSignal) and
//   the next write of the same destination remove what an interrupted write left behind.

import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  constants,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BufferedSink } from '../exec/index.js';
import { errnoWords } from '../go/syscall/index.js';
import { utf8Bytes } from '../go/unicode/utf8/index.js';
import { nodeCrypto } from '../vault/index.js';

/** renderer.go DefaultFilePerms: the mode of a new file when no perms are given. */
export const DEFAULT_FILE_PERMS = 0o644;

export interface WriteOptions {
  /**
   * The file's mode (agent-inject-perms). Only the permission bits count (0o777): Go's os.Chmod
   * keeps FileMode.Perm() plus setuid/setgid/sticky only when given as os.ModeSetuid etc., which
   * a number parsed from "6777" never is, so consul-template never makes a setuid file.
   * 0 or undefined means unset, as in AtomicWrite: the existing file's mode, else 0644.
   */
  readonly perms?: number;
  /** consul-template `backup`: keep the previous file as PATH.bak (hard link). Default false. */
  readonly backup?: boolean;
  /** consul-template `create_dest_dirs`: create missing parent directories (0755). Default true, as Vault Agent's. */
  readonly createDestDirs?: boolean;
}

export interface WriteResult {
  /** False when the destination already held exactly these bytes (renderer.go: DidRender false), so nothing was written. */
  readonly changed: boolean;
  /** Non-fatal problems Go logs as [WARN] (ownership not preserved, backup not made). */
  readonly warnings: readonly string[];
}

/** A destination that could not be written. The message names the path and the cause in words. */
export class WriteError extends Error {
  override name = 'WriteError';
  constructor(
    readonly path: string,
    /** The errno code (ENOSPC, EACCES, ...) or a vtpl code (ESHORTWRITE, ENOPARENT, ENODEST). */
    readonly code: string,
    words: string,
  ) {
    super(`cannot write ${path}: ${words}`);
  }
}

// ---- temporary files ----

/** Marks vtpl's temporary files: `.<base>.vtpl.tmp.<pid>.<random>` next to the destination. */
const TMP_TAG = '.vtpl.tmp.';
/** Keeps the temporary name within NAME_MAX (255) whatever the destination's name. */
const TMP_BASE_MAX = 128;

const live = new Set<string>();
const listeners: ((event: 'add' | 'remove', path: string) => void)[] = [];

function track(event: 'add' | 'remove', path: string): void {
  if (event === 'add') live.add(path);
  else live.delete(path);
  for (const l of listeners) l(event, path);
}

/** Temporary files being written right now (absolute or as given). */
export function liveTempFiles(): readonly string[] {
  return [...live];
}

/**
 * Calls `listener` when a temporary file is about to be created ('add', before it exists)
 * and once it is gone or renamed ('remove'). bin/vtpl runs the CLI on a worker thread, where
 * signals are not delivered; the worker forwards these events so the main thread can remove
 * the files if a signal ends the worker mid-write.
 */
export function onTempFile(listener: (event: 'add' | 'remove', path: string) => void): void {
  listeners.push(listener);
}

/** Removes the given files, ignoring those already gone (a temporary file already renamed). */
export function removeTempFiles(paths: Iterable<string>): void {
  for (const p of paths) {
    try {
      unlinkSync(p);
    } catch {
      // already renamed or removed
    }
  }
}

let signalsInstalled = false;

/**
 * On SIGINT/SIGTERM: remove every live temporary file, then exit with 128+signo as a shell
 * reports a signal death. For programs that write on their main thread (signals never reach
 * worker threads; see onTempFile). writeAtomic is synchronous, so the handler runs between
 * writes; it matters for callers that interleave writes with awaits.
 */
export function removeTempFilesOnSignal(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const [sig, no] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
  ] as const) {
    process.on(sig, () => {
      removeTempFiles(live);
      process.exit(128 + no);
    });
  }
}

function tempPrefix(path: string): string {
  return `.${basename(path).slice(0, TMP_BASE_MAX)}${TMP_TAG}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files an earlier, interrupted write of this destination left (kill -9,
 * power loss): those of a process that no longer exists, and this process's own that are not
 * being written (a container's agent restarts with the same pid).
 */
function sweepStale(parent: string, path: string): void {
  const prefix = tempPrefix(path);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    const full = join(parent, name);
    if (!Number.isSafeInteger(pid) || live.has(full)) continue;
    if (pid === process.pid || !pidAlive(pid)) removeTempFiles([full]);
  }
}

// ---- the writer ----

function fail(path: string, e: unknown): WriteError {
  if (e instanceof WriteError) return e;
  return new WriteError(path, (e as NodeJS.ErrnoException).code ?? 'EUNKNOWN', errnoWords(e));
}

/**
 * Reads the destination as renderer.go Render does; undefined when it does not exist. Only a
 * regular file is read: Go's os.ReadFile would block forever on a FIFO left at the destination
 * (or read a device without end); anything else is simply replaced by the rename.
 */
function readExisting(path: string): Buffer | undefined {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return st.isFile() ? readFileSync(path) : undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Writes all of `bytes` to `fd`, or throws: a write that makes no progress is a short write. */
function writeAll(fd: number, bytes: Uint8Array, path: string): void {
  let off = 0;
  while (off < bytes.length) {
    const n = writeSync(fd, bytes, off, bytes.length - off);
    if (n <= 0) throw new WriteError(path, 'ESHORTWRITE', `short write (${off} of ${bytes.length} bytes written)`);
    off += n;
  }
}

/**
 * Contents produced in parts: called once with the file's buffer, which a template executes
 * into (executeTo encodes its output straight into the buffer, written out each time it
 * fills, so no output is ever held whole) or text is written to. An error it throws is
 * rethrown unchanged, after the temporary file is removed.
 */
export type Producer = (file: BufferedSink) => void;

/** The buffer between a Producer and the file: a write(2) per 64 KB. */
const bufferBytes = 1 << 16;

/** A producer's own error, told apart from the writer's failures (which become WriteErrors). */
class ProducerFailure {
  constructor(readonly error: unknown) {}
}

/**
 * Writes `contents` to `path` atomically (renderer.go Render + AtomicWrite):
 * 1. if the destination already holds exactly these bytes, nothing is written (changed: false);
 * 2. the parent directory is created (0755) if missing and createDestDirs is not false;
 * 3. a temporary file `.<base>.vtpl.tmp.<pid>.<random>` is created next to it (O_EXCL, mode 0600
 *    or the final mode if stricter), given its final mode, filled (every byte count checked),
 *    fsynced and closed;
 * 4. with `backup`, the old file is hard-linked to PATH.bak (the previous .bak kept as
 *    PATH.old.bak until that succeeds);
 * 5. the temporary file is renamed over the destination.
 * Any failure removes the temporary file, leaves the destination as it was and throws a WriteError.
 *
 * With a Producer, step 1 happens as its output arrives: each full buffer is compared with
 * the existing file as it is written to the temporary one, which is dropped if all turn out equal.
 */
export function writeAtomic(path: string, contents: string | Uint8Array | Producer, opts: WriteOptions = {}): WriteResult {
  // renderer.go ErrMissingDest.
  if (path === '') throw new WriteError(path, 'ENODEST', 'missing destination');
  // A string is a Go string (a template's output): its escapes are bytes that are not UTF-8, which Buffer.from would write as U+FFFD.
  const bytes = typeof contents === 'string' ? utf8Bytes(contents) : contents;
  const warnings: string[] = [];

  let existing: Buffer | undefined;
  try {
    existing = readExisting(path);
  } catch (e) {
    throw fail(path, e);
  }
  // Render: bytes.Equal(existing, contents) && fileExists (vtpl sets no user/group, so no chown is ever needed).
  if (existing !== undefined && typeof bytes !== 'function' && Buffer.compare(existing, bytes) === 0) return { changed: false, warnings };

  const parent = dirname(path);
  try {
    statSync(parent);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fail(path, e);
    if (opts.createDestDirs === false) throw new WriteError(path, 'ENOPARENT', 'parent directory is missing');
    try {
      mkdirSync(parent, { recursive: true, mode: 0o755 });
    } catch (e2) {
      throw fail(path, e2);
    }
  }
  sweepStale(parent, path);

  // AtomicWrite: perms 0 = the existing file's mode (os.Stat follows a symlinked destination), else 0644.
  let current: { mode: number; uid: number; gid: number } | undefined;
  try {
    current = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fail(path, e);
  }
  const perms =
    opts.perms !== undefined && (opts.perms & 0o777) !== 0 ? opts.perms & 0o777 : current !== undefined ? current.mode & 0o7777 : DEFAULT_FILE_PERMS;

  const tmp = join(parent, `${tempPrefix(path)}${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}`);
  track('add', tmp);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, perms & 0o600);
    // The exact mode whatever the umask, before any secret byte is in the file.
    fchmodSync(fd, perms);
    if (current !== undefined) {
      // file_perms.go preserveFilePermissions: keep the old file's owner; Go only logs a failure.
      const st = fstatSync(fd);
      if (st.uid !== current.uid || st.gid !== current.gid) {
        try {
          fchownSync(fd, current.uid, current.gid);
          fchmodSync(fd, perms); // chown clears setuid/setgid on Linux
        } catch (e) {
          warnings.push(`could not preserve file ownership for ${path}: ${errnoWords(e)}`);
        }
      }
    }
    let same = existing !== undefined;
    if (typeof bytes === 'function') {
      const file = fd;
      let off = 0;
      const buffer = Buffer.allocUnsafe(bufferBytes);
      const sink = new BufferedSink(
        buffer,
        (b) => {
          same &&= off + b.length <= (existing as Buffer).length && Buffer.compare(b, (existing as Buffer).subarray(off, off + b.length)) === 0;
          off += b.length;
          // A failed write(2) (ENOSPC, EFBIG) is the destination's error, not the producer's.
          try {
            writeAll(file, b, path);
          } catch (e) {
            throw fail(path, e);
          }
        },
        (s, at) => buffer.write(s, at),
      );
      try {
        bytes(sink);
        sink.flush();
      } catch (e) {
        throw e instanceof WriteError ? e : new ProducerFailure(e);
      }
      same &&= off === (existing as Buffer).length;
    } else {
      writeAll(fd, bytes, path);
      same = false; // equal contents returned above
    }
    if (same) {
      // Render: the destination already holds exactly these bytes.
      const closing = fd;
      fd = undefined;
      closeSync(closing);
      removeTempFiles([tmp]);
      track('remove', tmp);
      return { changed: false, warnings };
    }
    fsyncSync(fd);
    const closing = fd;
    fd = undefined;
    closeSync(closing);
    if (opts.backup) {
      // AtomicWrite's backup: PATH.bak becomes PATH.old.bak until the new link exists.
      const bak = `${path}.bak`;
      const old = `${path}.old.bak`;
      try {
        renameSync(bak, old);
      } catch {
        // no previous backup
      }
      try {
        linkSync(path, bak);
        removeTempFiles([old]); // not a temporary file, but removed the same forgiving way (Go ignores the error)
      } catch (e) {
        warnings.push(`could not backup ${path}: ${errnoWords(e)}`);
      }
    }
    renameSync(tmp, path);
    track('remove', tmp);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // the write error is the one to report
      }
    }
    removeTempFiles([tmp]);
    track('remove', tmp);
    if (e instanceof ProducerFailure) throw e.error;
    throw fail(path, e);
  }
  return { changed: true, warnings };
}
