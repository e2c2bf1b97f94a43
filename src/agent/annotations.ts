// vault-k8s annotations -> the template configs Vault Agent gets
// (port of hashicorp/vault-k8s agent-inject/agent: ShouldInject, Agent.secrets, newTemplateConfigs).

import { join as joinPath } from '../go/path/index.js';
import { parseBool as goParseBool } from '../go/strconv/index.js';
import { parseutilParseBool } from './parsebool.js';
import { destinationOutsideVolume } from './confine.js';

export const PREFIX = 'vault.hashicorp.com/';
export const A = {
  inject: PREFIX + 'agent-inject',
  status: PREFIX + 'agent-inject-status',
  secret: PREFIX + 'agent-inject-secret',
  templateFile: PREFIX + 'agent-inject-template-file',
  template: PREFIX + 'agent-inject-template',
  file: PREFIX + 'agent-inject-file',
  perms: PREFIX + 'agent-inject-perms',
  command: PREFIX + 'agent-inject-command',
  token: PREFIX + 'agent-inject-token',
  defaultTemplate: PREFIX + 'agent-inject-default-template',
  volumePath: PREFIX + 'secret-volume-path',
  preserveCase: PREFIX + 'preserve-secret-case',
  leftDelim: PREFIX + 'agent-template-left-delim',
  rightDelim: PREFIX + 'agent-template-right-delim',
  errorOnMissingKey: PREFIX + 'error-on-missing-key',
  configMap: PREFIX + 'agent-configmap',
} as const;

/** Byte-exact copies of vault-k8s agent-inject/agent/config.go. */
export const DEFAULT_MAP_TEMPLATE = '{{ with secret "%s" }}{{ range $k, $v := .Data }}{{ $k }}: {{ $v }}\n{{ end }}{{ end }}';
export const DEFAULT_JSON_TEMPLATE = '{{ with secret "%s" }}{{ .Data | toJSON }}\n{{ end }}';
/** container_volume.go secretVolumePath, the default Init gives secret-volume-path. */
export const DEFAULT_VOLUME_PATH = '/vault/secrets';
/** Vault Agent's file sink writes the token with mode 0640. */
export const TOKEN_FILE_PERMS = '0640';

export type DefaultTemplateType = 'map' | 'json';

/** Where a template's text comes from. */
export type TemplateOrigin =
  | { readonly kind: 'annotation'; readonly key: string }
  | { readonly kind: 'file'; readonly key: string; readonly source: string; readonly resolved?: string }
  | { readonly kind: 'default'; readonly key: string; readonly type: DefaultTemplateType };

export interface TemplateConfig {
  /** Secret name after lowercasing (the file name when there is no agent-inject-file). */
  readonly name: string;
  readonly rawName: string;
  /** Value of agent-inject-secret-RAW ("" for template-only secrets). */
  readonly secretPath: string;
  readonly destination: string;
  /** agent-inject-perms-RAW as written (e.g. "0440"); undefined = Vault Agent default 0644. */
  readonly perms?: string;
  readonly command?: string;
  readonly leftDelim: string;
  readonly rightDelim: string;
  readonly errorOnMissingKey: boolean;
  readonly origin: TemplateOrigin;
  /** The template text; undefined when it could not be obtained (see error). */
  readonly contents?: string;
  readonly error?: string;
}

/** The token file agent-inject-token asks for (its content only exists in a running agent). */
export interface TokenFile {
  readonly destination: string;
  readonly perms: string;
}

export interface AgentPlan {
  /** Whether the injector would inject this pod at all. */
  readonly inject: boolean;
  /** Why nothing is injected (when inject is false). */
  readonly reason?: string;
  /** Errors that make the injector reject the pod (admission fails). */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly templates: readonly TemplateConfig[];
  readonly token?: TokenFile;
  readonly defaultTemplate: DefaultTemplateType;
}

