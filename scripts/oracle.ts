// Building and talking to the Go oracle (conformance/oracle) from Node scripts.

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// Scripts run as dist/scripts/*.js, two levels below the package root.
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const oracleDir = join(root, 'conformance', 'oracle');
export const oracleBin = join(oracleDir, 'vtpl-oracle');

/** `go build` the oracle; returns false (after saying why on stderr) when Go is missing or the build fails. */
export function buildOracle(): boolean {
  const r = spawnSync('go', ['build', '-o', 'vtpl-oracle', '.'], { cwd: oracleDir, stdio: 'inherit' });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    console.error(
      code === 'ENOENT' ? 'this script needs Go on PATH: expectations are produced by the Go oracle in conformance/oracle.' : `go build: ${r.error.message}`,
    );
    return false;
  }
  return r.status === 0;
}

/** What the oracle's batch mode answers for one case. */
export interface OracleReply {
  readonly want?: string;
  readonly wantError?: string;
  readonly unfillable?: string;
}

/** A running `vtpl-oracle batch`: one case JSON per line in, one reply line out, in order. */
export class OracleProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(reply: OracleReply) => void> = [];

  constructor(args: readonly string[] = ['batch']) {
    this.child = spawn(oracleBin, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.pipe(process.stderr);
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const resolveReply = this.waiting.shift();
      if (resolveReply) resolveReply(JSON.parse(line) as OracleReply);
    });
  }

  /**
   * Sends one case, serialized as one line of JSON in the corpus case format (built by
   * hand where `data` must keep its literal numbers), and waits for its expectation.
   */
  run(caseLine: string): Promise<OracleReply> {
    return new Promise((resolveReply) => {
      this.waiting.push(resolveReply);
      this.child.stdin.write(`${caseLine}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }
}
