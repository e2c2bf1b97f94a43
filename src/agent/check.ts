// `vtpl check` logic: parse every template (no Vault), list the secrets it reads, and find
// mistakes, with positions in the file the template came from.

import {
  type Annotation,
  annotationPos,
  ManifestError,
  misplacedMessage,
  type PodTemplate,
  readManifest,
  type SourcePos,
  templatePosInFile,
} from './manifest.js';
import { planAgent, type TemplateConfig, A } from './annotations.js';
import { type Analysis, analyzeTrees, type KvVerdict, normalizeSecretPath, type SecretRead } from './analyze.js';
import { parseTemplateTrees, TemplateParseError } from './parse-template.js';
import { lineColAt } from '../vault/index.js';

export type Severity = 'error' | 'warning';

export interface Problem {
  readonly severity: Severity;
  readonly file: string;
  readonly pos?: SourcePos;
  /** The source line the position points into, for showing with a caret. */
  readonly lineText?: string;
  readonly message: string;
  readonly hint?: string;
  /** Where it is when the position is approximate or the file is a manifest (pod, annotation). */
  readonly context?: string;
}

export interface CheckedRead {
  readonly fn: SecretRead['fn'];
  readonly path?: string;
  readonly args: readonly (string | undefined)[];
  readonly pos?: SourcePos;
}

export interface CheckedTemplate {
  readonly file: string;
  /** `Deployment/web` for manifests, undefined for template files. */
  readonly pod?: string;
  readonly destination?: string;
  /** The annotation or file the template text came from. */
  readonly origin: string;
  readonly parsed: boolean;
  readonly reads: readonly CheckedRead[];
}

export interface CheckResult {
  readonly templates: readonly CheckedTemplate[];
  readonly problems: readonly Problem[];
  /** Notes for the user that are not problems (e.g. skipped documents). */
  readonly notes: readonly string[];
}

export interface CheckOptions {
  readonly delims?: readonly [string, string];
  readonly readTemplateFile?: (source: string) => { text: string; resolved: string };
  readonly defaultTemplate?: string;
  /** KV version of a (normalised) path, from recorded mounts; undefined = unknown. */
  readonly kvVersion?: (path: string) => KvVerdict | undefined;
  /** What the file holds; by default `.yaml`/`.yml` files are manifests and the rest templates. */
  readonly kind?: 'manifest' | 'template';
}

/** One template to check and how to point into its file. */
interface Unit {
  readonly file: string;
  readonly fileText: string;
  readonly text: string;
  readonly left: string;
  readonly right: string;
  readonly pod?: PodTemplate;
  readonly config?: TemplateConfig;
  /** The annotation holding the template text (inline templates); positions map into it. */
  readonly annotation?: Annotation;
  readonly origin: string;
}

export function isManifestPath(file: string): boolean {
  return /\.(ya?ml)$/i.test(file);
}

function lineOf(text: string, line: number): string | undefined {
  return text.split('\n')[line - 1];
}

/** Position of a template position inside the unit's file, plus the source line to show. */
function place(unit: Unit, tpl: SourcePos): { pos?: SourcePos; lineText?: string; context?: string } {
  const where = unit.pod ? `${unit.pod.label}, ${unit.origin}` : undefined;
  if (!unit.pod) return { pos: tpl, lineText: lineOf(unit.text, tpl.line) };
  if (unit.annotation) {
    const p = templatePosInFile(unit.annotation, unit.fileText, tpl.line, tpl.col);
    if (p) return { pos: p, lineText: lineOf(unit.fileText, p.line), context: where };
    return { pos: unit.annotation.valuePos, context: `${where}, template line ${tpl.line} col ${tpl.col}: ${lineOf(unit.text, tpl.line) ?? ''}` };
  }
  // Default templates and template files: point at the annotation that produced them.
  const key = unit.config?.origin.key;
  const ann = key === undefined ? undefined : unit.pod.annotations.get(key);
  return { pos: ann?.keyPos ?? unit.pod.pos, context: `${where}, template line ${tpl.line}` };
}

/**
 * Go's parse errors carry only a line. When the message quotes the offending token and the
 * line holds it exactly once, point there; else at the line's first non-blank character.
 */
