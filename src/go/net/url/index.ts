// Go's net/url.
export * from './url.js';
