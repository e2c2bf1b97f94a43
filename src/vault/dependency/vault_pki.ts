// consul-template dependency/vault_pki.go: `pkiCert PATH k=v...` (VaultPKIQuery), with the
// PEM splitting and the little X.509 parsing it needs (pemsCert/nextPem/goodFor): which
// block is the key, which certificates are CAs (basicConstraints cA), and the leaf's
// validity window.

import { quote } from '../../go/strconv/index.js';
import { GoError, type Value, indirectInterface, stringType } from '../../value/index.js';
import { decode as b64decode, encode as b64encode } from '../../go/encoding/base64/index.js';
import { parseURL } from '../../go/net/url/index.js';
import type { VaultClient } from '../client.js';
import { type PemEncoded, pemValue } from './pem.js';
import { type ApiSecret, objectEntries } from './vault_common.js';
import { logicalWrite } from './vault_api.js';
import { type Dependency, type FetchOptions, trimPath, wrap } from './dependency.js';

interface Der {
  tag: number;
  start: number;
  end: number;
  /** Offset of the contents. */
  body: number;
}

function readDer(b: Uint8Array, at: number): Der {
  if (at + 2 > b.length) throw new GoError('x509: malformed certificate');
  const tag = b[at];
  let len = b[at + 1];
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || body + n > b.length) throw new GoError('x509: malformed certificate');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[body + i];
    body += n;
  }
  if (body + len > b.length) throw new GoError('x509: malformed certificate');
  return { tag, start: at, end: body + len, body };
}

function children(b: Uint8Array, d: Der): Der[] {
  const out: Der[] = [];
  for (let at = d.body; at < d.end; ) {
    const c = readDer(b, at);
    out.push(c);
    at = c.end;
  }
  return out;
}

function parseTime(b: Uint8Array, d: Der): number {
  const s = new TextDecoder().decode(b.subarray(d.body, d.end));
  const m = d.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) throw new GoError('x509: malformed validity');
  let year = Number(m[1]);
  if (d.tag === 0x17) year += year >= 50 ? 1900 : 2000;
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

const basicConstraintsOID = '551d13';

export interface CertInfo {
  isCA: boolean;
  notBefore: number;
  notAfter: number;
}

/** The fields of x509.ParseCertificate that pkiCert uses. */
export function parseCertificate(der: Uint8Array): CertInfo {
  const cert = readDer(der, 0);
  const tbs = children(der, cert)[0];
  if (!tbs) throw new GoError('x509: malformed certificate');
  const f = children(der, tbs);
  let i = f[0]?.tag === 0xa0 ? 1 : 0; // optional version
  i += 2; // serialNumber, signature
  i += 1; // issuer
  const validity = f[i];
  if (!validity) throw new GoError('x509: malformed certificate');
  const [nb, na] = children(der, validity);
  const info: CertInfo = { isCA: false, notBefore: parseTime(der, nb), notAfter: parseTime(der, na) };
  const ext = f.find((x) => x.tag === 0xa3);
  if (ext) {
    for (const e of children(der, children(der, ext)[0])) {
      const parts = children(der, e);
      const oid = Array.from(der.subarray(parts[0].body, parts[0].end), (x) => x.toString(16).padStart(2, '0')).join('');
      if (oid !== basicConstraintsOID) continue;
      const value = parts[parts.length - 1];
      const seq = readDer(der, value.body);
      const bc = children(der, seq);
      info.isCA = bc.length > 0 && bc[0].tag === 0x01 && der[bc[0].body] !== 0;
    }
  }
  return info;
}

interface PemBlock {
  type: string;
  bytes: Uint8Array;
}

/** pem.Decode of one block (headers are not supported: such blocks are skipped). */
function decodePem(text: string): PemBlock | undefined {
  const m = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) return undefined;
  try {
    return { type: m[1], bytes: b64decode(new TextEncoder().encode(m[2].replace(/[\s]/g, ''))) };
  } catch {
    return undefined;
  }
}

