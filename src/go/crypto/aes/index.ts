// Go's crypto/aes with crypto/cipher's CBC mode.
export * from './cbc.js';
