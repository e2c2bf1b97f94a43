// The `vtpl/agent` entry point (package.json "exports"): what Vault Agent does inside a pod, on Node. Annotations -> the plan of
// files (vault-k8s semantics); preview (render the plan against recorded or live Vault);
// the runtime that keeps the files fresh (new Agent(config)); Vault Agent config files.

export { readManifest, ManifestError, type Manifest, type PodTemplate, type Annotation, type SkippedDocument } from './manifest.js';
export { planAgent, type AgentPlan, type PlanOptions, type TemplateConfig, type TokenFile } from './annotations.js';
export {
  previewManifest,
  previewPod,
  type PreviewOptions,
  type PreviewResult,
  type PreviewPod,
  type PreviewFile,
  type MissingSecret,
} from './preview.js';
export { Agent, connectAgentClient, type AgentOptions, type AgentExit, type FileWriter } from './runtime.js';
export {
  agentConfigFromObject,
  AgentConfigError,
  DEFAULT_RETRY,
  type AgentConfig,
  type TemplateSpec,
  type AuthMethodConfig,
  type SinkConfig,
  type RetryPolicy,
} from './config.js';
export { loadAgentConfig, parseAgentConfig } from './config-file.js';
export { retryDelay } from './retry.js';
export { type Clock, type Timer, systemClock, ManualClock } from './clock.js';
export { textLogger, jsonLogger, type Logger, type LogLevel, type LogFields } from './log.js';
export type { AgentVaultClient } from './auth.js';
export type { CommandResult, CommandRunner } from './command.js';
export { writeAtomic, WriteError, type WriteOptions, type WriteResult } from './write.js';
