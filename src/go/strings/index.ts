// Go's strings package.
export * from './compare.js';
export * from './strings.js';
export * from './replace.js';
