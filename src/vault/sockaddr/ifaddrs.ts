// go-sockaddr's IfAddr and IfAddrs functions that its templates call (ifaddr.go, ifaddrs.go,
// ifattr.go, sockaddrs.go): sources, include/exclude filters, sort, unique, join, limit,
// offset, attr and math. Errors are GoError with go-sockaddr's texts.

import { sprintf } from '../../fmt/index.js';
import { GoError, stringValue } from '../../value/index.js';
import { compile } from '../funcs/regex.js';
import { sort as goSort } from '../../go/sort/index.js';
import { parseInt10, parseUint10 } from '../../go/strconv/index.js';
import { type Host, type IfAddr, flagBroadcast, flagLoopback, flagMulticast, flagPointToPoint, flagUp, flagsString } from './host.js';
import {
  type IPAddr,
  bitsOf,
  bytesOf,
  cidrMask,
  cmpAddress,
  contains,
  hostMask,
  ipAttr,
  ipClass,
  ipString,
  lastUsable,
  maskbits,
  netIPString,
  networkAddress,
  newIPAddr,
} from './ipaddr.js';
import { forwardingBlacklist, rfcNetworks } from './rfc.js';

export type { IfAddr } from './host.js';

/** %+q: Go's ASCII-only quoting. */
const q = (s: string): string => sprintf('%+q', [stringValue(s)]);
/** %q. */
const qq = (s: string): string => sprintf('%q', [stringValue(s)]);

/** IfAddr.String(): fmt.Sprintf("%s %v", ifAddr.SockAddr, ifAddr.Interface). */
export function ifAddrString(a: IfAddr): string {
  const i = a.iface;
  return `${ipString(a.sa)} {${i.index} ${i.mtu} ${i.name} ${i.hardwareAddr} ${flagsString(i.flags)}}`;
}

export function isRFC(rfc: number, sa: IPAddr): boolean {
  return (rfcNetworks(rfc) ?? []).some((n) => contains(n, sa));
}

// Comparators (CmpIfAddrFunc): -1 receiver first, 1 argument first, 0 defer to the next.
type Cmp = (a: IfAddr, b: IfAddr) => number;

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

function ascNetworkSize(a: IfAddr, b: IfAddr): number {
  // AscNetworkSize: bytes.Compare of the masks (4 bytes for IPv4, 16 for IPv6); 0 across families.
  if (a.sa.family !== b.sa.family) return 0;
  const ma = bytesOf({ ...a.sa, address: a.sa.mask });
  const mb = bytesOf({ ...b.sa, address: b.sa.mask });
  for (let i = 0; i < ma.length; i++) if (ma[i] !== mb[i]) return ma[i] < mb[i] ? -1 : 1;
  return 0;
}

function cmpRFC(rfc: number, a: IPAddr, b: IPAddr): number {
  const inA = isRFC(rfc, a);
  if (a.family !== b.family) return inA ? -1 : 0;
  const inB = isRFC(rfc, b);
  return inA === inB ? 0 : inA ? -1 : 1;
}

/** AscType: IPv4 (2) before IPv6 (4). */
const ascType: Cmp = (a, b) => sign(a.sa.family - b.sa.family);
const ascAddress: Cmp = (a, b) => cmpAddress(a.sa, b.sa);
const ascName: Cmp = (a, b) => (a.iface.name === b.iface.name ? 0 : a.iface.name < b.iface.name ? -1 : 1);
const ascPort: Cmp = (a, b) => sign(a.sa.port - b.sa.port);
const ascPrivate: Cmp = (a, b) => cmpRFC(6890, a.sa, b.sa);

function ascDefault(host: Host): Cmp {
  return (a, b) => {
    let name: string;
    try {
      name = host.defaultInterfaceName();
    } catch {
      return 0;
    }
    const da = a.iface.name === name;
    const db = b.iface.name === name;
    return da === db ? 0 : da ? -1 : 1;
  };
}

const desc =
  (c: Cmp): Cmp =>
  (a, b) =>
    -1 * c(a, b);

