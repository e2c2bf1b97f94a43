// Bundles the CLI for bin/vtpl into dist/cli/ (run by `npm run build`, after tsc).
//
// Start-up is most of a small `vtpl render`, and most of start-up was Node resolving, reading
// and compiling ~400 module files one by one. The CLI becomes one CommonJS file, vtpl.cjs
// (a command's modules still run only when it does: esbuild keeps dynamic imports lazy), which
// load.ts compiles with V8's code cache, saved here after running the README's commands.
// Modules are taken from tsc's output (dist/src), so the bundle runs the same JavaScript the
// tests and the library exports run.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

// node-vault and its HTTP stack (axios, form-data, mime-db, tv4...) were a third of vtpl.cjs,
// and only a live Vault uses them (src/vault/live.ts imports node-vault when it connects):
// every command read them at start-up, and the code cache held their outline. They are a
// bundle of their own, node-vault.cjs next to vtpl.cjs, which the CLI requires on first use.
const nodeVaultApart: Plugin = {
  name: 'node-vault-apart',
  setup(b) {
    b.onResolve({ filter: /^node-vault$/ }, () => ({ path: './node-vault.cjs', external: true }));
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

// The location of the CommonJS file itself, for the modules that find files next to themselves.
const cjsImportMetaUrl: BuildOptions = {
  banner: { js: "const vtplImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': 'vtplImportMetaUrl' },
};

rmSync(out, { recursive: true, force: true });
const vtpl = join(out, 'vtpl.cjs');
await build({
  ...common,
  plugins: [...(common.plugins ?? []), nodeVaultApart],
  entryPoints: [join(cli, 'entry.js')],
  outfile: vtpl,
  format: 'cjs',
  // load.ts runs the bundle as a vm.Script, where import() has no loader: dynamic imports
  // become require (hcl2json and node-vault.cjs are CommonJS).
  supported: { 'dynamic-import': false },
  // The file is the module inside the function expression Node wraps a CommonJS module in, so
  // that load.ts compiles the file's text as it is (see there).
  banner: { js: `(function (exports, require, module, __filename, __dirname) {${cjsImportMetaUrl.banner?.js}` },
  footer: { js: '})' },
  define: cjsImportMetaUrl.define,
});
// load.ts reads the bundle as latin1, which is UTF-8 only for ASCII (esbuild's default charset
// escapes the rest; this keeps it so).
const nonAscii = /[^\x00-\x7f]/.exec(readFileSync(vtpl, 'latin1'));
if (nonAscii) throw new Error(`${vtpl}: non-ASCII character at offset ${nonAscii.index}; load.ts reads the bundle as latin1`);
await build({
  ...common,
  entryPoints: [createRequire(import.meta.url).resolve('node-vault')],
  outfile: join(out, 'node-vault.cjs'),
  format: 'cjs',
});
// bin/vtpl's loader of vtpl.cjs, CommonJS like bin/vtpl (an ES module would start Node's ES module loader).
await build({
  ...common,
  ...cjsImportMetaUrl,
  entryPoints: [join(cli, 'load.js')],
  outfile: join(out, 'load.cjs'),
  format: 'cjs',
});
await build({
  ...common,
  entryPoints: {
    // bin/vtpl's large-stack worker.
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
const { codeCache, codeCacheFile, loadCli } = await import(join(out, 'load.cjs'));
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
