// The sprig_* functions: sprig v3.3.0's HermeticTxtFuncMap, part of it implemented.

import type { Value } from '../../value/index.js';
import { sprigCollectionFuncs } from './dict.js';
import { sprigNumericFuncs } from './numeric.js';
import { sprigStringFuncs } from './strings.js';
import { unimplementedSprigFuncs } from './unimplemented.js';
import { sprigListFuncs } from './list.js';
import { sprigNumberFuncs } from './numbers.js';
import { sprigRegexFuncs } from './regex.js';
import { sprigTextFuncs } from './text.js';
import { sprigTypeFuncs } from './reflect.js';
import { sprigSemverFuncs } from './semver.js';
import { sprigURLFuncs } from './url.js';
import { sprigCryptoFuncs } from './crypto.js';
import { sprigDateFuncs } from './date.js';

export function sprigFuncs(): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [name, f] of Object.entries({ ...unimplementedSprigFuncs(), ...sprigStringFuncs, ...sprigCollectionFuncs, ...sprigNumericFuncs, ...sprigListFuncs, ...sprigTextFuncs, ...sprigNumberFuncs, ...sprigRegexFuncs, ...sprigTypeFuncs, ...sprigSemverFuncs, ...sprigURLFuncs, ...sprigCryptoFuncs, ...sprigDateFuncs })) out[`sprig_${name}`] = f;
  return out;
}