function guessColumn(message: string, lineText: string): number {
  const tok = /unexpected "((?:[^"\\]|\\.)+)"/.exec(message)?.[1];
  if (tok !== undefined) {
    let text = tok;
    try {
      text = JSON.parse(`"${tok}"`) as string;
    } catch {
      // keep the raw text
    }
    const at = lineText.indexOf(text);
    if (at >= 0 && lineText.indexOf(text, at + 1) < 0) return at + 1;
  }
  return lineText.length - lineText.trimStart().length + 1;
}

const GO_PARSE_ERROR = /^template: (?:[^\n]*?):(\d+):(?:(\d+):)? ([\s\S]*)$/;
/** `unclosed action started at :2`: Go names the line where the unfinished action opens. */
const STARTED_AT = /started at [^\n]*?:(\d+)$/;

/** Line and column of a parse error: where Go says the problem starts. */
function parseErrorPos(message: string, text: string, left: string): SourcePos {
  const m = GO_PARSE_ERROR.exec(message);
  const started = STARTED_AT.exec(message);
  if (started) {
    const line = Number(started[1]);
    const lineText = lineOf(text, line) ?? '';
    const at = lineText.lastIndexOf(left);
    return { line, col: at < 0 ? guessColumn('', lineText) : at + 1 };
  }
  const line = m ? Number(m[1]) : 1;
  const lineText = lineOf(text, line) ?? '';
  return { line, col: m?.[2] !== undefined ? Number(m[2]) : guessColumn(message, lineText) };
}

/**
 * Where in its manifest a template's parse error is, as check reports it (for preview):
 * `message` is Go's text, with or without consul-template's "parse: " prefix.
 */
export function locateParseError(pod: PodTemplate, fileText: string, c: TemplateConfig, message: string): SourcePos | undefined {
  if (c.contents === undefined || c.origin.kind === 'file') return undefined;
  const annotation = c.origin.kind === 'annotation' ? pod.annotations.get(c.origin.key) : undefined;
  const unit: Unit = {
    file: pod.file,
    fileText,
    text: c.contents,
    left: c.leftDelim,
    right: c.rightDelim,
    pod,
    config: c,
    annotation,
    origin: c.origin.key,
  };
  return place(unit, parseErrorPos(message.replace(/^parse: /, ''), unit.text, unit.left)).pos;
}

function checkUnit(unit: Unit, opts: CheckOptions, problems: Problem[]): CheckedTemplate {
  const base = { file: unit.file, pod: unit.pod?.label, destination: unit.config?.destination, origin: unit.origin };
  let trees: ReturnType<typeof parseTemplateTrees>;
  try {
    trees = parseTemplateTrees(unit.text, unit.left, unit.right);
  } catch (e) {
    if (!(e instanceof TemplateParseError)) throw e;
    problems.push({ severity: 'error', file: unit.file, ...place(unit, parseErrorPos(e.message, unit.text, unit.left)), message: e.message });
    return { ...base, parsed: false, reads: [] };
  }
  const kv = (p: string) => opts.kvVersion?.(p);
  const analysis: Analysis = analyzeTrees(trees, kv);
  for (const f of analysis.findings) {
    problems.push({ severity: f.severity, file: unit.file, ...place(unit, lineColAt(unit.text, f.pos)), message: f.message, hint: f.hint });
  }
  const reads = analysis.reads.map((r) => ({ fn: r.fn, path: r.path, args: r.args, pos: place(unit, lineColAt(unit.text, r.pos)).pos }));
  return { ...base, parsed: true, reads };
}

/**
 * vault-k8s needs the agent-inject-secret path only for the default template; a custom template
 * that does not read it is usually a typo. (A template reading more secrets than its annotation
 * names is normal: an extra agent-inject-secret-* annotation would create an extra file.)
 */
function crossCheck(pod: PodTemplate, configs: readonly TemplateConfig[], checked: readonly CheckedTemplate[], problems: Problem[]): void {
  const same = (a: string, b: string) => a === b || withData(a) === b || a === withData(b);
  configs.forEach((c, i) => {
    const t = checked[i];
    if (!t?.parsed || c.origin.kind === 'default' || c.secretPath.trim() === '') return;
    const secretReads = t.reads.filter((r) => r.fn === 'secret');
    const annKey = `${A.secret}-${c.rawName}`;
    const annPos = pod.annotations.get(annKey)?.keyPos;
    const wanted = normalizeSecretPath(c.secretPath);
    const dynamic = secretReads.some((r) => r.path === undefined);
    if (!dynamic && !t.reads.some((r) => r.path !== undefined && same(normalizeSecretPath(r.path), wanted))) {
      const readList =
        t.reads
          .filter((r) => r.path !== undefined)
          .map((r) => `"${r.path}"`)
          .join(', ') || 'no secret';
      problems.push({
        severity: 'warning',
        file: pod.file,
        pos: annPos,
        context: pod.label,
        message: `${annKey} names "${c.secretPath}" but its template reads ${readList}`,
        hint: 'with a custom template the annotation value is not used; make them agree to avoid confusion',
      });
    }
  });
}

