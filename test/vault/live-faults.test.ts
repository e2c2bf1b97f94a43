// The live client against misbehaving servers (scripts/live-faults.ts): the deadline over a
// whole request, redirects, retries with vault/api's backoff, and the response size cap.
// The expected texts and request counts are what consul-template v0.42.1 (vault/api v1.23.0,
// go-retryablehttp v0.7.8) gives against the same servers: `npm run live:diff` compares the
// two directly when Go is installed. vtpl only adds "(giving up after N attempt(s))" where
// vault/api returns the last failure as it is.

import { mkdtempSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as faults from '../../scripts/live-faults.js';
import { type Answer, type FaultServer, OK_BODY, dripBody, dripHeaders, statuses } from '../../scripts/live-faults.js';
import { renderConsulTemplate } from '../../src/vault/index.js';
import { type LiveOptions, LiveConfigError, resolveLiveSettings } from '../../src/vault/live-config.js';
import { connectLiveVault } from '../../src/vault/live.js';
import type { RetryClock } from '../../src/vault/retry.js';

const home = mkdtempSync(join(tmpdir(), 'vtpl-faults-'));
const READ = '{{ with secret "secret/x" }}{{ .Data.v }}{{ end }}';

const open: FaultServer[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** The servers of scripts/live-faults.ts, closed after each test. */
function kept(s: FaultServer): FaultServer {
  open.push(s);
  return s;
}
const httpServer = async (answer: Answer, tls?: { key: string; cert: string }): Promise<FaultServer> => kept(await faults.httpServer(answer, tls));
const tcpServer = async (act: Parameters<typeof faults.tcpServer>[0]): Promise<FaultServer> => kept(await faults.tcpServer(act));

/** A backoff clock that does not wait: records each wait, jitter at the middle (1250 ms, then 2500 ms). */
function instantClock(): RetryClock & { readonly waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
  };
}

async function read(url: string, opts: Partial<LiveOptions> = {}, template = READ): Promise<string> {
  const client = await connectLiveVault({ address: url, token: 'root', home, clock: instantClock(), ...opts, env: { ...opts.env } });
  try {
    return (await renderConsulTemplate({ template, client })).output;
  } catch (e) {
    return `ERR ${(e as Error).message}`;
  }
}

const PREFIX = 'ERR vault.read(secret/x): vault.read(secret/x): ';

describe('VAULT_CLIENT_TIMEOUT bounds the whole request (vault/api: context.WithTimeout)', () => {
  it('a server dripping a body byte every 100 ms is cut off at the deadline', async () => {
    const s = await httpServer(dripBody(100));
    expect(await read(s.url, { env: { VAULT_CLIENT_TIMEOUT: '400ms' } })).toBe(`${PREFIX}context deadline exceeded`);
    expect(s.hits.length).toBe(1);
  });

  it('a server dripping its headers, or never answering, times out the same way', async () => {
    const drip = await tcpServer(dripHeaders(100));
    expect(await read(drip.url, { env: { VAULT_CLIENT_TIMEOUT: '300ms' } })).toBe(`${PREFIX}context deadline exceeded`);
    const stall = await tcpServer(() => undefined);
    expect(await read(stall.url, { env: { VAULT_CLIENT_TIMEOUT: '200ms' } })).toBe(`${PREFIX}context deadline exceeded`);
    // Each of the two requests (mount check, read) had its own deadline and was not retried.
    expect(stall.connections).toBe(2);
  });

  it('the deadline also ends the backoff between retries', async () => {
    const s = await httpServer(statuses(500));
    const clock: RetryClock = {
      sleep: (_ms, signal) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
      random: () => 0.5,
    };
    expect(await read(s.url, { clock, env: { VAULT_CLIENT_TIMEOUT: '200ms' } })).toBe(`${PREFIX}context deadline exceeded`);
    expect(s.hits.length).toBe(1);
  });
});

describe('redirects (vault/api rawRequestWithContext: one 301/302/307, token kept)', () => {
  async function redirector(
    status: number,
    location: (target: FaultServer, req: IncomingMessage) => string | undefined,
    target?: FaultServer,
  ): Promise<FaultServer> {
    const t = target ?? (await httpServer(statuses(200)));
    return kept(await faults.redirector(status, (req) => location(t, req)));
  }

  it.each([301, 302, 307])('%i is followed to the Location with the same token', async (status) => {
    const target = await httpServer(statuses(200));
    const s = await redirector(status, (t, req) => t.url + (req.url ?? ''), target);
    expect(await read(s.url)).toBe('ok');
    expect(target.hits).toEqual([{ method: 'GET', url: '/v1/secret/x', token: 'root', body: '' }]);
  });

  it('303 and 308 are not followed; nor is a second redirect', async () => {
    for (const status of [303, 308])
      expect(await read((await redirector(status, (t, req) => t.url + (req.url ?? ''))).url)).toBe('ERR vault.read(secret/x): no secret exists at secret/x');
    const again = await redirector(307, (_t, req) => `http://${req.headers.host ?? ''}${req.url ?? ''}`);
    expect(await read(again.url)).toBe('ERR vault.read(secret/x): no secret exists at secret/x');
    expect(again.hits.length).toBe(2);
  });

  it('a relative Location resolves against the request URL', async () => {
    const s = await httpServer((req, res) => {
      if (req.url === '/v1/other/y') res.writeHead(200).end(OK_BODY);
      else res.writeHead(307, { Location: '/v1/other/y' }).end();
    });
    expect(await read(s.url)).toBe('ok');
    expect(s.hits.map((h) => h.url)).toEqual(['/v1/secret/x', '/v1/other/y']);
  });

  it('a write is sent again with its body', async () => {
    const target = await httpServer(statuses(200));
    const s = await redirector(307, (t, req) => t.url + (req.url ?? ''), target);
    expect(await read(s.url, {}, '{{ with secret "secret/x" "a=b" }}{{ .Data.v }}{{ end }}')).toBe('ok');
    expect(s.hits).toEqual([{ method: 'PUT', url: '/v1/secret/x', token: 'root', body: '{"a":"b"}' }]);
    expect(target.hits).toEqual([{ method: 'PUT', url: '/v1/secret/x', token: 'root', body: '{"a":"b"}' }]);
  });

  it('an error names the URL that answered', async () => {
    const target = await httpServer((_req, res) => res.writeHead(403).end('{"errors":["permission denied"]}'));
    const s = await redirector(307, (t, req) => t.url + (req.url ?? ''), target);
    expect(await read(s.url)).toBe(`${PREFIX}Error making API request.\n\nURL: GET ${target.url}/v1/secret/x\nCode: 403. Errors:\n\n* permission denied`);
  });

  it('no Location, and https to http, are errors', async () => {
    expect(await read((await redirector(307, () => undefined)).url)).toBe(`${PREFIX}http: no Location header in response`);
    const fixture = (n: string): string => readFileSync(new URL(`../vault-server/fixtures/${n}`, import.meta.url), 'utf8');
    const plain = await httpServer(statuses(200));
    const secure = await httpServer((req, res) => res.writeHead(307, { Location: plain.url + (req.url ?? '') }).end(), {
      key: fixture('server.key'),
      cert: fixture('server.pem'),
    });
    expect(await read(secure.url, { skipVerify: true })).toBe(`${PREFIX}redirect would cause protocol downgrade`);
    expect(plain.hits).toEqual([]);
  });

  it('VAULT_DISABLE_REDIRECTS answers the redirect as it is', async () => {
    const target = await httpServer(statuses(200));
    const s = await redirector(307, (t, req) => t.url + (req.url ?? ''), target);
    expect(await read(s.url, { env: { VAULT_DISABLE_REDIRECTS: 'true' } })).toBe('ERR vault.read(secret/x): no secret exists at secret/x');
    expect(target.hits).toEqual([]);
  });
});

describe('retries (vault/api DefaultRetryPolicy, RateLimitLinearJitterBackoff; 2 retries, 1 s to 1.5 s)', () => {
  it.each([
    [[500, 200], 2, [1250]],
    [[412, 200], 2, [1250]],
    [[429, 200], 2, [1250]],
    [[502, 503, 200], 3, [1250, 2500]],
  ])('%j: %i requests, then the secret', async (seq, requests, waits) => {
    const s = await httpServer(statuses(...seq));
    const clock = instantClock();
    expect(await read(s.url, { clock })).toBe('ok');
    expect(s.hits.length).toBe(requests);
    expect(clock.waits).toEqual(waits);
  });

  it("a 5xx after every retry: vault/api's error, and vtpl says it gave up", async () => {
    const s = await httpServer(statuses(500));
    const clock = instantClock();
    expect(await read(s.url, { clock })).toBe(
      `${PREFIX}Error making API request.\n\nURL: GET ${s.url}/v1/secret/x\nCode: 500. Errors:\n\n* boom\n\n(giving up after 3 attempt(s))`,
    );
    expect(s.hits.length).toBe(3);
    expect(clock.waits).toEqual([1250, 2500]);
  });

  it('501, 4xx and 404 are not retried', async () => {
    const s = await httpServer(statuses(501));
    expect(await read(s.url)).toBe(`${PREFIX}Error making API request.\n\nURL: GET ${s.url}/v1/secret/x\nCode: 501. Errors:\n\n* boom`);
    expect(s.hits.length).toBe(1);
    const denied = await httpServer(statuses(403));
    await read(denied.url);
    expect(denied.hits.length).toBe(1);
    const missing = await httpServer(statuses(404));
    expect(await read(missing.url)).toBe('ERR vault.read(secret/x): no secret exists at secret/x');
    expect(missing.hits.length).toBe(1);
  });

  it('Retry-After on 429 and 503 sets the wait', async () => {
    for (const status of [429, 503]) {
      const s = await httpServer((_req, res, n) => {
        if (n === 1) res.writeHead(status, { 'Retry-After': '7' }).end();
        else res.writeHead(200).end(OK_BODY);
      });
      const clock = instantClock();
      expect(await read(s.url, { clock })).toBe('ok');
      expect(clock.waits).toEqual([7000]);
    }
  });

  it('VAULT_MAX_RETRIES (or the option) sets the number of retries', async () => {
    const once = await httpServer(statuses(500));
    expect(await read(once.url, { env: { VAULT_MAX_RETRIES: '0' } })).toBe(
      `${PREFIX}Error making API request.\n\nURL: GET ${once.url}/v1/secret/x\nCode: 500. Errors:\n\n* boom`,
    );
    expect(once.hits.length).toBe(1);
    const five = await httpServer(statuses(500));
    await read(five.url, { maxRetries: 5 });
    expect(five.hits.length).toBe(6);
    expect(() => resolveLiveSettings({ env: { VAULT_MAX_RETRIES: 'abc' }, home })).toThrow(
      new LiveConfigError('could not parse VAULT_MAX_RETRIES: strconv.ParseUint: parsing "abc": invalid syntax'),
    );
    expect(() => resolveLiveSettings({ env: { VAULT_MAX_RETRIES: '-1' }, home })).toThrow(/invalid syntax/);
  });

  it('connection errors are retried: reset, closed without an answer, refused', async () => {
    const reset = await tcpServer((socket) => socket.resetAndDestroy());
    const port = new URL(reset.url).port;
    expect(await read(reset.url)).toMatch(
      new RegExp(
        `^${esc(`${PREFIX}Get "${reset.url}/v1/secret/x": read tcp 127.0.0.1:`)}\\d+->127\\.0\\.0\\.1:${port}${esc(': read: connection reset by peer (giving up after 3 attempt(s))')}$`,
      ),
    );
    // Three for the mount check (whose failure consul-template only logs), three for the read.
    expect(reset.connections).toBe(6);
    const eof = await tcpServer((socket) => socket.end());
    expect(await read(eof.url)).toBe(`${PREFIX}Get "${eof.url}/v1/secret/x": EOF (giving up after 3 attempt(s))`);
    expect(eof.connections).toBe(6);
    const refused = await tcpServer(() => undefined);
    refused.close();
    const clock = instantClock();
    expect(await read(refused.url, { clock })).toBe(
      `${PREFIX}Get "${refused.url}/v1/secret/x": dial tcp 127.0.0.1:${new URL(refused.url).port}: connect: connection refused (giving up after 3 attempt(s))`,
    );
    expect(clock.waits).toEqual([1250, 2500, 1250, 2500]);
  });

  it('logins are retried too, and say when they gave up', async () => {
    const login = '{"auth":{"client_token":"hvs.issued","accessor":"a","policies":["default"],"lease_duration":60,"renewable":true}}';
    const s = await httpServer((req, res, n) => {
      if (req.url === '/v1/auth/approle/login') res.writeHead(n === 1 ? 503 : 200).end(n === 1 ? '{"errors":["Vault is sealed"]}' : login);
      else statuses(200)(req, res, n);
    });
    const c = await connectLiveVault({ address: s.url, appRole: { roleId: 'r', secretId: 's' }, home, env: {}, clock: instantClock() });
    expect(c.token).toBe('hvs.issued');
    expect(s.hits.map((h) => h.url)).toEqual(['/v1/auth/approle/login', '/v1/auth/approle/login']);
    const down = await httpServer(statuses(500));
    await expect(connectLiveVault({ address: down.url, appRole: { roleId: 'r', secretId: 's' }, home, env: {}, clock: instantClock() })).rejects.toThrow(
      `approle login failed: Error making API request.\n\nURL: PUT ${down.url}/v1/auth/approle/login\nCode: 500. Errors:\n\n* boom\n\n(giving up after 3 attempt(s))`,
    );
    expect(down.hits.length).toBe(3);
  });

  it('an untrusted certificate is not retried', async () => {
    const fixture = (n: string): string => readFileSync(new URL(`../vault-server/fixtures/${n}`, import.meta.url), 'utf8');
    const s = await httpServer(statuses(200), { key: fixture('server.key'), cert: fixture('server.pem') });
    expect(await read(s.url)).toBe(`${PREFIX}Get "${s.url}/v1/secret/x": tls: failed to verify certificate: x509: certificate signed by unknown authority`);
    expect(s.connections).toBe(2);
  });
});

describe('the response size cap', () => {
  const huge =
    (chunked: boolean): Answer =>
    (_req, res) => {
      const body = `{"data":{"v":"${'a'.repeat(2 * 1024 * 1024)}"}}`;
      res.writeHead(200, chunked ? {} : { 'Content-Length': String(body.length) });
      if (chunked) for (let i = 0; i < body.length; i += 65536) res.write(body.slice(i, i + 65536));
      res.end(chunked ? '' : body);
    };

  it.each([false, true])('a body over the limit is an error naming the limit (chunked: %s)', async (chunked) => {
    const s = await httpServer(huge(chunked));
    const why = 'the response body is larger than 1 MiB (VTPL_MAX_RESPONSE_SIZE or --max-response-size raise the limit)';
    expect(await read(s.url, { maxResponseBytes: 1024 * 1024 })).toBe(`${PREFIX}Get "${s.url}/v1/secret/x": ${why}`);
    expect(await read(s.url, { env: { VTPL_MAX_RESPONSE_SIZE: '1MiB' } })).toBe(`${PREFIX}Get "${s.url}/v1/secret/x": ${why}`);
    expect(s.hits.length).toBe(2);
    expect((await read(s.url, { maxResponseBytes: 3 * 1024 * 1024 })).length).toBe(2 * 1024 * 1024);
  });

  it('the default is 64 MiB; a bad size is a configuration error', () => {
    expect(resolveLiveSettings({ env: {}, home }).transport.maxResponseBytes).toBe(64 * 1024 * 1024);
    expect(resolveLiveSettings({ env: { VTPL_MAX_RESPONSE_SIZE: '512KiB' }, home }).transport.maxResponseBytes).toBe(512 * 1024);
    expect(resolveLiveSettings({ env: { VTPL_MAX_RESPONSE_SIZE: '2048' }, home }).transport.maxResponseBytes).toBe(2048);
    expect(() => resolveLiveSettings({ env: { VTPL_MAX_RESPONSE_SIZE: 'lots' }, home })).toThrow(/could not parse VTPL_MAX_RESPONSE_SIZE: "lots"/);
    expect(() => resolveLiveSettings({ env: { VTPL_MAX_RESPONSE_SIZE: '1GiB' }, home })).toThrow(
      /the response size limit 1073741824 is above \d+ bytes, the longest text Node can hold/,
    );
  });
});

describe('VAULT_CLIENT_TIMEOUT parsing (parseutil.ParseDurationSecond)', () => {
  it.each([
    ['30', 30_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['2d', 172_800_000],
    ['0', 60_000],
    [undefined, 60_000],
  ])('%s -> %i ms', (v, ms) => {
    expect(resolveLiveSettings({ env: { VAULT_CLIENT_TIMEOUT: v }, home }).transport.timeoutMs).toBe(ms);
  });

  it('rejects what Go rejects, with its message', () => {
    for (const v of ['abc', '1.5', '10x'])
      expect(() => resolveLiveSettings({ env: { VAULT_CLIENT_TIMEOUT: v }, home })).toThrow(new LiveConfigError('could not parse "VAULT_CLIENT_TIMEOUT"'));
  });
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
