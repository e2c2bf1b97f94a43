// Go's strconv: parsing numbers and booleans, quoting.
export * from './atob.js';
export * from './atof.js';
export * from './atoi.js';
export * from './quote.js';
