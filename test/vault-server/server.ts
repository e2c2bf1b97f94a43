// A Vault HTTP API server for tests (node:http on 127.0.0.1, random port), following Vault's
// API documentation: KV v1/v2, database creds, PKI issue, leases, kubernetes and AppRole
// logins, token lookup-self, namespaces (X-Vault-Namespace), token checks, sealed and
// failure modes. Bodies are shaped like Vault's (see bodies.ts).

import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { type Reply, errors, httpAuth, noHandler, ok, permissionDenied, randomId, sealed as sealedReply, vaultTime } from './bodies.js';
import { type EngineRequest, KvV1, KvV2 } from './kv.js';
import { Database, type DatabaseRole, Leases, Pki, type StaticRole } from './dynamic.js';
import type { Socket } from 'node:net';
import { type Front, LIST_VERB_HEADER, listVerbFront } from './list-verb.js';

export interface KubernetesRole {
  readonly role: string;
  readonly jwt: string;
  /** The auth mount (default "kubernetes"). */
  readonly mount?: string;
  readonly namespace?: string;
}

export interface AppRole {
  readonly roleId: string;
  readonly secretId: string;
  readonly mount?: string;
  readonly namespace?: string;
}

export interface VaultServerOptions {
  /** A token valid in every namespace (default "root"). */
  readonly rootToken?: string;
  /** Namespaces besides the root one; each gets its own default mounts. */
  readonly namespaces?: readonly string[];
  readonly kubernetes?: readonly KubernetesRole[];
  readonly appRoles?: readonly AppRole[];
  /** Roles of database/ (default ["app"]): a name, or a role with its TTLs. */
  readonly databaseRoles?: readonly (string | DatabaseRole)[];
  /** Static roles of database/ (static-creds, rotating passwords). */
  readonly staticRoles?: readonly StaticRole[];
  /** Lifetime of login tokens (default 3600 s) and their max TTL (default: none). */
  readonly tokenTtl?: number;
  readonly tokenMaxTtl?: number;
  /** Roles of pki/ (default ["web"]). */
  readonly pkiRoles?: readonly string[];
  /** Serve HTTPS with this PEM key and certificate. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** The clock for created/deletion times and leases (ms since the epoch). */
  readonly now?: () => number;
  /** Listen on this port (default: a free one). */
  readonly port?: number;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly namespace?: string;
  readonly token?: string;
  readonly body?: unknown;
  /** The body as sent (KV v1 keeps its number literals, as Vault decodes it with UseNumber). */
  readonly text?: string;
}

interface Engine {
  handle(r: EngineRequest): Reply;
}

interface Mount {
  readonly path: string;
  readonly type: string;
  readonly options: Record<string, string> | null;
  readonly engine: Engine;
  readonly uuid: string;
}

interface TokenInfo {
  readonly namespace: string;
  readonly policies: readonly string[];
  readonly meta: Record<string, string> | null;
  readonly accessor: string;
  readonly issued: number;
  /** When the token stops working (Infinity for the root token). */
  expires: number;
  readonly maxExpires: number;
}

/** A fault answered instead of the real response. */
export type FaultKind = 403 | 500 | 503 | 'reset' | 'hang';

interface Fault {
  readonly prefix: string;
  readonly kind: FaultKind;
  /** How many more requests get it (Infinity: until cleared). */
  remaining: number;
}

class Namespace {
  readonly mounts = new Map<string, Mount>();
  readonly kv2: KvV2;
  readonly kv1 = new KvV1();

  constructor(now: () => number, leases: Leases, dbRoles: readonly (string | DatabaseRole)[], pkiRoles: ReadonlySet<string>, statics: readonly StaticRole[]) {
    this.kv2 = new KvV2(now);
    this.mount('secret/', 'kv', { version: '2' }, this.kv2);
    this.mount('kv/', 'kv', { version: '1' }, this.kv1);
    this.mount('database/', 'database', null, new Database('database', dbRoles, leases, now, statics));
    this.mount('pki/', 'pki', null, new Pki(pkiRoles));
  }

  mount(path: string, type: string, options: Record<string, string> | null, engine: Engine): void {
    this.mounts.set(path, { path, type, options, engine, uuid: randomUUID() });
  }

