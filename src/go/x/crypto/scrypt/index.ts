// golang.org/x/crypto/scrypt.
export * from './scrypt.js';
