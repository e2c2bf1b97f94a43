// missingVal from exec.go: marks "no value from a previous pipeline command".

import { Value, namedType, structOf } from '../value/index.js';

const missingValType = namedType({ str: 'template.missingValType', underlying: structOf([]) });

export const missingVal = new Value(missingValType, []);

export function isMissing(v: Value): boolean {
  return v === missingVal;
}
