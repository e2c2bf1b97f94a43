// base64Encode/Decode and base64URLEncode/Decode (padded encodings).

import { GoError, type Value, stringValue } from '../../value/index.js';
import { bytesToString, utf8Bytes } from '../../go/unicode/utf8/index.js';
import { type Alphabet, decode, encode } from '../../go/encoding/base64/index.js';
import { S, fn } from './sig.js';

function decoder(name: string, alphabet: Alphabet): Value {
  return fn([S], S, ([s]) => {
    try {
      return stringValue(bytesToString(decode(utf8Bytes(s.str()), alphabet)));
    } catch (e) {
      throw new GoError(`${name}: ${(e as Error).message}`);
    }
  });
}

export const base64Funcs = {
  base64Decode: decoder('base64Decode', 'std'),
  base64Encode: fn([S], S, ([s]) => stringValue(encode(utf8Bytes(s.str()), 'std'))),
  base64URLDecode: decoder('base64URLDecode', 'url'),
  base64URLEncode: fn([S], S, ([s]) => stringValue(encode(utf8Bytes(s.str()), 'url'))),
} satisfies Record<string, Value>;
