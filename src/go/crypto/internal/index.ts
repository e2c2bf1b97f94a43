// Helpers the crypto hashes share (Go's crypto/internal).
export * from './md.js';
