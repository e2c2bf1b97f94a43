// Differential check of the live Vault client: consul-template v0.42.1 (through the Go
// oracle's `fetch`, i.e. vault/api's own timeout, retries and redirects) and vtpl each read
// from a fresh copy of the same misbehaving server (scripts/live-faults.ts); the error text
// (or value) and the number of requests must agree. vtpl's one addition, the closing
// "(giving up after N attempt(s))", is taken off before comparing. Runs the real backoff
// (1 s to 1.5 s per retry), so the scenarios run side by side (about 10 s in all).

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderConsulTemplate } from '../src/vault/index.js';
import { connectLiveVault } from '../src/vault/live.js';
import { type FaultServer, dripBody, dripHeaders, httpServer, redirector, statuses, tcpServer } from './live-faults.js';
import { buildOracle, oracleBin } from './oracle.js';

interface Scenario {
  readonly name: string;
  /** A fresh server, and the servers it sends requests on to. */
  readonly start: () => Promise<{ server: FaultServer; others?: FaultServer[] }>;
  readonly env?: Record<string, string>;
  readonly write?: boolean;
}

async function redirectTo(status: number, target?: () => Promise<FaultServer>): Promise<{ server: FaultServer; others: FaultServer[] }> {
  const t = await (target ?? (() => httpServer(statuses(200))))();
  return { server: await redirector(status, (req) => t.url + (req.url ?? '')), others: [t] };
}

const scenarios: Scenario[] = [
  ...[[500, 200], [500], [412, 200], [429, 200], [502, 503, 200], [501], [403], [404]].map((seq) => ({
    name: `statuses ${seq.join(',')}`,
    start: async () => ({ server: await httpServer(statuses(...seq)) }),
  })),
  { name: 'VAULT_MAX_RETRIES=0', start: async () => ({ server: await httpServer(statuses(500)) }), env: { VAULT_MAX_RETRIES: '0' } },
  {
    name: '503 with Retry-After: 0',
    start: async () => ({ server: await httpServer((_q, res, n) => (n === 1 ? res.writeHead(503, { 'Retry-After': '0' }).end() : statuses(200)(_q, res, n))) }),
  },
  { name: 'connection reset', start: async () => ({ server: await tcpServer((s) => s.resetAndDestroy()) }) },
  { name: 'closed without an answer', start: async () => ({ server: await tcpServer((s) => s.end()) }) },
  { name: 'body dripping past the timeout', start: async () => ({ server: await httpServer(dripBody(100)) }), env: { VAULT_CLIENT_TIMEOUT: '1s' } },
  { name: 'headers dripping past the timeout', start: async () => ({ server: await tcpServer(dripHeaders(100)) }), env: { VAULT_CLIENT_TIMEOUT: '1s' } },
  { name: 'the timeout during the backoff', start: async () => ({ server: await httpServer(statuses(500)) }), env: { VAULT_CLIENT_TIMEOUT: '2s' } },
  ...[301, 302, 307, 303, 308].map((status) => ({ name: `redirect ${status}`, start: () => redirectTo(status) })),
  { name: 'redirect of a write', start: () => redirectTo(307), write: true },
  { name: 'redirect to a 403', start: () => redirectTo(307, () => httpServer((_q, res) => res.writeHead(403).end('{"errors":["permission denied"]}'))) },
  { name: 'redirect twice', start: async () => ({ server: await redirector(307, (req) => `http://${req.headers.host ?? ''}${req.url ?? ''}`) }) },
  { name: 'redirect without Location', start: async () => ({ server: await redirector(307, () => undefined) }) },
  { name: 'VAULT_DISABLE_REDIRECTS', start: () => redirectTo(307), env: { VAULT_DISABLE_REDIRECTS: 'true' } },
];

interface Outcome {
  readonly text: string;
  readonly requests: number;
}

/** Ports of our own side of a connection differ from run to run. */
function normalize(text: string, servers: readonly FaultServer[]): string {
  let out = text.replace(/read tcp 127\.0\.0\.1:\d+->/g, 'read tcp 127.0.0.1:LOCAL->');
  servers.forEach((s, i) => {
    out = out.split(s.url).join(`SERVER${i}`).split(new URL(s.url).host).join(`HOST${i}`);
  });
  return out;
}

async function run(sc: Scenario, side: 'go' | 'vtpl'): Promise<Outcome> {
  const { server, others = [] } = await sc.start();
  const all = [server, ...others];
  try {
    let text: string;
    if (side === 'go') {
      const args = [
        'fetch',
        '-addr',
        server.url,
        '-path',
        'secret/x',
        ...Object.entries(sc.env ?? {}).flatMap(([k, v]) => ['-env', `${k}=${v}`]),
        ...(sc.write ? ['-write', 'a=b'] : []),
      ];
      const reply = JSON.parse(await oracle(args)) as { value?: string; error?: string };
      text = reply.error === undefined ? `value ${reply.value ?? ''}` : `error ${reply.error}`;
    } else {
      const template = `{{ with secret "secret/x"${sc.write ? ' "a=b"' : ''} }}{{ .Data.v }}{{ end }}`;
      try {
        const client = await connectLiveVault({ address: server.url, token: 'root', env: sc.env ?? {}, home: mkdtempSync(join(tmpdir(), 'vtpl-live-diff-')) });
        text = `value ${(await renderConsulTemplate({ template, client })).output}`;
      } catch (e) {
        text = `error ${(e as Error).message.replace(/ ?(\n\n)?\(giving up after \d+ attempt\(s\)\)$/, '')}`;
      }
    }
    return { text: normalize(text, all), requests: all.reduce((n, s) => n + Math.max(s.hits.length, s.connections), 0) };
  } finally {
    for (const s of all) s.close();
  }
}

function oracle(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(oracleBin, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${oracleBin} ${args.join(' ')}: exit ${code}`))));
  });
}

async function main(): Promise<number> {
  if (!buildOracle()) return 1;
  const results = await Promise.all(scenarios.map(async (sc) => ({ sc, go: await run(sc, 'go'), vtpl: await run(sc, 'vtpl') })));
  let failed = 0;
  for (const { sc, go, vtpl } of results) {
    const same = go.text === vtpl.text && go.requests === vtpl.requests;
    if (!same) failed++;
    console.log(`${same ? 'ok  ' : 'FAIL'} ${sc.name}`);
    if (!same) console.log(`  go:   ${JSON.stringify(go)}\n  vtpl: ${JSON.stringify(vtpl)}`);
  }
  console.log(`${results.length - failed} of ${results.length} live-client scenarios agree with consul-template`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
