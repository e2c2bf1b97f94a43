// Go's time.ParseDuration and Duration.String, against what Go itself printed
// (duration-go.json: a throwaway program over these inputs with go1.x's time package).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDurationSecond, parseGoDuration } from '../../src/agent/duration.js';

const go = JSON.parse(readFileSync(new URL('./duration-go.json', import.meta.url), 'utf8')) as {
  format: [number, string][];
  parse: [string, number, string][];
};

describe('durations as Go has them', () => {
  it.each(go.format)('Duration(%d ms).String() = %s', (ms, want) => {
    expect(formatDuration(ms)).toBe(want);
  });

  it.each(go.parse)('ParseDuration(%j)', (input, ms, err) => {
    if (err) expect(() => parseGoDuration(input)).toThrow(err);
    else expect(parseGoDuration(input)).toBeCloseTo(ms, 9);
  });

  it('config values: a number or digits are seconds (parseutil.ParseDurationSecond)', () => {
    expect(parseDurationSecond(60)).toBe(60_000);
    expect(parseDurationSecond('60')).toBe(60_000);
    expect(parseDurationSecond('5m')).toBe(300_000);
  });
});
