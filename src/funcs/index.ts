// text/template's builtin functions (funcs.go), as Go func Values.

import type { Value } from '../value/index.js';
import { callFunc } from './call.js';
import { eqFunc, geFunc, gtFunc, leFunc, ltFunc, neFunc } from './compare.js';
import { htmlFunc } from './html.js';
import { indexFunc } from './indexing.js';
import { jsFunc } from './js.js';
import { lenFunc } from './len.js';
import { andFunc, notFunc, orFunc } from './logic.js';
import { printFunc, printfFunc, printlnFunc } from './print.js';
import { sliceFunc } from './slice.js';
import { urlqueryFunc } from './urlquery.js';

const builtinFuncs: ReadonlyMap<string, Value> = new Map([
  ['and', andFunc],
  ['call', callFunc],
  ['html', htmlFunc],
  ['index', indexFunc],
  ['slice', sliceFunc],
  ['js', jsFunc],
  ['len', lenFunc],
  ['not', notFunc],
  ['or', orFunc],
  ['print', printFunc],
  ['printf', printfFunc],
  ['println', printlnFunc],
  ['urlquery', urlqueryFunc],
  ['eq', eqFunc],
  ['ge', geFunc],
  ['gt', gtFunc],
  ['le', leFunc],
  ['lt', ltFunc],
  ['ne', neFunc],
]);

/** Go's builtinFuncs: shared by every template and never modified. */
export function builtins(): ReadonlyMap<string, Value> {
  return builtinFuncs;
}

export { callFunction } from './call.js';
export { basicKind, type BasicKind } from './compare.js';
export { evalArgs } from './eval-args.js';
export { htmlEscape } from './html.js';
export { jsEscape } from './js.js';
export { queryEscape } from './urlquery.js';
export { prepareArg, indexArg } from './args.js';
