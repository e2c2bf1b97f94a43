// The best JavaScript peer, @promptctl/go-template-js (a devDependency used only here):
// it renders Go template syntax from plain JS data. It is timed only on the workloads
// where its output equals Go's bytes; elsewhere the table says why it is not.

import { createEngine } from '@promptctl/go-template-js';
import { type Measurement, measure } from './measure.js';
import type { Workload } from './workloads.js';

export type PeerResult =
  | { readonly status: 'timed'; readonly parse: Measurement; readonly execute: Measurement }
  /** It rendered, but not Go's bytes: timing it would compare different work. */
  | { readonly status: 'wrong output'; readonly offset: number }
  /** It refused the template or failed on the data, or the workload needs consul-template. */
  | { readonly status: 'unsupported'; readonly reason: string }
  /** There was no Go output, or an empty one, to check its output against. */
  | { readonly status: 'not verified' };

const engine = createEngine<string>({ fromString: (s) => s });

function render(template: string, data: unknown): string {
  return engine.parse(template).evaluate(data).join('');
}

/** Checks the peer's output against Go's, then times its parse and execute like vtpl's. */
export function benchPeer(w: Workload, goOutput: string | undefined, budgetMs: number, sample: () => void): PeerResult {
  if (w.mode !== 'text/template') return { status: 'unsupported', reason: 'consul-template functions' };
  // The peer takes plain JS data, as its users pass it (numbers lose their JSON text).
  const data: unknown = JSON.parse(w.dataJSON);
  let output: string;
  try {
    output = render(w.template, data);
  } catch (e) {
    return { status: 'unsupported', reason: (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 40) };
  }
  // An empty output proves nothing: the peer renders `{{range 10000000}}{{end}}` as "" without iterating.
  if (goOutput === undefined || goOutput === '') return { status: 'not verified' };
  if (output !== goOutput) {
    let i = 0;
    while (i < output.length && i < goOutput.length && output[i] === goOutput[i]) i++;
    return { status: 'wrong output', offset: i };
  }
  const parsed = engine.parse(w.template);
  return {
    status: 'timed',
    parse: measure(() => engine.parse(w.template), budgetMs, sample, w.rounds),
    execute: measure(() => parsed.evaluate(data).join(''), budgetMs, sample, w.rounds),
  };
}
