// consul-template's spew_* functions over go-spew's spew.go (Dump, Printf, Sdump, Sprintf).

import { type Value, sliceOf, stringValue } from '../../value/index.js';
import { I, S, fn } from '../funcs/sig.js';
import { sdump } from './dump.js';
import { spewSprintf } from './sprintf.js';

export const spewFuncs = {
  // spew_dump and spew_printf write to the agent's stdout, not into the template: their result is "".
  spew_dump: fn([sliceOf(I)], S, () => stringValue(''), true),
  spew_printf: fn([S, sliceOf(I)], S, () => stringValue(''), true),
  spew_sdump: fn([sliceOf(I)], S, (args) => stringValue(sdump(args)), true),
  spew_sprintf: fn([S, sliceOf(I)], S, ([format, ...args]) => stringValue(spewSprintf(format.str(), args)), true),
} satisfies Record<string, Value>;
