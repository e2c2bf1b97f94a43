// Misbehaving Vault servers for the live client (node:http / node:net on 127.0.0.1, port 0):
// slow, resetting, redirecting, failing. test/vault/live-faults.test.ts checks vtpl against
// them; scripts/live-diff.ts runs consul-template (through the Go oracle) against the very
// same servers and compares.

import { type IncomingMessage, type ServerResponse, createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, type Socket, createServer as createTcpServer } from 'node:net';

export const OK_BODY = '{"request_id":"x","lease_id":"","renewable":false,"lease_duration":0,"data":{"v":"ok"},"wrap_info":null,"warnings":null,"auth":null}';

export interface Hit {
  readonly method: string;
  readonly url: string;
  readonly token?: string;
  readonly body: string;
}

export interface FaultServer {
  readonly url: string;
  /** Requests other than the KV v2 mount check. */
  readonly hits: Hit[];
  /** TCP connections accepted. */
  connections: number;
  close(): void;
}

/** Answers request number `n` (from 1) of those that are not the mount check. */
export type Answer = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** An HTTP(S) server: the mount check answers 404 (an old Vault: not KV v2), the rest `answer`. */
export async function httpServer(answer: Answer, tls?: { key: string; cert: string }): Promise<FaultServer> {
  const hits: Hit[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url?.startsWith('/v1/sys/internal/ui/mounts/')) {
        res.writeHead(404).end('{"errors":[]}');
        return;
      }
      const token = req.headers['x-vault-token'];
      hits.push({ method: req.method ?? '', url: req.url ?? '', token: typeof token === 'string' ? token : undefined, body: Buffer.concat(chunks).toString() });
      answer(req, res, hits.length);
    });
  };
  const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  const s: FaultServer = {
    url: '',
    hits,
    connections: 0,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
  server.on('connection', () => s.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  Object.assign(s, { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}` });
  return s;
}

/** Answers the given statuses in turn (the last one from then on); 200 carries a secret. */
export function statuses(...seq: number[]): Answer {
  return (_req, res, n) => {
    const status = seq[Math.min(n, seq.length) - 1] ?? 200;
    if (status === 200) res.writeHead(200, { 'Content-Type': 'application/json' }).end(OK_BODY);
    else res.writeHead(status).end('{"errors":["boom"]}');
  };
}

/** Writes the start of a body, then one more byte every `ms`: never idle, never done. */
export function dripBody(ms: number): Answer {
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"data":{"v":"');
    const t = setInterval(() => res.write('a'), ms);
    res.on('close', () => clearInterval(t));
  };
}

/** A TCP server that reads a request and then does `act` with the socket. */
export async function tcpServer(act: (socket: Socket) => void): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    s.connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => act(socket));
  });
  const s: FaultServer = {
    url: '',
    hits: [],
    connections: 0,
    close: () => {
      for (const x of sockets) x.destroy();
      server.close();
    },
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(s, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  return s;
}

/** Sends a status line and then one header byte every `ms`. */
export function dripHeaders(ms: number): (socket: Socket) => void {
  return (socket) => {
    socket.write('HTTP/1.1 200 OK\r\nX-A: ');
    const t = setInterval(() => socket.write('a'), ms);
    socket.on('close', () => clearInterval(t));
  };
}

/** A server that answers every request with `status` and a Location from `location` (none when undefined). */
export async function redirector(status: number, location: (req: IncomingMessage) => string | undefined): Promise<FaultServer> {
  return httpServer((req, res) => {
    const loc = location(req);
    res.writeHead(status, loc === undefined ? {} : { Location: loc }).end('{"errors":["redirect body"]}');
  });
}
