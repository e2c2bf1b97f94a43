// Port of Go's net/url (Go 1.26): Parse, URL.String and ParseQuery (sprig's urlParse and
// urlJoin, and the secret paths of consul-template's Vault dependencies).
// Go works on bytes: escaping and unescaping here go through UTF-8 bytes.

import { GoError } from '../../errors/index.js';
import { quote } from '../../strconv/index.js';
import { bytesToString, utf8Bytes } from '../../unicode/utf8/index.js';
import { parseAddr } from '../netip/index.js';

type Mode = 'path' | 'pathSegment' | 'host' | 'zone' | 'userPassword' | 'queryComponent' | 'fragment';

export interface Userinfo {
  readonly username: string;
  readonly password: string;
  readonly passwordSet: boolean;
}

export interface GoURL {
  scheme: string;
  opaque: string;
  user: Userinfo | null;
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

export function emptyURL(): GoURL {
  return {
    scheme: '',
    opaque: '',
    user: null,
    host: '',
    path: '',
    rawPath: '',
    omitHost: false,
    forceQuery: false,
    rawQuery: '',
    fragment: '',
    rawFragment: '',
  };
}

const isAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
const ishex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const unhex = (c: number): number => parseInt(String.fromCharCode(c), 16);

/** shouldEscape from gen_encoding_table.go (the source of Go's lookup table). */
function shouldEscape(cc: number, mode: Mode): boolean {
  if (isAlnum(cc)) return false;
  const c = String.fromCharCode(cc);
  if ((mode === 'host' || mode === 'zone') && `!$&'()*+,;=:[]<>"`.includes(c)) return false;
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case 'path':
        return c === '?';
      case 'pathSegment':
        return c === '/' || c === ';' || c === ',' || c === '?';
      case 'userPassword':
        return c === '@' || c === '/' || c === '?' || c === ':';
      case 'queryComponent':
        return true;
      case 'fragment':
        return false;
      default:
        break;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false;
  return true;
}

class URLError extends Error {}

function escapeError(b: Uint8Array, i: number, n: number): URLError {
  return new URLError(`invalid URL escape ${quote(bytesToString(b.subarray(i, i + n)))}`);
}

function unescape(s: string, mode: Mode): string {
  const b = utf8Bytes(s);
  let n = 0;
  let hasPlus = false;
  for (let i = 0; i < b.length; ) {
    if (b[i] === 0x25) {
      n++;
      if (i + 2 >= b.length || !ishex(b[i + 1]) || !ishex(b[i + 2])) throw escapeError(b, i, 3);
      const is25 = b[i + 1] === 0x32 && b[i + 2] === 0x35;
      if (mode === 'host' && unhex(b[i + 1]) < 8 && !is25) throw escapeError(b, i, 3);
      if (mode === 'zone') {
        const v = unhex(b[i + 1]) * 16 + unhex(b[i + 2]);
        if (!is25 && v !== 0x20 && shouldEscape(v, 'host')) throw escapeError(b, i, 3);
      }
      i += 3;
    } else if (b[i] === 0x2b) {
      hasPlus = mode === 'queryComponent';
      i++;
    } else {
      if ((mode === 'host' || mode === 'zone') && b[i] < 0x80 && shouldEscape(b[i], mode)) {
        throw new URLError(`invalid character ${quote(String.fromCharCode(b[i]))} in host name`);
      }
      i++;
    }
  }
  if (n === 0 && !hasPlus) return s;
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x25) {
      out.push(unhex(b[i + 1]) * 16 + unhex(b[i + 2]));
      i += 2;
    } else if (b[i] === 0x2b) {
      out.push(mode === 'queryComponent' ? 0x20 : 0x2b);
    } else {
      out.push(b[i]);
    }
  }
  return bytesToString(out);
}

const upperhex = '0123456789ABCDEF';

function escape(s: string, mode: Mode): string {
  let out = '';
  for (const c of utf8Bytes(s)) {
    if (c === 0x20 && mode === 'queryComponent') out += '+';
    else if (shouldEscape(c, mode)) out += `%${upperhex[c >> 4]}${upperhex[c & 15]}`;
    else out += String.fromCharCode(c);
  }
  // Unescaped bytes are ASCII, except that non-ASCII bytes are always escaped.
  return out;
}

function getScheme(rawURL: string): { scheme: string; rest: string } {
  for (let i = 0; i < rawURL.length; i++) {
    const c = rawURL[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') {
      if (i === 0) return { scheme: '', rest: rawURL };
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new URLError('missing protocol scheme');
      return { scheme: rawURL.slice(0, i), rest: rawURL.slice(i + 1) };
    }
    return { scheme: '', rest: rawURL };
  }
  return { scheme: '', rest: rawURL };
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  return /^[0-9]*$/.test(port.slice(1));
}

function validUserinfo(s: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}

function parseHost(scheme: string, host: string): string {
  const openBracketIdx = host.lastIndexOf('[');
  if (openBracketIdx > 0) throw new URLError('invalid IP-literal');
  if (openBracketIdx === 0) {
    const closeBracketIdx = host.lastIndexOf(']');
    if (closeBracketIdx < 0) throw new URLError("missing ']' in host");
    const colonPort = host.slice(closeBracketIdx + 1);
    if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${quote(colonPort)} after host`);
    const unescapedColonPort = unescape(colonPort, 'host');
    const hostname = host.slice(1, closeBracketIdx);
    const zoneIdx = hostname.indexOf('%25');
    const unescapedHostname =
      zoneIdx >= 0 ? unescape(hostname.slice(0, zoneIdx), 'host') + unescape(hostname.slice(zoneIdx), 'zone') : unescape(hostname, 'host');
    let kind: string;
    try {
      kind = parseAddr(unescapedHostname);
    } catch (e) {
      throw new URLError(`invalid host: ${(e as Error).message}`);
    }
    if (kind === 'ipv4') throw new URLError('invalid IP-literal');
    return `[${unescapedHostname}]${unescapedColonPort}`;
  }
  let i = host.indexOf(':');
  if (i !== -1) {
    // urlstrictcolons (the Go 1.26 default): http(s) hosts split at the first colon.
    if (scheme !== 'http' && scheme !== 'https') i = host.lastIndexOf(':');
    const colonPort = host.slice(i);
    if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${quote(colonPort)} after host`);
  }
  return unescape(host, 'host');
}

