// go-sockaddr/template (template.go): a text/template run with dot = all the host's
// addresses, missingkey=error, and go-sockaddr's source, sort, filter and helper functions.
// consul-template's `sockaddr` (template/funcs.go) runs "{{ " + its arguments + " }}" here.

import { sprintf } from '../../fmt/index.js';
import { Template, TemplateError } from '../../template.js';
import {
  type GoType,
  GoError,
  Value,
  errorType,
  intType,
  interfaceType,
  namedType,
  sliceOf,
  stringType,
  stringValue,
  structOf,
  uintType,
  intValue,
} from '../../value/index.js';
import { S, SS, fn } from '../funcs/sig.js';
import { type Host, thisHost } from './host.js';
import {
  type IfAddr,
  excludeIfs,
  getDefaultInterfaces,
  getForwardableInterfaces,
  getIPs,
  getInterfaceIPs,
  ifAddrString,
  ifAddrsMath,
  ifAttr,
  includeIfs,
  joinIfAddrs,
  limitIfAddrs,
  offsetIfAddrs,
  sortIfBy,
  uniqueIfAddrsBy,
} from './ifaddrs.js';

/** sockaddr.AttrName. */
const attrNameType = namedType({ str: 'sockaddr.AttrName', underlying: stringType });

/**
 * sockaddr.IfAddr. Its fields (the embedded SockAddr and net.Interface, and what they
 * promote: .Name, .Flags, ...) are not modelled: templates reach them through `attr`.
 */
export const ifAddrType: GoType = namedType({
  str: 'sockaddr.IfAddr',
  underlying: structOf([]),
  methods: [
    { name: 'String', sig: { params: [], variadic: false, results: [stringType] }, call: (recv) => stringValue(ifAddrString(ifAddrOf(recv))) },
    {
      name: 'Attr',
      sig: { params: [attrNameType], variadic: false, results: [stringType, errorType] },
      call: (recv, [name]) => stringValue(ifAttr(ifAddrOf(recv), name.str())),
    },
  ],
});

/** sockaddr.IfAddrs. */
export const ifAddrsType: GoType = namedType({
  str: 'sockaddr.IfAddrs',
  underlying: sliceOf(ifAddrType),
  methods: [{ name: 'Len', sig: { params: [], variadic: false, results: [intType] }, call: (recv) => intValue(recv.len()) }],
});

const ifAddrOf = (v: Value): IfAddr => v.v as IfAddr;
const ifAddrValue = (a: IfAddr): Value => new Value(ifAddrType, a);
const ifAddrsValue = (xs: readonly IfAddr[]): Value => new Value(ifAddrsType, xs.map(ifAddrValue));
const ifAddrsOf = (v: Value): IfAddr[] => v.items().map(ifAddrOf);

const A = ifAddrsType;

