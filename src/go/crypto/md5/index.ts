// Go's crypto/md5.
export * from './md5.js';
