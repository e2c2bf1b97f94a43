// How a walked node list ended: normally, or by {{break}} / {{continue}}, which
// exec.go signals with panics and this port with return values.

import type { Value } from '../value/index.js';
import type { State } from './state.js';

export type Flow = 0 | 1 | 2;
export const NORMAL: Flow = 0;
export const BREAK: Flow = 1;
export const CONTINUE: Flow = 2;

/** A compiled node of a template body. */
export type WalkFn = (s: State, dot: Value) => Flow;
/** A compiled pipeline. */
export type PipeFn = (s: State, dot: Value) => Value;
