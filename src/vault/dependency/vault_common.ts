// The Go types a template sees from Vault (consul-template dependency/vault_common.go,
// vault_pki.go), and vault/api ParseSecret + consul-template's transformSecret.

import { quote } from '../../go/strconv/index.js';
import {
  type GoType,
  GoError,
  GoMap,
  Value,
  boolType,
  boolValue,
  indirectInterface,
  intType,
  intValue,
  mapStringInterfaceType,
  mapStringStringType,
  namedType,
  ptrTo,
  sliceStringType,
  stringType,
  stringValue,
  structOf,
  zeroOf,
} from '../../value/index.js';
import { decodeJSON } from '../../go/encoding/json/index.js';
import { type GoTime, parseRFC3339, zeroTime } from '../../go/time/index.js';
import { timeType, timeValue } from '../../value/index.js';

export const secretAuthType: GoType = namedType({
  str: 'dependency.SecretAuth',
  underlying: structOf([
    { name: 'ClientToken', type: stringType },
    { name: 'Accessor', type: stringType },
    { name: 'Policies', type: sliceStringType },
    { name: 'Metadata', type: mapStringStringType },
    { name: 'LeaseDuration', type: intType },
    { name: 'Renewable', type: boolType },
  ]),
});

export const secretWrapInfoType: GoType = namedType({
  str: 'dependency.SecretWrapInfo',
  underlying: structOf([
    { name: 'Token', type: stringType },
    { name: 'TTL', type: intType },
    { name: 'CreationTime', type: timeType },
    { name: 'WrappedAccessor', type: stringType },
  ]),
});

export const secretType: GoType = namedType({
  str: 'dependency.Secret',
  underlying: structOf([
    { name: 'RequestID', type: stringType },
    { name: 'LeaseID', type: stringType },
    { name: 'LeaseDuration', type: intType },
    { name: 'Renewable', type: boolType },
    { name: 'Data', type: mapStringInterfaceType },
    { name: 'Warnings', type: sliceStringType },
    { name: 'Auth', type: ptrTo(secretAuthType) },
    { name: 'WrapInfo', type: ptrTo(secretWrapInfoType) },
  ]),
});

export const secretPtrType = ptrTo(secretType);

/** vault/api SecretAuth: the fields consul-template copies. */
export interface ApiSecretAuth {
  clientToken: string;
  accessor: string;
  policies: string[] | null;
  metadata: Map<string, string> | null;
  leaseDuration: bigint;
  renewable: boolean;
}

/** vault/api SecretWrapInfo: the fields consul-template copies. */
export interface ApiSecretWrapInfo {
  token: string;
  ttl: bigint;
  creationTime: GoTime;
  wrappedAccessor: string;
}

/** vault/api Secret as decoded from a response body. `data` is a map[string]interface{} Value (nil map when absent). */
export interface ApiSecret {
  requestID: string;
  leaseID: string;
  leaseDuration: bigint;
  renewable: boolean;
  data: Value;
  warnings: string[] | null;
  auth: ApiSecretAuth | null;
  wrapInfo: ApiSecretWrapInfo | null;
  mountType: string;
}

/** Entries of a decoded JSON object (a map[string]interface{} Value), values unwrapped from their interface. */
export function objectEntries(m: Value): [string, Value][] {
  const gm = m.map();
  if (!gm) return [];
  return [...gm.entries.values()].map(({ key, value }) => [key.str(), indirectInterface(value)]);
}

/** The JSON kind word encoding/json uses in UnmarshalTypeError ("number", "string", "array", ...). */
function jsonKind(v: Value): string {
  switch (v.kind) {
    case 'map':
      return 'object';
    case 'slice':
      return 'array';
    case 'bool':
      return 'bool';
    case 'string':
      return v.type === stringType ? 'string' : 'number';
    default:
      return 'number';
  }
}

