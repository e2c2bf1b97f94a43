// Go's time: Time formatting and parsing, Duration.
export * from './duration.js';
export * from './format.js';
export * from './parse.js';
export * from './time.js';
