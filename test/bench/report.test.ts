// The bench's arithmetic and bookkeeping (no timing here): which way the ratios point, which
// rows a workload makes, and that --compare lines rows up by name.
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../bench/compare.js';
import type { Measurement } from '../../bench/measure.js';
import type { PeerResult } from '../../bench/peer.js';
import { coldStartRows, combine, duration, summary, table, workloadRows } from '../../bench/report.js';
import { type BenchRun, format } from '../../bench/results.js';
import type { Workload } from '../../bench/workloads.js';

const at = (opsPerSec: number): Measurement => ({ ops: 1, seconds: 1 / opsPerSec, opsPerSec, rounds: [opsPerSec] });

const text: Workload = { name: 'w', mode: 'text/template', description: '', template: '{{.}}', dataJSON: '1' };
const consul: Workload = { name: 'c', mode: 'consul-template', description: '', template: 'x', vault: {}, mounts: {} };
const timedPeer: PeerResult = { status: 'timed', parse: at(500), execute: at(4000) };

describe('workloadRows', () => {
  it('gives Go time over vtpl time: above 1, vtpl is faster', () => {
    const vtpl = { output: '1', parse: at(2000), execute: at(1000), heapPeakBytes: 0, rssPeakBytes: 0 };
    const go = { name: 'w', output: '1', parse: at(1000), execute: at(4000), heapPeakBytes: 0, maxRSSBytes: 0 };
    const rows = workloadRows(combine(text, vtpl, go, timedPeer));
    expect(rows.map((r) => [r.name, r.section, r.vtplVsGo, r.peerVsGo, r.check])).toEqual([
      ['w parse', 'parse', 2, 0.5, 'same 1 B'],
      ['w exec', 'execute', 0.25, 1, 'same 1 B'],
    ]);
  });

  it('names consul-template rows as passes and reports a mismatch', () => {
    const vtpl = { output: 'a', parse: at(1), execute: at(1), heapPeakBytes: 0, rssPeakBytes: 0 };
    const go = { name: 'c', output: 'b', parse: at(1), execute: at(1), heapPeakBytes: 0, maxRSSBytes: 0 };
    const r = combine(consul, vtpl, go, { status: 'unsupported', reason: 'consul-template functions' });
    expect(workloadRows(r).map((row) => [row.name, row.section, row.check, row.peer, row.peerNote])).toEqual([
      ['c first pass', 'consul-template pass', 'MISMATCH', null, 'unsupported: consul-template functions'],
      ['c pass', 'consul-template pass', 'MISMATCH', null, 'unsupported: consul-template functions'],
    ]);
  });

  it('gives parse rows the heap the template keeps per template byte', () => {
    const vtpl = {
      output: '1',
      parse: at(1),
      execute: at(1),
      heapPeakBytes: 0,
      rssPeakBytes: 0,
      parseHeap: { peakBytes: 900, retainedBytes: 100 },
      executeHeap: { peakBytes: 50, retainedBytes: 10 },
    };
    const [parse, exec] = workloadRows(combine(text, vtpl, null, { status: 'not verified' }));
    expect([parse.heapPeakBytes, parse.heapPerTemplateByte, exec.heapPeakBytes, exec.heapPerTemplateByte]).toEqual([900, 20, 50, undefined]);
    expect(parse.check).toBe('not verified');
  });
});

describe('duration', () => {
  it.each([
    [0.0000123, '12.3 µs'],
    [0.00456, '4.56 ms'],
    [1.234, '1.23 s'],
    [null, '-'],
  ])('%s s is %s', (s, want) => {
    expect(duration(s)).toBe(want);
  });
});

function run(rows: BenchRun['rows']): BenchRun {
  return {
    format,
    commit: 'abc',
    dirty: false,
    date: '2026-01-01T00:00:00.000Z',
    only: [],
    node: 'v20',
    go: null,
    consulTemplate: null,
    cpu: 'x',
    cores: 1,
    loadAverageAtStart: [0, 0, 0],
    budgetMs: 1,
    rows,
    workloads: [],
    coldStart: null,
  };
}

const row = (name: string, vtpl: number, vtplVsGo: number): BenchRun['rows'][number] => ({
  name,
  section: 'execute',
  go: vtpl * vtplVsGo,
  vtpl,
  vtplVsGo,
  peer: null,
  peerVsGo: null,
  heapPeakBytes: null,
  check: 'same 1 B',
});

describe('compareRuns', () => {
  it('lines rows up by name and lists the ones only one run has', () => {
    const out = compareRuns(run([row('a exec', 0.002, 1), row('old exec', 1, 1)]), run([row('new exec', 1, 1), row('a exec', 0.001, 2)]));
    const a = out.split('\n').find((l) => l.startsWith('a exec'));
    expect(a?.split(/\s{2,}/)).toEqual(['a exec', '2.00 ms', '1.00 ms', '2.00x', '1.00x', '2.00x', '2.00x']);
    expect(out).toContain('only in A: old exec');
    expect(out).toContain('only in B: new exec');
  });
});

describe('summary', () => {
  it('gives the median and the lowest vtpl/Go per section', () => {
    expect(summary([row('a exec', 1, 1), row('b exec', 1, 3), row('c exec', 1, 0.5)])).toBe('vtpl/Go: execute median 1.00x (lowest 0.50x c exec)');
  });
});

describe('coldStartRows', () => {
  it('makes a row per command, measured against node -e 0', () => {
    const rows = coldStartRows({
      runs: 3,
      nodeMs: 50,
      commands: [
        { command: 'render small.tmpl', ms: 100, ratio: 2 },
        { command: 'check examples/deployment.yaml', ms: 150, ratio: 3 },
      ],
    });
    expect(rows.map((r) => [r.name, r.vtpl, r.baseline?.seconds])).toEqual([
      ['cold-start render', 0.1, 0.05],
      ['cold-start check', 0.15, 0.05],
    ]);
    expect(table(rows)).toContain('vtpl check examples/deployment.yaml: 3.00x node -e 0 (50.0 ms; goal 2x or less)');
  });
});
