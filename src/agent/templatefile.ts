// Finding a local copy of an agent-inject-template-file path, which names a file inside the
// Vault Agent container (usually from a ConfigMap mounted with agent-configmap or agent-extra-secret).

import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { containerPath, resolveInside } from './confine.js';

/**
 * A reader for planAgent: looks for DIR/<path as written> first, then DIR/<base name>.
 * The path comes from a manifest, so it stays inside DIR: ".." stops at DIR and a symbolic
 * link leading out of DIR is refused. Reads the bytes as UTF-8 text, exactly (no newline changes).
 */
export function templateFileReader(dir: string): (source: string) => { text: string; resolved: string } {
  return (source: string) => {
    const candidates = [...new Set([containerPath(source), containerPath(posix.basename(containerPath(source)))])];
    const looked: string[] = [];
    for (const c of candidates) {
      const file = resolveInside(dir, c); // throws on a link out of DIR: the message names it
      looked.push(file);
      try {
        return { text: readFileSync(file, 'utf8'), resolved: file };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') throw new Error(`reading ${file}: ${(e as Error).message}`);
      }
    }
    throw new Error(`template file ${source} not found in ${dir} (looked for ${looked.join(' and ')})`);
  };
}