export interface PlanOptions {
  /** The injector's -default-template flag (AGENT_INJECT_DEFAULT_TEMPLATE); "map" when absent. */
  readonly defaultTemplate?: string;
  /**
   * Reads an agent-inject-template-file path (a path inside the agent container).
   * Returns the text and the local file used, or throws with a message for the user.
   */
  readonly readTemplateFile?: (source: string) => { text: string; resolved: string };
}

/** vault-k8s ShouldInject: agent-inject must be present and true (strconv.ParseBool), status not "injected". */
function shouldInject(ann: ReadonlyMap<string, string>): { inject: boolean; reason?: string; error?: string } {
  const raw = ann.get(A.inject);
  if (raw === undefined) return { inject: false, reason: `annotation ${A.inject} is absent, so the injector leaves this pod alone` };
  let on: boolean;
  try {
    on = goParseBool(raw);
  } catch (e) {
    return { inject: false, error: `${A.inject}: ${(e as Error).message}` };
  }
  if (!on) return { inject: false, reason: `${A.inject} is "${raw}", so the injector leaves this pod alone` };
  if (ann.get(A.status) === 'injected') {
    return { inject: false, reason: `${A.status} is "injected": the injector does not mutate an already injected pod` };
  }
  return { inject: true };
}

/** Agent.preserveSecretCase: the per-secret annotation wins over the pod-level one; parse errors mean false. */
function preserveCase(ann: ReadonlyMap<string, string>, raw: string): boolean {
  const v = ann.get(`${A.preserveCase}-${raw}`) ?? ann.get(A.preserveCase);
  if (v === undefined) return false;
  try {
    return parseutilParseBool(v);
  } catch {
    return false;
  }
}

interface Secret {
  readonly name: string;
  readonly rawName: string;
}

/** Agent.secrets discovery: first matching prefix wins, blank values skipped, deduplicated by raw name. */
function discoverSecrets(ann: ReadonlyMap<string, string>): Secret[] {
  const prefixes = [A.secret, A.templateFile, A.template];
  const seen = new Set<string>();
  const out: Secret[] = [];
  for (const [key, value] of ann) {
    if (value.trim() === '') continue;
    for (const prefix of prefixes) {
      if (!key.startsWith(prefix + '-')) continue;
      const rawName = key.slice(prefix.length + 1);
      const name = preserveCase(ann, rawName) ? rawName : rawName.toLowerCase();
      if (name === '') continue;
      if (!seen.has(rawName)) {
        seen.add(rawName);
        out.push({ name, rawName });
      }
      break;
    }
  }
  return out;
}

/** Go fmt.Sprintf with a single %s verb and no other verbs, as the default templates use. */
function sprintfS(format: string, arg: string): string {
  return format.replace('%s', () => arg);
}