/** Decodes one JSON object into typed struct fields, as encoding/json does (names matched case-insensitively). */
class StructDecoder {
  /** The first type error; decoding goes on after it, as Go's decoder does. */
  err: GoError | undefined;

  constructor(
    private readonly structName: string,
    private readonly path: string,
  ) {}

  fail(v: Value, goType: string, field: string, withLiteral = false): void {
    if (this.err) return;
    const what = withLiteral ? `number ${v.str()}` : jsonKind(v);
    this.err = new GoError(`json: cannot unmarshal ${what} into Go struct field ${this.structName}.${this.path}${field} of type ${goType}`);
  }

  /** Looks a field up by its JSON name: exact match first, then case-insensitive (last duplicate wins). */
  static lookup(entries: [string, Value][], name: string): Value | undefined {
    let found: Value | undefined;
    for (const [k, v] of entries) if (k.toLowerCase() === name) found = v;
    return found;
  }

  str(v: Value | undefined, field: string): string {
    if (!v?.isValid()) return '';
    if (v.type !== stringType) {
      this.fail(v, 'string', field);
      return '';
    }
    return v.str();
  }

  int(v: Value | undefined, field: string): bigint {
    if (!v?.isValid()) return 0n;
    if (v.kind !== 'string' || v.type === stringType) {
      this.fail(v, 'int', field);
      return 0n;
    }
    const text = v.str();
    if (!/^-?[0-9]+$/.test(text) || BigInt(text) > 9223372036854775807n || BigInt(text) < -9223372036854775808n) {
      this.fail(v, 'int', field, true);
      return 0n;
    }
    return BigInt(text);
  }

  bool(v: Value | undefined, field: string): boolean {
    if (!v?.isValid()) return false;
    if (v.kind !== 'bool') {
      this.fail(v, 'bool', field);
      return false;
    }
    return v.bool();
  }

  strings(v: Value | undefined, field: string): string[] | null {
    if (!v?.isValid()) return null;
    if (v.kind !== 'slice') {
      this.fail(v, '[]string', field);
      return null;
    }
    return v.items().map((e) => this.str(indirectInterface(e), field));
  }

  stringMap(v: Value | undefined, field: string): Map<string, string> | null {
    if (!v?.isValid()) return null;
    if (v.kind !== 'map') {
      this.fail(v, 'map[string]string', field);
      return null;
    }
    return new Map(objectEntries(v).map(([k, e]) => [k, this.str(e, field)]));
  }
}

function decodeAuth(v: Value, parent: StructDecoder): ApiSecretAuth | null {
  if (!v.isValid()) return null;
  const d = new StructDecoder('SecretAuth', 'auth.');
  if (v.kind !== 'map') {
    parent.fail(v, 'api.SecretAuth', 'auth');
    return null;
  }
  const e = objectEntries(v);
  const get = (n: string): Value | undefined => StructDecoder.lookup(e, n);
  const auth: ApiSecretAuth = {
    clientToken: d.str(get('client_token'), 'client_token'),
    accessor: d.str(get('accessor'), 'accessor'),
    policies: d.strings(get('policies'), 'policies'),
    metadata: d.stringMap(get('metadata'), 'metadata'),
    leaseDuration: d.int(get('lease_duration'), 'lease_duration'),
    renewable: d.bool(get('renewable'), 'renewable'),
  };
  if (d.err && !parent.err) parent.err = d.err;
  return auth;
}

