// Comparing the sides of a workload, turning the results into rows (one figure each:
// a parse, an execute, a render pass or a cold start) and printing them as one table.

import type { ColdStart } from './cold-start.js';
import type { GoResult } from './go.js';
import type { Measurement } from './measure.js';
import type { PeerResult } from './peer.js';
import type { VtplResult } from './vtpl.js';
import type { Workload } from './workloads.js';

export interface Mismatch {
  /** UTF-16 offset of the first difference. */
  readonly offset: number;
  readonly go: string;
  readonly vtpl: string;
}

export interface WorkloadResult {
  readonly name: string;
  readonly mode: Workload['mode'];
  readonly description: string;
  readonly templateBytes: number;
  readonly outputBytes: number | null;
  /** True when vtpl's output equals Go's; null when there is nothing to compare. */
  readonly outputMatches: boolean | null;
  readonly mismatch?: Mismatch;
  readonly vtpl: Omit<VtplResult, 'output'>;
  readonly go: Omit<GoResult, 'output'> | null;
  readonly peer: PeerResult;
}

/** One line of the table, and of the JSON file that commits are compared by. */
export interface Row {
  /** Workload name and what is measured ("config-100 exec"); unique, the key for --compare. */
  readonly name: string;
  readonly section: Section;
  /** Seconds per operation. */
  readonly go: number | null;
  readonly vtpl: number | null;
  /** go / vtpl seconds: above 1, vtpl is faster. */
  readonly vtplVsGo: number | null;
  readonly peer: number | null;
  /** go / peer seconds: above 1, the peer is faster. */
  readonly peerVsGo: number | null;
  /** Why the peer has no time: 'wrong output', 'unsupported: ...', 'not verified'. */
  readonly peerNote?: string;
  /** Peak heap of one vtpl operation above the heap before it. */
  readonly heapPeakBytes: number | null;
  /** Parse rows: heap the parsed template keeps, per template byte. */
  readonly heapPerTemplateByte?: number;
  /** A figure that is not Go, such as `node -e 0` for cold start. */
  readonly baseline?: { readonly name: string; readonly seconds: number; readonly goal: number };
  /** Whether vtpl's output was checked against Go's ("same 1234 B", "MISMATCH", an error). */
  readonly check: string;
}

export type Section = 'execute' | 'parse' | 'consul-template pass' | 'cold start';

const sectionTitles: Record<Section, string> = {
  execute:
    "execute a parsed template into a reused buffer, like Go's bytes.Buffer (dot decoded once from JSON, numbers as json.Number; -js rows: plain JS data)",
  parse: 'parse (new Template(name).parse(text))',
  'consul-template pass':
    'consul-template render pass (Go: function map + parse + execute every pass; vtpl: map built once, unchanged text not re-parsed); "first pass" = every secret still missing',
  'cold start': 'cold start: whole process, CPU time (median of several runs)',
};

/** The first difference of two outputs, with some context either side. */
export function firstDifference(go: string, vtpl: string): Mismatch | undefined {
  if (go === vtpl) return undefined;
  let i = 0;
  while (i < go.length && i < vtpl.length && go[i] === vtpl[i]) i++;
  const from = Math.max(0, i - 40);
  return { offset: i, go: go.slice(from, i + 40), vtpl: vtpl.slice(from, i + 40) };
}

/** The outputs are compared, not stored: only their size is kept. */
function withoutOutput<T extends { readonly output?: string }>(r: T): Omit<T, 'output'> {
  const { output: _output, ...rest } = r;
  return rest;
}

export function combine(w: Workload, vtpl: VtplResult, go: GoResult | null, peer: PeerResult): WorkloadResult {
  const canCompare = go?.output !== undefined && vtpl.output !== undefined;
  const mismatch = canCompare ? firstDifference(go.output ?? '', vtpl.output ?? '') : undefined;
  const output = go?.output ?? vtpl.output;
  return {
    name: w.name,
    mode: w.mode,
    description: w.description,
    templateBytes: Buffer.byteLength(w.template),
    outputBytes: output === undefined ? null : Buffer.byteLength(output),
    outputMatches: canCompare ? mismatch === undefined : null,
    ...(mismatch ? { mismatch } : {}),
    vtpl: withoutOutput(vtpl),
    go: go === null ? null : withoutOutput(go),
    peer,
  };
}

function perOp(m: Measurement | undefined): number | null {
  return m === undefined ? null : 1 / m.opsPerSec;
}

/** reference / other, where both exist (Go's time over vtpl's: above 1, vtpl is faster). */
export function ratio(reference: number | null, other: number | null): number | null {
  return reference === null || other === null ? null : reference / other;
}

function check(r: WorkloadResult): string {
  if (r.vtpl.error !== undefined) return `vtpl error: ${r.vtpl.error.split('\n')[0].slice(0, 60)}`;
  if (r.go?.error !== undefined) return `Go error: ${r.go.error.split('\n')[0].slice(0, 60)}`;
  if (r.outputMatches === null) return 'not verified';
  return r.outputMatches ? `same ${r.outputBytes} B` : 'MISMATCH';
}

function peerNote(p: PeerResult): string | undefined {
  switch (p.status) {
    case 'timed':
      return undefined;
    case 'wrong output':
      return `wrong output (@${p.offset})`;
    case 'unsupported':
      return `unsupported: ${p.reason}`;
    case 'not verified':
      return 'not verified';
  }
}

