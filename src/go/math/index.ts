// Go's math (Max, Min).
export * from './math.js';