function decodeWrapInfo(v: Value, parent: StructDecoder): ApiSecretWrapInfo | null {
  if (!v.isValid()) return null;
  if (v.kind !== 'map') {
    parent.fail(v, 'api.SecretWrapInfo', 'wrap_info');
    return null;
  }
  const d = new StructDecoder('SecretWrapInfo', 'wrap_info.');
  const e = objectEntries(v);
  const get = (n: string): Value | undefined => StructDecoder.lookup(e, n);
  let creationTime = zeroTime;
  const ct = get('creation_time');
  if (ct?.isValid()) {
    if (ct.type !== stringType) {
      d.err ??= new GoError('Time.UnmarshalJSON: input is not a JSON string');
    } else {
      const t = parseRFC3339(ct.str());
      if (t) creationTime = t;
      else d.err ??= new GoError(`parsing time ${quote(ct.str())} as "2006-01-02T15:04:05Z07:00": cannot parse ${quote(ct.str())} as "2006"`);
    }
  }
  const info: ApiSecretWrapInfo = {
    token: d.str(get('token'), 'token'),
    ttl: d.int(get('ttl'), 'ttl'),
    creationTime,
    wrappedAccessor: d.str(get('wrapped_accessor'), 'wrapped_accessor'),
  };
  if (d.err && !parent.err) parent.err = d.err;
  return info;
}

function emptySecret(): ApiSecret {
  return {
    requestID: '',
    leaseID: '',
    leaseDuration: 0n,
    renewable: false,
    data: zeroOf(mapStringInterfaceType),
    warnings: null,
    auth: null,
    wrapInfo: null,
    mountType: '',
  };
}

function isZero(s: ApiSecret): boolean {
  return (
    s.requestID === '' &&
    s.leaseID === '' &&
    s.leaseDuration === 0n &&
    !s.renewable &&
    s.data.isNil() &&
    s.warnings === null &&
    s.auth === null &&
    s.wrapInfo === null &&
    s.mountType === ''
  );
}

/**
 * vault/api ParseSecret (decoder with UseNumber): null for an empty body or a body
 * holding only "errors"; a body without any known top-level key becomes the Data.
 * Throws GoError with encoding/json's text for malformed or mistyped bodies.
 */
export function parseVaultResponse(body: string): ApiSecret | null {
  if (body === '') return null;
  if (body.trim() === '') throw new GoError('EOF');
  let root: Value;
  try {
    root = decodeJSON(body, { useNumber: true });
  } catch (e) {
    // A json.Decoder (not json.Unmarshal) reports truncated input as io.ErrUnexpectedEOF.
    if (e instanceof GoError && e.message === 'unexpected end of JSON input') throw new GoError('unexpected EOF');
    throw e;
  }
  const top = indirectInterface(root);
  const secret = emptySecret();
  if (!top.isValid()) return secret;
  if (top.kind !== 'map') throw new GoError(`json: cannot unmarshal ${jsonKind(top)} into Go value of type api.Secret`);
  const d = new StructDecoder('Secret', '');
  const e = objectEntries(top);
  const get = (n: string): Value | undefined => StructDecoder.lookup(e, n);
  for (const [k] of e) {
    const v = get(k.toLowerCase()) as Value;
    switch (k.toLowerCase()) {
      case 'request_id':
        secret.requestID = d.str(v, 'request_id');
        break;
      case 'lease_id':
        secret.leaseID = d.str(v, 'lease_id');
        break;
      case 'lease_duration':
        secret.leaseDuration = d.int(v, 'lease_duration');
        break;
      case 'renewable':
        secret.renewable = d.bool(v, 'renewable');
        break;
      case 'data':
        if (v.isValid() && v.kind !== 'map') d.fail(v, 'map[string]interface {}', 'data');
        else if (v.isValid()) secret.data = new Value(mapStringInterfaceType, v.map());
        break;
      case 'warnings':
        secret.warnings = d.strings(v, 'warnings');
        break;
      case 'auth':
        secret.auth = decodeAuth(v, d);
        break;
      case 'wrap_info':
        secret.wrapInfo = decodeWrapInfo(v, d);
        break;
      case 'mount_type':
        secret.mountType = d.str(v, 'mount_type');
        break;
    }
  }
  if (d.err) throw d.err;
  if (!isZero(secret)) return secret;
  const errs = get('errors');
  if (errs !== undefined) {
    if (e.length === 1) return null;
    if (errs.isValid() && errs.kind !== 'slice') throw new GoError(`json: cannot unmarshal ${jsonKind(errs)} into Go value of type []string`);
    const msgs = errs.items().map((x) => {
      const s = indirectInterface(x);
      if (s.isValid() && s.type !== stringType) throw new GoError(`json: cannot unmarshal ${jsonKind(s)} into Go value of type string`);
      return s.isValid() ? s.str() : '';
    });
    throw new GoError(msgs.join(' '));
  }
  if (e.length > 0) secret.data = new Value(mapStringInterfaceType, top.map());
  return secret;
}

