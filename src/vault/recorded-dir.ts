// The recorded-directory client: the layout `vtpl record` writes (secret/data/app.json,
// .list.json, .put.json, _mounts.json) or a single recorded JSON file, as a VaultClient.

import { loadRecorded } from './recorded-fs.js';
import { type RecordedVaultClient, recordedClient } from './recorded.js';

/** A client answering from the recorded responses under `path` (a directory or a .json file). */
export function recordedDirClient(path: string, opts: { readonly address?: string; readonly namespace?: string } = {}): RecordedVaultClient {
  return recordedClient({ ...loadRecorded(path), ...opts });
}
