// sprig's random and generating functions (crypto.go, functions.go, date.go): their output
// differs on every call in Go too, so they are checked by what Go can judge (a Go program in
// test/sprig-generate verifies hashes, decrypts, parses keys). The cryptography is Node's
// (node:crypto) and bcryptjs', never our own: the vault layer may use Node, the engine may not.

import type bcryptjs from 'bcryptjs';
import { lazyRequire, nodeCrypto } from '../lazy-require.js';
import { GoPanic, Value, indirectInterface, int64Type, intType, stringType, stringValue } from '../../value/index.js';
import { runeString, runesOf, utf8Bytes } from '../../go/unicode/utf8/index.js';
import { goTimeOf, timeType } from '../../value/index.js';
import { I, S, fn, fnNoErr } from '../funcs/sig.js';
import { durationString } from '../../go/time/index.js';
import { dsaPrivateKeyPEM } from './dsa-key.js';

const bcryptjsLib = lazyRequire<typeof bcryptjs>('bcryptjs');

/** math/rand's Intn(n) for n > 0 (any int64); Go panics with this text otherwise. */
function intn(n: bigint): bigint {
  if (n <= 0n) throw new GoPanic('invalid argument to Intn');
  if (n <= 281474976710655n) return BigInt(nodeCrypto().randomInt(Number(n)));
  // Beyond randomInt's 2^48 range: 64 random bits, rejecting the biased top (as Go's Int63n does).
  const limit = (1n << 64n) - ((1n << 64n) % n);
  for (;;) {
    const v = nodeCrypto().randomBytes(8).readBigUInt64BE();
    if (v < limit) return v % n;
  }
}

/** xstrings.Shuffle: Fisher-Yates over the runes. */
function shuffle(s: string): string {
  const runes = [...runesOf(s)];
  for (let i = runes.length - 1; i > 0; i--) {
    const j = Number(intn(BigInt(i + 1)));
    [runes[i], runes[j]] = [runes[j] as number, runes[i] as number];
  }
  return runes.map(runeString).join('');
}

/** x/crypto/bcrypt.GenerateFromPassword(input, DefaultCost), "$2a$" as Go writes it. */
function bcrypt(input: string): string {
  const bytes = utf8Bytes(input);
  if (bytes.length > 72) return 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes';
  // bcryptjs names its salts $2b$; for passwords of at most 72 bytes 2a and 2b hash alike.
  const salt = bcryptjsLib()
    .genSaltSync(10)
    .replace(/^\$2b\$/, '$2a$');
  return bcryptjsLib().hashSync(input, salt);
}

function htpasswd(user: string, password: string): string {
  if (user.includes(':')) return `invalid username: ${user}`;
  return `${user}:${bcrypt(password)}`;
}

/** AES-256-CBC, random IV first, PKCS#7 padding, base64: decryptAES reads it back. */
function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const key = Buffer.alloc(32);
  Buffer.from(utf8Bytes(password)).copy(key, 0, 0, 32);
  const iv = nodeCrypto().randomBytes(16);
  const cipher = nodeCrypto().createCipheriv('aes-256-cbc', key, iv);
  const body = Buffer.concat([cipher.update(utf8Bytes(plaintext)), cipher.final()]);
  return Buffer.concat([iv, body]).toString('base64');
}

/** generatePrivateKey: the PEM block Go's pemBlockForKey writes for each key type. */
function genPrivateKey(typ: string): string {
  switch (typ) {
    case '':
    case 'rsa':
      return nodeCrypto().generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    case 'ecdsa':
      return nodeCrypto().generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    case 'ed25519':
      return nodeCrypto().generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    case 'dsa':
      return dsaPrivateKeyPEM(nodeCrypto().generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 }).privateKey);
    default:
      return `Unknown type ${typ}`;
  }
}

const second = 1_000_000_000n;

/** time.Duration.Round(time.Second): halves away from zero. */
function roundToSecond(d: bigint): bigint {
  const r = d % second;
  const abs = r < 0n ? -r : r;
  if (abs + abs < second) return d - r;
  return d > 0n ? d + second - r : d - second - r;
}

/** dateAgo: time.Since(t).Round(time.Second).String(); anything but a time or an int is "now". */
function ago(v: Value, nowMs: number): string {
  const d = indirectInterface(v);
  const nowNs = BigInt(nowMs) * 1_000_000n;
  let tNs = nowNs;
  if (d.isValid() && d.type === timeType) {
    const t = goTimeOf(d);
    tNs = BigInt(t.sec) * second + BigInt(t.nsec);
  } else if (d.isValid() && (d.type === intType || d.type === int64Type)) {
    tNs = d.int() * second;
  }
  return durationString(roundToSecond(nowNs - tNs));
}

export const sprigGenerate = {
  randInt: fnNoErr(
    [intType, intType],
    intType,
    ([min, max]) => new Value(intType, BigInt.asIntN(64, intn(BigInt.asIntN(64, max.int() - min.int())) + min.int())),
  ),
  shuffle: fnNoErr([S], stringType, ([s]) => stringValue(shuffle(s.str()))),
  bcrypt: fnNoErr([S], stringType, ([s]) => stringValue(bcrypt(s.str()))),
  htpasswd: fnNoErr([S, S], stringType, ([u, p]) => stringValue(htpasswd(u.str(), p.str()))),
  encryptAES: fn([S, S], stringType, ([password, text]) => stringValue(encryptAES(password.str(), text.str()))),
  genPrivateKey: fnNoErr([S], stringType, ([t]) => stringValue(genPrivateKey(t.str()))),
  ago: fnNoErr([I], stringType, ([t]) => stringValue(ago(t, Date.now()))),
} satisfies Record<string, Value>;
