// Vault Agent on top of the engine: vault-k8s annotations, manifests, template files,
// previews and checks (what the CLI drives).
export * from './analyze.js';
export * from './annotations.js';
export * from './check.js';
export * from './manifest.js';
export * from './parse-template.js';
export * from './preview.js';
export * from './templatefile.js';
export * from './write.js';
export * from './config.js';
export * from './config-file.js';
export * from './manifest-config.js';
export * from './runtime.js';
export * from './log.js';
export * from './confine.js';
