// `vtpl conformance PATH...`: run conformance corpora and report, as
// shared/conformance/FORMAT.md describes.

import type { Command } from 'commander';
import { CorpusError, corpusFiles, loadCases, type ConformanceCase } from './conformance-cases.js';
import { runCase, type CaseResult } from './conformance-run.js';

export interface ConformanceReport {
  readonly passed: number;
  readonly failed: number;
  readonly cases: readonly CaseResult[];
}

export async function runConformance(paths: readonly string[]): Promise<ConformanceReport> {
  const cases: ConformanceCase[] = corpusFiles(paths).flatMap((f) => loadCases(f));
  const results: CaseResult[] = [];
  for (const c of cases) results.push(await runCase(c));
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, cases: results };
}

function describeFailure(r: CaseResult): string {
  const lines = [`FAIL ${r.file}: ${r.name}`];
  if (r.wantError !== null) lines.push(`  want error: ${r.wantError}`);
  else lines.push(`  want: ${JSON.stringify(r.want)}`);
  if (r.gotError !== null) lines.push(`  got error:  ${r.gotError}`);
  else lines.push(`  got:  ${JSON.stringify(r.got)}`);
  return lines.join('\n');
}

export function registerConformance(program: Command): void {
  program
    .command('conformance')
    .description('run conformance corpora (JSON cases whose expectations come from real Go) against vtpl')
    .argument('<path...>', 'corpus files or directories (every *.json below a directory)')
    .option('--json', 'print one JSON report instead of text')
    .option('-v, --verbose', "also list error cases whose message differs from Go's")
    .addHelpText(
      'after',
      `
Examples:
  $ vtpl conformance conformance/
  $ vtpl conformance conformance/text/printf.json --json > report.json

Ends with the line "N passed, M failed"; exits 1 when any case fails.`,
    )
    .action(async (paths: string[], opts: { json?: boolean; verbose?: boolean }) => {
      let report: ConformanceReport;
      try {
        report = await runConformance(paths);
      } catch (e) {
        if (e instanceof CorpusError) {
          process.stderr.write(`vtpl conformance: ${e.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw e;
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
      } else {
        for (const r of report.cases) {
          if (!r.ok) process.stdout.write(`${describeFailure(r)}\n`);
          else if (opts.verbose && r.errorExact === false) {
            process.stdout.write(`INEXACT ${r.file}: ${r.name}\n  want error: ${r.wantError}\n  got error:  ${r.gotError}\n`);
          }
        }
        const errorCases = report.cases.filter((r) => r.errorExact !== null);
        const exact = errorCases.filter((r) => r.errorExact).length;
        if (errorCases.length > 0) process.stdout.write(`error messages identical to Go: ${exact}/${errorCases.length}\n`);
        process.stdout.write(`${report.passed} passed, ${report.failed} failed\n`);
      }
      if (report.failed > 0) process.exitCode = 1;
    });
}