export function planAgent(annotations: ReadonlyMap<string, string>, opts: PlanOptions = {}): AgentPlan {
  const ann = annotations;
  const errors: string[] = [];
  const warnings: string[] = [];
  const decision = shouldInject(ann);
  const rawDefault = ann.get(A.defaultTemplate) ?? opts.defaultTemplate ?? 'map';
  const defaultLower = rawDefault.toLowerCase();
  const defaultTemplate: DefaultTemplateType = defaultLower === 'json' ? 'json' : 'map';
  if (decision.error) errors.push(decision.error);
  if (!decision.inject) {
    return { inject: false, reason: decision.reason, errors, warnings, templates: [], defaultTemplate };
  }
  // agent.New lowercases the type and rejects anything else (only for pods it injects).
  if (defaultLower !== 'map' && defaultLower !== 'json') errors.push(`invalid default template type: ${defaultLower}`);
  const configMap = ann.get(A.configMap);
  if (configMap !== undefined) {
    // vault-k8s then mounts the ConfigMap's config.hcl / config-init.hcl as the agent's whole
    // configuration and generates none: the annotation templates are not used.
    warnings.push(
      `${A.configMap}: the agent takes its whole configuration (templates included) from ConfigMap ${JSON.stringify(configMap)}, ` +
        'not from these annotations; vtpl cannot see that ConfigMap, so what follows is what the annotations alone would give',
    );
  }

  // Init defaults the pod-level secret-volume-path only when the annotation is absent.
  const podVolume = ann.get(A.volumePath) ?? DEFAULT_VOLUME_PATH;
  const perSecret = (annotation: string, raw: string, dflt: string): string => ann.get(`${annotation}-${raw}`) ?? dflt;
  const templates: TemplateConfig[] = [];
  for (const s of discoverSecrets(ann)) {
    const raw = s.rawName;
    const secretPath = perSecret(A.secret, raw, '');
    const inlineTemplate = perSecret(A.template, raw, '');
    const templateFile = inlineTemplate === '' ? perSecret(A.templateFile, raw, '') : '';
    const mountPath = perSecret(A.volumePath, raw, podVolume);
    const fileName = perSecret(A.file, raw, '');
    const perms = perSecret(A.perms, raw, '');
    const command = perSecret(A.command, raw, '');
    const left = perSecret(A.leftDelim, raw, '') || '{{';
    const right = perSecret(A.rightDelim, raw, '') || '}}';
    let errorOnMissingKey = false;
    try {
      errorOnMissingKey = parseutilParseBool(perSecret(A.errorOnMissingKey, raw, ''));
    } catch (e) {
      errors.push(`${A.errorOnMissingKey}-${raw}: ${(e as Error).message}`);
    }
    const destination = fileName !== '' ? joinPath(mountPath, fileName) : `${mountPath}/${s.name}`;

    let origin: TemplateOrigin;
    let contents: string | undefined;
    let error: string | undefined;
    if (templateFile !== '') {
      const key = `${A.templateFile}-${raw}`;
      if (!opts.readTemplateFile) {
        origin = { kind: 'file', key, source: templateFile };
        error = `template file ${templateFile} lives in the agent container; pass --template-dir DIR holding a copy`;
      } else {
        try {
          const got = opts.readTemplateFile(templateFile);
          origin = { kind: 'file', key, source: templateFile, resolved: got.resolved };
          contents = got.text;
        } catch (e) {
          origin = { kind: 'file', key, source: templateFile };
          error = (e as Error).message;
        }
      }
    } else if (inlineTemplate !== '') {
      origin = { kind: 'annotation', key: `${A.template}-${raw}` };
      contents = inlineTemplate;
    } else {
      origin = { kind: 'default', key: `${A.secret}-${raw}`, type: defaultTemplate };
      contents = sprintfS(defaultTemplate === 'json' ? DEFAULT_JSON_TEMPLATE : DEFAULT_MAP_TEMPLATE, secretPath);
    }
    // Named after the annotation that chose the file name: agent-inject-file, else the secret's own key.
    const outside = destinationOutsideVolume(mountPath, destination);
    if (outside !== undefined) errors.push(`${fileName !== '' ? `${A.file}-${raw}` : origin.key}: ${outside}`);
    templates.push({
      name: s.name,
      rawName: raw,
      secretPath,
      destination,
      perms: perms === '' ? undefined : perms,
      command: command === '' ? undefined : command,
      leftDelim: left,
      rightDelim: right,
      errorOnMissingKey,
      origin,
      contents,
      error,
    });
  }

  const byDest = new Map<string, string[]>();
  for (const t of templates) byDest.set(t.destination, [...(byDest.get(t.destination) ?? []), t.rawName]);
  for (const [dest, names] of byDest) {
    if (names.length > 1) warnings.push(`secrets ${names.join(', ')} all write ${dest}; the last render wins`);
  }

  let token: TokenFile | undefined;
  const rawToken = ann.get(A.token);
  if (rawToken !== undefined) {
    try {
      if (parseutilParseBool(rawToken)) token = { destination: joinPath(podVolume, 'token'), perms: TOKEN_FILE_PERMS };
    } catch (e) {
      errors.push(`${A.token}: ${(e as Error).message}`);
    }
  }
  if (templates.length === 0 && !token) warnings.push('agent-inject is on but no agent-inject-secret-*/agent-inject-template-* annotation asks for a file');
  return { inject: true, errors, warnings, templates, token, defaultTemplate };
}
