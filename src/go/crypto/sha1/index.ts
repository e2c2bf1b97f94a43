// Go's crypto/sha1.
export * from './sha1.js';