/** A workload's two rows: parse and execute (for consul-template, the first pass and a full pass). */
export function workloadRows(r: WorkloadResult): Row[] {
  const consul = r.mode === 'consul-template';
  const phases = [
    { suffix: consul ? 'first pass' : 'parse', key: 'parse' as const, heap: r.vtpl.parseHeap },
    { suffix: consul ? 'pass' : 'exec', key: 'execute' as const, heap: r.vtpl.executeHeap },
  ];
  const verdict = check(r);
  return phases.map(({ suffix, key, heap }) => {
    const go = perOp(r.go?.[key]);
    const vtpl = perOp(r.vtpl[key]);
    const peer = r.peer.status === 'timed' ? perOp(r.peer[key]) : null;
    const note = peerNote(r.peer);
    return {
      name: `${r.name} ${suffix}`,
      section: consul ? 'consul-template pass' : key === 'parse' ? 'parse' : 'execute',
      go,
      vtpl,
      vtplVsGo: ratio(go, vtpl),
      peer,
      peerVsGo: ratio(go, peer),
      ...(note === undefined ? {} : { peerNote: note }),
      heapPeakBytes: heap?.peakBytes ?? null,
      ...(key === 'parse' && !consul && heap ? { heapPerTemplateByte: heap.retainedBytes / r.templateBytes } : {}),
      check: verdict,
    };
  });
}

/** Cold start rows, one per command (bench/cold-start.ts measures; here they only take the table's shape). */
export function coldStartRows(c: ColdStart): Row[] {
  return c.commands.map((command) => ({
    name: `cold-start ${command.command.split(' ')[0]}`,
    section: 'cold start',
    go: null,
    vtpl: command.ms / 1000,
    vtplVsGo: null,
    peer: null,
    peerVsGo: null,
    peerNote: 'n/a',
    heapPeakBytes: null,
    baseline: { name: 'node -e 0', seconds: c.nodeMs / 1000, goal: 2 },
    check: `vtpl ${command.command}`,
  }));
}

const sectionOrder: readonly Section[] = ['execute', 'parse', 'consul-template pass', 'cold start'];

/** Seconds as a short duration: 12.3 µs, 4.56 ms, 1.23 s. */
export function duration(s: number | null): string {
  if (s === null) return '-';
  if (s < 1e-3) return `${(s * 1e6).toPrecision(3)} µs`;
  if (s < 1) return `${(s * 1e3).toPrecision(3)} ms`;
  return `${s.toPrecision(3)} s`;
}

export function times(r: number | null): string {
  if (r === null) return '-';
  return `${r < 10 ? r.toFixed(2) : r.toFixed(1)}x`;
}

function bytes(n: number | null): string {
  if (n === null) return '-';
  if (n < 2 ** 20) return `${(n / 2 ** 10).toFixed(0)} KB`;
  return `${(n / 2 ** 20).toFixed(1)} MB`;
}

function heap(row: Row): string {
  const peak = bytes(row.heapPeakBytes);
  return row.heapPerTemplateByte === undefined ? peak : `${peak} (${row.heapPerTemplateByte.toFixed(0)} B/B)`;
}

function note(row: Row): string {
  if (row.baseline === undefined) return row.check;
  const r = row.vtpl === null ? null : row.vtpl / row.baseline.seconds;
  return `${row.check}: ${times(r)} ${row.baseline.name} (${duration(row.baseline.seconds)}; goal ${row.baseline.goal}x or less)`;
}

/** Aligns cells: the first and last columns left, the figures right. */
export function align(head: readonly string[], rows: readonly (readonly string[] | string)[]): string {
  const cellRows = rows.filter((r): r is readonly string[] => typeof r !== 'string');
  const widths = head.map((h, i) => Math.max(h.length, ...cellRows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => (typeof r === 'string' ? r : line(r)))].join('\n');
}

/** The rows as one aligned table, in sections. */
export function table(rows: readonly Row[]): string {
  const head = ['workload', 'Go', 'vtpl', 'vtpl/Go (>1: vtpl faster)', 'peer', 'peer/Go', 'heap (parse: B/B kept)', 'output'];
  const lines: (string[] | string)[] = [];
  for (const section of sectionOrder) {
    const inSection = rows.filter((r) => r.section === section);
    if (inSection.length === 0) continue;
    lines.push(`== ${sectionTitles[section]}`);
    for (const r of inSection) {
      lines.push([
        r.name,
        duration(r.go),
        duration(r.vtpl),
        times(r.vtplVsGo),
        r.peer === null ? (r.peerNote ?? '-') : duration(r.peer),
        times(r.peerVsGo),
        heap(r),
        note(r),
      ]);
    }
  }
  return align(head, lines);
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median and lowest vtpl/Go per section, the figures issue 12's targets are stated in. */
export function summary(rows: readonly Row[]): string {
  const parts: string[] = [];
  for (const section of sectionOrder) {
    const rated = rows.filter((r) => r.section === section && r.vtplVsGo !== null);
    if (rated.length === 0) continue;
    const lowest = rated.reduce((a, b) => ((b.vtplVsGo ?? 0) < (a.vtplVsGo ?? 0) ? b : a));
    parts.push(`${section} median ${times(median(rated.map((r) => r.vtplVsGo ?? 0)))} (lowest ${times(lowest.vtplVsGo)} ${lowest.name})`);
  }
  return parts.length === 0 ? '' : `vtpl/Go: ${parts.join('; ')}`;
}
