// Reading Kubernetes manifests: every pod template and its annotations, with source positions
// so template errors can be pointed at inside the YAML file.

import { type Alias, type Document, LineCounter, isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Node, type Scalar, type YAMLMap, visit } from 'yaml';

/** 1-based line and column in a manifest file. */
export interface SourcePos {
  readonly line: number;
  readonly col: number;
}

export type ScalarStyle = 'block-literal' | 'block-folded' | 'plain' | 'single' | 'double';

export interface Annotation {
  readonly key: string;
  /** The string Kubernetes would see (for a non-string YAML value: its source text). */
  readonly value: string;
  readonly keyPos: SourcePos;
  /** Start of the value node (the `|` indicator for block scalars, the quote for quoted ones). */
  readonly valuePos: SourcePos;
  readonly style: ScalarStyle;
  /** Raw source of the value node, exactly as written in the file (quotes and escapes included). */
  readonly source: string;
  /** Set when the YAML value is not a string (Kubernetes rejects such annotations): the YAML type. */
  readonly notString?: string;
}

export interface PodTemplate {
  readonly file: string;
  /** 1-based document number inside the file. */
  readonly doc: number;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** Human label such as `Deployment/app` or `List[2] CronJob/nightly`. */
  readonly label: string;
  readonly pos: SourcePos;
  readonly annotations: ReadonlyMap<string, Annotation>;
  /** Problems with the manifest that Kubernetes would reject (e.g. a non-string annotation value). */
  readonly problems: readonly string[];
  /**
   * vault.hashicorp.com/ annotations written on the workload's own metadata (a Deployment's, a
   * CronJob's) instead of its pod template's: the injector only sees the pod's, so they do nothing.
   */
  readonly misplaced?: MisplacedAnnotations;
}

export interface MisplacedAnnotations {
  readonly pos: SourcePos;
  readonly keys: readonly string[];
  /** Where they belong, e.g. `spec.template.metadata.annotations`. */
  readonly belongs: string;
}

/** One sentence saying where misplaced annotations are and where they belong. */
export function misplacedMessage(pod: PodTemplate, m: MisplacedAnnotations): string {
  const shown = m.keys.length <= 2 ? m.keys.join(', ') : `${m.keys.slice(0, 2).join(', ')} and ${m.keys.length - 2} more`;
  return (
    `${shown} ${m.keys.length === 1 ? 'is' : 'are'} on the ${pod.kind}'s own metadata.annotations (${pod.file}:${m.pos.line}:${m.pos.col}), ` +
    `where the Vault injector never looks: move ${m.keys.length === 1 ? 'it' : 'them'} to ${m.belongs}`
  );
}

export interface SkippedDocument {
  readonly file: string;
  readonly doc: number;
  readonly label: string;
  readonly pos: SourcePos;
  readonly reason: string;
}

export interface Manifest {
  readonly file: string;
  readonly text: string;
  readonly pods: readonly PodTemplate[];
  readonly skipped: readonly SkippedDocument[];
}

/** A file that is not valid YAML: the position, the parser's sentence and the line it is about. */
export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly pos: SourcePos,
    readonly detail: string,
    readonly lineText?: string,
  ) {
    const shown = lineText === undefined ? '' : `\n  ${lineText.replace(/\t/g, ' ')}\n  ${' '.repeat(Math.max(0, pos.col - 1))}^`;
    super(`${file}:${pos.line}:${pos.col}: ${detail}${shown}`);
    this.name = 'ManifestError';
  }
}

/** Plan errors (annotations.ts) start with the annotation they are about (`KEY: ...`): point at its value, else at the pod. */
export function annotationPos(pod: PodTemplate, message: string): SourcePos {
  const i = message.indexOf(': ');
  return (i > 0 ? pod.annotations.get(message.slice(0, i))?.valuePos : undefined) ?? pod.pos;
}

/** Where the pod template sits inside each workload kind. */
const POD_TEMPLATE_PATH: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  PodTemplate: ['template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export function readManifest(text: string, file: string): Manifest {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines });
  const docList: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    // An EmptyStream: a file with nothing but comments/whitespace.
    return { file, text, pods: [], skipped: [] };
  }
  const at = (offset: number): SourcePos => lines.linePos(offset);
  for (const d of docList) {
    const err = d.errors[0];
    if (err) {
      const pos = at(err.pos[0]);
      throw new ManifestError(file, pos, yamlSentence(err.message), text.split('\n')[pos.line - 1]);
    }
  }
  const aliases = new Map<Alias, Node>();
  for (const d of docList) aliasTargets(d, aliases, file, at);
  const pods: PodTemplate[] = [];
  const skipped: SkippedDocument[] = [];
  docList.forEach((d, i) => {
    const root = d.contents;
    if (root === null || (isScalar(root) && root.value === null)) return; // empty document, e.g. a trailing `---`
    collect(root, i + 1, '', { file, text, at, pods, skipped, aliases, listing: new Set() });
  });
  return { file, text, pods, skipped };
}

