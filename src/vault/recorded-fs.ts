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

/** Nesting past which lossless-json (recursive) is left to judge a text: it could run out of stack. */
const shallow = 64;

/**
 * Whether lossless-json's parse accepts `text`, when that is certain without running it: a
 * body that is only checked (checkJSON) need not be parsed by it. Its grammar is JSON's, which
 * JSON.parse (native, several times faster on a cold start) checks; it also throws on a key
 * repeated with another value and can run out of stack on deep nesting, where JSON.parse does
 * not. So the answer is false (let lossless-json decide) for text JSON.parse rejects, a key
 * repeated in one object (or written with an escape, which could spell a repeated one) and
 * nesting deeper than `shallow`.
 */
export function plainJSON(text: string): boolean {
  try {
    JSON.parse(text);
  } catch {
    return false;
  }
  // The text is JSON: a string right after `{` or a `,` inside an object is a key.
  const open: (Set<string> | null)[] = [];
  let key = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = text.indexOf('"', i + 1);
      for (;;) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      const keys = open[open.length - 1];
      if (key && keys) {
        const name = text.slice(i + 1, end);
        if (name.includes('\\') || keys.has(name)) return false;
        keys.add(name);
        key = false;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (open.push(c === 0x7b ? new Set() : null) > shallow) return false;
      key = c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
    } else if (c === 0x2c) {
      key = open[open.length - 1] !== null;
    }
  }
  return true;
}

/** Checks JSON text as parseIn would, without keeping (or, mostly, making) lossless-json's value. */
function checkJSON(file: string, text: string): void {
  if (!plainJSON(text)) parseIn(file, text);
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
      // Checked now (and parsed when used) so that a broken file is named before any render.
      if (rel === '_mounts.json') {
        const doc = parseIn(full, body);
        if (!isObject(doc)) throw new Error(`${full}: expected a JSON object`);
        mounts = texts(doc);
        continue;
      }
      checkJSON(full, body);
      if (rel.endsWith('.list.json')) {
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
