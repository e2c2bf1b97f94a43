// sha256Hex, md5sum, hmacSHA256Hex.

import { type Value, stringValue } from '../../value/index.js';
import { utf8Bytes } from '../../go/unicode/utf8/utf8.js';
import { hex, hmacSha256, md5, sha256 } from '../../go/crypto/sha256/sha256.js';
import { S, fn } from './sig.js';

export const hashFuncs: Record<string, Value> = {
  sha256Hex: fn([S], S, ([s]) => stringValue(hex(sha256(utf8Bytes(s.str()))))),
  md5sum: fn([S], S, ([s]) => stringValue(hex(md5(utf8Bytes(s.str()))))),
  hmacSHA256Hex: fn([S, S], S, ([msg, key]) => stringValue(hex(hmacSha256(utf8Bytes(key.str()), utf8Bytes(msg.str()))))),
};
