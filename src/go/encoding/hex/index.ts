// Go's encoding/hex.
export * from './hex.js';
