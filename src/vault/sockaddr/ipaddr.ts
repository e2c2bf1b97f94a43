// go-sockaddr's IPv4Addr and IPv6Addr (ipv4addr.go, ipv6addr.go, ipaddr.go): one shape for
// both, the address and mask as bigints of 32 or 128 bits, with the methods and attributes
// (ipAddrAttrMap, ipv4AddrAttrMap, ipv6AddrAttrMap) that a template reaches.

import { nodeNet } from '../lazy-require.js';

export interface IPAddr {
  readonly family: 4 | 6;
  readonly address: bigint;
  readonly mask: bigint;
  readonly port: number;
}

export const bitsOf = (ip: IPAddr): bigint => (ip.family === 4 ? 32n : 128n);
export const hostMask = (ip: IPAddr): bigint => (1n << bitsOf(ip)) - 1n;

/** A mask of `ones` leading one bits (net.CIDRMask). */
export function cidrMask(ones: number, bits: number): bigint {
  return ((1n << BigInt(ones)) - 1n) << BigInt(bits - ones);
}

/** net.IPMask.Size's ones: 0 for a non-canonical mask, as there. */
export function maskbits(ip: IPAddr): number {
  const bits = Number(bitsOf(ip));
  for (let ones = 0; ones <= bits; ones++) if (cidrMask(ones, bits) === ip.mask) return ones;
  return 0;
}

/**
 * The address's bytes (net.IP). An IPv6 address wider than 128 bits (math "network" "+0"
 * makes one) keeps its first 16 bytes, as bigIntToNetIPv6's copy does.
 */
export function bytesOf(ip: IPAddr): number[] {
  const n = ip.family === 4 ? 4 : 16;
  let address = ip.address;
  while (address >> BigInt(8 * n) !== 0n) address >>= 8n;
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(Number((address >> BigInt(8 * i)) & 0xffn));
  return out;
}

/** The 4 bytes of a v4-mapped IPv6 address (net.IP.To4), or undefined. */
function to4(b: readonly number[]): number[] | undefined {
  if (b.length === 4) return [...b];
  return b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff ? b.slice(12) : undefined;
}

/** net.IP.String(): dotted for IPv4 (and v4-mapped IPv6), else RFC 5952 with Go's "::" choice. */
export function netIPString(ip: IPAddr): string {
  const b = bytesOf(ip);
  const v4 = to4(b);
  if (v4) return v4.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i] << 8) | b[i + 1]);
  // The longest run of two or more zero groups, the first of equal ones, becomes "::".
  let e0 = -1;
  let e1 = -1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j > i && j - i >= 2 && j - i > e1 - e0) {
      e0 = i;
      e1 = j;
    }
    i = j;
  }
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (i === e0) {
      s += '::';
      i = e1 - 1;
      continue;
    }
    if (i > 0 && i !== e1) s += ':';
    s += groups[i].toString(16);
  }
  return s;
}

/** IPv4Addr.String / IPv6Addr.String. */
export function ipString(ip: IPAddr): string {
  const s = netIPString(ip);
  if (ip.port !== 0) return ip.family === 4 ? `${s}:${ip.port}` : `[${s}]:${ip.port}`;
  const ones = maskbits(ip);
  return ones === Number(bitsOf(ip)) ? s : `${s}/${ones}`;
}

function parseIPv4(s: string): bigint | undefined {
  if (!nodeNet().isIPv4(s)) return undefined;
  return s.split('.').reduce((acc, o) => (acc << 8n) | BigInt(Number(o)), 0n);
}

function parseIPv6(s: string): bigint | undefined {
  if (!nodeNet().isIPv6(s) || s.includes('%')) return undefined;
  let text = s;
  // An embedded IPv4 tail ("::ffff:1.2.3.4") stands for two groups.
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    text = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const hs = head === '' ? [] : head.split(':').map((g) => parseInt(g, 16));
  const rs = rest === undefined || rest === '' ? [] : rest.split(':').map((g) => parseInt(g, 16));
  const fill = 8 - hs.length - rs.length;
  const groups = [...hs, ...(rest === undefined ? [] : new Array<number>(fill).fill(0)), ...rs];
  if (groups.length !== 8) return undefined;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** An IP literal as net.ParseIP reads it: IPv4 dotted, or IPv6 (kept as 16 bytes). */
function parseIP(s: string): { family: 4 | 6; address: bigint } | undefined {
  const v4 = parseIPv4(s);
  if (v4 !== undefined) return { family: 4, address: v4 };
  const v6 = parseIPv6(s);
  return v6 === undefined ? undefined : { family: 6, address: v6 };
}

/**
 * NewIPAddr for literal input: "ip", "ip/bits" and "ip:port" / "[ipv6]:port". Go would also
 * resolve a host name ("localhost:80") through DNS; that is not ported (an error here).
 */
export function newIPAddr(s: string): IPAddr | undefined {
  const slash = s.lastIndexOf('/');
  if (slash >= 0) {
    const ip = parseIP(s.slice(0, slash));
    const bitsText = s.slice(slash + 1);
    if (!ip || !/^[0-9]{1,3}$/.test(bitsText)) return undefined;
    const ones = Number(bitsText);
    const bits = ip.family === 4 ? 32 : 128;
    if (ones > bits) return undefined;
    const v4 = ip.family === 6 ? mappedV4(ip.address) : undefined;
    if (v4 === undefined) return { family: ip.family, address: ip.address, mask: cidrMask(ones, bits), port: 0 };
    // NewIPv4Addr takes a v4-mapped CIDR: /96 and longer count from bit 96, a shorter
    // mask keeps its first 32 bits.
    return { family: 4, address: v4, mask: ones >= 96 ? cidrMask(ones - 96, 32) : cidrMask(ones, 128) >> 96n, port: 0 };
  }
  const ip = parseIP(s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s);
  if (ip) return hostAddr(ip, 0);
  const m = /^(?:\[([^\]]*)\]|([^:]*)):([0-9]{1,5})$/.exec(s);
  if (!m || Number(m[3]) > 65535) return undefined;
  const host = parseIP(m[1] ?? m[2]);
  if (!host || (m[2] !== undefined && host.family === 6)) return undefined;
  return hostAddr(host, Number(m[3]));
}