/** `secret/foo` <-> `secret/data/foo`: the same KV v2 secret. */
function withData(p: string): string {
  const i = p.indexOf('/');
  return i < 0 ? p : `${p.slice(0, i)}/data/${p.slice(i + 1)}`;
}

export function checkFile(file: string, text: string, opts: CheckOptions): CheckResult {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const templates: CheckedTemplate[] = [];
  const [left, right] = opts.delims ?? ['{{', '}}'];
  if (opts.kind === 'template' || (opts.kind === undefined && !isManifestPath(file))) {
    templates.push(checkUnit({ file, fileText: text, text, left, right, origin: file }, opts, problems));
    return { templates, problems, notes };
  }
  let manifest;
  try {
    manifest = readManifest(text, file);
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    problems.push({ severity: 'error', file, pos: e.pos, lineText: e.lineText, message: `not valid YAML: ${e.detail}` });
    return { templates, problems, notes };
  }
  for (const s of manifest.skipped) notes.push(`${file}:${s.pos.line}:${s.pos.col}: skipped ${s.label}: ${s.reason}`);
  if (manifest.pods.length === 0) notes.push(`${file}: no pod templates found`);
  for (const pod of manifest.pods) {
    for (const p of pod.problems) problems.push({ severity: 'error', file, message: p, context: pod.label });
    const values = new Map([...pod.annotations].map(([k, a]) => [k, a.value]));
    const plan = planAgent(values, { readTemplateFile: opts.readTemplateFile, defaultTemplate: opts.defaultTemplate });
    for (const e of plan.errors) problems.push({ severity: 'error', file, pos: annotationPos(pod, e), context: pod.label, message: e });
    for (const w of plan.warnings) problems.push({ severity: 'warning', file, pos: pod.pos, context: pod.label, message: w });
    if (pod.misplaced) {
      // Without injection on the pod itself nothing happens at all: that is an error.
      problems.push({
        severity: plan.inject ? 'warning' : 'error',
        file,
        pos: pod.misplaced.pos,
        lineText: lineOf(text, pod.misplaced.pos.line),
        context: pod.label,
        message: misplacedMessage(pod, pod.misplaced),
      });
    }
    if (!plan.inject) {
      notes.push(`${file}:${pod.pos.line}:${pod.pos.col}: ${pod.label}: not injected: ${plan.reason ?? 'see errors'}`);
      continue;
    }
    const checked: CheckedTemplate[] = [];
    for (const c of plan.templates) {
      const origin = c.origin.kind === 'default' ? `default ${c.origin.type} template for ${c.origin.key}` : c.origin.key;
      if (c.contents === undefined) {
        const ann = pod.annotations.get(c.origin.key);
        problems.push({ severity: 'error', file, pos: ann?.valuePos ?? pod.pos, context: pod.label, message: c.error ?? 'no template text' });
        checked.push({ file, pod: pod.label, destination: c.destination, origin, parsed: false, reads: [] });
        continue;
      }
      const annotation = c.origin.kind === 'annotation' ? pod.annotations.get(c.origin.key) : undefined;
      const unitFile = c.origin.kind === 'file' && c.origin.resolved ? c.origin.resolved : file;
      const unit: Unit =
        c.origin.kind === 'file' && c.origin.resolved
          ? { file: unitFile, fileText: c.contents, text: c.contents, left: c.leftDelim, right: c.rightDelim, config: c, origin }
          : { file, fileText: text, text: c.contents, left: c.leftDelim, right: c.rightDelim, pod, config: c, annotation, origin };
      const t = checkUnit(unit, opts, problems);
      checked.push({ ...t, file, pod: pod.label });
    }
    crossCheck(pod, plan.templates, checked, problems);
    templates.push(...checked);
  }
  return { templates, problems, notes };
}
