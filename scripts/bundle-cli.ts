// Bundles the CLI for bin/vtpl into dist/cli/ (run by `npm run build`, after tsc).
//
// Start-up is most of a small `vtpl render`, and most of start-up was Node resolving, reading
// and compiling ~400 module files one by one. The CLI becomes one CommonJS file, vtpl.cjs
// (a command's modules still run only when it does: esbuild keeps dynamic imports lazy), which
// load.ts compiles with V8's code cache, saved here after running the README's commands.
// Modules are taken from tsc's output (dist/src), so the bundle runs the same JavaScript the
// tests and the library exports run.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildOptions, type Plugin, build } from 'esbuild';
import { root } from './oracle.js';

const out = join(root, 'dist', 'cli');
const cli = join(root, 'dist', 'src', 'cli');
// commander requires node:child_process (which loads net, dgram and streams) when it loads,
// for the executable subcommands vtpl does not have: every command paid for it at start-up.
// Its only use, childProcess.spawn, now loads the module when called. The build fails if a
// new commander uses child_process in another way, rather than start slower or break.
const lazyChildProcessInCommander: Plugin = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const line = "const childProcess = require('node:child_process');";
      const uses = source.match(/childProcess\.\w+/g) ?? [];
      if (!source.includes(line) || uses.some((u) => u !== 'childProcess.spawn')) {
        throw new Error(`${path}: commander's use of child_process changed; review the bundle's lazy child_process`);
      }
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(line, lazy), loader: 'js' };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  plugins: [lazyChildProcessInCommander],
  platform: 'node',
  target: 'node20',
  // hcl2json loads its WebAssembly file from its own folder: it stays in node_modules.
  external: ['@cdktf/hcl2json'],
  logLevel: 'warning',
  minifyWhitespace: true,
};

rmSync(out, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: [join(cli, 'entry.js')],
  outfile: join(out, 'vtpl.cjs'),
  format: 'cjs',
  // load.ts runs the bundle as a vm.Script, where import() has no loader: dynamic imports
  // become require (hcl2json is CommonJS).
  supported: { 'dynamic-import': false },
  // The bundle's own location, for the modules that find files next to themselves.
  banner: { js: "const vtplImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': 'vtplImportMetaUrl' },
});
await build({
  ...common,
  entryPoints: {
    // bin/vtpl's loader of vtpl.cjs, and its large-stack worker.
    load: join(cli, 'load.js'),
    thread: join(cli, 'worker.js'),
    // The worker conformance starts for deep cases (conformance-stack.ts finds it next to itself).
    'conformance-stack-worker': join(cli, 'conformance-stack-worker.js'),
  },
  outdir: out,
  format: 'esm',
  // CommonJS dependencies (yaml) call require() for Node's modules.
  banner: { js: "import { createRequire as vtplCreateRequire } from 'node:module'; const require = vtplCreateRequire(import.meta.url);" },
});

// The code cache: the functions the README's commands compile, so that V8 need not parse them.
const { codeCache, codeCacheFile, loadCli } = await import(join(out, 'load.js'));
const examples = join(root, 'examples');
const deployment = join(examples, 'deployment.yaml');
for (const args of [
  // The manifest as a plain template: the engine's parse and execute.
  ['render', deployment, '--mode', 'text'],
  ['check', deployment],
  ['preview', deployment, '--responses', join(examples, 'vault')],
  ['--help'],
]) {
  await loadCli().runQuietly(args);
}
writeFileSync(codeCacheFile, codeCache());