/** OrderedIfAddrBy(cmps...).Sort: Go's sort.Sort (not stable: ties end where Go's puts them). */
function sortBy(cmps: readonly Cmp[], xs: IfAddr[]): void {
  const less = (p: IfAddr, q: IfAddr): boolean => {
    for (const c of cmps) {
      const r = c(p, q);
      if (r === -1) return true;
      if (r === 1) return false;
    }
    return false;
  };
  goSort({
    len: xs.length,
    less: (i, j) => less(xs[i], xs[j]),
    swap: (i, j) => {
      [xs[i], xs[j]] = [xs[j], xs[i]];
    },
  });
}

/** SortIfBy. */
export function sortIfBy(host: Host, selector: string, input: readonly IfAddr[]): IfAddr[] {
  const cmps = selector.split(',').map((clause): Cmp => {
    switch (clause.toLowerCase().trim()) {
      case '+address':
      case 'address':
        return ascAddress;
      case '-address':
        return desc(ascAddress);
      case '+default':
      case 'default':
        return ascDefault(host);
      case '-default':
        return desc(ascDefault(host));
      case '+name':
      case 'name':
        return ascName;
      case '-name':
        return desc(ascName);
      case '+port':
      case 'port':
        return ascPort;
      case '-port':
        return desc(ascPort);
      case '+private':
      case 'private':
        return ascPrivate;
      case '-private':
        return desc(ascPrivate);
      case '+size':
      case 'size':
        return ascNetworkSize;
      case '-size':
        return desc(ascNetworkSize);
      case '+type':
      case 'type':
        return ascType;
      case '-type':
        return desc(ascType);
      default:
        throw new GoError(`unknown sort type: ${qq(clause)}`);
    }
  });
  const out = [...input];
  sortBy(cmps, out);
  return out;
}

type Split = [matched: IfAddr[], remainder: IfAddr[]];

function partition(xs: readonly IfAddr[], test: (a: IfAddr) => boolean): Split {
  const m: IfAddr[] = [];
  const r: IfAddr[] = [];
  for (const a of xs) (test(a) ? m : r).push(a);
  return [m, r];
}

function byRegexp(what: string, re: string, xs: readonly IfAddr[], text: (a: IfAddr) => string): Split {
  let compiled;
  try {
    compiled = compile(re);
  } catch (e) {
    throw new GoError(`Unable to compile ${what} regexp ${q(re)}: ${(e as Error).message}`);
  }
  return partition(xs, (a) => compiled.matcher(text(a)).find());
}

function ifByRFC(param: string, xs: readonly IfAddr[]): Split {
  let n: bigint;
  try {
    n = parseUint10(param);
  } catch (e) {
    throw new GoError(`unable to parse RFC number ${qq(param)}: ${(e as Error).message}`);
  }
  const nets = rfcNetworks(Number(n));
  if (!nets) throw new GoError(`unsupported RFC ${n}`);
  return partition(xs, (a) => nets.some((net) => contains(net, a.sa)));
}

function ifByRFCs(param: string, xs: readonly IfAddr[]): Split {
  const m: IfAddr[] = [];
  const r: IfAddr[] = [];
  for (const rfc of param.split('|')) {
    try {
      const [mi, ri] = ifByRFC(rfc, xs);
      m.push(...mi);
      r.push(...ri);
    } catch (e) {
      throw new GoError(`unable to lookup RFC number ${qq(rfc)}: ${(e as Error).message}`);
    }
  }
  return [m, r];
}

function ifByMaskSize(param: string, xs: readonly IfAddr[]): Split {
  let size: bigint;
  try {
    size = parseUint10(param);
  } catch (e) {
    throw new GoError(`invalid exclude size argument (${qq(param)}): ${(e as Error).message}`);
  }
  for (const a of xs) {
    if (a.sa.family === 4 && size > 32n) throw new GoError(`mask size out of bounds for IPv4 address: ${size}`);
    if (a.sa.family === 6 && size > 128n) throw new GoError(`mask size out of bounds for IPv6 address: ${size}`);
  }
  return partition(xs, (a) => BigInt(maskbits(a.sa)) === size);
}

