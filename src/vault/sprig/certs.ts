// sprig's certificate functions (crypto.go): genCA, genSelfSignedCert, genSignedCert, their
// *WithKey forms and buildCustomCert. The X.509 structures are built as Go's
// x509.CreateCertificate builds them from sprig's template (fields, extension order, key
// identifiers), encoded by @peculiar/asn1-x509; keys and signatures come from node:crypto.
// Go judges the results (test/sprig-generate): they parse, chain and carry the fields asked for.

import type { KeyObject } from 'node:crypto';
import type * as Asn1Schema from '@peculiar/asn1-schema';
import type * as Asn1X509 from '@peculiar/asn1-x509';
import { sprintf } from '../../fmt/index.js';
import { GoError, Value, indirectInterface, intType, namedType, sliceInterfaceType, stringType, stringValue, structOf } from '../../value/index.js';
import { S, fn } from '../funcs/sig.js';
import { dsaPrivateKeyPEM } from './dsa-key.js';
import { lazyRequire, nodeCrypto, nodeNet } from '../lazy-require.js';

// Loaded on the first certificate: most templates never make one (lazy-require.ts).
const asn1Schema = lazyRequire<typeof Asn1Schema>('@peculiar/asn1-schema');
const asn1X509 = lazyRequire<typeof Asn1X509>('@peculiar/asn1-x509');

/** sprig's `certificate` struct (unexported type in package sprig). */
export const certificateType = namedType({
  str: 'sprig.certificate',
  underlying: structOf([
    { name: 'Cert', type: stringType },
    { name: 'Key', type: stringType },
  ]),
});

interface Cert {
  readonly cert: string;
  readonly key: string;
}

function certValue(c: Cert): Value {
  return new Value(certificateType, [stringValue(c.cert), stringValue(c.key)]);
}

/** encoding/pem: the first block of text (type and DER), or undefined (pem.Decode's nil). */
function pemDecode(text: string): { type: string; der: Buffer; text: string } | undefined {
  const m = /-----BEGIN ([^-\r\n]*)-----\r?\n([\s\S]*?)-----END \1-----\r?\n?/.exec(text);
  if (!m) return undefined;
  return { type: m[1] as string, der: Buffer.from((m[2] as string).replace(/\s+/g, ''), 'base64'), text: m[0] };
}

function pemEncode(type: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}

/** parsePrivateKeyPEM's checks and texts; the key itself is read by node:crypto. */
function parsePrivateKeyPEM(text: string): KeyObject {
  const block = pemDecode(text);
  if (block === undefined) throw new GoError('no PEM data in input');
  const what =
    block.type === 'PRIVATE KEY'
      ? 'decoding PEM as PKCS#8'
      : !block.type.endsWith(' PRIVATE KEY')
        ? undefined
        : (
            { RSA: 'parsing RSA private key from PEM', EC: 'parsing EC private key from PEM', DSA: 'parsing DSA private key from PEM' } as Record<
              string,
              string
            >
          )[block.type.slice(0, -12)];
  if (!block.type.endsWith(' PRIVATE KEY') && block.type !== 'PRIVATE KEY') throw new GoError(`no private key data in PEM block of type ${block.type}`);
  if (what === undefined) throw new GoError(`invalid private key type ${block.type}`);
  try {
    return nodeCrypto().createPrivateKey({ key: block.text, format: 'pem' });
  } catch (e) {
    throw new GoError(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** pemBlockForKey. */
function keyPEM(key: KeyObject): string {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return key.export({ type: 'pkcs1', format: 'pem' }) as string;
    case 'ec':
      return key.export({ type: 'sec1', format: 'pem' }) as string;
    case 'dsa':
      return dsaPrivateKeyPEM(key);
    default:
      return key.export({ type: 'pkcs8', format: 'pem' }) as string;
  }
}

/** x509's signingParamsForKey: the hash and AlgorithmIdentifier for the signing key. */
function signingParams(key: KeyObject): { hash: string | null; alg: Asn1X509.AlgorithmIdentifier } {
  const { AlgorithmIdentifier } = asn1X509();
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { hash: 'sha256', alg: new AlgorithmIdentifier({ algorithm: '1.2.840.113549.1.1.11', parameters: null }) };
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      const [hash, oid] =
        curve === 'secp384r1'
          ? ['sha384', '1.2.840.10045.4.3.3']
          : curve === 'secp521r1'
            ? ['sha512', '1.2.840.10045.4.3.4']
            : ['sha256', '1.2.840.10045.4.3.2'];
      return { hash: hash as string, alg: new AlgorithmIdentifier({ algorithm: oid as string }) };
    }
    case 'ed25519':
      return { hash: null, alg: new AlgorithmIdentifier({ algorithm: '1.3.101.112' }) };
    default:
      // A DSA key: Go's *dsa.PrivateKey has no Sign method.
      throw new GoError('error creating certificate: x509: certificate private key does not implement crypto.Signer');
  }
}

