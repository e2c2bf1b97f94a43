// toYAML (funcs.go): yaml.v2 Marshal, whitespace-trimmed.

import { GoError, type Value, interfaceType, stringValue } from '../../value/index.js';
import { trimSpace } from '../../go/strings/index.js';
import { marshalYAMLv2 } from '../yaml/encode.js';
import { S, fn } from './sig.js';

export const yamlFuncs = {
  toYAML: fn([interfaceType], S, ([v]) => {
    try {
      return stringValue(trimSpace(marshalYAMLv2(v)));
    } catch (e) {
      if (e instanceof GoError) throw new GoError(`toYAML: ${e.message}`);
      throw e;
    }
  }),
} satisfies Record<string, Value>;