const stringSlice = (xs: readonly string[] | null): Value => new Value(sliceStringType, xs === null ? null : xs.map((s) => stringValue(s)));

function stringMapValue(m: Map<string, string> | null): Value {
  if (m === null) return zeroOf(mapStringStringType);
  const gm = new GoMap();
  for (const [k, v] of m) gm.set(stringValue(k), stringValue(v));
  return new Value(mapStringStringType, gm);
}

/** A mutable mirror of dependency.Secret, filled by updateSecret. */
interface SecretFields {
  requestID: string;
  leaseID: string;
  leaseDuration: bigint;
  renewable: boolean;
  data: Value;
  warnings: string[] | null;
  auth: ApiSecretAuth | null;
  wrapInfo: ApiSecretWrapInfo | null;
}

/** consul-template updateSecret onto a zero Secret (transformSecret): only non-empty fields are copied. */
function transform(theirs: ApiSecret): SecretFields {
  const ours: SecretFields = {
    requestID: theirs.requestID,
    leaseID: theirs.leaseID,
    leaseDuration: theirs.leaseDuration,
    renewable: theirs.renewable,
    data: (theirs.data.map()?.size ?? 0) !== 0 ? theirs.data : zeroOf(mapStringInterfaceType),
    warnings: theirs.warnings && theirs.warnings.length > 0 ? theirs.warnings : null,
    auth: null,
    wrapInfo: null,
  };
  if (theirs.auth) {
    const a = theirs.auth;
    ours.auth = {
      clientToken: a.clientToken,
      accessor: a.accessor,
      policies: a.policies && a.policies.length > 0 ? a.policies : null,
      metadata: a.metadata && a.metadata.size > 0 ? a.metadata : null,
      leaseDuration: a.leaseDuration,
      renewable: a.renewable,
    };
  }
  if (theirs.wrapInfo) ours.wrapInfo = { ...theirs.wrapInfo };
  return ours;
}

/** The *dependency.Secret Value consul-template hands to the template. */
export function secretValue(api: ApiSecret): Value {
  const s = transform(api);
  const auth =
    s.auth === null
      ? new Value(ptrTo(secretAuthType), null)
      : new Value(
          ptrTo(secretAuthType),
          new Value(secretAuthType, [
            stringValue(s.auth.clientToken),
            stringValue(s.auth.accessor),
            stringSlice(s.auth.policies),
            stringMapValue(s.auth.metadata),
            intValue(s.auth.leaseDuration),
            boolValue(s.auth.renewable),
          ]),
        );
  const wrap =
    s.wrapInfo === null
      ? new Value(ptrTo(secretWrapInfoType), null)
      : new Value(
          ptrTo(secretWrapInfoType),
          new Value(secretWrapInfoType, [
            stringValue(s.wrapInfo.token),
            intValue(s.wrapInfo.ttl),
            timeValue(s.wrapInfo.creationTime),
            stringValue(s.wrapInfo.wrappedAccessor),
          ]),
        );
  const secret = new Value(secretType, [
    stringValue(s.requestID),
    stringValue(s.leaseID),
    intValue(s.leaseDuration),
    boolValue(s.renewable),
    s.data,
    stringSlice(s.warnings),
    auth,
    wrap,
  ]);
  return new Value(secretPtrType, secret);
}
