// toJSON, toJSONPretty, toUnescapedJSON, toUnescapedJSONPretty (encoding/json).

import { GoError, type Value, indirectInterface, interfaceType, stringValue } from '../../value/index.js';
import { marshalJSON } from '../../go/encoding/json/index.js';
import { trimSpace } from '../../go/strings/index.js';
import { S, fn } from './sig.js';

function encoder(name: string, escapeHTML: boolean, indent?: string): Value {
  return fn([interfaceType], S, ([v]) => {
    try {
      return stringValue(trimSpace(marshalJSON(indirectInterface(v), { escapeHTML, indent })));
    } catch (e) {
      if (e instanceof GoError) throw new GoError(`${name}: ${e.message}`);
      throw e;
    }
  });
}

export const jsonFuncs = {
  toJSON: encoder('toJSON', true),
  toJSONPretty: encoder('toJSONPretty', true, '  '),
  toUnescapedJSON: encoder('toUnescapedJSON', false),
  toUnescapedJSONPretty: encoder('toUnescapedJSONPretty', false, '  '),
} satisfies Record<string, Value>;
