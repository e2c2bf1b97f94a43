// Reading a Vault Agent config file: JSON (what the vault-k8s injector generates) or HCL,
// parsed by HashiCorp's HCL itself (@cdktf/hcl2json: the Go parser compiled to WASM, so
// syntax errors come with HCL's own file:line,col). Node.

// fs.promises, read where used: the CLI's bundle then loads node:fs/promises (with readline and
// streams) only when a file is read this way, not at start-up.
import { promises as fs } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { type AgentConfig, AgentConfigError, agentConfigFromObject } from './config.js';

/** line:col of a character offset. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1] as string).length + 1}`;
}

function parseJSONConfig(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /at position (\d+)/.exec(msg);
    const where = pos ? `:${lineCol(text, Number(pos[1]))}` : '';
    throw new AgentConfigError(`${file}${where}: invalid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}`);
  }
}

async function parseHCLConfig(text: string, file: string): Promise<unknown> {
  // Loaded on demand: the WASM module is large and only HCL files need it.
  const { parse } = await import('@cdktf/hcl2json');
  try {
    return await parse(file, text);
  } catch (e) {
    // "parse config: [FILE:LINE,COL-COL: Summary; Detail.]" -> "FILE:LINE:COL: Summary; Detail."
    const msg = ((e as Error).message ?? String(e)).replace(/^parse config: \[|\]$/g, '');
    throw new AgentConfigError(msg.replace(/^(.*?):(\d+),(\d+)(?:-[\d,]+)?: /, '$1:$2:$3: '));
  }
}

/** Parses config text: JSON when the file name ends in .json or the text starts with "{", HCL otherwise. */
export async function parseAgentConfig(text: string, file: string): Promise<AgentConfig> {
  const json = file.endsWith('.json') || (/^\s*\{/.test(text) && !file.endsWith('.hcl'));
  const raw = json ? parseJSONConfig(text, file) : await parseHCLConfig(text, file);
  try {
    return agentConfigFromObject(raw, file, json ? 'json' : 'hcl');
  } catch (e) {
    if (!json || !(e instanceof AgentConfigError) || !e.at || !e.detail) throw e;
    const pos = jsonPosition(text, e.at);
    if (pos === undefined) throw e;
    throw new AgentConfigError(`${file}:${pos}: ${e.detail}`, e.at, e.detail);
  }
}

/** line:col of the value at `path` in JSON text (a JSON file is YAML, whose parser keeps positions). */
function jsonPosition(text: string, path: readonly (string | number)[]): string | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return undefined;
  const p = lines.linePos(node.range[0]);
  return `${p.line}:${p.col}`;
}

/** Reads and parses a config file. */
export async function loadAgentConfig(file: string): Promise<AgentConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AgentConfigError(
      `cannot read config file ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`,
    );
  }
  return parseAgentConfig(text, file);
}
