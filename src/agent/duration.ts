// Durations in agent config files, as Vault reads them (parseutil.ParseDurationSecond):
// a number, or a string of digits, is seconds; otherwise Go's time.ParseDuration syntax
// ("1h30m", "250ms", "1.5s"). And Go's Duration.String for log lines ("4m30s"). Both over
// the one port of Go's time.Duration in src/go/time.

import { durationString, parseDuration } from '../go/time/index.js';

/** Milliseconds; throws with Go's message for a malformed duration. */
export function parseDurationSecond(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v * 1000;
  if (typeof v !== 'string') throw new Error(`cannot parse ${JSON.stringify(v)} as a duration`);
  const s = v.trim();
  if (s === '') return 0;
  if (/^[0-9]+$/.test(s)) return Number(s) * 1000;
  return parseGoDuration(s);
}

/** time.ParseDuration in milliseconds, with Go's error messages (src/go/time). */
export function parseGoDuration(s: string): number {
  return Number(parseDuration(s)) / 1e6;
}

/** time.Duration.String for milliseconds ("1h0m0s", "4m30s", "250ms", "0s"). */
export function formatDuration(ms: number): string {
  return durationString(BigInt(Math.round(ms * 1e6)));
}