function ifByType(param: string, xs: readonly IfAddr[]): Split {
  const types = param.toLowerCase().split('|');
  for (const t of types) {
    if (!['ip', 'ipv4', 'ipv6', 'unix'].includes(t)) throw new GoError(`unsupported type ${qq(t)} ${qq(param)}`);
  }
  // As in Go, each address is tested once per listed type: "ipv4|ipv6" lists it twice.
  const m: IfAddr[] = [];
  const r: IfAddr[] = [];
  for (const a of xs) {
    for (const t of types) {
      const hit = t === 'ip' || (t === 'ipv4' && a.sa.family === 4) || (t === 'ipv6' && a.sa.family === 6);
      (hit ? m : r).push(a);
    }
  }
  return [m, r];
}

/** IfByFlag. */
export function ifByFlag(param: string, xs: readonly IfAddr[]): Split {
  const want = new Set<string>();
  let flags = 0;
  let checkFlags = false;
  let checkAttrs = false;
  for (const name of param.toLowerCase().split('|')) {
    switch (name) {
      case 'broadcast':
        checkFlags = true;
        flags |= flagBroadcast;
        break;
      // Go clears FlagUp from an empty set here, so "down" matches every address.
      case 'down':
        checkFlags = true;
        flags &= ~flagUp;
        break;
      case 'forwardable':
      case 'global unicast':
      case 'interface-local multicast':
      case 'link-local multicast':
      case 'link-local unicast':
      case 'unspecified':
        checkAttrs = true;
        want.add(name);
        break;
      case 'loopback':
        checkAttrs = true;
        checkFlags = true;
        flags |= flagLoopback;
        want.add(name);
        break;
      case 'multicast':
        checkAttrs = true;
        checkFlags = true;
        flags |= flagMulticast;
        want.add(name);
        break;
      case 'point-to-point':
        checkFlags = true;
        flags |= flagPointToPoint;
        break;
      case 'up':
        checkFlags = true;
        flags |= flagUp;
        break;
      default:
        throw new GoError(`Unknown interface flag: ${q(name)}`);
    }
  }
  return partition(xs, (a) => {
    if (checkFlags && (a.iface.flags & flags) === flags) return true;
    if (!checkAttrs) return false;
    const c = ipClass(a.sa);
    return (
      (want.has('global unicast') && c.globalUnicast) ||
      (want.has('interface-local multicast') && c.interfaceLocalMulticast) ||
      (want.has('link-local multicast') && c.linkLocalMulticast) ||
      (want.has('link-local unicast') && c.linkLocalUnicast) ||
      (want.has('loopback') && c.loopback) ||
      (want.has('multicast') && c.multicast) ||
      (want.has('unspecified') && c.unspecified) ||
      (want.has('forwardable') && !isRFC(forwardingBlacklist, a.sa))
    );
  });
}

function ifByNetwork(param: string, xs: readonly IfAddr[]): Split {
  const m: IfAddr[] = [];
  const r: IfAddr[] = [];
  for (const netStr of param.split('|')) {
    const net = newIPAddr(netStr);
    if (!net) throw new GoError(`unable to create an IP address from ${q(netStr)}: invalid IPAddr ${netStr}`);
    for (const a of xs) (contains(net, a.sa) ? m : r).push(a);
  }
  return [m, r];
}

function select(kind: 'include' | 'exclude', name: string, param: string, xs: readonly IfAddr[]): IfAddr[] {
  let split: Split;
  switch (name.toLowerCase()) {
    case 'address':
      split = byRegexp('address', param, xs, (a) => ipString(a.sa));
      break;
    case 'flag':
    case 'flags':
      split = ifByFlag(param, xs);
      break;
    case 'name':
      split = byRegexp('name', param, xs, (a) => a.iface.name);
      break;
    case 'network':
      split = ifByNetwork(param, xs);
      break;
    case 'port':
      split = byRegexp('port', param, xs, (a) => String(a.sa.port));
      break;
    case 'rfc':
    case 'rfcs':
      split = ifByRFCs(param, xs);
      break;
    case 'size':
      split = ifByMaskSize(param, xs);
      break;
    case 'type':
      split = ifByType(param, xs);
      break;
    default:
      throw new GoError(`invalid ${kind} selector ${qq(name)}`);
  }
  return kind === 'include' ? split[0] : split[1];
}

