// Small helpers shared by the CLI commands: inputs, delimiters, file writing.

import { closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError, UserError } from './io.js';

/** Reads a file ("-" = stdin) as UTF-8; a missing file is a UserError. */
export function readText(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${errnoText(e)}`);
  }
}

function errnoText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file or directory';
  if (err.code === 'EISDIR') return 'is a directory';
  if (err.code === 'EACCES') return 'permission denied';
  return err.message ?? String(e);
}

/**
 * Files as given; a directory stands for every file below it whose name matches `wanted`
 * (by default .yaml/.yml), sorted.
 */
export function expandInputs(paths: readonly string[], wanted: RegExp = /\.ya?ml$/i): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (wanted.test(name)) out.push(full);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = p !== '-' && statSync(p).isDirectory();
    } catch {
      // reported when the file is read
    }
    if (isDir) walk(p);
    else out.push(p);
  }
  return out;
}

/** `--delims` value: "L\0R" (from `--delims L R`) or "L R". */
export function parseDelims(v: string): [string, string] {
  const parts = v.includes('\0') ? v.split('\0') : v.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    throw new UsageError(`--delims needs two values, the left and right delimiter (e.g. --delims '[[' ']]'), got ${JSON.stringify(v.replace('\0', ' '))}`);
  }
  return [parts[0] as string, parts[1] as string];
}

/** Parses an octal mode the way consul-template does (ParseUint base 8); undefined if invalid. */
export function parseMode(perms: string): number | undefined {
  if (!/^[0-7]{1,4}$/.test(perms)) return undefined;
  return parseInt(perms, 8);
}

/**
 * Writes a file atomically: a temporary file in the same directory, chmod, fsync, rename.
 * Readers never see a partial file; on failure the temporary file is removed.
 */
export function writeFileAtomic(path: string, content: string, mode: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${process.pid}.${Math.random().toString(36).slice(2)}.vtpl.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    writeSync(fd, content);
    fchmodSync(fd, mode); // the exact mode, whatever the umask
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was created
    }
    throw new UserError(`cannot write ${path}: ${errnoText(e)}`);
  }
}
