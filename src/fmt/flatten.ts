// A V8 detail the printers share with the output writers above them (exec's output.ts).

/**
 * s as one flat string rather than a rope of every piece appended. V8 flattens a rope to
 * read a character of it (cheaper than Number(s), which also parses); the result decides
 * between two equal strings only so that the read cannot be optimized away.
 */
export function flatten(s: string): string {
  return s.charCodeAt(0) === 0xffff ? `${s}` : s;
}
