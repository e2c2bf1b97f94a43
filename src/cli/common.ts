// Small helpers shared by the CLI commands: inputs, delimiters, file writing.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Producer } from '../agent/index.js';
import { errnoWords } from '../go/syscall/index.js';
import { UsageError, UserError } from './io.js';

/** Reads a file ("-" = stdin) as UTF-8; a missing file is a UserError. */
export function readText(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${errnoWords(e)}`);
  }
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

/** Parses an octal mode the way consul-template does (ParseUint base 8, 12 bits); undefined if invalid. */
export function parseMode(perms: string): number | undefined {
  if (!/^[0-7]{1,4}$/.test(perms)) return undefined;
  return parseInt(perms, 8);
}

/**
 * Writes a file atomically with the agent's writer (src/agent/write.ts, a port of
 * consul-template's renderer); a failure becomes a UserError naming the path and the cause.
 * A producer's own error (a template's, say) propagates unchanged, and nothing is written.
 * The writer is loaded here, not with the command: most renders print to stdout.
 */
export async function writeFileAtomic(path: string, content: string | Producer, perms: number): Promise<void> {
  const { WriteError, writeAtomic } = await import('../agent/index.js');
  try {
    writeAtomic(path, content, { perms });
  } catch (e) {
    if (e instanceof WriteError) throw new UserError(e.message);
    throw e;
  }
}

/** commander collector for repeatable options. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** KEY=VALUE pairs from --env. */
export function envPairs(pairs: readonly string[] | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const p of pairs ?? []) {
    const i = p.indexOf('=');
    if (i <= 0) throw new UsageError(`--env wants KEY=VALUE, got ${JSON.stringify(p)}`);
    env[p.slice(0, i)] = p.slice(i + 1);
  }
  return env;
}
