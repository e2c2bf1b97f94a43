// consul-template's dependency package, its Vault kinds: one file each, as upstream.
export { type Dependency, type FetchOptions, parseKVArgs } from './dependency.js';
export { VaultReadQuery, parseReadPath } from './vault_read.js';
export { VaultWriteQuery } from './vault_write.js';
export { VaultListQuery } from './vault_list.js';
export { VaultPKIQuery } from './vault_pki.js';
export { parseVaultResponse, secretValue, secretType, secretPtrType, secretAuthType, secretWrapInfoType, type ApiSecret } from './vault_common.js';
export { pemEncodedType, type PemEncoded } from './pem.js';
export * from './vault_api.js';
