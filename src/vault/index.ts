// Vault Agent templates: consul-template's functions and render loop over a VaultClient.
// Browser-safe. Node-only helpers live in their own modules: recorded-fs.ts (recorded
// responses on disk) and node-files.ts (file access and plugin commands for the renderer).

export { renderConsulTemplate, ConsulTemplateError, type RenderConsulOptions, type RenderConsulResult } from './renderer.js';
export type { VaultClient, VaultResponse } from './client.js';
export { recordedClient, RecordedVaultClient, DEFAULT_VAULT_ADDRESS, type RecordedOptions, type Recorded } from './recorded.js';

export type { FileAccess } from './funcs/context.js';
export type { PluginRunner } from './funcs/context.js';
export { consulTemplateFuncNames, consulTemplateFuncs } from './funcmap.js';
export { consulQueryNames, nomadQueryNames } from './funcs/consul.js';
export { RecordingClient, mergeMounts, recordingFiles, redactBody, safeRecordPath, REDACTED, type RecordedExchange, type RecordedMethod } from './recording.js';
export { DepSet, type FuncContext } from './funcs/context.js';
export * from './dependency/index.js';
export * from './brain.js';
export * from './lease.js';
export * from './json-position.js';
export { nodeChildProcess, nodeCrypto } from './lazy-require.js';