/** Go's asn1 marshals a string as PrintableString when it can, else UTF8String. */
function commonName(cn: string): Asn1X509.Name {
  const { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } = asn1X509();
  const printable = /^[A-Za-z0-9 '()+,\-./:=?*&]*$/.test(cn);
  const value = new AttributeValue(printable ? { printableString: cn } : { utf8String: cn });
  const rdns = cn === '' ? [] : [new RelativeDistinguishedName([new AttributeTypeAndValue({ type: '2.5.4.3', value })])];
  return new Name(rdns);
}

function ext(extnID: string, critical: boolean, value: unknown): Asn1X509.Extension {
  const { AsnConvert, OctetString } = asn1Schema();
  const { Extension } = asn1X509();
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

interface Template {
  readonly cn: string;
  readonly ips: readonly string[];
  readonly dns: readonly string[];
  readonly days: bigint;
  readonly isCA: boolean;
}

/** getNetIPs / getAlternateDNSStrs: every element must be a string (and an IP). */
function strings(list: Value, what: 'ip' | 'dns'): string[] {
  return indirectInterface(list)
    .items()
    .map((item) => {
      const v = indirectInterface(item);
      if (!v.isValid() || v.type !== stringType) {
        throw new GoError(
          what === 'ip' ? sprintf('error parsing ip: %v is not a string', [item]) : sprintf('error processing alternate dns name: %v is not a string', [item]),
        );
      }
      if (what === 'ip' && nodeNet().isIP(v.str()) === 0) throw new GoError(`error parsing ip: ${v.str()}`);
      return v.str();
    });
}

/** x509.CreateCertificate(rand, template, parent, pub, signer) for sprig's templates. */
function createCertificate(t: Template, subjectKey: KeyObject, parent: { cert?: Asn1X509.Certificate; key: KeyObject }): Cert {
  const { AsnConvert } = asn1Schema();
  const {
    AuthorityKeyIdentifier,
    BasicConstraints,
    Certificate,
    ExtendedKeyUsage,
    Extensions,
    GeneralName,
    KeyUsage,
    KeyUsageFlags,
    SubjectAlternativeName,
    SubjectKeyIdentifier,
    SubjectPublicKeyInfo,
    TBSCertificate,
    Validity,
    Version,
    id_ce_authorityKeyIdentifier,
    id_ce_basicConstraints,
    id_ce_extKeyUsage,
    id_ce_keyUsage,
    id_ce_subjectAltName,
    id_ce_subjectKeyIdentifier,
    id_kp_clientAuth,
    id_kp_serverAuth,
  } = asn1X509();
  const { hash, alg } = signingParams(parent.key);
  if (subjectKey.asymmetricKeyType === 'dsa') throw new GoError('error creating certificate: x509: unsupported public key type: *dsa.PublicKey');
  const spki = AsnConvert.parse(nodeCrypto().createPublicKey(subjectKey).export({ type: 'spki', format: 'der' }), SubjectPublicKeyInfo);
  const publicKeyBytes = Buffer.from(spki.subjectPublicKey);
  const subject = commonName(t.cn);
  const issuer = parent.cert ? parent.cert.tbsCertificate.subject : subject;
  const selfIssued = Buffer.from(AsnConvert.serialize(issuer)).equals(Buffer.from(AsnConvert.serialize(subject)));
  // RFC 7093 method 1 (Go's default since 1.25): the leftmost 160 bits of SHA-256 of the key.
  const subjectKeyId = t.isCA ? nodeCrypto().createHash('sha256').update(publicKeyBytes).digest().subarray(0, 20) : undefined;
  const parentSki = parent.cert?.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_subjectKeyIdentifier);
  const authorityKeyId = !selfIssued && parentSki ? AsnConvert.parse(parentSki.extnValue, SubjectKeyIdentifier) : undefined;

  const usage = KeyUsageFlags.keyEncipherment | KeyUsageFlags.digitalSignature | (t.isCA ? KeyUsageFlags.keyCertSign : 0);
  const extensions = [
    ext(id_ce_keyUsage, true, new KeyUsage(usage)),
    ext(id_ce_extKeyUsage, false, new ExtendedKeyUsage([id_kp_serverAuth, id_kp_clientAuth])),
    ext(id_ce_basicConstraints, true, new BasicConstraints({ cA: t.isCA })),
  ];
  if (subjectKeyId) extensions.push(ext(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(subjectKeyId)));
  if (authorityKeyId) extensions.push(ext(id_ce_authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: authorityKeyId })));
  if (t.dns.length > 0 || t.ips.length > 0) {
    const names = [...t.dns.map((d) => new GeneralName({ dNSName: d })), ...t.ips.map((ip) => new GeneralName({ iPAddress: ip }))];
    extensions.push(ext(id_ce_subjectAltName, t.cn === '', new SubjectAlternativeName(names)));
  }
  // time.Now() and Now().Add(24h * days), at second resolution as DER times are.
  const now = Math.floor(Date.now() / 1000) * 1000;
  const notAfter = now + Number(t.days) * 86_400_000;
  const serial = nodeCrypto().randomBytes(16);
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: serialBytes(serial),
    signature: alg,
    issuer,
    validity: new Validity({ notBefore: new Date(now), notAfter: new Date(notAfter) }),
    subject,
    subjectPublicKeyInfo: spki,
    extensions: new Extensions(extensions),
  });
  const tbsDer = Buffer.from(AsnConvert.serialize(tbs));
  const signature = nodeCrypto().sign(hash, tbsDer, parent.key);
  const cert = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: alg,
    signatureValue: signature.buffer.slice(signature.byteOffset, signature.byteOffset + signature.length),
  });
  return { cert: pemEncode('CERTIFICATE', Buffer.from(AsnConvert.serialize(cert))), key: keyPEM(subjectKey) };
}

