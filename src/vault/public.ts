// The `vtpl/vault` entry point (package.json "exports"): render a template as Vault Agent
// does (consul-template's functions and render loop) against a VaultClient: recorded
// responses (in memory or a directory), or a live Vault with token, kubernetes or AppRole
// auth. Node. (index.ts is the layer's internal, browser-safe barrel; this file is what
// users get, so it stays small and stable.)

export {
  renderConsulTemplate,
  ConsulTemplateError,
  type RenderConsulOptions,
  type RenderConsulResult,
  type UsedDependency,
} from './renderer.js';
export { Brain } from './brain.js';
export type { Dependency } from './dependency/index.js';
export type { LeaseInfo } from './lease.js';
export type { VaultClient, VaultResponse } from './client.js';
export { recordedClient, RecordedVaultClient, DEFAULT_VAULT_ADDRESS, type RecordedOptions, type Recorded } from './recorded.js';
export { recordedDirClient } from './recorded-dir.js';
export { connectLiveVault, LiveVaultClient, VaultLoginError } from './live.js';
export { LiveConfigError, type LiveOptions } from './live-config.js';
export { nodeFileAccess, nodePluginRunner } from './node-files.js';
export type { FileAccess } from './funcs/context.js';
export type { PluginRunner } from './funcs/context.js';
