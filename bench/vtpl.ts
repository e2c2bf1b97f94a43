// vtpl's side of a workload: its output, and one parse or one execute per call.

import { Template } from '../src/template.js';
import type { ByteSink } from '../src/index.js';
import type { Value } from '../src/value/index.js';
import { decodeJSON } from '../src/go/encoding/json/index.js';
import { recordedClient } from '../src/vault/recorded.js';
import { renderConsulTemplate } from '../src/vault/renderer.js';
import { fillBrain, renderPass } from './consul-pass.js';
import { type HeapUse, heapOf } from './heap.js';
import { type Measurement, measure } from './measure.js';
import type { ConsulWorkload, TextWorkload, Workload } from './workloads.js';

export interface Subject {
  readonly output: string;
  readonly parse: () => unknown;
  readonly execute: () => unknown;
}

/**
 * Go's side executes into a bytes.Buffer that it Resets and reuses; the same here is
 * executeTo a ByteSink over one reused Buffer, grown by doubling as bytes.Buffer grows:
 * execution encodes its output straight into it, as Go's appends to its buffer. (A Writer
 * of strings would time V8's ropes and a second copy that Go's side does not make;
 * execute() would also join the chunks into one string, which Go's side never does.)
 */
class BufferSink implements ByteSink {
  bytes = Buffer.allocUnsafe(1 << 16);
  length = 0;

  room(need: number): void {
    const grown = Buffer.allocUnsafe(Math.max(this.length + need, this.bytes.length * 2));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  encode(s: string, at: number): number {
    return this.bytes.write(s, at);
  }
}

/**
 * text/template: parse is new Template(name).parse(text); execute runs the parsed template on
 * dot: decoded JSON values, or for -js rows plain JS data (JSON.parse), as a library user passes it.
 */
function textSubject(w: TextWorkload): Subject {
  const buf = new BufferSink();
  const data: unknown = w.jsData ? JSON.parse(w.dataJSON) : decodeJSON(w.dataJSON, { useNumber: true });
  const t = new Template('case').parse(w.template);
  const output = t.execute(data);
  // The timed bytes must be the output's (which is compared with Go's).
  t.executeTo(buf, data);
  if (!buf.bytes.subarray(0, buf.length).equals(Buffer.from(output))) throw new Error('executeTo a ByteSink wrote other bytes than execute returned');
  return {
    output,
    parse: () => new Template('case').parse(w.template),
    execute: () => {
      buf.length = 0;
      t.executeTo(buf, data);
    },
  };
}

/**
 * consul-template, as the Go side measures it: "parse" is a render pass with an
 * empty brain (function map + parse; every secret is still missing), "execute" a
 * pass with the brain filled once from the recorded responses.
 */
async function consulSubject(w: ConsulWorkload): Promise<Subject> {
  const client = recordedClient({ responses: w.vault, mounts: w.mounts });
  const brain = await fillBrain(w.template, client);
  const output = renderPass(w.template, brain).output;
  // The timed pass mirrors the renderer's; it must render what the product renders.
  if ((await renderConsulTemplate({ template: w.template, client })).output !== output) {
    throw new Error("the benchmark's render pass differs from renderConsulTemplate: update bench/consul-pass.ts");
  }
  const empty = new Map<string, Value>();
  return {
    output,
    parse: () => renderPass(w.template, empty),
    execute: () => renderPass(w.template, brain),
  };
}

export function vtplSubject(w: Workload): Promise<Subject> | Subject {
  return w.mode === 'consul-template' ? consulSubject(w) : textSubject(w);
}

export interface VtplResult {
  readonly output?: string;
  readonly error?: string;
  readonly parse?: Measurement;
  readonly execute?: Measurement;
  /** Peak of heapUsed / rss sampled between timed batches (after a full GC first). */
  readonly heapPeakBytes: number;
  readonly rssPeakBytes: number;
  /** One parse and one execute measured alone (bench/heap.ts). */
  readonly parseHeap?: HeapUse;
  readonly executeHeap?: HeapUse;
}

/** Times vtpl on w in this process; an engine error is reported, not thrown. */
export async function benchVtpl(w: Workload, budgetMs: number, gc: () => void): Promise<VtplResult> {
  let subject: Subject;
  try {
    subject = await vtplSubject(w);
  } catch (e) {
    return { error: errorText(e), heapPeakBytes: 0, rssPeakBytes: 0 };
  }
  gc();
  let heapPeakBytes = 0;
  let rssPeakBytes = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    heapPeakBytes = Math.max(heapPeakBytes, m.heapUsed);
    rssPeakBytes = Math.max(rssPeakBytes, m.rss);
  };
  try {
    const parse = measure(subject.parse, budgetMs, sample, w.rounds);
    const execute = measure(subject.execute, budgetMs, sample, w.rounds);
    // After timing, so the code is compiled and the figures are the operation's own.
    // What a parsed template keeps is measured over enough copies to weigh about a megabyte or
    // more; a consul-template "parse" is a whole first pass, measured once.
    const copies = w.mode === 'text/template' ? Math.min(1000, Math.ceil(2 ** 20 / Buffer.byteLength(w.template))) : 1;
    const parseHeap = heapOf(subject.parse, gc, copies);
    const executeHeap = heapOf(subject.execute, gc);
    return { output: subject.output, parse, execute, heapPeakBytes, rssPeakBytes, parseHeap, executeHeap };
  } catch (e) {
    return { output: subject.output, error: errorText(e), heapPeakBytes, rssPeakBytes };
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
