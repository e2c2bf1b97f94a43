// Differential fuzzing: `npm run fuzz:diff -- --runs N --seed S [--mode text|consul|printf] [--out DIR]`.
//
// fast-check generates cases: in text mode, templates over the whole grammar (well-formed
// and malformed) with Vault-shaped JSON data; in bytes mode, pipelines over strings that are
// not valid UTF-8; in printf mode, printf calls of many verbs and
// flags over nested JSON data, executed twice (the second prints from what the first kept);
// in consul mode, recorded Vault responses and
// templates that read them through consul-template's functions. Each case is rendered by
// vtpl and by the Go oracle (batch mode). Any difference in output, or in whether
// rendering fails, is a mismatch: fast-check shrinks it, and the smallest case is written
// out as a ready-to-commit corpus case carrying the oracle's expectation.

import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread } from 'node:worker_threads';
import { Template } from '../src/template.js';
import { decodeJSON } from '../src/go/encoding/json/index.js';
import { recordedClient, renderConsulTemplate } from '../src/vault/index.js';
import { fuzzCase, printfFuzzCase, type FuzzCase } from './fuzz/arbitraries.js';
import { bytesFuzzCase } from './fuzz/bytes-arbitraries.js';
import { consulFuzzCase, type ConsulFuzzCase } from './fuzz/consul-arbitraries.js';
import { OracleProcess, buildOracle, oracleBin, root, type OracleReply } from './oracle.js';

type Outcome = { readonly output: string } | { readonly error: string };

