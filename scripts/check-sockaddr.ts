// `npm run check:sockaddr` (needs Go): consul-template's `sockaddr` reads this host's network
// interfaces, so its expected output cannot be committed. This check runs each case with
// vtpl's port (src/vault/sockaddr/) and with real go-sockaddr (test/sockaddr/main.go, as
// consul-template calls it) on the current host, and fails on any difference. A second set
// runs go-sockaddr's filters, sorts and math on made-up addresses (dot of ParseIfAddrs), to
// cover what one host's few addresses do not. .ci/run runs it when Go is present.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from '../src/vault/sockaddr/template.js';
import { type Host, type IfAddr, thisHost } from '../src/vault/sockaddr/host.js';
import { newIPAddr } from '../src/vault/sockaddr/ipaddr.js';
import { root } from './oracle.js';

/** What templates pass to `sockaddr`: each source, filter, sort and helper, and their errors. */
/** The attribute names go-sockaddr's `attr`/`join` accept for an IfAddr (ifaddr.go, ipaddr.go). */
const ATTRIBUTES = [
  'address',
  'name',
  'flags',
  'string',
  'type',
  'binary',
  'hex',
  'host',
  'first_usable',
  'last_usable',
  'mask_bits',
  'netmask',
  'network',
  'octets',
  'port',
  'size',
  'broadcast',
  'uint32',
  'uint128',
];

const cases: string[][] = [
  ['GetAllInterfaces'],
  ['GetDefaultInterfaces'],
  ['GetPrivateInterfaces'],
  ['GetPublicInterfaces'],
  ['GetPrivateIP'],
  ['GetPrivateIPs'],
  ['GetPublicIP'],
  ['GetPublicIPs'],
  ['GetInterfaceIP "eth0"'],
  ['GetInterfaceIPs "eth0"'],
  ['GetInterfaceIP "lo"'],
  ['GetInterfaceIPs "^(lo|eth)"'],
  ['GetInterfaceIP "("'],
  ['GetAllInterfaces | include "name" "lo" | attr "address"'],
  ['GetAllInterfaces', '|', 'include "flags" "loopback"'],
  ['GetAllInterfaces | exclude "type" "ipv6"'],
  ['GetAllInterfaces | include "type" "ipv4|ipv6"'],
  ['GetAllInterfaces | include "type" "tcp"'],
  ['GetAllInterfaces | include "rfc" "1918|6890|4193"'],
  ['GetAllInterfaces | exclude "rfc" "6890"'],
  ['GetAllInterfaces | include "rfc" "1"'],
  ['GetAllInterfaces | include "rfc" "x"'],
  ['GetAllInterfaces | include "network" "127.0.0.0/8|fe80::/10"'],
  ['GetAllInterfaces | include "network" "not-an-ip"'],
  ['GetAllInterfaces | include "size" "64"'],
  ['GetAllInterfaces | include "size" "200"'],
  ['GetAllInterfaces | include "address" "^127\\\\."'],
  ['GetAllInterfaces | include "port" "0"'],
  ['GetAllInterfaces | include "bogus" "x"'],
  ...[
    'up',
    'down',
    'broadcast',
    'loopback',
    'multicast',
    'point-to-point',
    'forwardable',
    'global unicast',
    'link-local unicast',
    'link-local multicast',
    'interface-local multicast',
    'unspecified',
    'up|forwardable',
    'nope',
  ].map((f) => [`GetAllInterfaces | include "flags" "${f}" | join "address" " "`]),
  ...[
    'address',
    '-address',
    'name',
    '-name',
    'size',
    '-size',
    'type',
    '-type',
    'private',
    '-private',
    'port',
    'default',
    '-default',
    '+type,-size,address',
    'type,bogus',
  ].map((s) => [`GetAllInterfaces | sort "${s}" | join "string" ","`]),
  ...[...ATTRIBUTES, 'NAME', 'bogus'].map((a) => [`GetAllInterfaces | join "${a}" "|"`]),
  ['GetAllInterfaces | unique "name" | join "name" " "'],
  ['GetAllInterfaces | unique "address" | len'],
  ['GetAllInterfaces | unique "size"'],
  ['GetAllInterfaces | limit 2'],
  ['GetAllInterfaces | limit 99 | len'],
  ['GetAllInterfaces | offset 1 | join "address" " "'],
  ['GetAllInterfaces | offset -2 | join "address" " "'],
  ['GetAllInterfaces | offset 99'],
  ['GetAllInterfaces | limit -1'],
  ...[
    '"address" "+1"',
    '"address" "-300"',
    '"address" "1"',
    '"address" "+x"',
    '"network" "+2"',
    '"network" "-1"',
    '"network" "+0"',
    '"mask" "8"',
    '"mask" "120"',
    '"mask" "200"',
    '"mask" "-1"',
    '"bogus" "1"',
  ].map((m) => [`GetAllInterfaces | math ${m} | join "string" " "`]),
  ['attr "name" GetPrivateInterfaces'],
  ['attr "address" "text"'],
  ['attr "address" 3'],
  ['attr "address" nil'],
  ['(index GetAllInterfaces 0).Attr "address"'],
  ['GetAllInterfaces.Len'],
  ['index GetAllInterfaces 0'],
  ['. | len'],
  ['printf "%T %d" . (len .)'],
  ['"plain text"'],
  ['Foo'],
  ['GetAllInterfaces |'],
  ['GetAllInterfaces 1'],
  ['.Missing'],
];

