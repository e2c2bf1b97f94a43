// Go's sort: sort.Sort.
export * from './sort.js';