/** What differs between the two modes: how cases are made, sent to the oracle and rendered by vtpl. */
interface Mode<C> {
  readonly arbitrary: fc.Arbitrary<C>;
  /** The case as one JSON line in the corpus format, raw JSON (data, responses) spliced in as text. */
  caseLine(c: C, name: string): string;
  render(c: C): Promise<Outcome>;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const textMode: Mode<FuzzCase> = {
  arbitrary: fuzzCase,
  caseLine(c, name) {
    const head = JSON.stringify({ name, template: c.template });
    const options = c.delims || c.missingkey ? { ...(c.delims ? { delims: c.delims } : {}), ...(c.missingkey ? { missingkey: c.missingkey } : {}) } : undefined;
    return `${head.slice(0, -1)},"data":${c.dataJSON}${options ? `,"options":${JSON.stringify(options)}` : ''}}`;
  },
  async render(c) {
    try {
      const t = new Template('case');
      if (c.delims) t.delims(c.delims[0], c.delims[1]);
      if (c.missingkey) t.option(`missingkey=${c.missingkey}`);
      return { output: t.parse(c.template).execute(decodeJSON(c.dataJSON, { useNumber: true })) };
    } catch (e) {
      return { error: errorText(e) };
    }
  },
};

const printfMode: Mode<FuzzCase> = {
  arbitrary: printfFuzzCase,
  caseLine: textMode.caseLine,
  async render(c) {
    try {
      const t = new Template('case').parse(c.template);
      const data = decodeJSON(c.dataJSON, { useNumber: true });
      // The same template on the same data again: what the first run kept (a map's %v text) must print the same.
      const first = t.execute(data);
      const second = t.execute(data);
      return first === second ? { output: second } : { error: `the second execute printed ${JSON.stringify(second)}` };
    } catch (e) {
      return { error: errorText(e) };
    }
  },
};

const consulMode: Mode<ConsulFuzzCase> = {
  arbitrary: consulFuzzCase,
  caseLine(c, name) {
    const head = JSON.stringify({ name, mode: 'consul-template', template: c.template });
    const vault = [...c.vault].map(([k, body]) => `${JSON.stringify(k)}:${body}`).join(',');
    const options = c.errorOnMissingKey ? ',"options":{"missingkey":"error"}' : '';
    return `${head.slice(0, -1)},"vault":{${vault}},"mounts":${c.mountsJSON},"env":${JSON.stringify(c.env)}${options}}`;
  },
  async render(c) {
    try {
      const client = recordedClient({ responses: c.vault, mounts: decodeJSON(c.mountsJSON, { useNumber: true }) });
      const res = await renderConsulTemplate({ template: c.template, env: c.env, errorOnMissingKey: c.errorOnMissingKey, client });
      return { output: res.output };
    } catch (e) {
      return { error: errorText(e) };
    }
  },
};

/** Consul-template pipelines over Go strings that are not valid UTF-8 (scripts/fuzz/bytes-arbitraries.ts). */
const bytesMode: Mode<ConsulFuzzCase> = { ...consulMode, arbitrary: bytesFuzzCase };

interface Options {
  readonly runs: number;
  readonly seed: number;
  readonly mode: (typeof MODES)[number];
  readonly out: string;
}

const MODES = ['text', 'consul', 'printf', 'bytes'] as const;
const isMode = (m: string): m is Options['mode'] => (MODES as readonly string[]).includes(m);

function parseArgs(argv: readonly string[]): Options {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(get('--runs') ?? '1000');
  const seed = Number(get('--seed') ?? String(Date.now() % 2 ** 31));
  const mode = get('--mode') ?? 'text';
  if (!Number.isInteger(runs) || runs <= 0 || !Number.isInteger(seed) || !isMode(mode)) {
    throw new Error('usage: fuzz-diff [--runs N] [--seed S] [--mode text|consul|printf|bytes] [--out DIR]');
  }
  return { runs, seed, mode, out: get('--out') ?? join(root, 'conformance', 'fuzz') };
}

/**
 * consul-template redacts secret values in error messages with a strings.Replacer whose
 * argument order follows Go's random map iteration; when one value is a prefix of another
 * (e.g. "" and "0") Go's own output varies from run to run. Such messages are compared
 * with the redaction marks removed.
 */
function sameUpToRedaction(a: string, b: string): boolean {
  const strip = (s: string): string => s.split('[redacted]').join('');
  return a.includes('[redacted]') && b.includes('[redacted]') && strip(a) === strip(b);
}

/** Null when vtpl agrees with Go; otherwise a description of the difference. */
function difference(ours: Outcome, go: OracleReply): string | null {
  if (go.unfillable !== undefined) return null; // the oracle timed out: nothing to compare
  if (go.wantError !== undefined) {
    if ('output' in ours) return `Go failed (${go.wantError}) but vtpl rendered ${JSON.stringify(ours.output)}`;
    if (ours.error === go.wantError || sameUpToRedaction(ours.error, go.wantError)) return null;
    return `error differs:\n  go:   ${go.wantError}\n  vtpl: ${ours.error}`;
  }
  if ('error' in ours) return `Go rendered ${JSON.stringify(go.want)} but vtpl failed: ${ours.error}`;
  return ours.output === go.want ? null : `output differs:\n  go:   ${JSON.stringify(go.want)}\n  vtpl: ${JSON.stringify(ours.output)}`;
}

async function fuzz<C>(mode: Mode<C>, opts: Options): Promise<number> {
  const oracle = new OracleProcess();
  let last: { c: C; reply: OracleReply; diff: string } | undefined;
  // What Go did with the generated cases, so a run shows it exercised output and errors alike.
  const seen = { rendered: 0, failed: 0, unfillable: 0 };
  const started = Date.now();
  try {
    const result = await fc.check(
      fc.asyncProperty(mode.arbitrary, async (c) => {
        const reply = await oracle.run(mode.caseLine(c, 'fuzz'));
        if (reply.unfillable !== undefined) seen.unfillable++;
        else if (reply.wantError !== undefined) seen.failed++;
        else seen.rendered++;
        const diff = difference(await mode.render(c), reply);
        if (diff !== null) last = { c, reply, diff };
        return diff === null;
      }),
      { numRuns: opts.runs, seed: opts.seed, endOnFailure: false },
    );
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const what = `${result.numRuns} ${opts.mode} cases, seed ${opts.seed}`;
    if (!result.failed) {
      console.log(`fuzz:diff: ${what}: no mismatch with Go (${secs}s; Go rendered ${seen.rendered}, failed ${seen.failed}, timed out ${seen.unfillable})`);
      return 0;
    }
    if (!last) {
      console.error(`fuzz:diff: the property failed without a recorded case: ${String(result.errorInstance)}`);
      return 1;
    }
    mkdirSync(opts.out, { recursive: true });
    const name = `${opts.mode}-seed-${opts.seed}-run-${result.numRuns}`;
    const file = join(opts.out, `${name}.json`);
    const expectation = last.reply.wantError !== undefined ? { wantError: last.reply.wantError } : { want: last.reply.want };
    const line = mode.caseLine(last.c, name);
    writeFileSync(file, `[\n${line.slice(0, -1)},${JSON.stringify({ ...expectation, tags: ['fuzz'] }).slice(1)}\n]\n`);
    // The oracle's fill rewrites the case in the corpus's canonical layout (field order,
    // indentation), so that a later conformance:regen leaves the file as it is.
    const fill = spawnSync(oracleBin, ['fill', file], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (fill.status !== 0) console.error(`fuzz:diff: ${oracleBin} fill ${file} failed; the case is written but not in canonical form`);
    console.error(`fuzz:diff: mismatch after ${what} (shrunk ${result.numShrinks} times):\n${last.diff}\ncase: ${line}\nwritten to ${file}`);
    return 1;
  } finally {
    oracle.close();
  }
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (!buildOracle()) return 1;
  if (opts.mode === 'consul') return fuzz(consulMode, opts);
  if (opts.mode === 'bytes') return fuzz(bytesMode, opts);
  return opts.mode === 'printf' ? fuzz(printfMode, opts) : fuzz(textMode, opts);
}

// vtpl's CLI renders on a thread with a 256 MB stack (bin/vtpl), where the recursion Go allows
// fits; on the main thread's ~1 MB the engine stops earlier with its own "JavaScript stack"
// error, which is a documented vtpl limit, not a divergence. The fuzzer compares what the CLI does.
if (isMainThread) {
  const worker = new Worker(fileURLToPath(import.meta.url), { argv: process.argv.slice(2), resourceLimits: { stackSizeMb: 256 } });
  worker.on('exit', (code) => {
    process.exitCode = code;
  });
  worker.on('error', (e) => {
    console.error(`fuzz:diff: ${errorText(e)}`);
    process.exitCode = 2;
  });
} else {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`fuzz:diff: ${errorText(e)}`);
      process.exit(2);
    },
  );
}
