// Serves a `vtpl record` folder to real `vault agent`, so the agent renders from exactly the
// responses vtpl recorded: DIR/PATH.json for reads (PATH?QUERY.json with a query),
// DIR/PATH.list.json for LIST, DIR/PATH.put.json for writes, DIR/_mounts.json for the mount
// lookups consul-template makes before each read. What the agent needs besides (the AppRole
// login and token renewal, sys/health, lease renewals) is answered as Vault does, with a fixed
// token and the recorded lease durations; every other request is a 404 and is logged, so a test
// sees what the recording lacked.

import { existsSync, readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface ReplayServer {
  readonly url: string;
  /** "METHOD /v1/path?query" of every request, in order. */
  readonly requests: string[];
  /** The requests answered 404 because the recording has no file for them. */
  readonly missing: string[];
  close(): Promise<void>;
}

const TOKEN = 'hvs.replay-token';

function authBody(): string {
  return JSON.stringify({
    request_id: 'replay',
    lease_id: '',
    renewable: false,
    lease_duration: 0,
    data: null,
    wrap_info: null,
    warnings: null,
    auth: {
      client_token: TOKEN,
      accessor: 'replay-accessor',
      policies: ['default'],
      token_policies: ['default'],
      metadata: {},
      lease_duration: 3600,
      renewable: true,
      entity_id: '',
      token_type: 'service',
      orphan: true,
      mfa_requirement: null,
      num_uses: 0,
    },
    mount_type: '',
  });
}

export function startReplayServer(dir: string): Promise<ReplayServer> {
  const mounts = existsSync(join(dir, '_mounts.json')) ? (JSON.parse(readFileSync(join(dir, '_mounts.json'), 'utf8')) as Record<string, unknown>) : {};
  const requests: string[] = [];
  const missing: string[] = [];

  const file = (rel: string): string | undefined => {
    const p = join(dir, rel);
    return p.startsWith(dir + '/') && existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  };

  /** Recorded lease id -> its lease_duration, for renewals. */
  const leases = new Map<string, number>();
  const remember = (body: string | undefined): string | undefined => {
    if (body === undefined) return undefined;
    const doc = JSON.parse(body) as { lease_id?: string; lease_duration?: number };
    if (doc.lease_id) leases.set(doc.lease_id, doc.lease_duration ?? 0);
    return body;
  };

  const answer = (method: string, path: string, query: string, reqBody: string): string | undefined => {
    if (path === 'auth/approle/login' && (method === 'PUT' || method === 'POST')) return authBody();
    if (path === 'auth/token/renew-self' || path === 'auth/token/lookup-self') return authBody();
    if (path === 'sys/health') {
      return JSON.stringify({
        initialized: true,
        sealed: false,
        standby: false,
        performance_standby: false,
        replication_performance_mode: 'disabled',
        replication_dr_mode: 'disabled',
        server_time_utc: Math.floor(Date.now() / 1000),
        version: '1.21.4',
        enterprise: false,
        cluster_name: 'replay',
        cluster_id: 'replay',
      });
    }
    if (path === 'sys/leases/renew' && (method === 'PUT' || method === 'POST')) {
      const id = (JSON.parse(reqBody || '{}') as { lease_id?: string }).lease_id ?? '';
      const duration = leases.get(id);
      if (duration === undefined) return undefined;
      return JSON.stringify({
        request_id: 'replay',
        lease_id: id,
        renewable: true,
        lease_duration: duration,
        data: null,
        wrap_info: null,
        warnings: null,
        auth: null,
        mount_type: '',
      });
    }
    if (path.startsWith('sys/internal/ui/mounts/')) {
      const p = path.slice('sys/internal/ui/mounts/'.length) + '/';
      const mount = Object.keys(mounts)
        .filter((m) => p.startsWith(m))
        .sort((a, b) => b.length - a.length)[0];
      if (mount === undefined) return undefined;
      return JSON.stringify({
        request_id: 'replay',
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: mounts[mount],
        wrap_info: null,
        warnings: null,
        auth: null,
        mount_type: '',
      });
    }
    const list = method === 'LIST' || (method === 'GET' && new URLSearchParams(query).get('list') === 'true');
    if (list) return file(`${path}.list.json`);
    if (method === 'GET') return remember(file(`${path}${query ? `?${query}` : ''}.json`));
    if (method === 'PUT' || method === 'POST') return remember(file(`${path}.put.json`));
    return undefined;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let reqBody = '';
    req.setEncoding('utf8').on('data', (d: string) => {
      reqBody += d;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://replay');
      const method = req.method ?? 'GET';
      const line = `${method} ${url.pathname}${url.search}`;
      requests.push(line);
      const path = decodeURIComponent(url.pathname.replace(/^\/v1\//, ''));
      const query = url.search.replace(/^\?/, '');
      const body = url.pathname.startsWith('/v1/') ? answer(method, path, query, reqBody) : undefined;
      if (body === undefined) {
        missing.push(line);
        res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"errors":[]}\n');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        missing,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