/** IncludeIfs. */
export const includeIfs = (name: string, param: string, xs: readonly IfAddr[]): IfAddr[] => select('include', name, param, xs);
/** ExcludeIfs. */
export const excludeIfs = (name: string, param: string, xs: readonly IfAddr[]): IfAddr[] => select('exclude', name, param, xs);

/** UniqueIfAddrsBy. */
export function uniqueIfAddrsBy(selector: string, xs: readonly IfAddr[]): IfAddr[] {
  const attr = selector.toLowerCase();
  const out: IfAddr[] = [];
  let last = '';
  for (const a of xs) {
    let v: string;
    if (attr === 'address') v = ipString(a.sa);
    else if (attr === 'name') v = a.iface.name;
    else throw new GoError(`unsupported unique constraint ${q(selector)}`);
    if (last === '' || last !== v) {
      last = v;
      out.push(a);
    }
  }
  return out;
}

/** IfAddr.Attr: the interface's flags or name, else the address's attribute, "string" or "type". */
export function ifAttr(a: IfAddr, selector: string): string {
  const name = selector.toLowerCase();
  if (name === 'flags') return flagsString(a.iface.flags);
  if (name === 'name' && a.iface.name !== '') return a.iface.name;
  const v = ipAttr(a.sa, name);
  if (v !== '') return v;
  if (name === 'string') return ipString(a.sa);
  if (name === 'type') return a.sa.family === 4 ? 'IPv4' : 'IPv6';
  throw new GoError(`unsupported attribute name ${qq(name)}`);
}

/** JoinIfAddrs. */
export const joinIfAddrs = (selector: string, sep: string, xs: readonly IfAddr[]): string => xs.map((a) => ifAttr(a, selector)).join(sep);

/** LimitIfAddrs. */
export const limitIfAddrs = (lim: bigint, xs: readonly IfAddr[]): IfAddr[] => xs.slice(0, Number(lim > BigInt(xs.length) ? xs.length : lim));

/** OffsetIfAddrs. */
export function offsetIfAddrs(off: bigint, xs: readonly IfAddr[]): IfAddr[] {
  const end = off < 0n;
  const n = end ? -off : off;
  if (n > BigInt(xs.length)) {
    throw new GoError(`unable to seek past the end of the interface array: offset (${n}) exceeds the number of interfaces (${xs.length})`);
  }
  return end ? xs.slice(xs.length - Number(n)) : xs.slice(Number(n));
}

const signRE = /^\s*[+-]/;

function parseOperand(value: string, operation: string, parse: () => bigint): bigint {
  try {
    return parse();
  } catch (e) {
    throw new GoError(`unable to convert ${qq(value)} to int for operation ${qq(operation)}: ${(e as Error).message}`);
  }
}

