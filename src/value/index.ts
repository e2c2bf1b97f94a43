export * from './types.js';
export * from './value.js';
export * from './builtin-types.js';
export * from './from-js.js';
export * from './func.js';
export { GoError, GoPanic } from '../go/errors/index.js';
export * from './time.js';
export * from './deepequal.js';
