// Go's crypto/hmac (over SHA-256).
export * from './hmac.js';