/** go-sockaddr/template's SourceFuncs, SortFuncs, FilterFuncs and HelperFuncs on `host`. */
export function sockaddrFuncs(host: Host): Record<string, Value> {
  const addrs =
    (f: (...a: Value[]) => IfAddr[]) =>
    (args: readonly Value[]): Value =>
      ifAddrsValue(f(...args));
  const str =
    (f: (...a: Value[]) => string) =>
    (args: readonly Value[]): Value =>
      stringValue(f(...args));
  return {
    GetAllInterfaces: fn(
      [],
      A,
      addrs(() => host.interfaces()),
    ),
    GetDefaultInterfaces: fn(
      [],
      A,
      addrs(() => getDefaultInterfaces(host)),
    ),
    GetPrivateInterfaces: fn(
      [],
      A,
      addrs(() => getForwardableInterfaces(host, 'private')),
    ),
    GetPublicInterfaces: fn(
      [],
      A,
      addrs(() => getForwardableInterfaces(host, 'public')),
    ),
    sort: fn(
      [S, A],
      A,
      addrs((by, xs) => sortIfBy(host, by.str(), ifAddrsOf(xs))),
    ),
    exclude: fn(
      [S, S, A],
      A,
      addrs((name, param, xs) => excludeIfs(name.str(), param.str(), ifAddrsOf(xs))),
    ),
    include: fn(
      [S, S, A],
      A,
      addrs((name, param, xs) => includeIfs(name.str(), param.str(), ifAddrsOf(xs))),
    ),
    attr: fn(
      [S, interfaceType],
      S,
      str((name, raw) => attr(name.str(), raw)),
    ),
    join: fn(
      [S, S, A],
      S,
      str((name, sep, xs) => joinIfAddrs(name.str(), sep.str(), ifAddrsOf(xs))),
    ),
    limit: fn(
      [uintType, A],
      A,
      addrs((lim, xs) => limitIfAddrs(lim.int(), ifAddrsOf(xs))),
    ),
    offset: fn(
      [intType, A],
      A,
      addrs((off, xs) => offsetIfAddrs(off.int(), ifAddrsOf(xs))),
    ),
    unique: fn(
      [S, A],
      A,
      addrs((name, xs) => uniqueIfAddrsBy(name.str(), ifAddrsOf(xs))),
    ),
    math: fn(
      [S, S, A],
      A,
      addrs((op, value, xs) => ifAddrsMath(op.str(), value.str(), ifAddrsOf(xs))),
    ),
    GetPrivateIP: fn(
      [],
      S,
      str(() => {
        const xs = getForwardableInterfaces(host, 'private');
        return xs.length === 0 ? '' : ifAttr(xs[0], 'address');
      }),
    ),
    GetPrivateIPs: fn(
      [],
      S,
      str(() => getIPs(host, 'private')),
    ),
    GetPublicIP: fn(
      [],
      S,
      str(() => {
        const xs = getForwardableInterfaces(host, 'public');
        return xs.length === 0 ? '' : ifAttr(xs[0], 'address');
      }),
    ),
    GetPublicIPs: fn(
      [],
      S,
      str(() => getIPs(host, 'public')),
    ),
    GetInterfaceIP: fn(
      [S],
      S,
      str((re) => getInterfaceIPs(host, re.str(), true)),
    ),
    GetInterfaceIPs: fn(
      [S],
      S,
      str((re) => getInterfaceIPs(host, re.str(), false)),
    ),
  };
}

/** template.go's Attr: of an IfAddr, or of the first of IfAddrs ("" when there is none). */
function attr(selector: string, raw: Value): string {
  const v = raw.kind === 'interface' ? raw.elem() : raw;
  if (v.type === ifAddrType) return ifAttr(ifAddrOf(v), selector);
  if (v.type === ifAddrsType) {
    const xs = ifAddrsOf(v);
    return xs.length === 0 ? '' : ifAttr(xs[0], selector);
  }
  throw new GoError(sprintf('unable to obtain attribute %s from type %T (%v)', [stringValue(selector), raw, raw]));
}

/** %+q. */
const q = (s: string): string => sprintf('%+q', [stringValue(s)]);

/** template.Parse: runs `input` with dot = all of the host's addresses. */
export function parse(input: string, host: Host): string {
  const t = new Template('sockaddr.Parse').option('missingkey=error').funcs(sockaddrFuncs(host));
  let data: Value;
  try {
    data = ifAddrsValue(host.interfaces());
  } catch (e) {
    if (e instanceof GoError) throw new GoError(`unable to query interface addresses: ${e.message}`);
    throw e;
  }
  try {
    t.parse(input);
  } catch (e) {
    if (e instanceof TemplateError) throw new GoError(`unable to parse template ${q(input)}: ${e.message}`);
    throw e;
  }
  try {
    return t.execute(data);
  } catch (e) {
    if (e instanceof TemplateError) throw new GoError(`unable to execute sockaddr input ${q(input)}: ${e.message}`);
    throw e;
  }
}

/** consul-template's sockaddr(args ...string) (string, error) on this host. */
export const sockaddrFunc: Value = fn([SS], S, (args) => stringValue(parse(`{{ ${args.map((a) => a.str()).join(' ')} }}`, thisHost())), true);
