// Differential fuzzing: `npm run fuzz:diff -- --runs N --seed S [--out DIR]`.
//
// fast-check generates templates (well-formed and malformed) with Vault-shaped
// JSON data; each case is rendered by vtpl and by the Go oracle (batch mode).
// Any difference in output, or in whether rendering fails, is a mismatch: fast-check
// shrinks it, and the smallest case is written out as a ready-to-commit corpus case
// carrying the oracle's expectation.

import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from '../src/template.js';
import { decodeJSON } from '../src/value/json.js';
import { fuzzCase, type FuzzCase } from './fuzz/arbitraries.js';
import { OracleProcess, buildOracle, root, type OracleReply } from './oracle.js';

interface Options {
  readonly runs: number;
  readonly seed: number;
  readonly out: string;
}

function parseArgs(argv: readonly string[]): Options {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(get('--runs') ?? '1000');
  const seed = Number(get('--seed') ?? String(Date.now() % 2 ** 31));
  if (!Number.isInteger(runs) || runs <= 0 || !Number.isInteger(seed)) {
    throw new Error('usage: fuzz-diff [--runs N] [--seed S] [--out DIR]');
  }
  return { runs, seed, out: get('--out') ?? join(root, 'conformance', 'fuzz') };
}

/** The case as one JSON line in the corpus format; `data` is spliced in as text to keep its literal numbers. */
function caseLine(c: FuzzCase, name: string): string {
  const head = JSON.stringify({ name, template: c.template });
  const options = c.delims || c.missingkey ? { ...(c.delims ? { delims: c.delims } : {}), ...(c.missingkey ? { missingkey: c.missingkey } : {}) } : undefined;
  return `${head.slice(0, -1)},"data":${c.dataJSON}${options ? `,"options":${JSON.stringify(options)}` : ''}}`;
}

type Outcome = { readonly output: string } | { readonly error: string };

function renderWithVtpl(c: FuzzCase): Outcome {
  try {
    const t = new Template('case');
    if (c.delims) t.delims(c.delims[0], c.delims[1]);
    if (c.missingkey) t.option(`missingkey=${c.missingkey}`);
    return { output: t.parse(c.template).execute(decodeJSON(c.dataJSON, { useNumber: true })) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Null when vtpl agrees with Go; otherwise a description of the difference. */
function difference(c: FuzzCase, go: OracleReply): string | null {
  if (go.unfillable !== undefined) return null; // the oracle timed out: nothing to compare
  const ours = renderWithVtpl(c);
  if (go.wantError !== undefined) {
    if ('output' in ours) return `Go failed (${go.wantError}) but vtpl rendered ${JSON.stringify(ours.output)}`;
    return ours.error === go.wantError ? null : `error differs:\n  go:   ${go.wantError}\n  vtpl: ${ours.error}`;
  }
  if ('error' in ours) return `Go rendered ${JSON.stringify(go.want)} but vtpl failed: ${ours.error}`;
  return ours.output === go.want ? null : `output differs:\n  go:   ${JSON.stringify(go.want)}\n  vtpl: ${JSON.stringify(ours.output)}`;
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  if (!buildOracle()) return 1;
  const oracle = new OracleProcess();
  let last: { c: FuzzCase; reply: OracleReply; diff: string } | undefined;
  // What Go did with the generated cases, so a run shows it exercised output and errors alike.
  const seen = { rendered: 0, failed: 0, unfillable: 0 };
  const started = Date.now();
  try {
    const result = await fc.check(
      fc.asyncProperty(fuzzCase, async (c) => {
        const reply = await oracle.run(caseLine(c, 'fuzz'));
        if (reply.unfillable !== undefined) seen.unfillable++;
        else if (reply.wantError !== undefined) seen.failed++;
        else seen.rendered++;
        const diff = difference(c, reply);
        if (diff !== null) last = { c, reply, diff };
        return diff === null;
      }),
      { numRuns: opts.runs, seed: opts.seed, endOnFailure: false },
    );
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (!result.failed) {
      console.log(
        `fuzz:diff: ${result.numRuns} cases, seed ${opts.seed}: no mismatch with Go (${secs}s; Go rendered ${seen.rendered}, ` +
          `failed ${seen.failed}, timed out ${seen.unfillable})`,
      );
      return 0;
    }
    if (!last) {
      console.error(`fuzz:diff: the property failed without a recorded case: ${String(result.errorInstance)}`);
      return 1;
    }
    mkdirSync(opts.out, { recursive: true });
    const name = `seed-${opts.seed}-run-${result.numRuns}`;
    const file = join(opts.out, `${name}.json`);
    const caseJSON = JSON.parse(caseLine(last.c, name)) as Record<string, unknown>;
    // Keep `data` literal: splice its text back in place of the parsed value.
    const text = JSON.stringify({ ...caseJSON, data: '\u0000DATA\u0000', ...last.reply, tags: ['fuzz'] }, null, 2)
      .replace('"\\u0000DATA\\u0000"', last.c.dataJSON);
    writeFileSync(file, `[\n${text}\n]\n`);
    console.error(`fuzz:diff: mismatch after ${result.numRuns} cases (seed ${opts.seed}, shrunk ${result.numShrinks} times):\n${last.diff}`);
    console.error(`template: ${JSON.stringify(last.c.template)}\ndata: ${last.c.dataJSON}\nwritten to ${file}`);
    return 1;
  } finally {
    oracle.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`fuzz:diff: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