interface Sink {
  readonly file: string;
  readonly text: string;
  readonly at: (offset: number) => SourcePos;
  readonly pods: PodTemplate[];
  readonly skipped: SkippedDocument[];
  /** Each alias's anchored node. */
  readonly aliases: ReadonlyMap<Alias, Node>;
  /** The Lists being read, outermost first: an item that is one of them would never end. */
  readonly listing: Set<Node>;
}

/**
 * Records the node each alias of a document stands for (the latest node before it with
 * that anchor). Kubernetes reads manifests with aliases expanded; the reader follows an
 * alias only where it looks (kind, metadata, the pod template, annotations), so a document
 * whose aliases would expand to billions of nodes costs no more than its size.
 */
function aliasTargets(doc: Document.Parsed, targets: Map<Alias, Node>, file: string, at: (offset: number) => SourcePos): void {
  const anchors = new Map<string, Node>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target === undefined) throw new ManifestError(file, at(node.range?.[0] ?? 0), `unknown anchor '${node.source}' referenced`);
        targets.set(node, target);
      } else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
}

/** A node with an alias replaced by the node it stands for. */
function deref(sink: Sink, node: unknown): unknown {
  return isAlias(node) ? sink.aliases.get(node) : node;
}

/** The node at path under node, following aliases on the way, or undefined. */
function nodeAt(sink: Sink, node: unknown, path: readonly string[]): unknown {
  let n = deref(sink, node);
  for (const key of path) {
    if (!isMap(n)) return undefined;
    n = deref(sink, n.get(key, true));
  }
  return n;
}

function collect(node: Node, doc: number, prefix: string, sink: Sink): void {
  const pos = sink.at(node.range?.[0] ?? 0);
  if (!isMap(node)) {
    sink.skipped.push({ file: sink.file, doc, label: `${prefix}document`, pos, reason: 'not a Kubernetes object (not a mapping)' });
    return;
  }
  const kind = scalarString(nodeAt(sink, node, ['kind']));
  const name = scalarString(nodeAt(sink, node, ['metadata', 'name'])) ?? '';
  const namespace = scalarString(nodeAt(sink, node, ['metadata', 'namespace']));
  const label = `${prefix}${kind ?? '(no kind)'}${name ? '/' + name : ''}`;
  if (kind === 'List' || (kind?.endsWith('List') && isSeq(nodeAt(sink, node, ['items'])))) {
    const items = nodeAt(sink, node, ['items']);
    if (!isSeq(items)) {
      sink.skipped.push({ file: sink.file, doc, label, pos, reason: 'List without items' });
      return;
    }
    items.items.forEach((it, j) => {
      const item = deref(sink, it);
      if (isAlias(it) && sink.listing.has(item as Node)) {
        throw new ManifestError(sink.file, sink.at(it.range?.[0] ?? 0), `anchor '${it.source}' value contains itself`);
      }
      sink.listing.add(node);
      if (item && typeof item === 'object' && 'range' in item) collect(item as Node, doc, `${prefix}List[${j}] `, sink);
      sink.listing.delete(node);
    });
    return;
  }
  const path = kind === undefined ? undefined : POD_TEMPLATE_PATH[kind];
  if (path === undefined) {
    const reason = kind === undefined ? 'no `kind` field' : `kind ${kind} has no pod template`;
    sink.skipped.push({ file: sink.file, doc, label, pos, reason });
    return;
  }
  const template = nodeAt(sink, node, path);
  if (!isMap(template)) {
    sink.skipped.push({ file: sink.file, doc, label, pos, reason: `${kind} has no ${path.join('.')}` });
    return;
  }
  const problems: string[] = [];
  const annotations = readAnnotations(template, sink, problems);
  const misplaced =
    path.length === 0 ? undefined : misplacedAnnotations(nodeAt(sink, node, ['metadata']), [...path, 'metadata', 'annotations'].join('.'), sink);
  sink.pods.push({ file: sink.file, doc, kind: kind as string, name, namespace, label, pos, annotations, problems, misplaced });
}

function misplacedAnnotations(metadata: unknown, belongs: string, sink: Sink): MisplacedAnnotations | undefined {
  const node = nodeAt(sink, metadata, ['annotations']);
  if (!isMap(node)) return undefined;
  const keys: string[] = [];
  let first: Node | undefined;
  for (const pair of node.items) {
    if (!isScalar(pair.key) || !String(pair.key.value).startsWith('vault.hashicorp.com/')) continue;
    keys.push(String(pair.key.value));
    first ??= pair.key;
  }
  if (first === undefined) return undefined;
  return { pos: sink.at(first.range?.[0] ?? 0), keys, belongs };
}

