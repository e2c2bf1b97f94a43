// The Node-only part of src/vault, kept apart from index.ts so that the rest stays
// browser-safe: recorded responses on disk, file access and plugin commands for the
// renderer, and the live Vault client.
export * from './live.js';
export * from './live-config.js';
export * from './recorded-fs.js';
export * from './node-files.js';
