// github.com/ryanuber/go-glob Glob: "*" matches any run of characters.

export function glob(pattern: string, subj: string): boolean {
  if (pattern === '') return subj === pattern;
  if (pattern === '*') return true;
  const parts = pattern.split('*');
  if (parts.length === 1) return subj === pattern;
  const leadingGlob = pattern.startsWith('*');
  const trailingGlob = pattern.endsWith('*');
  const end = parts.length - 1;
  let s = subj;
  for (let i = 0; i < end; i++) {
    const idx = s.indexOf(parts[i]);
    if (i === 0) {
      if (!leadingGlob && idx !== 0) return false;
    } else if (idx < 0) {
      return false;
    }
    s = s.slice(idx + parts[i].length);
  }
  return trailingGlob || s.endsWith(parts[end]);
}
