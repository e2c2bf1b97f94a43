// Go's strconv: parsing numbers and booleans, quoting.
export * from './atoi.js';
export * from './quote.js';
export * from './underscore.js';
