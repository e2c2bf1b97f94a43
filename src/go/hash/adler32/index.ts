// Go's hash/adler32.
export * from './adler32.js';