function parseAuthority(scheme: string, authority: string): { user: Userinfo | null; host: string } {
  const i = authority.lastIndexOf('@');
  const host = parseHost(scheme, i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return { user: null, host };
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new URLError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { user: { username: unescape(userinfo, 'userPassword'), password: '', passwordSet: false }, host };
  return {
    user: {
      username: unescape(userinfo.slice(0, colon), 'userPassword'),
      password: unescape(userinfo.slice(colon + 1), 'userPassword'),
      passwordSet: true,
    },
    host,
  };
}

function parse(rawURL: string): GoURL {
  if (/[\x00-\x1f\x7f]/.test(rawURL)) throw new URLError('net/url: invalid control character in URL');
  const url = emptyURL();
  if (rawURL === '*') {
    url.path = '*';
    return url;
  }
  const sr = getScheme(rawURL);
  url.scheme = sr.scheme.toLowerCase();
  let rest = sr.rest;
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      url.opaque = rest;
      return url;
    }
    if (rest.split('/')[0].includes(':')) throw new URLError('first path segment in URL cannot contain colon');
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    const a = parseAuthority(url.scheme, authority);
    url.user = a.user;
    url.host = a.host;
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true;
  }
  url.path = unescape(rest, 'path');
  url.rawPath = escape(url.path, 'path') === rest ? '' : rest;
  return url;
}

/** url.Parse; a failure throws a GoError with Go's `parse "URL": reason` text. */
export function parseURL(rawURL: string): GoURL {
  const hash = rawURL.indexOf('#');
  const u = hash >= 0 ? rawURL.slice(0, hash) : rawURL;
  const frag = hash >= 0 ? rawURL.slice(hash + 1) : '';
  let url: GoURL;
  try {
    url = parse(u);
  } catch (e) {
    if (e instanceof URLError) throw new GoError(`parse ${quote(u)}: ${e.message}`);
    throw e;
  }
  if (frag === '') return url;
  try {
    url.fragment = unescape(frag, 'fragment');
  } catch (e) {
    if (e instanceof URLError) throw new GoError(`parse ${quote(rawURL)}: ${e.message}`);
    throw e;
  }
  url.rawFragment = escape(url.fragment, 'fragment') === frag ? '' : frag;
  return url;
}

/** Userinfo.String. */
export function userinfoString(u: Userinfo): string {
  return escape(u.username, 'userPassword') + (u.passwordSet ? `:${escape(u.password, 'userPassword')}` : '');
}

/** splitHostPort's host: URL.Hostname. */
export function hostname(hostPort: string): string {
  let host = hostPort;
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(host.slice(colon))) host = host.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host;
}

function validEncoded(s: string, mode: Mode): boolean {
  for (const c of utf8Bytes(s)) {
    if (`!$&'()*+,;=:@[]%`.includes(String.fromCharCode(c))) continue;
    if (shouldEscape(c, mode)) return false;
  }
  return true;
}

function escapedPath(u: GoURL): string {
  if (u.rawPath !== '' && validEncoded(u.rawPath, 'path')) {
    try {
      if (unescape(u.rawPath, 'path') === u.path) return u.rawPath;
    } catch {
      // an invalid RawPath is ignored
    }
  }
  if (u.path === '*') return '*';
  return escape(u.path, 'path');
}

function escapedFragment(u: GoURL): string {
  if (u.rawFragment !== '' && validEncoded(u.rawFragment, 'fragment')) {
    try {
      if (unescape(u.rawFragment, 'fragment') === u.fragment) return u.rawFragment;
    } catch {
      // an invalid RawFragment is ignored
    }
  }
  return escape(u.fragment, 'fragment');
}

/** URL.String. */
export function urlString(u: GoURL): string {
  let buf = '';
  if (u.scheme !== '') buf += `${u.scheme}:`;
  if (u.opaque !== '') {
    buf += u.opaque;
  } else {
    if ((u.scheme !== '' || u.host !== '' || u.user !== null) && !(u.omitHost && u.host === '' && u.user === null)) {
      if (u.host !== '' || u.path !== '' || u.user !== null) buf += '//';
      if (u.user !== null) buf += `${userinfoString(u.user)}@`;
      if (u.host !== '') buf += escape(u.host, 'host');
    }
    const path = escapedPath(u);
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf === '' && path.split('/')[0].includes(':')) buf += './';
    buf += path;
  }
  if (u.forceQuery || u.rawQuery !== '') buf += `?${u.rawQuery}`;
  if (u.fragment !== '') buf += `#${escapedFragment(u)}`;
  return buf;
}

/** url.ParseQuery as URL.Query uses it: malformed pairs (a ';', a bad escape) are dropped. */
export function parseQuery(query: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const pair of query.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = unescape(eq >= 0 ? pair.slice(0, eq) : pair, 'queryComponent');
      value = unescape(eq >= 0 ? pair.slice(eq + 1) : '', 'queryComponent');
    } catch (e) {
      if (e instanceof URLError) continue;
      throw e;
    }
    m.set(key, [...(m.get(key) ?? []), value]);
  }
  return m;
}
