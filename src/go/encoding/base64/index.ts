// Go's encoding/base64.
export * from './base64.js';