// Go's net.Flags: up 1, broadcast 2, loopback 4, pointtopoint 8, multicast 16, running 32.
const fakeAddrs = [
  ...['127.0.0.1/8', '::1', '127.0.0.2'].map((addr) => ({ addr, name: 'lo', index: 1, mtu: 65536, hw: '', flags: 37 })),
  ...[
    '10.1.2.3/16',
    '192.168.1.10/24',
    '203.0.113.5/24',
    '8.8.4.4/20',
    '2001:db8::5/64',
    'fd12:3456::1/48',
    'fe80::1/64',
    '2600:1f18::9/56',
    '::ffff:10.0.0.1/120',
    '1.2.3.4:8080',
    '[2001:4860::8]:443',
  ].map((addr) => ({ addr, name: 'eth0', index: 2, mtu: 1500, hw: '02:FC:00:00:00:01', flags: 51 })),
  { addr: '100.64.0.7/10', name: 'tun0', index: 3, mtu: 1420, hw: '', flags: 57 },
  { addr: '172.17.0.1/16', name: 'docker0', index: 4, mtu: 1500, hw: '02:42:ac:11:00:01', flags: 18 },
  { addr: '169.254.3.3/16', name: 'eth1', index: 5, mtu: 9000, hw: '02:fc:00:00:00:02', flags: 0 },
];

function fakeHost(): Host {
  const addrs: IfAddr[] = fakeAddrs.map((a) => {
    const sa = newIPAddr(a.addr);
    if (!sa) throw new Error(`fake address ${a.addr} does not parse`);
    return { sa, iface: { index: a.index, mtu: a.mtu, name: a.name, hardwareAddr: a.hw.toLowerCase(), flags: a.flags } };
  });
  return {
    interfaces: () => addrs,
    defaultInterfaceName: () => {
      throw new Error('the made-up host has no default route');
    },
  };
}