  /** The mount serving `path` (longest prefix). */
  find(path: string): Mount | undefined {
    const p = `${path}/`;
    let best: Mount | undefined;
    for (const m of this.mounts.values()) if (p.startsWith(m.path) && (!best || m.path.length > best.path.length)) best = m;
    return best;
  }
}

function mountInfoData(m: Mount): string {
  return JSON.stringify({
    accessor: `${m.type}_${m.uuid.slice(0, 8)}`,
    config: { default_lease_ttl: 0, force_no_cache: false, max_lease_ttl: 0 },
    description: '',
    external_entropy_access: false,
    local: false,
    options: m.options,
    path: m.path,
    plugin_version: '',
    running_plugin_version: `v0.17.0+builtin${m.type === 'kv' ? '' : '.vault'}`,
    running_sha256: '',
    seal_wrap: false,
    type: m.type,
    uuid: m.uuid,
  });
}

function normNamespace(ns: string | undefined): string {
  const s = (ns ?? '').replace(/^\/+|\/+$/g, '');
  return s === 'root' ? '' : s;
}

/** A token from namespace `owner` is valid there and in its child namespaces. */
function within(ns: string, owner: string): boolean {
  return owner === '' || ns === owner || ns.startsWith(`${owner}/`);
}

export class VaultTestServer {
  readonly requests: LoggedRequest[] = [];
  /** Answer every request with 503 "Vault is sealed". */
  sealed = false;
  /** Path prefixes answered with 500. */
  readonly fail = new Set<string>();
  /** Path prefixes answered with 403 whatever the token. */
  readonly deny = new Set<string>();
  /** Path prefixes never answered (client timeouts). */
  readonly stall = new Set<string>();
  /** Path prefixes whose connections are reset (the socket destroyed without an answer). */
  readonly reset = new Set<string>();
  readonly leases: Leases;
  private readonly faults: Fault[] = [];
  private readonly namespaces = new Map<string, Namespace>();
  private readonly tokens = new Map<string, TokenInfo>();
  private readonly now: () => number;
  private server: Server | undefined;
  private front: Front | undefined;
  private base = '';

  constructor(private readonly opts: VaultServerOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.leases = new Leases(this.now);
    const db = opts.databaseRoles ?? ['app'];
    const pki = new Set(opts.pkiRoles ?? ['web']);
    for (const ns of ['', ...(opts.namespaces ?? []).map(normNamespace)])
      this.namespaces.set(ns, new Namespace(this.now, this.leases, db, pki, opts.staticRoles ?? []));
    this.addToken(opts.rootToken ?? 'root', '', ['root'], null, 0);
  }