/** A v4-mapped IPv6 address's IPv4 part (net.IP.To4), or undefined. */
function mappedV4(address: bigint): bigint | undefined {
  return address >> 32n === 0xffffn ? address & 0xffffffffn : undefined;
}

/** An address without a mask: NewIPv4Addr wins for IPv4 and v4-mapped IPv6 (To4 succeeds). */
function hostAddr(ip: { family: 4 | 6; address: bigint }, port: number): IPAddr {
  const v4 = ip.family === 6 ? mappedV4(ip.address) : undefined;
  if (v4 !== undefined) return { family: 4, address: v4, mask: cidrMask(32, 32), port };
  return { ...ip, mask: ip.family === 4 ? cidrMask(32, 32) : cidrMask(128, 128), port };
}

export const networkAddress = (ip: IPAddr): bigint => ip.address & ip.mask;
export const broadcastAddress = (ip: IPAddr): bigint => (ip.address & ip.mask) | (hostMask(ip) ^ ip.mask);

const host = (ip: IPAddr, address: bigint): IPAddr => ({ family: ip.family, address, mask: hostMask(ip), port: 0 });

export function firstUsable(ip: IPAddr): IPAddr {
  const addr = networkAddress(ip);
  return host(ip, ip.family === 4 && maskbits(ip) < 31 ? addr + 1n : addr);
}

export function lastUsable(ip: IPAddr): IPAddr {
  const addr = broadcastAddress(ip);
  return host(ip, ip.family === 4 && maskbits(ip) < 31 ? addr - 1n : addr);
}

/** IPv4Addr.Contains / IPv6Addr.Contains: the same family, and x's network inside ip's. */
export function contains(ip: IPAddr, x: IPAddr): boolean {
  if (ip.family !== x.family) return false;
  return networkAddress(ip) <= networkAddress(x) && broadcastAddress(ip) >= broadcastAddress(x);
}

/** CmpAddress: 0 across families (sortDeferDecision). */
export function cmpAddress(a: IPAddr, b: IPAddr): number {
  if (a.family !== b.family) return 0;
  return a.address === b.address ? 0 : a.address < b.address ? -1 : 1;
}

const pad = (s: string, n: number): string => s.padStart(n, '0');

/** ipAddrAttrMap, then ipv4AddrAttrMap / ipv6AddrAttrMap: "" for a name they do not have. */
export function ipAttr(ip: IPAddr, name: string): string {
  switch (name) {
    case 'address':
      return netIPString(ip);
    case 'binary':
      return pad(ip.address.toString(2), ip.family === 4 ? 32 : 128);
    case 'first_usable':
      return ipString(firstUsable(ip));
    case 'hex':
      return pad(ip.address.toString(16), ip.family === 4 ? 8 : 32);
    case 'host':
      return ipString({ ...ip, mask: hostMask(ip) });
    case 'last_usable':
      return ipString(lastUsable(ip));
    case 'mask_bits':
      return String(maskbits(ip));
    case 'netmask':
      return ipString(host(ip, ip.mask));
    case 'network':
      return netIPString({ ...ip, address: networkAddress(ip) });
    case 'octets':
      return bytesOf(ip).join(' ');
    case 'port':
      return String(ip.port);
    case 'size':
      return (1n << (bitsOf(ip) - BigInt(maskbits(ip)))).toString();
    case 'broadcast':
      return ip.family === 4 ? ipString(host(ip, broadcastAddress(ip))) : '';
    case 'uint32':
      return ip.family === 4 ? ip.address.toString() : '';
    case 'uint128':
      return ip.family === 6 ? ip.address.toString() : '';
    default:
      return '';
  }
}

/** The net.IP predicates IfByFlag asks about (a v4-mapped IPv6 address counts as IPv4, as there). */
export function ipClass(ip: IPAddr): {
  loopback: boolean;
  multicast: boolean;
  unspecified: boolean;
  linkLocalUnicast: boolean;
  linkLocalMulticast: boolean;
  interfaceLocalMulticast: boolean;
  globalUnicast: boolean;
} {
  const b = bytesOf(ip);
  const v4 = to4(b);
  const c = v4
    ? {
        loopback: v4[0] === 127,
        multicast: (v4[0] & 0xf0) === 0xe0,
        unspecified: v4.every((x) => x === 0),
        linkLocalUnicast: v4[0] === 169 && v4[1] === 254,
        linkLocalMulticast: v4[0] === 224 && v4[1] === 0 && v4[2] === 0,
        interfaceLocalMulticast: false,
        broadcast: v4.every((x) => x === 255),
      }
    : {
        loopback: b.slice(0, 15).every((x) => x === 0) && b[15] === 1,
        multicast: b[0] === 0xff,
        unspecified: b.every((x) => x === 0),
        linkLocalUnicast: b[0] === 0xfe && (b[1] & 0xc0) === 0x80,
        linkLocalMulticast: b[0] === 0xff && (b[1] & 0x0f) === 0x02,
        interfaceLocalMulticast: b[0] === 0xff && (b[1] & 0x0f) === 0x01,
        broadcast: false,
      };
  const globalUnicast = !c.broadcast && !c.unspecified && !c.loopback && !c.multicast && !c.linkLocalUnicast;
  return { ...c, globalUnicast };
}
