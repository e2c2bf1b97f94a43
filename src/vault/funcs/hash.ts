// sha256Hex, md5sum, hmacSHA256Hex (HMAC from node:crypto: issue 13, no home-made crypto).

import { createHmac } from 'node:crypto';
import { type Value, stringValue } from '../../value/index.js';
import { utf8Bytes } from '../../go/unicode/utf8/index.js';
import { hex } from '../../go/encoding/hex/index.js';
import { md5 } from '../../go/crypto/md5/index.js';
import { sha256 } from '../../go/crypto/sha256/index.js';
import { S, fn } from './sig.js';

export const hashFuncs = {
  sha256Hex: fn([S], S, ([s]) => stringValue(hex(sha256(utf8Bytes(s.str()))))),
  md5sum: fn([S], S, ([s]) => stringValue(hex(md5(utf8Bytes(s.str()))))),
  hmacSHA256Hex: fn([S, S], S, ([msg, key]) => stringValue(createHmac('sha256', utf8Bytes(key.str())).update(utf8Bytes(msg.str())).digest('hex'))),
} satisfies Record<string, Value>;
