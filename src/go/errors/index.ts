// Go's errors and panics.
export * from './errors.js';