function readAnnotations(template: YAMLMap, sink: Sink, problems: string[]): Map<string, Annotation> {
  const out = new Map<string, Annotation>();
  const node = nodeAt(sink, template, ['metadata', 'annotations']);
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return out;
  if (!isMap(node)) {
    problems.push(`metadata.annotations is not a mapping (${where(sink, node as Node)})`);
    return out;
  }
  for (const pair of node.items) {
    const k = deref(sink, pair.key) as Node | null;
    const v = (deref(sink, pair.value) ?? null) as Node | null;
    if (!isScalar(k)) continue;
    const key = String(k.value);
    const keyPos = sink.at(k.range?.[0] ?? 0);
    if (v === null || !isScalar(v)) {
      if (v !== null) problems.push(`annotation ${key} must be a string (${where(sink, v)})`);
      else problems.push(`annotation ${key} has no value; Kubernetes needs a string (${sink.file}:${keyPos.line}:${keyPos.col})`);
      continue;
    }
    const source = v.range ? sink.text.slice(v.range[0], v.range[1]) : String(v.value);
    let notString: string | undefined;
    let value: string;
    if (typeof v.value === 'string') {
      value = v.value;
    } else {
      notString = v.value === null ? 'null' : typeof v.value === 'bigint' ? 'number' : typeof v.value;
      value = source;
      problems.push(`annotation ${key} is a YAML ${notString}, not a string: quote it ("${value}") (${where(sink, v)})`);
    }
    out.set(key, { key, value, keyPos, valuePos: sink.at(v.range?.[0] ?? 0), style: styleOf(v), source, notString });
  }
  return out;
}

function styleOf(v: Scalar): ScalarStyle {
  switch (v.type) {
    case 'BLOCK_LITERAL':
      return 'block-literal';
    case 'BLOCK_FOLDED':
      return 'block-folded';
    case 'QUOTE_SINGLE':
      return 'single';
    case 'QUOTE_DOUBLE':
      return 'double';
    default:
      return 'plain';
  }
}

function scalarString(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

function where(sink: Sink, node: Node): string {
  const p = sink.at(node.range?.[0] ?? 0);
  return `${sink.file}:${p.line}:${p.col}`;
}

/** The yaml library's message without its own " at line L, column C:" and excerpt (we show both ourselves). */
function yamlSentence(s: string): string {
  const first = s.split('\n', 1)[0] as string;
  return first.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
}

/**
 * Maps a position inside an annotation's template (1-based line, 1-based column) back to the YAML
 * file. Exact for literal block scalars (`|`) and for scalars written on one line (plain, or quoted
 * with escapes); undefined for folded or multi-line flow scalars, whose folding makes it ambiguous.
 */
export function templatePosInFile(ann: Annotation, fileText: string, line: number, col: number): SourcePos | undefined {
  if (ann.style === 'block-literal') {
    const fileLines = fileText.split('\n');
    const first = ann.valuePos.line + 1; // content starts on the line after the `|` header
    const target = first + line - 1;
    if (target - 1 >= fileLines.length) return undefined;
    return { line: target, col: blockIndent(fileLines, first - 1) + col };
  }
  if (ann.source.includes('\n') || ann.style === 'block-folded') return undefined;
  const offset = offsetIn(ann.value, line, col);
  if (offset === undefined) return undefined;
  if (ann.style === 'plain') return { line: ann.valuePos.line, col: ann.valuePos.col + offset };
  // Quoted: walk the raw source after the opening quote; each escape is one template character.
  const raw = ann.source;
  let i = 1;
  for (let n = 0; n < offset && i < raw.length - 1; n++) i += rawCharLength(raw, i, ann.style);
  return { line: ann.valuePos.line, col: ann.valuePos.col + i };
}

/** Offset of (line, col) in text, or undefined when outside it. */
function offsetIn(text: string, line: number, col: number): number | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  return start + col - 1;
}

/** Length in the source of the quoted-scalar character starting at raw[i]. */
function rawCharLength(raw: string, i: number, style: ScalarStyle): number {
  if (style === 'single') return raw.startsWith("''", i) ? 2 : 1;
  if (raw[i] !== '\\') return 1;
  switch (raw[i + 1]) {
    case 'x':
      return 4;
    case 'u':
      return 6;
    case 'U':
      return 10;
    default:
      return 2;
  }
}

function blockIndent(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.trim() !== '') return l.length - l.trimStart().length;
  }
  return 0;
}
