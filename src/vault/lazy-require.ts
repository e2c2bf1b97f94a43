// A few of consul-template's functions need a large library that most templates never call:
// RE2 regular expressions (regexMatch, sprig's regex*), bcrypt (htpasswd, bcrypt) and X.509
// encoding (genCA, genSignedCert, ...). Loading them with the rest of the function map cost
// `vtpl preview`/`check` more CPU than Node's own start. Template functions are synchronous,
// so they cannot `import()` on first call; these libraries also ship CommonJS builds, which
// require() loads synchronously. So each is loaded on its first use, once.

import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** A getter for package `name` (its CommonJS build), loaded on the first call. */
export function lazyRequire<T>(name: string): () => T {
  let mod: T | undefined;
  return () => {
    mod ??= load(name) as T;
    return mod;
  };
}

// Node's own modules cost start-up too: node:crypto, node:child_process (which brings net and
// dgram) and node:http/https each take about as long to load as a small render, node:net (with
// Node's streams) a third of that. Only a few functions use them (hashes, keys, plugin
// commands, sockaddr's `ip route` and IP parsing, sprig's certificates, a live Vault), so they
// are loaded on first use like the libraries above.

/** node:crypto, loaded on the first call. */
export const nodeCrypto = lazyRequire<typeof import('node:crypto')>('node:crypto');
/** node:child_process, loaded on the first call. */
export const nodeChildProcess = lazyRequire<typeof import('node:child_process')>('node:child_process');
/** node:net (for isIP), loaded on the first call. */
export const nodeNet = lazyRequire<typeof import('node:net')>('node:net');