/** pem.EncodeToMemory. */
function encodePem(b: PemBlock): string {
  const body = b64encode(b.bytes).replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${b.type}-----\n${body}\n-----END ${b.type}-----\n`;
}

/** pemsCert: walks the PEM blocks of the concatenated response strings. */
export function pemsCert(encoded: string): { pems: PemEncoded; cert: CertInfo | undefined } {
  const pems: PemEncoded = { cert: '', key: '', ca: '', caChain: [] };
  let cert: CertInfo | undefined;
  let rest = encoded;
  for (;;) {
    const start = rest.indexOf('-----BEGIN');
    if (start < 0) return { pems, cert };
    rest = rest.slice(start);
    const endMark = rest.indexOf('-----END');
    const close = endMark < 0 ? -1 : rest.indexOf('-----', endMark + 8);
    const end = close < 0 ? rest.length : close + 5;
    const block = decodePem(`\n${rest.slice(0, end)}\n`);
    rest = rest.slice(end);
    if (!block) return { pems, cert };
    if (block.type.endsWith('PRIVATE KEY')) {
      pems.key = encodePem(block);
      continue;
    }
    const c = parseCertificate(block.bytes);
    const text = encodePem(block);
    if (c.isCA) {
      if (pems.ca === '') pems.ca = text;
      if (!pems.caChain.includes(text)) pems.caChain.push(text);
    } else {
      cert = c;
      pems.cert = text;
    }
  }
}

/**
 * goodFor's verdict: false when there is no certificate, or it is past its rotation
 * time. That is VaultLeaseRenewalThreshold (0.9) of its lifetime: the ±3% jitter in
 * the Go source is an integer division by 100 and always 0.
 */
export function certStillGood(cert: CertInfo | undefined, now: number, threshold = 0.9): boolean {
  if (cert === undefined || cert.notAfter <= now) return false;
  const rotation = cert.notBefore + Math.trunc((cert.notAfter - cert.notBefore) * threshold);
  return rotation > now;
}

/** `pkiCert PATH k=v...`: issues a certificate (PUT) and splits the PEMs. */
export class VaultPKIQuery implements Dependency {
  readonly key: string;
  private readonly pkiPath: string;

  constructor(
    s: string,
    private readonly destination: string,
    private readonly data: ReadonlyMap<string, string>,
    private readonly opts: FetchOptions,
  ) {
    const p = trimPath(s);
    if (p === '') throw new GoError(`vault.read: invalid format: ${quote(p)}`);
    this.pkiPath = parseURL(p).path;
    this.key = `vault.pki(${this.pkiPath}->${destination})`;
  }

  /** fetchPEMs: every string in the response data, plus the ca_chain items, one per line. */
  private async fetchPEMs(client: VaultClient): Promise<string> {
    let secret: ApiSecret | null;
    try {
      secret = await logicalWrite(client, this.pkiPath, Object.fromEntries(this.data));
    } catch (e) {
      throw wrap(e, this.key);
    }
    if (secret === null) throw new GoError(`no secret exists at ${this.pkiPath}`);
    let pems = '';
    for (const [k, v] of objectEntries(secret.data)) {
      if (v.type === stringType) pems += `${v.str()}\n`;
      else if (v.kind === 'slice' && k === 'ca_chain') {
        for (const item of v.items()) {
          const s = indirectInterface(item);
          if (s.type === stringType) pems += `${s.str()}\n`;
        }
      }
    }
    return pems;
  }

  /** The destination's current contents: a certificate rendered earlier is reused while still good. */
  private async cached(): Promise<string> {
    if (!this.opts.readFile || this.destination === '') return '';
    try {
      return await this.opts.readFile(this.destination);
    } catch {
      return '';
    }
  }

  async fetch(client: VaultClient): Promise<Value> {
    for (let renew = false; ; renew = true) {
      let raw = renew ? '' : await this.cached();
      if (raw === '') raw = await this.fetchPEMs(client);
      const { pems, cert } = pemsCert(raw);
      if (certStillGood(cert, this.opts.now())) return pemValue(pems);
      if (renew) throw new GoError('needs renewal');
    }
  }
}
