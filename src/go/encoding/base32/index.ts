// Go's encoding/base32.
export * from './base32.js';
