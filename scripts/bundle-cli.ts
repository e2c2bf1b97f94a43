// Bundles the CLI for bin/vtpl into dist/cli/ (run by `npm run build`, after tsc).
//
// Start-up is most of a small `vtpl render`, and most of start-up was Node resolving, reading
// and compiling ~400 module files one by one. The bundle, split at the CLI's dynamic imports,
// loads a few files: what every command needs, then the chunks of the command that runs.
// Modules are taken from tsc's output (dist/src), so the bundle runs the same JavaScript the
// tests and the library exports run.
//
// Splitting is by module, and esbuild ignores `"sideEffects": false` when splitting (#1110):
// a static import of a folder's index.ts brings the whole folder into the command's chunks.
// So the CLI imports heavy folders (agent, vault) dynamically where a command may not need them.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from './oracle.js';

const out = join(root, 'dist', 'cli');
const cli = join(root, 'dist', 'src', 'cli');

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: {
    // bin/vtpl's main thread.
    vtpl: join(cli, 'entry.js'),
    // The large-stack worker bin/vtpl starts (thread.ts), and the one conformance starts for
    // deep cases (conformance-stack.ts finds it next to itself).
    thread: join(cli, 'thread.js'),
    'conformance-stack-worker': join(cli, 'conformance-stack-worker.js'),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // hcl2json loads its WebAssembly file from its own folder: it stays in node_modules.
  external: ['@cdktf/hcl2json'],
  // CommonJS dependencies (yaml, node-vault) call require() for Node's modules.
  banner: { js: "import { createRequire as vtplCreateRequire } from 'node:module'; const require = vtplCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
