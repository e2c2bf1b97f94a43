// JSON syntax errors as file:line:col. lossless-json and JSON.parse name a character offset
// ("... at position 17"); people look for a line and column.

/** 1-based line and column of a character offset. */
export function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

/** `FILE:LINE:COL: message` for a parser error whose message (lossless-json's) ends in "at position N" (else `FILE: message`). */
export function jsonSyntaxMessage(file: string, text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /^([\s\S]*?) at position (\d+)$/.exec(msg);
  if (!m) return `${file}: ${msg}`;
  const { line, col } = lineColAt(text, Number(m[2]));
  return `${file}:${line}:${col}: ${m[1]}`;
}
