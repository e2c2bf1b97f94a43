// Loading conformance corpora (format: shared/conformance/FORMAT.md).
//
// Case files are read with lossless-json so that numbers inside `data` and the
// recorded Vault responses keep their literal text (1.50, 1e3, 12345678901234567890);
// those parts are handed on as JSON text and decoded by vtpl's own Go-faithful
// decoder, exactly as Go decodes them with UseNumber.

import { type Stats, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';

export interface ConformanceCase {
  readonly file: string;
  readonly name: string;
  readonly mode: 'text/template' | 'consul-template';
  readonly template: string;
  readonly templateName?: string;
  /** `data` as JSON text, or undefined when absent. */
  readonly dataJSON?: string;
  /** Recorded responses: request key ("PATH", "LIST PATH", "PUT PATH") -> body JSON text. */
  readonly vault: ReadonlyMap<string, string>;
  /** The mount table as JSON text, or undefined. */
  readonly mountsJSON?: string;
  readonly env: Readonly<Record<string, string>>;
  readonly missingkey?: 'default' | 'invalid' | 'zero' | 'error';
  readonly delims?: readonly [string, string];
  readonly want?: string;
  readonly wantError?: string;
}

export class CorpusError extends Error {}

/** Every *.json file named, or found below a named directory, in sorted order. */
export function corpusFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    let st: Stats;
    try {
      st = statSync(p);
    } catch {
      throw new CorpusError(`${p}: no such file or directory`);
    }
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) {
        const child = join(p, e);
        if (statSync(child).isDirectory() || e.endsWith('.json')) walk(child);
      }
    } else {
      out.push(p);
    }
  };
  for (const p of paths) walk(p);
  return out;
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function loadCases(file: string, base = process.cwd()): ConformanceCase[] {
  const display = relative(base, file) || file;
  let doc: Json;
  try {
    doc = parseLossless(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CorpusError(`${display}: invalid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.cases) ? doc.cases : undefined;
  if (!list) throw new CorpusError(`${display}: expected an array of cases or {"cases": [...]}`);
  const seen = new Set<string>();
  return list.map((raw, i) => {
    const c = toCase(raw, `${display}: case ${i}`, display);
    if (seen.has(c.name)) throw new CorpusError(`${display}: duplicate case name ${JSON.stringify(c.name)}`);
    seen.add(c.name);
    return c;
  });
}

function str(v: Json, where: string, field: string): string {
  if (typeof v !== 'string') throw new CorpusError(`${where}: "${field}" must be a string`);
  return v;
}

function toCase(raw: Json, where: string, file: string): ConformanceCase {
  if (!isObject(raw)) throw new CorpusError(`${where}: a case must be an object`);
  const name = str(raw.name, where, 'name');
  const at = `${file}: case ${JSON.stringify(name)}`;
  const mode = raw.mode === undefined ? 'text/template' : raw.mode;
  if (mode !== 'text/template' && mode !== 'consul-template') {
    throw new CorpusError(`${at}: unknown mode ${JSON.stringify(mode)}`);
  }
  if ((raw.want === undefined) === (raw.wantError === undefined)) {
    throw new CorpusError(`${at}: exactly one of "want" and "wantError" is required`);
  }
  const options = raw.options === undefined ? {} : raw.options;
  if (!isObject(options)) throw new CorpusError(`${at}: "options" must be an object`);
  const mk = options.missingkey;
  if (mk !== undefined && mk !== 'default' && mk !== 'invalid' && mk !== 'zero' && mk !== 'error') {
    throw new CorpusError(`${at}: unknown missingkey ${JSON.stringify(mk)}`);
  }
  let delims: [string, string] | undefined;
  if (options.delims !== undefined) {
    const d = options.delims;
    if (!Array.isArray(d) || d.length !== 2 || typeof d[0] !== 'string' || typeof d[1] !== 'string') {
      throw new CorpusError(`${at}: "options.delims" must be two strings`);
    }
    delims = [d[0], d[1]];
  }
  const vault = new Map<string, string>();
  if (raw.vault !== undefined) {
    if (!isObject(raw.vault)) throw new CorpusError(`${at}: "vault" must be an object`);
    for (const [k, body] of Object.entries(raw.vault)) vault.set(k, stringifyLossless(body) ?? 'null');
  }
  const env: Record<string, string> = {};
  if (raw.env !== undefined) {
    if (!isObject(raw.env)) throw new CorpusError(`${at}: "env" must be an object`);
    for (const [k, v] of Object.entries(raw.env)) env[k] = str(v, at, `env.${k}`);
  }
  return {
    file,
    name,
    mode,
    template: str(raw.template, at, 'template'),
    templateName: raw.templateName === undefined ? undefined : str(raw.templateName, at, 'templateName'),
    dataJSON: raw.data === undefined ? undefined : stringifyLossless(raw.data),
    vault,
    mountsJSON: raw.mounts === undefined ? undefined : stringifyLossless(raw.mounts),
    env,
    missingkey: mk,
    delims,
    want: raw.want === undefined ? undefined : str(raw.want, at, 'want'),
    wantError: raw.wantError === undefined ? undefined : str(raw.wantError, at, 'wantError'),
  };
}
