// Go's path (slash-separated paths).
export * from './path.js';
