// Vault accepts the LIST verb, but Node's HTTP parser rejects unknown methods. The test server
// therefore listens behind this small front: a TCP (or TLS) proxy that rewrites each
// request line `LIST /path HTTP/1.1` to `GET` plus an `X-Vault-List-Verb: true` header, and
// forwards everything else unchanged to the real node:http server.

import { type Server, type Socket, connect, createServer as createNetServer } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { Transform, type TransformCallback } from 'node:stream';
import type { AddressInfo } from 'node:net';

export const LIST_VERB_HEADER = 'x-vault-list-verb';

const HEAD_END = Buffer.from('\r\n\r\n');

/** Rewrites LIST request lines; tracks Content-Length so bodies pass through untouched. */
class ListVerbRewriter extends Transform {
  private head = Buffer.alloc(0);
  private bodyLeft = 0;
  /** After a chunked request the stream is passed through as is. */
  private raw = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.raw) {
        this.push(data);
        break;
      }
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, data.length);
        this.push(data.subarray(0, n));
        this.bodyLeft -= n;
        data = data.subarray(n);
        continue;
      }
      this.head = Buffer.concat([this.head, data]);
      data = Buffer.alloc(0);
      const end = this.head.indexOf(HEAD_END);
      if (end < 0) break;
      let head = this.head.subarray(0, end + 4).toString('latin1');
      data = this.head.subarray(end + 4);
      this.head = Buffer.alloc(0);
      if (head.startsWith('LIST ')) {
        const eol = head.indexOf('\r\n');
        head = `GET ${head.slice(5, eol)}\r\n${LIST_VERB_HEADER}: true${head.slice(eol)}`;
      }
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      this.bodyLeft = length ? Number(length[1]) : 0;
      if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) this.raw = true;
      this.push(Buffer.from(head, 'latin1'));
    }
    done();
  }
}

export interface Front {
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (random port) and forwards to 127.0.0.1:target. */
export async function listVerbFront(target: number, tls?: { key: string; cert: string }, port = 0): Promise<Front> {
  const sockets = new Set<Socket>();
  const onConnection = (client: Socket): void => {
    const upstream = connect(target, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(new ListVerbRewriter()).pipe(upstream);
    upstream.pipe(client);
  };
  const server: Server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, onConnection) : createNetServer(onConnection);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
