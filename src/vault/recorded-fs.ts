// Loading recorded Vault responses from disk (Node only; the rest of src/vault is browser-safe).
//
// Two layouts:
//  - a directory: DIR/<path>.json is the body of GET /v1/<path>, e.g. made with
//      vault read -format=json secret/data/app > DIR/secret/data/app.json
//    DIR/<path>.list.json answers LIST /v1/<path>, DIR/<path>.put.json a write, and
//    DIR/_mounts.json (optional) is the mount table {"secret/": {"type": "kv", "options": {"version": "2"}}};
//  - a single JSON file: either {"vault": {"PATH" | "LIST PATH" | "PUT PATH": body}, "mounts": {...}}
//    (the conformance case form) or just the {"PATH": body, ...} map.
// Files are parsed with lossless-json so numbers keep their literal text.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, stringify } from 'lossless-json';
import type { RecordedOptions } from './recorded.js';
import { jsonSyntaxMessage } from './json-position.js';

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Object && 'isLosslessNumber' in v);
}

function texts(o: Record<string, Json>): Map<string, string> {
  return new Map(Object.entries(o).map(([k, v]) => [k, stringify(v) ?? 'null']));
}

/** Parses JSON text; a syntax error names the file and line:col. */
function parseIn(file: string, text: string): Json {
  try {
    return parse(text);
  } catch (e) {
    throw new Error(jsonSyntaxMessage(file, text, e));
  }
}

function readJSON(file: string): Json {
  return parseIn(file, readFileSync(file, 'utf8'));
}

/** Recorded responses from one JSON file (case form or a plain path -> body map). */
export function loadRecordedFile(file: string): RecordedOptions {
  const doc = readJSON(file);
  if (!isObject(doc)) throw new Error(`${file}: expected a JSON object`);
  if (isObject(doc.vault)) {
    return { responses: texts(doc.vault), mounts: isObject(doc.mounts) ? texts(doc.mounts) : undefined };
  }
  return { responses: texts(doc) };
}

/** Recorded responses from a directory of `vault read -format=json` outputs. */
export function loadRecordedDir(dir: string): { responses: Map<string, string>; mounts?: Map<string, string> } {
  const responses = new Map<string, string>();
  let mounts: Map<string, string> | undefined;
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      if (!name.endsWith('.json')) continue;
      const rel = relative(dir, full).split(sep).join('/');
      const body = readFileSync(full, 'utf8');
      // Parsed now (and again when used) so that a broken file is named before any render.
      const doc = parseIn(full, body);
      if (rel === '_mounts.json') {
        if (!isObject(doc)) throw new Error(`${full}: expected a JSON object`);
        mounts = texts(doc);
      } else if (rel.endsWith('.list.json')) {
        responses.set(`LIST ${rel.slice(0, -'.list.json'.length)}`, body);
      } else if (rel.endsWith('.put.json')) {
        responses.set(`PUT ${rel.slice(0, -'.put.json'.length)}`, body);
      } else {
        responses.set(rel.slice(0, -'.json'.length), body);
      }
    }
  };
  walk(dir);
  return { responses, mounts };
}

/** A directory or a file, whichever `path` is. */
export function loadRecorded(path: string): RecordedOptions {
  return statSync(path).isDirectory() ? loadRecordedDir(path) : loadRecordedFile(path);
}
