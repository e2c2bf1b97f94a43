// Go's crypto/sha256.
export * from './sha256.js';
