// Go's crypto/sha512.
export * from './sha512.js';
