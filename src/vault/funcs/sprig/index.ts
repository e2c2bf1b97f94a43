// The sprig_* functions: sprig v3.3.0's HermeticTxtFuncMap.

import type { Value } from '../../../value/index.js';
import { sprigCollectionFuncs } from './collections.js';
import { sprigNumericFuncs } from './numeric.js';
import { sprigStringFuncs } from './strings.js';
import { sprigListFuncs } from './lists.js';
import { sprigNumberFuncs } from './numbers.js';
import { sprigRegexFuncs } from './regex.js';
import { sprigTextFuncs } from './text.js';
import { sprigTypeFuncs } from './types.js';
import { sprigDurationFuncs } from './durations.js';
import { sprigSemverFuncs } from './semver.js';
import { sprigURLFuncs } from './url.js';
import { sprigCryptoFuncs } from './crypto.js';
import { sprigDateFuncs } from './dates.js';
import { sprigGenerateFuncs } from './generate.js';
import { sprigCertFuncs } from './certs.js';

export function sprigFuncs(): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [name, f] of Object.entries({ ...sprigStringFuncs, ...sprigCollectionFuncs, ...sprigNumericFuncs, ...sprigListFuncs, ...sprigTextFuncs, ...sprigNumberFuncs, ...sprigRegexFuncs, ...sprigTypeFuncs, ...sprigDurationFuncs, ...sprigSemverFuncs, ...sprigURLFuncs, ...sprigCryptoFuncs, ...sprigDateFuncs, ...sprigGenerateFuncs, ...sprigCertFuncs })) out[`sprig_${name}`] = f;
  return out;
}
