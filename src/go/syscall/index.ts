// Go's syscall: errno texts.
export * from './errno.js';
