// What go-sockaddr asks the operating system: net.Interfaces() with each interface's
// addresses (GetAllInterfaces, ifaddrs.go), and the default route's interface
// (route_info_linux.go runs `ip route`). Node's os.networkInterfaces() gives the addresses;
// Linux's /sys/class/net gives what Go's net.Interface also carries (index, MTU, flags).

import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { GoError } from '../../value/index.js';
import { nodeChildProcess } from '../lazy-require.js';
import { type IPAddr, cidrMask, newIPAddr } from './ipaddr.js';

/** Go's net.Flags bits. */
export const flagUp = 1;
export const flagBroadcast = 2;
export const flagLoopback = 4;
export const flagPointToPoint = 8;
export const flagMulticast = 16;
export const flagRunning = 32;

const flagNames = ['up', 'broadcast', 'loopback', 'pointtopoint', 'multicast', 'running'];

/** net.Flags.String(). */
export function flagsString(flags: number): string {
  const names = flagNames.filter((_, i) => (flags & (1 << i)) !== 0);
  return names.length === 0 ? '0' : names.join('|');
}

/** net.Interface. */
export interface NetInterface {
  readonly index: number;
  readonly mtu: number;
  readonly name: string;
  /** net.HardwareAddr.String(): "" when the kernel's address is all zeros (loopback). */
  readonly hardwareAddr: string;
  readonly flags: number;
}

/** go-sockaddr's IfAddr: an address and the interface it is on. */
export interface IfAddr {
  readonly sa: IPAddr;
  readonly iface: NetInterface;
}

/** The host as go-sockaddr sees it: its addresses, and how to find the default interface. */
export interface Host {
  interfaces(): IfAddr[];
  /** ri.GetDefaultInterfaceName(); throws the Go error text. */
  defaultInterfaceName(): string;
}

function sysfs(name: string, file: string): string | undefined {
  try {
    return readFileSync(join('/sys/class/net', name, file), 'utf8').trim();
  } catch {
    return undefined;
  }
}

// Linux's IFF_* bits as Go's netlink reader maps them (interface_linux.go linkFlags).
const iffUp = 0x1;
const iffBroadcast = 0x2;
const iffLoopback = 0x8;
const iffPointToPoint = 0x10;
const iffMulticast = 0x1000;

function linuxInterface(name: string, mac: string, internal: boolean, order: number): NetInterface {
  const raw = sysfs(name, 'flags');
  const iff = raw === undefined ? (internal ? iffUp | iffLoopback : iffUp) : Number.parseInt(raw, 16);
  let flags = 0;
  if (iff & iffUp) flags |= flagUp;
  if (iff & iffBroadcast) flags |= flagBroadcast;
  if (iff & iffLoopback) flags |= flagLoopback;
  if (iff & iffPointToPoint) flags |= flagPointToPoint;
  if (iff & iffMulticast) flags |= flagMulticast;
  // Netlink reports IFF_RUNNING (dev_get_flags: up and operstate up or unknown); the sysfs
  // flags file does not hold it. Node lists only up-and-running interfaces anyway.
  const oper = sysfs(name, 'operstate');
  if (oper === undefined || ((iff & iffUp) !== 0 && (oper === 'up' || oper === 'unknown'))) flags |= flagRunning;
  const hw = sysfs(name, 'address') ?? mac;
  return {
    index: Number(sysfs(name, 'ifindex') ?? order + 1),
    mtu: Number(sysfs(name, 'mtu') ?? 0),
    name,
    hardwareAddr: /^[0:]*$/.test(hw) ? '' : hw,
    flags,
  };
}

/**
 * GetAllInterfaces on this host: interfaces in index order (net.Interfaces), each one's
 * addresses in the kernel's order (IPv4 first), as "ip/bits" read by NewIPAddr.
 */
function hostInterfaces(): IfAddr[] {
  const byName = new Map<string, { iface: NetInterface; addrs: IPAddr[] }>();
  for (const [label, infos] of Object.entries(networkInterfaces())) {
    if (!infos || infos.length === 0) continue;
    // Linux names an IPv4 alias by its label ("eth0:1"); Go lists it under its link, eth0.
    const base = label.split(':')[0];
    const name = label.includes(':') && sysfs(label, 'ifindex') === undefined && sysfs(base, 'ifindex') !== undefined ? base : label;
    let entry = byName.get(name);
    if (!entry) {
      entry = { iface: linuxInterface(name, infos[0].mac, infos[0].internal, byName.size), addrs: [] };
      byName.set(name, entry);
    }
    for (const info of infos) {
      const ip = newIPAddr(info.address);
      if (!ip) throw new GoError(`unable to create an IP address from "${info.cidr ?? info.address}"`);
      const ones = Number((info.cidr ?? '').split('/')[1] ?? (ip.family === 4 ? 32 : 128));
      entry.addrs.push({ ...ip, mask: cidrMask(ones, ip.family === 4 ? 32 : 128) });
    }
  }
  const out = [...byName.values()].sort((a, b) => a.iface.index - b.iface.index);
  // The kernel lists an interface's IPv4 addresses before its IPv6 ones (a stable sort).
  return out.flatMap(({ iface, addrs }) => addrs.sort((a, b) => a.family - b.family).map((sa) => ({ sa, iface })));
}

const whitespace = /\s+/;

/** parseDefaultIfNameFromIPCmd (ifaddrs.go). */
export function parseDefaultIfNameFromIPCmd(routeOut: string): string {
  for (const line of routeOut.split('\n')) {
    const f = line.split(whitespace);
    if (f.length < 5) continue;
    if (f[0] === 'default' && f[1] === 'via' && f[3] === 'dev') return f[4].trim();
  }
  throw new GoError('No default interface found');
}

/** exec.LookPath("ip"), else "/sbin/ip" (relative PATH entries are refused, as Go does). */
function ipCommand(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (!isAbsolute(dir)) continue;
    const p = join(dir, 'ip');
    try {
      if (statSync(p).isFile()) {
        accessSync(p, constants.X_OK);
        return p;
      }
    } catch {
      // not an executable file here: the next PATH entry
    }
  }
  return '/sbin/ip';
}

function defaultInterfaceName(): string {
  const path = ipCommand();
  let out: string;
  try {
    out = nodeChildProcess().execFileSync(path, ['route'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GoError(`fork/exec ${path}: no such file or directory`);
    const status = (e as { status?: number | null }).status;
    throw new GoError(status === undefined || status === null ? String((e as Error).message) : `exit status ${status}`);
  }
  return parseDefaultIfNameFromIPCmd(out);
}

/** This machine. The default route is asked for once per sockaddr call (Go asks for each comparison). */
export function thisHost(): Host {
  let name: { ok: string } | { err: Error } | undefined;
  return {
    interfaces: hostInterfaces,
    defaultInterfaceName(): string {
      if (name === undefined) {
        try {
          name = { ok: defaultInterfaceName() };
        } catch (e) {
          name = { err: e as Error };
        }
      }
      if ('err' in name) throw name.err;
      return name.ok;
    },
  };
}
