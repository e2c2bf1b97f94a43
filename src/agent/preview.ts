// Preview: render every file Vault Agent would write for each pod template, against recorded
// (or live) Vault responses, and say exactly how to record what is missing.

import { annotationPos, type Manifest, misplacedMessage, type PodTemplate, type SkippedDocument } from './manifest.js';
import { planAgent, type TemplateConfig } from './annotations.js';
import { analyzeTrees, type SecretRead } from './analyze.js';
import { parseTemplateTrees } from './parse-template.js';
import { locateParseError } from './check.js';
import { renderConsulTemplate } from '../vault/index.js';
import { Brain } from '../vault/index.js';
import type { VaultClient, VaultResponse } from '../vault/index.js';

export const TOKEN_PLACEHOLDER = '<VAULT TOKEN: written by the running agent (auto-auth token); not available offline>';

/** A request the renderer made that Vault answered with 404, and the command that records it. */
export interface MissingSecret {
  readonly request: string;
  readonly path: string;
  readonly record: string;
}

export interface PreviewFile {
  readonly destination: string;
  /** Octal mode as 4 digits, e.g. "0440". */
  readonly mode: string;
  /** Where the mode comes from. */
  readonly modeFrom: 'agent-inject-perms' | 'default' | 'token sink';
  /** Annotation (or file) the template came from. */
  readonly origin: string;
  readonly command?: string;
  /** Secret functions with literal paths found in the template (computed paths have no `path`). */
  readonly reads: readonly Pick<SecretRead, 'fn' | 'path' | 'args'>[];
  /** The rendered content; absent when the file would not be written. */
  readonly content?: string;
  /** The content is a stand-in (the token file). */
  readonly placeholder?: boolean;
  readonly error?: string;
  readonly missing?: readonly MissingSecret[];
  readonly emptyLists?: readonly MissingSecret[];
}

export interface PreviewPod {
  readonly file: string;
  readonly doc: number;
  readonly label: string;
  readonly namespace?: string;
  readonly inject: boolean;
  readonly reason?: string;
  /** Reasons the injector (or Kubernetes) would reject the pod. */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly files: readonly PreviewFile[];
}

export interface PreviewOptions {
  readonly client: VaultClient;
  /** Shown in the record commands for missing responses. */
  readonly responsesDir: string;
  readonly readTemplateFile?: (source: string) => { text: string; resolved: string };
  readonly defaultTemplate?: string;
  readonly env?: Readonly<Record<string, string>>;
  /**
   * The current contents of a pod's file (where preview --out writes it): pkiCert reuses a
   * certificate found there while it is still good, as Vault Agent does with the destination.
   */
  readonly readDestination?: (pod: PodTemplate, destination: string) => Promise<string>;
  /** One set of fetched secrets for every pod (record: one read per dependency); default: one per pod. */
  readonly brain?: Brain;
}

interface LoggedRequest {
  readonly method: 'GET' | 'LIST' | 'PUT' | 'MOUNT';
  readonly path: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly status: number;
}

