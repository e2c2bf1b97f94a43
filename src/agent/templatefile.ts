// Finding a local copy of an agent-inject-template-file path, which names a file inside the
// Vault Agent container (usually from a ConfigMap mounted with agent-configmap or agent-extra-secret).

import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * A reader for planAgent: looks for DIR/<path as written> first, then DIR/<base name>.
 * Reads the bytes as UTF-8 text, exactly (no newline changes).
 */
export function templateFileReader(dir: string): (source: string) => { text: string; resolved: string } {
  return (source: string) => {
    const candidates = [join(dir, source.replace(/^\/+/, '')), join(dir, basename(source))];
    for (const c of candidates) {
      try {
        return { text: readFileSync(c, 'utf8'), resolved: c };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') throw new Error(`reading ${c}: ${(e as Error).message}`);
      }
    }
    throw new Error(`template file ${source} not found in ${dir} (looked for ${candidates.join(' and ')})`);
  };
}
