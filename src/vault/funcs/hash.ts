// sha256Hex, md5sum, hmacSHA256Hex.

import { type Value, stringValue } from '../../value/index.js';
import { utf8Bytes } from '../../go/unicode/utf8/index.js';
import { hex } from '../../go/encoding/hex/index.js';
import { hmacSha256 } from '../../go/crypto/hmac/index.js';
import { md5 } from '../../go/crypto/md5/index.js';
import { sha256 } from '../../go/crypto/sha256/index.js';
import { S, fn } from './sig.js';

export const hashFuncs = {
  sha256Hex: fn([S], S, ([s]) => stringValue(hex(sha256(utf8Bytes(s.str()))))),
  md5sum: fn([S], S, ([s]) => stringValue(hex(md5(utf8Bytes(s.str()))))),
  hmacSHA256Hex: fn([S, S], S, ([msg, key]) => stringValue(hex(hmacSha256(utf8Bytes(key.str()), utf8Bytes(msg.str()))))),
} satisfies Record<string, Value>;
