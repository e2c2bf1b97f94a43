// Go's net/netip (ParseAddr).
export * from './netip.js';
