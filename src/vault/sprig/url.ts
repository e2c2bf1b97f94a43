// sprig's urlParse and urlJoin (url.go) over Go's net/url (src/go/net/url). Both panic
// rather than return errors, as sprig does.

import { GoMap, GoPanic, Value, stringValue, stringType, indirectInterface, box, mapStringInterfaceType } from '../../value/index.js';
import { S, fnNoErr } from '../funcs/sig.js';
import { type Userinfo, emptyURL, hostname, parseURL, urlString, userinfoString } from '../../go/net/url/index.js';

const M = mapStringInterfaceType;

function parseOrPanic(s: string, what: string): ReturnType<typeof parseURL> {
  try {
    return parseURL(s);
  } catch (e) {
    throw new GoPanic(`unable to parse ${what}: ${(e as Error).message}`);
  }
}

/** dictGetOrEmpty: the string under key, "" when absent; any other kind panics. */
function dictGetOrEmpty(d: GoMap | null, key: string): string {
  const v0 = d?.get(stringValue(key));
  if (v0 === undefined) return '';
  const v = indirectInterface(v0);
  // reflect.TypeOf(nil).Kind() dereferences a nil Type.
  if (!v.isValid()) throw new GoPanic('runtime error: invalid memory address or nil pointer dereference');
  if (v.kind !== 'string') throw new GoPanic(`unable to parse ${key} key, must be of type string, but ${v.kind} found`);
  return v.str();
}

export const sprigURL = {
  urlParse: fnNoErr([S], M, ([v]) => {
    const u = parseOrPanic(v.str(), 'url');
    const m = new GoMap();
    const put = (k: string, s: string): void => m.set(stringValue(k), box(stringValue(s)));
    put('scheme', u.scheme);
    put('host', u.host);
    put('hostname', hostname(u.host));
    put('path', u.path);
    put('query', u.rawQuery);
    put('opaque', u.opaque);
    put('fragment', u.fragment);
    put('userinfo', u.user !== null ? userinfoString(u.user) : '');
    return new Value(M, m);
  }),
  urlJoin: fnNoErr([M], stringType, ([d]) => {
    const m = d.map();
    const u = emptyURL();
    u.scheme = dictGetOrEmpty(m, 'scheme');
    u.host = dictGetOrEmpty(m, 'host');
    u.path = dictGetOrEmpty(m, 'path');
    u.rawQuery = dictGetOrEmpty(m, 'query');
    u.opaque = dictGetOrEmpty(m, 'opaque');
    u.fragment = dictGetOrEmpty(m, 'fragment');
    const userinfo = dictGetOrEmpty(m, 'userinfo');
    let user: Userinfo | null = null;
    if (userinfo !== '') user = parseOrPanic(`proto://${userinfo}@host`, 'userinfo in dict').user;
    u.user = user;
    return stringValue(urlString(u));
  }),
} satisfies Record<string, Value>;