const fakeTemplates: string[] = [
  '{{ . }}',
  '{{ len . }}',
  ...[
    'address',
    'name',
    'size',
    'type',
    'private',
    'port',
    '-address',
    '-name',
    '-size',
    '-type',
    '-private',
    '-port',
    '+type,+size',
    '-private,name,+address',
    'name,-size,-port',
  ].map((s) => `{{ . | sort "${s}" | join "string" " " }}`),
  ...[
    'up',
    'down',
    'broadcast',
    'loopback',
    'multicast',
    'point-to-point',
    'forwardable',
    'global unicast',
    'link-local unicast',
    'unspecified',
    'up|multicast',
    'loopback|forwardable',
  ].flatMap((f) => [`{{ . | include "flag" "${f}" | join "address" " " }}`, `{{ . | exclude "flags" "${f}" | join "address" " " }}`]),
  ...['1918', '6890', '4193', '3927', '5737', '6598', '1918|4193', '4291', '4294967295'].flatMap((r) => [
    `{{ . | include "rfc" "${r}" | join "address" " " }}`,
    `{{ . | exclude "rfcs" "${r}" | join "address" " " }}`,
  ]),
  ...['10.0.0.0/8', '10.0.0.0/8|fd00::/8', '0.0.0.0/0', '::/0', '192.168.1.10', '2001:db8::/32', '::ffff:0:0/96'].map(
    (n) => `{{ . | include "network" "${n}" | join "address" " " }}`,
  ),
  ...['ipv4', 'ipv6', 'ip', 'unix', 'IPv4|ipv6'].map((t) => `{{ . | include "type" "${t}" | join "address" " " }}`),
  ...['0', '8', '16', '24', '64', '128'].map((n) => `{{ . | include "size" "${n}" | join "address" " " }}`),
  ...['443|8080', '^0$'].map((p) => `{{ . | include "port" "${p}" | join "string" " " }}`),
  '{{ . | include "name" "^eth" | unique "name" | join "name" " " }}',
  '{{ . | sort "address" | unique "address" | len }}',
  ...ATTRIBUTES.map((a) => `{{ . | join "${a}" "," }}`),
  ...[
    '"address" "+1"',
    '"address" "-1"',
    '"address" "+4294967295"',
    '"address" "-4294967296"',
    '"address" "+4294967296"',
    '"network" "+1"',
    '"network" "-1"',
    '"network" "+0"',
    '"network" "-0"',
    '"network" "+256"',
    '"network" "-256"',
    '"network" "+99999999999"',
    '"mask" "0"',
    '"mask" "8"',
    '"mask" "24"',
    '"mask" "31"',
    '"mask" "32"',
    '"mask" "33"',
    '"mask" "64"',
    '"mask" "96"',
    '"mask" "128"',
    '"mask" "4294967296"',
    '"address" "+9223372036854775808"',
  ].map((m) => `{{ . | math ${m} | join "string" " " }}`),
  ...['"network" "+1"', '"mask" "16"'].map((m) => `{{ . | include "type" "ipv4" | math ${m} | join "string" " " }}`),
  '{{ . | limit 3 | join "address" " " }}',
  '{{ . | offset -3 | join "address" " " }}',
  '{{ . | offset 20 }}',
  '{{ range . }}{{ attr "address" . }}/{{ .Attr "name" }} {{ end }}',
  '{{ index . 3 }}',
  '{{ attr "flags" (index . 20) }}',
];

type Result = { out?: string; err?: string };

function vtpl(template: string, host: Host): Result {
  try {
    return { out: parse(template, host) };
  } catch (e) {
    return { err: (e as Error).message };
  }
}

function main(): number {
  const input = { host: cases, fake: { addrs: fakeAddrs, templates: fakeTemplates } };
  const r = spawnSync('go', ['run', '.'], { cwd: join(root, 'test', 'sockaddr'), input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error || r.status !== 0) {
    console.error(`go: ${r.error?.message ?? r.stderr} (this check needs Go on PATH)`);
    return 1;
  }
  const want = JSON.parse(r.stdout) as { host: Result[]; fake: Result[] };
  const host = thisHost();
  const fake = fakeHost();
  const runs = [
    ...cases.map((args, i) => ({ what: `sockaddr ${JSON.stringify(args)}`, got: vtpl(`{{ ${args.join(' ')} }}`, host), want: want.host[i] })),
    ...fakeTemplates.map((t, i) => ({ what: `made-up host: ${t}`, got: vtpl(t, fake), want: want.fake[i] })),
  ];
  let failed = 0;
  for (const { what, got, want: w } of runs) {
    if (got.out === w.out && got.err === w.err) continue;
    failed++;
    console.log(`FAIL ${what}\n  go:   ${JSON.stringify(w)}\n  vtpl: ${JSON.stringify(got)}`);
  }
  console.log(
    `sockaddr: ${runs.length - failed} of ${runs.length} cases agree with go-sockaddr (${cases.length} on this host, ${fakeTemplates.length} on made-up addresses)`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
