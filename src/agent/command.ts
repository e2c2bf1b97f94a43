// A template's command, run after a render that changed the file (consul-template's
// exec: /bin/sh -c COMMAND, a timeout (default 30s) after which it is killed). Its exit
// status and output are returned for the log; a failure never stops the agent. Node.

import { nodeChildProcess } from '../vault/index.js';
import type { Clock } from './clock.js';

export interface CommandResult {
  /** Exit status; null when killed by a signal. */
  readonly code: number | null;
  readonly signal: string | null;
  /** stdout and stderr interleaved, at most OUTPUT_LIMIT bytes. */
  readonly output: string;
  readonly timedOut: boolean;
  /** The command could not be started. */
  readonly error?: string;
}

/** Output beyond this is dropped from the log line (a command could print without end). */
export const OUTPUT_LIMIT = 64 * 1024;

export type CommandRunner = (command: string, timeoutMs: number) => Promise<CommandResult>;

/** Runs commands with /bin/sh, timing out on `clock`. */
export function shellCommandRunner(clock: Clock, env: NodeJS.ProcessEnv = process.env): CommandRunner {
  return (command, timeoutMs) =>
    new Promise((resolve) => {
      let output = '';
      let timedOut = false;
      const child = nodeChildProcess().spawn('/bin/sh', ['-c', command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const take = (b: Buffer): void => {
        if (output.length < OUTPUT_LIMIT) output += b.toString('utf8').slice(0, OUTPUT_LIMIT - output.length);
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      const timer =
        timeoutMs > 0
          ? clock.setTimer(timeoutMs, () => {
              timedOut = true;
              child.kill('SIGKILL');
            })
          : undefined;
      child.on('error', (e) => {
        timer?.cancel();
        resolve({ code: null, signal: null, output, timedOut, error: e.message });
      });
      child.on('close', (code, signal) => {
        timer?.cancel();
        resolve({ code, signal, output, timedOut });
      });
    });
}
