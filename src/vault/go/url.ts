// The parts of net/url consul-template uses on secret paths: url.Parse's Path and Query().

import { GoError } from '../../value/index.js';
import { quote } from '../../go/strconv/index.js';
import { bytesToString, utf8Bytes } from '../../go/unicode/utf8/index.js';

function unescape(s: string, plusIsSpace: boolean): string | undefined {
  // Most secret paths have nothing to unescape.
  if (!s.includes('%') && !(plusIsSpace && s.includes('+'))) return s;
  const bytes: number[] = [];
  let run = 0; // start of the current run of literal text
  const flush = (end: number): void => {
    if (end > run) bytes.push(...utf8Bytes(s.slice(run, end)));
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      flush(i);
      const h = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(h)) return undefined;
      bytes.push(parseInt(h, 16));
      i += 2;
      run = i + 1;
    } else if (c === '+' && plusIsSpace) {
      flush(i);
      bytes.push(0x20);
      run = i + 1;
    }
  }
  flush(s.length);
  return bytesToString(bytes);
}

export interface ParsedURL {
  readonly path: string;
  readonly query: Map<string, string[]>;
}

/** url.Parse(s) for a relative path with an optional query; errors as Go prints them. */
export function parsePathURL(s: string): ParsedURL {
  const hash = s.indexOf('#');
  const noFrag = hash >= 0 ? s.slice(0, hash) : s;
  const q = noFrag.indexOf('?');
  const rawPath = q >= 0 ? noFrag.slice(0, q) : noFrag;
  const rawQuery = q >= 0 ? noFrag.slice(q + 1) : '';
  const bad = /%(?![0-9a-fA-F]{2})(.{0,2})/.exec(rawPath);
  if (bad) throw new GoError(`parse ${quote(s)}: invalid URL escape ${quote('%' + bad[1])}`);
  const colon = rawPath.indexOf(':');
  if (colon >= 0 && !rawPath.slice(0, colon).includes('/') && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(rawPath.slice(0, colon))) {
    throw new GoError(`parse ${quote(s)}: first path segment in URL cannot contain colon`);
  }
  const query = new Map<string, string[]>();
  for (const part of rawQuery.split(/&/)) {
    if (part === '' || part.includes(';')) continue;
    const eq = part.indexOf('=');
    const k = unescape(eq >= 0 ? part.slice(0, eq) : part, true);
    const v = unescape(eq >= 0 ? part.slice(eq + 1) : '', true);
    if (k === undefined || v === undefined) continue;
    query.set(k, [...(query.get(k) ?? []), v]);
  }
  return { path: unescape(rawPath, false) ?? rawPath, query };
}
