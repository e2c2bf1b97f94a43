// sha256Hex, md5sum, hmacSHA256Hex: node:crypto's hashes and HMAC (issue 13: no home-made crypto).

import { type Value, stringValue } from '../../value/index.js';
import { utf8Bytes } from '../../go/unicode/utf8/index.js';
import { nodeCrypto } from '../lazy-require.js';
import { S, fn } from './sig.js';

export const hashFuncs = {
  sha256Hex: fn([S], S, ([s]) => stringValue(nodeCrypto().createHash('sha256').update(utf8Bytes(s.str())).digest('hex'))),
  md5sum: fn([S], S, ([s]) => stringValue(nodeCrypto().createHash('md5').update(utf8Bytes(s.str())).digest('hex'))),
  hmacSHA256Hex: fn([S, S], S, ([msg, key]) => stringValue(nodeCrypto().createHmac('sha256', utf8Bytes(key.str())).update(utf8Bytes(msg.str())).digest('hex'))),
} satisfies Record<string, Value>;