  /**
   * Answers the next `times` requests whose path starts with `prefix` (every one: Infinity)
   * with a fault: 403 permission denied, 500, 503 sealed, a reset connection, or no answer.
   */
  fault(prefix: string, kind: FaultKind, times = Infinity): void {
    this.faults.push({ prefix, kind, remaining: times });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  private takeFault(path: string): FaultKind | undefined {
    const f = this.faults.find((x) => x.remaining > 0 && path.startsWith(x.prefix));
    if (!f) return undefined;
    f.remaining--;
    return f.kind;
  }

  get url(): string {
    return this.base;
  }

  /** The KV v2 engine at secret/ (of a namespace). */
  kv2(namespace = ''): KvV2 {
    return this.ns(namespace).kv2;
  }

  /** The KV v1 engine at kv/ (of a namespace). */
  kv1(namespace = ''): KvV1 {
    return this.ns(namespace).kv1;
  }

  /** Tokens issued by logins (and the root token). */
  tokenInfo(token: string): TokenInfo | undefined {
    return this.tokens.get(token);
  }

  private ns(name: string): Namespace {
    const ns = this.namespaces.get(normNamespace(name));
    if (!ns) throw new Error(`no namespace ${name}`);
    return ns;
  }

  private addToken(
    token: string,
    namespace: string,
    policies: readonly string[],
    meta: Record<string, string> | null = null,
    ttl = this.opts.tokenTtl ?? 3600,
  ): void {
    const now = this.now();
    const maxTtl = this.opts.tokenMaxTtl ?? 0;
    this.tokens.set(token, {
      namespace,
      policies,
      meta,
      accessor: randomId(24),
      issued: now,
      expires: ttl > 0 ? now + ttl * 1000 : Infinity,
      maxExpires: ttl > 0 && maxTtl > 0 ? now + maxTtl * 1000 : Infinity,
    });
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      void this.serve(req, res);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.front = await listVerbFront((server.address() as AddressInfo).port, this.opts.tls, this.opts.port ?? 0);
    this.base = `${this.opts.tls ? 'https' : 'http'}://127.0.0.1:${this.front.port}`;
    return this;
  }

  async close(): Promise<void> {
    await this.front?.close();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      this.send(res, errors(400, 'failed to parse JSON input: invalid character'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://vault');
    const header = (n: string): string | undefined => {
      const v = req.headers[n];
      return Array.isArray(v) ? v[0] : v;
    };
    const path = decodeURIComponent(url.pathname)
      .replace(/^\/v1\//, '')
      .replace(/^\/+|\/+$/g, '');
    const logged: LoggedRequest = {
      method: header(LIST_VERB_HEADER) === 'true' ? 'LIST' : (req.method ?? 'GET'),
      path,
      query: url.search.replace(/^\?/, ''),
      namespace: header('x-vault-namespace'),
      token: header('x-vault-token'),
      body,
      text: text === '' ? undefined : text,
    };
    this.requests.push(logged);
    const fault = this.takeFault(path);
    if (fault === 'hang') return;
    for (const p of this.stall) if (path.startsWith(p)) return;
    if (fault === 'reset' || [...this.reset].some((p) => path.startsWith(p))) {
      (req.socket as Socket).destroy();
      return;
    }
    if (fault === 403) return this.send(res, permissionDenied);
    if (fault === 500) return this.send(res, errors(500, 'internal error'));
    if (fault === 503) return this.send(res, sealedReply);
    this.send(res, this.route(logged, url.searchParams));
  }

  private send(res: ServerResponse, reply: Reply): void {
    if (reply.body === undefined) {
      res.writeHead(reply.status);
      res.end();
      return;
    }
    res.writeHead(reply.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(`${reply.body}\n`);
  }

  private route(r: LoggedRequest, query: URLSearchParams): Reply {
    if (this.sealed) return sealedReply;
    if (r.path === 'sys/health') return { status: 200, body: JSON.stringify({ initialized: true, sealed: false, standby: false, version: '1.17.0' }) };
    const ns = this.namespaces.get(normNamespace(r.namespace));
    if (!ns) return permissionDenied;
    const method = r.method === 'POST' ? 'PUT' : r.method === 'GET' && query.get('list') === 'true' ? 'LIST' : r.method;
    if (method !== 'GET' && method !== 'LIST' && method !== 'PUT' && method !== 'DELETE') return errors(405, 'unsupported operation');

    const login = /^auth\/(.+)\/login$/.exec(r.path);
    if (login && method === 'PUT') return this.login(login[1] as string, normNamespace(r.namespace), r.body);

    const token = this.tokens.get(r.token ?? '');
    if (!token || token.expires <= this.now() || !within(normNamespace(r.namespace), token.namespace)) return permissionDenied;
    for (const p of this.deny) if (r.path.startsWith(p)) return permissionDenied;
    for (const p of this.fail) if (r.path.startsWith(p)) return errors(500, 'internal error');

    if (r.path === 'auth/token/lookup-self' && method === 'GET') return this.lookupSelf(r.token ?? '', token);
    if (r.path === 'auth/token/renew-self' && method === 'PUT') return this.renewSelf(r.token ?? '', token);
    const leaseOp = /^sys\/leases\/(renew|revoke)$/.exec(r.path);
    if (leaseOp && method === 'PUT') return this.leases.handle(leaseOp[1] as string, r.body);
    if (r.path.startsWith('sys/internal/ui/mounts/') && method === 'GET') {
      // Unknown mounts answer "permission denied" so the endpoint cannot enumerate mounts.
      const m = ns.find(r.path.slice('sys/internal/ui/mounts/'.length));
      return m ? ok({ data: mountInfoData(m) }) : permissionDenied;
    }
    const m = ns.find(r.path);
    if (!m) return noHandler(r.path);
    const rel = r.path.slice(m.path.length).replace(/^\/+|\/+$/g, '');
    return m.engine.handle({ method, rel, query, body: r.body, text: r.text });
  }

  private login(mount: string, namespace: string, body: unknown): Reply {
    const b = (body ?? {}) as Record<string, unknown>;
    const str = (k: string): string => (typeof b[k] === 'string' ? (b[k] as string) : '');
    let policies: string[];
    let meta: Record<string, string>;
    const k8s = (this.opts.kubernetes ?? []).filter((k) => (k.mount ?? 'kubernetes') === mount && normNamespace(k.namespace) === namespace);
    const approles = (this.opts.appRoles ?? []).filter((a) => (a.mount ?? 'approle') === mount && normNamespace(a.namespace) === namespace);
    if (k8s.length > 0) {
      if (str('role') === '') return errors(400, 'missing role');
      const role = k8s.find((k) => k.role === str('role'));
      if (!role) return errors(400, `invalid role name "${str('role')}"`);
      if (role.jwt !== str('jwt')) return permissionDenied;
      policies = ['default', role.role];
      meta = {
        role: role.role,
        service_account_name: role.role,
        service_account_namespace: 'default',
        service_account_secret_name: '',
        service_account_uid: randomUUID(),
      };
    } else if (approles.length > 0) {
      const a = approles.find((x) => x.roleId === str('role_id'));
      if (!a || a.secretId !== str('secret_id')) return errors(400, 'invalid role or secret ID');
      policies = ['default', 'approle'];
      meta = { role_name: 'approle' };
    } else {
      return noHandler(`auth/${mount}/login`);
    }
    const token = `hvs.${randomId(24)}`;
    this.addToken(token, namespace, policies, meta);
    const info = this.tokens.get(token) as TokenInfo;
    const auth = httpAuth({
      clientToken: token,
      accessor: info.accessor,
      policies,
      tokenPolicies: policies,
      metadata: meta,
      leaseDuration: this.opts.tokenTtl ?? 3600,
      renewable: true,
      entityId: randomUUID(),
      tokenType: 'service',
      orphan: true,
    });
    return ok({ data: 'null', auth });
  }

  /** auth/token/renew-self: the token lives another ttl, never beyond its max TTL. */
  private renewSelf(token: string, info: TokenInfo): Reply {
    if (info.expires === Infinity) return errors(400, 'lease is not renewable');
    const ttl = this.opts.tokenTtl ?? 3600;
    info.expires = Math.min(this.now() + ttl * 1000, info.maxExpires);
    const seconds = Math.max(0, Math.floor((info.expires - this.now()) / 1000));
    const auth = httpAuth({
      clientToken: token,
      accessor: info.accessor,
      policies: info.policies,
      tokenPolicies: info.policies,
      metadata: info.meta,
      leaseDuration: seconds,
      renewable: true,
      entityId: '',
      tokenType: 'service',
      orphan: true,
    });
    return ok({ data: 'null', auth });
  }

  private lookupSelf(token: string, info: TokenInfo): Reply {
    const root = info.policies.includes('root');
    const data = JSON.stringify({
      accessor: info.accessor,
      creation_time: Math.floor(info.issued / 1000),
      creation_ttl: root ? 0 : 3600,
      display_name: root ? 'root' : 'kubernetes-app',
      entity_id: '',
      expire_time: root ? null : vaultTime(info.issued + 3600_000),
      explicit_max_ttl: 0,
      id: token,
      issue_time: root ? undefined : vaultTime(info.issued),
      meta: info.meta,
      num_uses: 0,
      orphan: true,
      path: root ? 'auth/token/root' : 'auth/kubernetes/login',
      policies: info.policies,
      renewable: !root,
      ttl: root ? 0 : Math.max(0, Math.ceil((info.expires - this.now()) / 1000)),
      type: 'service',
    });
    return ok({ data, mountType: 'token' });
  }
}

/** Starts a server on 127.0.0.1 with a random port. */
export function startVaultServer(opts: VaultServerOptions = {}): Promise<VaultTestServer> {
  return new VaultTestServer(opts).start();
}
