// Go's unicode/utf8 over JS strings.
export * from './utf8.js';
