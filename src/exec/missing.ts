// missingVal from exec.go: marks "no value from a previous pipeline command".

import { Value, structOf } from '../value/index.js';

const missingValType = { ...structOf([]), str: 'template.missingValType', name: 'missingValType' };

export const missingVal = new Value(missingValType, []);

export function isMissing(v: Value): boolean {
  return v === missingVal;
}