/** IfAddrMath. */
function ifAddrMath(operation: string, value: string, a: IfAddr): IfAddr {
  const sa = a.sa;
  const v4 = sa.family === 4;
  const top = hostMask(sa);
  const at = (address: bigint, mask = sa.mask): IfAddr => ({ sa: { family: sa.family, address, mask, port: 0 }, iface: a.iface });
  switch (operation.toLowerCase()) {
    case 'address': {
      if (!signRE.test(value)) throw new GoError(`sign (+/-) is required for operation ${qq(operation)}`);
      const i = parseOperand(value, operation, () => parseInt10(value, v4 ? 33 : 64));
      // uint32 arithmetic wraps for IPv4; IPv6 is masked to 128 bits (a negative result wraps too).
      return at((((sa.address + i) % (top + 1n)) + top + 1n) & top);
    }
    case 'network': {
      if (!signRE.test(value)) throw new GoError(`sign (+/-) is required for operation ${qq(operation)}`);
      const i = parseOperand(value, operation, () => parseInt10(value, v4 ? 33 : 64));
      const net = networkAddress(sa);
      if (v4) {
        const wrapped = i >= 0n ? i : 1n + i + (top ^ sa.mask);
        return at((net + (wrapped & top & ~sa.mask & top)) & top);
      }
      if (i > 0n) return at(net + (i & ~sa.mask & top));
      // For "+0" Go's big.Int AndNot of -1 is negative, and the address grows past 128 bits.
      return at(lastUsable(sa).address - ((-i - 1n) & ~sa.mask));
    }
    case 'mask': {
      const i = parseOperand(value, operation, () => {
        const n = parseUint10(value);
        if (n >= 1n << 32n) throw new GoError(`strconv.ParseUint: parsing ${qq(value)}: value out of range`);
        return n;
      });
      if (v4 && i > 32n) throw new GoError(`parameter for operation ${qq(operation)} on ipv4 addresses must be between 0 and 32`);
      if (!v4 && i > 128n) throw new GoError(`parameter for operation ${qq(operation)} on ipv6 addresses must be between 0 and 64`);
      const m = cidrMask(Number(i), Number(bitsOf(sa)));
      return at(sa.address & m, m < sa.mask ? m : sa.mask);
    }
    default:
      throw new GoError(`unsupported math operation: ${qq(operation)}`);
  }
}

/** IfAddrsMath. */
export function ifAddrsMath(operation: string, value: string, xs: readonly IfAddr[]): IfAddr[] {
  return xs.map((a) => {
    try {
      return ifAddrMath(operation, value, a);
    } catch (e) {
      throw new GoError(`unable to perform an IPMath operation on ${ifAddrString(a)}: ${(e as Error).message}`);
    }
  });
}

const ips = (xs: readonly IfAddr[]): string => xs.map((a) => netIPString(a.sa)).join(' ');
/** FilterIfByType(ifAddrs, TypeIP): every address of the host is an IP address (a copy, as sorting follows). */
const onlyIP = (xs: readonly IfAddr[]): IfAddr[] => [...xs];

/** GetDefaultInterfaces. */
export function getDefaultInterfaces(host: Host): IfAddr[] {
  const name = host.defaultInterfaceName();
  return host.interfaces().filter((a) => a.iface.name === name);
}

/** GetPrivateInterfaces (private) and GetPublicInterfaces (public). */
export function getForwardableInterfaces(host: Host, want: 'private' | 'public'): IfAddr[] {
  let xs = onlyIP(host.interfaces());
  xs = ifByFlag('forwardable', xs)[0];
  xs = ifByFlag('up', xs)[0];
  sortBy([ascDefault(host), ascType, ascNetworkSize], xs);
  const [inRFC, outRFC] = ifByRFC('6890', xs);
  return want === 'private' ? inRFC : outRFC;
}

/** GetPrivateIPs (private) and GetPublicIPs (public): not limited to the default interface. */
export function getIPs(host: Host, want: 'private' | 'public'): string {
  const xs = onlyIP(host.interfaces());
  sortBy([ascType, ascNetworkSize], xs);
  const [inRFC, outRFC] = ifByRFC('6890', xs);
  if (want === 'public') return ips(outRFC);
  return ips(ifByRFC(String(forwardingBlacklist), inRFC)[1]);
}

/** GetInterfaceIP (first forwardable address) and GetInterfaceIPs (all) of the interfaces named by a regexp. */
export function getInterfaceIPs(host: Host, nameRE: string, onlyFirst: boolean): string {
  let xs = byRegexp('name', nameRE, host.interfaces(), (a) => a.iface.name)[0];
  if (onlyFirst) xs = ifByFlag('forwardable', xs)[0];
  xs = sortIfBy(host, '+type,+size', xs);
  if (xs.length === 0) return '';
  return onlyFirst ? ipAttr(xs[0].sa, 'address') : ips(xs);
}
