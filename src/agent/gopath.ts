// Go's path.Clean and path.Join (package path; filepath on Linux behaves the same).
// Node's path.posix differs: it keeps trailing slashes and turns "" into ".", so the
// destination vault-k8s computes with filepath.Join needs this port.

/** Go path.Clean: the shortest path equivalent to p by purely lexical processing. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  if (rooted) return '/' + body;
  return body === '' ? '.' : body;
}

/** Go path.Join: joins the non-empty elements with "/" and cleans; "" when all are empty. */
export function joinPath(...elems: string[]): string {
  const parts = elems.filter((e) => e !== '');
  return parts.length === 0 ? '' : cleanPath(parts.join('/'));
}
