// A pod's annotations as the Vault Agent config the vault-k8s injector would generate for
// it (agent-inject/agent/config.go newConfig): its templates, template_config from the
// template-config-* annotations (exit_on_retry_failure defaults to true there), and
// exit_after_auth for agent-pre-populate-only pods (render once and exit, as the init
// container does).

import { join } from 'node:path';
import type { PodTemplate } from './manifest.js';
import { PREFIX, type PlanOptions, planAgent } from './annotations.js';
import { parseutilParseBool } from './parsebool.js';
import { parseDurationSecond } from './duration.js';
import { type AgentConfig, type AuthMethodConfig, DEFAULT_RETRY, type TemplateSpec } from './config.js';

export interface PodAgentOptions extends PlanOptions {
  readonly vault: Omit<AgentConfig['vault'], 'retry'>;
  /** Kubernetes auth with this service-account token file (role and path from --role/--auth-path or the pod's annotations). */
  readonly jwtFile?: string;
  readonly role?: string;
  readonly authPath?: string;
  /** Write every file under this directory (the pod's /vault/secrets/x becomes DIR/vault/secrets/x). */
  readonly outDir?: string;
}

export interface PodAgentConfig {
  readonly config?: AgentConfig;
  /** Why the pod gets no agent (not injected, or rejected by the injector). */
  readonly problems: readonly string[];
}

function boolAnnotation(ann: ReadonlyMap<string, string>, key: string, dflt: boolean, problems: string[]): boolean {
  const v = ann.get(PREFIX + key);
  if (v === undefined) return dflt;
  try {
    return parseutilParseBool(v);
  } catch {
    problems.push(`${PREFIX}${key}: ${JSON.stringify(v)} is not a boolean`);
    return dflt;
  }
}

export function agentConfigFromPod(pod: PodTemplate, opts: PodAgentOptions): PodAgentConfig {
  const ann = new Map([...pod.annotations].map(([k, a]) => [k, a.value]));
  const plan = planAgent(ann, opts);
  const problems = [...pod.problems, ...plan.errors];
  if (!plan.inject) problems.push(plan.reason ?? 'the injector would not inject this pod');
  const place = (p: string): string => (opts.outDir === undefined ? p : join(opts.outDir, p));
  const templates: TemplateSpec[] = [];
  for (const t of plan.templates) {
    if (t.contents === undefined) {
      problems.push(`${t.destination}: ${t.error ?? 'no template text'}`);
      continue;
    }
    if (t.perms !== undefined && !/^[0-7]{1,4}$/.test(t.perms))
      problems.push(`agent-inject-perms-${t.rawName}: ${JSON.stringify(t.perms)} is not an octal file mode`);
    templates.push({
      contents: t.contents,
      destination: place(t.destination),
      perms: t.perms === undefined ? undefined : parseInt(t.perms, 8),
      command: t.command || undefined,
      commandTimeoutMs: 30_000,
      errorOnMissingKey: t.errorOnMissingKey,
      leftDelimiter: t.leftDelim,
      rightDelimiter: t.rightDelim,
      createDestDirs: true,
      backup: false,
    });
  }
  let interval = 5 * 60_000;
  const raw = ann.get(`${PREFIX}template-static-secret-render-interval`);
  if (raw !== undefined) {
    try {
      interval = parseDurationSecond(raw) || interval;
    } catch (e) {
      problems.push(`${PREFIX}template-static-secret-render-interval: ${(e as Error).message}`);
    }
  }
  const threshold = Number(ann.get(`${PREFIX}template-lease-renewal-threshold`) ?? '0.9');
  if (!(threshold > 0 && threshold < 1)) problems.push(`${PREFIX}template-lease-renewal-threshold: must be between 0 and 1`);
  let method: AuthMethodConfig | undefined;
  if (opts.jwtFile !== undefined) {
    const role = opts.role ?? ann.get(`${PREFIX}role`);
    if (!role) problems.push(`kubernetes auth needs a role: --role or the ${PREFIX}role annotation`);
    const path = opts.authPath ?? ann.get(`${PREFIX}auth-path`) ?? 'auth/kubernetes';
    method = { type: 'kubernetes', role: role ?? '', tokenPath: opts.jwtFile, mountPath: path.replace(/^\/+|\/+$/g, '').replace(/^auth\//, '') };
  }
  const sinks = plan.token && method ? [{ type: 'file' as const, path: place(plan.token.destination), mode: parseInt(plan.token.perms, 8) }] : [];
  if (problems.length > 0) return { problems };
  return {
    problems,
    config: {
      vault: { ...opts.vault, namespace: opts.vault.namespace ?? ann.get(`${PREFIX}namespace`), retry: DEFAULT_RETRY },
      autoAuth: method ? { method, sinks } : undefined,
      templates,
      templateConfig: {
        staticSecretRenderIntervalMs: interval,
        // vault-k8s defaults exit_on_retry_failure to true.
        exitOnRetryFailure: boolAnnotation(ann, 'template-config-exit-on-retry-failure', true, problems),
        leaseRenewalThreshold: threshold,
      },
      exitAfterAuth: boolAnnotation(ann, 'agent-pre-populate-only', false, problems),
    },
  };
}