/** Wraps a client to see which requests Vault could not answer. */
function loggingClient(inner: VaultClient, log: LoggedRequest[]): VaultClient {
  const note = async (method: LoggedRequest['method'], path: string, p: Promise<VaultResponse>, data?: Readonly<Record<string, unknown>>) => {
    const res = await p;
    log.push({ method, path, data, status: res.status });
    return res;
  };
  return {
    address: inner.address,
    namespace: inner.namespace,
    read: (path, query) => note('GET', path, inner.read(path, query)),
    list: (path) => note('LIST', path, inner.list(path)),
    write: (path, data) => note('PUT', path, inner.write(path, data), data),
    mountInfo: (path) => note('MOUNT', path, inner.mountInfo(path)),
  };
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command that records a missing response into the responses directory. */
export function recordCommand(req: { method: string; path: string; data?: Readonly<Record<string, unknown>> }, dir: string): string {
  const out = (suffix: string) => shellQuote(`${dir.replace(/\/+$/, '')}/${req.path}${suffix}`);
  if (req.method === 'PUT') {
    // vault write takes k=v with v as text; a JSON value (object, list) is passed as its JSON.
    const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
    const args = Object.entries(req.data ?? {})
      .map(([k, v]) => shellQuote(`${k}=${text(v)}`))
      .join(' ');
    return `vault write -format=json ${shellQuote(req.path)}${args ? ' ' + args : ''} > ${out('.put.json')}`;
  }
  if (req.method === 'LIST') {
    return `curl -s -X LIST -H "X-Vault-Token: $VAULT_TOKEN" "$VAULT_ADDR/v1/${req.path}" > ${out('.list.json')}`;
  }
  return `vault read -format=json ${shellQuote(req.path)} > ${out('.json')}`;
}

function readsOf(c: TemplateConfig): PreviewFile['reads'] {
  if (c.contents === undefined) return [];
  try {
    return analyzeTrees(parseTemplateTrees(c.contents, c.leftDelim, c.rightDelim), () => undefined).reads.map((r) => ({
      fn: r.fn,
      path: r.path,
      args: r.args,
    }));
  } catch {
    return []; // the render reports the parse error
  }
}

function modeOf(c: TemplateConfig): { mode: string; modeFrom: PreviewFile['modeFrom']; error?: string } {
  if (c.perms === undefined) return { mode: '0644', modeFrom: 'default' };
  if (!/^[0-7]{1,4}$/.test(c.perms)) {
    return { mode: '0644', modeFrom: 'default', error: `agent-inject-perms-${c.rawName}: ${JSON.stringify(c.perms)} is not an octal file mode` };
  }
  return { mode: parseInt(c.perms, 8).toString(8).padStart(4, '0'), modeFrom: 'agent-inject-perms' };
}

function originOf(c: TemplateConfig): string {
  switch (c.origin.kind) {
    case 'default':
      return `default ${c.origin.type} template for ${c.origin.key}`;
    case 'file':
      return `${c.origin.key} (${c.origin.resolved ?? c.origin.source})`;
    default:
      return c.origin.key;
  }
}

export interface RenderOutcome {
  readonly content?: string;
  readonly error?: string;
  readonly missing?: readonly MissingSecret[];
  /** LIST requests without a recording: `secrets` saw an empty list (as Vault Agent does on a 404). */
  readonly emptyLists?: readonly MissingSecret[];
}

/**
 * Renders one template as Vault Agent would. When Vault answers a read or write with 404
 * the template stays "missing" (the agent keeps retrying and never writes it), so there
 * is no content, and each missing request comes with the command that records it.
 */
export async function renderAgentTemplate(args: {
  readonly template: string;
  readonly delims: readonly [string, string];
  readonly errorOnMissingKey: boolean;
  readonly env: Readonly<Record<string, string>>;
  readonly client: VaultClient;
  readonly responsesDir: string;
  /** The file's destination: pkiCert names its dependency by it. */
  readonly destination?: string;
  /** The pod's shared set of fetched secrets (one read per dependency for all its files). */
  readonly brain?: Brain;
  /** The destination's current contents, for pkiCert's certificate reuse; without it pkiCert always issues. */
  readonly readDestination?: (destination: string) => Promise<string>;
}): Promise<RenderOutcome> {
  const log: LoggedRequest[] = [];
  let output: string | undefined;
  let error: string | undefined;
  try {
    const res = await renderConsulTemplate({
      template: args.template,
      name: '',
      delims: [args.delims[0], args.delims[1]],
      errorOnMissingKey: args.errorOnMissingKey,
      env: args.env,
      client: loggingClient(args.client, log),
      destination: args.destination,
      brain: args.brain,
      readDestination: args.readDestination,
    });
    output = res.output;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  // A LIST 404 is an empty list, and a mount lookup 404 only means "not KV v2": neither is missing.
  const missing = log
    .filter((r) => r.status === 404 && (r.method === 'GET' || r.method === 'PUT'))
    .map((r) => ({ request: `${r.method} /v1/${r.path}`, path: r.path, record: recordCommand(r, args.responsesDir) }));
  const unique = dedup(missing);
  const lists = dedup(
    log
      .filter((r) => r.status === 404 && r.method === 'LIST')
      .map((r) => ({ request: `LIST /v1/${r.path}`, path: r.path, record: recordCommand(r, args.responsesDir) })),
  );
  if (unique.length > 0) {
    const why = error ?? 'Vault has no secret at a path the template reads';
    return { missing: unique, error: `${why} (Vault Agent would keep retrying and never write this file)` };
  }
  if (error !== undefined) return { error };
  return lists.length > 0 ? { content: output, emptyLists: lists } : { content: output };
}

function dedup(list: readonly MissingSecret[]): MissingSecret[] {
  return [...new Map(list.map((m) => [m.request, m])).values()];
}

/** A parse error prefixed with its place in the manifest (file:line:col), as check reports it. */
function withPlace(error: string | undefined, pod: PodTemplate, fileText: string | undefined, c: TemplateConfig): string | undefined {
  if (error === undefined || fileText === undefined || !error.startsWith('parse: ')) return error;
  const at = locateParseError(pod, fileText, c, error);
  return at === undefined ? error : `${pod.file}:${at.line}:${at.col}: ${error}`;
}

async function renderFile(c: TemplateConfig, opts: PreviewOptions, pod: PodTemplate, brain: Brain, fileText?: string): Promise<PreviewFile> {
  const mode = modeOf(c);
  const base = {
    destination: c.destination,
    mode: mode.mode,
    modeFrom: mode.modeFrom,
    origin: originOf(c),
    command: c.command,
    reads: readsOf(c),
  };
  if (c.contents === undefined) return { ...base, error: c.error ?? 'no template text' };
  if (mode.error) return { ...base, error: mode.error };
  const readPodFile = opts.readDestination;
  const outcome = await renderAgentTemplate({
    template: c.contents,
    delims: [c.leftDelim, c.rightDelim],
    errorOnMissingKey: c.errorOnMissingKey,
    env: opts.env ?? {},
    client: opts.client,
    responsesDir: opts.responsesDir,
    destination: c.destination,
    brain,
    readDestination: readPodFile && ((d) => readPodFile(pod, d)),
  });
  return { ...base, ...outcome, error: withPlace(outcome.error, pod, fileText, c) };
}

/** `fileText`: the manifest's text, to place parse errors in it. */
export async function previewPod(pod: PodTemplate, opts: PreviewOptions, fileText?: string): Promise<PreviewPod> {
  const values = new Map([...pod.annotations].map(([k, a]) => [k, a.value]));
  const plan = planAgent(values, { readTemplateFile: opts.readTemplateFile, defaultTemplate: opts.defaultTemplate });
  // Plan errors name their annotation first: add where it is in the manifest.
  const placed = plan.errors.map((e) => {
    const at = annotationPos(pod, e);
    return at === pod.pos ? e : `${e} (${pod.file}:${at.line}:${at.col})`;
  });
  const errors = [...pod.problems, ...placed, ...plan.templates.flatMap((c) => modeOf(c).error ?? [])];
  const warnings = [...(pod.misplaced ? [misplacedMessage(pod, pod.misplaced)] : []), ...plan.warnings];
  const base = { file: pod.file, doc: pod.doc, label: pod.label, namespace: pod.namespace, inject: plan.inject, reason: plan.reason, errors, warnings };
  // The injector's webhook refuses such a pod: it never starts, so no file is written.
  if (errors.length > 0) return { ...base, files: [] };
  const files: PreviewFile[] = [];
  // One brain per pod, as the pod's Vault Agent keeps one for all its templates.
  const brain = opts.brain ?? new Brain();
  for (const c of plan.templates) files.push(await renderFile(c, opts, pod, brain, fileText));
  if (plan.token) {
    files.push({
      destination: plan.token.destination,
      mode: plan.token.perms,
      modeFrom: 'token sink',
      origin: 'vault.hashicorp.com/agent-inject-token',
      reads: [],
      content: TOKEN_PLACEHOLDER,
      placeholder: true,
    });
  }
  return { ...base, files };
}

export interface PreviewResult {
  readonly pods: readonly PreviewPod[];
  readonly skipped: readonly SkippedDocument[];
}

export async function previewManifest(m: Manifest, opts: PreviewOptions): Promise<PreviewResult> {
  const pods: PreviewPod[] = [];
  for (const pod of m.pods) pods.push(await previewPod(pod, opts, m.text));
  return { pods, skipped: m.skipped };
}
