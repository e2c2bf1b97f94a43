export * from './types.js';
export * from './value.js';
export * from './builtin-types.js';
export * from './from-js.js';
export * from './func.js';
export * from '../go/encoding/json/index.js';