/** A positive INTEGER's minimal big-endian bytes (a leading zero when the top bit is set). */
function serialBytes(raw: Buffer): ArrayBuffer {
  let i = 0;
  while (i < raw.length - 1 && raw[i] === 0) i++;
  const b = raw.subarray(i);
  const out = (b[0] as number) & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : Buffer.from(b);
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
}

function rsaKey(): KeyObject {
  return nodeCrypto().generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

/** The CA a certificate value carries, parsed as generateSignedCertificateWithKeyInternal does. */
function signer(ca: Value): { cert: Asn1X509.Certificate; key: KeyObject } {
  const [certText, keyText] = ca.items().map((f) => f.str()) as [string, string];
  const block = pemDecode(certText);
  if (block === undefined) throw new GoError('unable to decode certificate');
  let cert: Asn1X509.Certificate;
  try {
    cert = asn1Schema().AsnConvert.parse(block.der, asn1X509().Certificate);
  } catch (e) {
    throw new GoError(`error parsing certificate: decodedSignerCert.Bytes: ${e instanceof Error ? e.message : String(e)}`);
  }
  let key: KeyObject;
  try {
    key = parsePrivateKeyPEM(keyText);
  } catch (e) {
    throw new GoError(`error parsing private key: ${(e as Error).message}`);
  }
  return { cert, key };
}

function withKey(pem: string): KeyObject {
  try {
    return parsePrivateKeyPEM(pem);
  } catch (e) {
    throw new GoError(`parsing private key: ${(e as Error).message}`);
  }
}

function buildCustomCert(b64cert: string, b64key: string): Cert {
  const decode = (s: string, what: string): string => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) throw new GoError(`unable to decode base64 ${what}`);
    return Buffer.from(s, 'base64').toString('latin1');
  };
  const cert = decode(b64cert, 'certificate');
  const key = decode(b64key, 'private key');
  const block = pemDecode(cert);
  if (block === undefined) throw new GoError('unable to decode certificate');
  try {
    asn1Schema().AsnConvert.parse(block.der, asn1X509().Certificate);
  } catch (e) {
    throw new GoError(`error parsing certificate: decodedCert.Bytes: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    parsePrivateKeyPEM(key);
  } catch (e) {
    throw new GoError(`error parsing private key: ${(e as Error).message}`);
  }
  return { cert: Buffer.from(cert, 'latin1').toString('utf8'), key: Buffer.from(key, 'latin1').toString('utf8') };
}

const SI = sliceInterfaceType;
const ca = (cn: Value, days: Value, key: KeyObject) => {
  const k = key;
  return certValue(createCertificate({ cn: cn.str(), ips: [], dns: [], days: days.int(), isCA: true }, k, { key: k }));
};
const selfSigned = (cn: Value, ips: Value, dns: Value, days: Value, key: KeyObject) =>
  certValue(createCertificate({ cn: cn.str(), ips: strings(ips, 'ip'), dns: strings(dns, 'dns'), days: days.int(), isCA: false }, key, { key }));
const signed = (cn: Value, ips: Value, dns: Value, days: Value, caCert: Value, key: KeyObject) => {
  const parent = signer(caCert);
  return certValue(createCertificate({ cn: cn.str(), ips: strings(ips, 'ip'), dns: strings(dns, 'dns'), days: days.int(), isCA: false }, key, parent));
};

export const sprigCerts = {
  genCA: fn([S, intType], certificateType, ([cn, days]) => ca(cn, days, rsaKey())),
  genCAWithKey: fn([S, intType, S], certificateType, ([cn, days, key]) => ca(cn, days, withKey(key.str()))),
  genSelfSignedCert: fn([S, SI, SI, intType], certificateType, ([cn, ips, dns, days]) => selfSigned(cn, ips, dns, days, rsaKey())),
  genSelfSignedCertWithKey: fn([S, SI, SI, intType, S], certificateType, ([cn, ips, dns, days, key]) => selfSigned(cn, ips, dns, days, withKey(key.str()))),
  genSignedCert: fn([S, SI, SI, intType, certificateType], certificateType, ([cn, ips, dns, days, c]) => signed(cn, ips, dns, days, c, rsaKey())),
  genSignedCertWithKey: fn([S, SI, SI, intType, certificateType, S], certificateType, ([cn, ips, dns, days, c, key]) =>
    signed(cn, ips, dns, days, c, withKey(key.str())),
  ),
  buildCustomCert: fn([S, S], certificateType, ([c, k]) => certValue(buildCustomCert(c.str(), k.str()))),
} satisfies Record<string, Value>;
