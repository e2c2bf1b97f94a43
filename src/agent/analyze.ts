// Static analysis of a parsed template (no Vault needed): which secret paths it reads, and
// the mistakes that are visible without data: `.Data.KEY` on a KV v2 secret, comparing Vault
// data with an int, a `secret` call with arguments (a write), fields a secret does not have,
// `range` over a secret, and functions that need Consul, Nomad, a local file or a command.

import { secretType } from '../vault/dependency/index.js';
import { SERVICE_FUNCS } from './service-funcs.js';
import {
  ActionNode,
  ChainNode,
  type CommandNode,
  DotNode,
  FieldNode,
  IdentifierNode,
  IfNode,
  ListNode,
  type Node,
  NumberNode,
  PipeNode,
  RangeNode,
  StringNode,
  TemplateNode,
  type Tree,
  VariableNode,
  WithNode,
} from '../parse/index.js';
import { parseReadPath } from '../vault/index.js';

export type SecretFunc = 'secret' | 'secrets' | 'pkiCert';
const SECRET_FUNCS: ReadonlySet<string> = new Set<SecretFunc>(['secret', 'secrets', 'pkiCert']);
const COMPARISONS: ReadonlySet<string> = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

export interface SecretRead {
  readonly fn: SecretFunc;
  /** The path as written when it is a string literal; undefined when computed at run time. */
  readonly path?: string;
  /** The literal extra arguments (`k=v` for writes / pkiCert); undefined entries are computed. */
  readonly args: readonly (string | undefined)[];
  /** Byte offset in the template text. */
  readonly pos: number;
}

export type FindingCode = 'kv2-data' | 'int-compare' | 'secret-write' | 'no-field' | 'range-secret' | 'needs-service';

export interface Finding {
  readonly code: FindingCode;
  /** 'error' when the template fails for certain once the call runs; 'warning' when it may be intended. */
  readonly severity: 'error' | 'warning';
  readonly pos: number;
  readonly message: string;
  readonly hint: string;
}

/** Whether a path is on a KV v2 mount, and how that was decided. */
export interface KvVerdict {
  readonly kv2: boolean;
  readonly basis: string;
}

export interface Analysis {
  readonly reads: readonly SecretRead[];
  readonly findings: readonly Finding[];
}

/** The path consul-template reads for `secret P`; P itself when consul-template would reject it. */
export function normalizeSecretPath(p: string): string {
  try {
    return parseReadPath(p).path;
  } catch {
    return p;
  }
}

/** What the analysis knows about a value flowing through the template. */
type Abstract =
  | { readonly kind: 'secret'; readonly read: SecretRead }
  | { readonly kind: 'data'; readonly read?: SecretRead } // a secret's .Data map
  | { readonly kind: 'value'; readonly expr: string } // something inside Vault data (json.Number etc.)
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'other' };

const OTHER: Abstract = { kind: 'other' };

/** The fields of consul-template's *dependency.Secret, the value `secret` returns. */
const SECRET_FIELDS: ReadonlySet<string> = new Set((secretType.fields ?? []).map((f) => f.name));

/** `.Data.password` -> `.Data.data.password`, `.Data.Data.x` -> `.Data.data.x`: the KV v2 spelling. */
function kv2Fix(shown: string, fields: readonly string[], i: number): string {
  const tail = `.${fields.slice(i).join('.')}`;
  const head = shown.endsWith(tail) ? shown.slice(0, shown.length - tail.length) : '.Data';
  const f = fields[i] as string;
  const fixed = f.toLowerCase() === 'data' ? ['data', ...fields.slice(i + 1)] : ['data', ...fields.slice(i)];
  return `${head}.${fixed.join('.')}`;
}

/** `secret "p" "version=1"` as the read it was probably meant to be: `secret "p?version=1"`. */
function readForm(read: SecretRead): string {
  const query = read.args.map((a) => a ?? '<dynamic>').join('&');
  return `secret ${JSON.stringify(`${read.path ?? '<path>'}?${query}`)}`;
}

export function analyzeTrees(trees: ReadonlyMap<string, Tree>, kvVersion: (path: string) => KvVerdict | undefined): Analysis {
  const reads: SecretRead[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const finding = (f: Finding) => {
    const key = `${f.code}@${f.pos}`;
    if (!seen.has(key)) {
      seen.add(key);
      findings.push(f);
    }
  };

  const fieldChain = (base: Abstract, fields: readonly string[], pos: number, shown: string): Abstract => {
    let cur = base;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as string;
      if (cur.kind === 'secret' && f === 'Data') {
        cur = { kind: 'data', read: cur.read };
      } else if (cur.kind === 'secret') {
        if (!SECRET_FIELDS.has(f)) {
          const data = f.toLowerCase() === 'data' ? ' (the field is .Data, capitalised)' : '';
          finding({
            code: 'no-field',
            severity: 'error',
            pos,
            message: `${shown}: the result of ${cur.read.fn} "${cur.read.path ?? '<dynamic>'}" has no field ${f}${data}, so rendering fails with "can't evaluate field ${f} in type *dependency.Secret"`,
            hint: `a secret has the fields ${[...SECRET_FIELDS].join(', ')}; the values are under .Data`,
          });
        }
        cur = OTHER;
      } else if (cur.kind === 'data') {
        const path = cur.read?.path;
        const verdict = path === undefined || cur.read?.fn !== 'secret' ? undefined : kvVersion(normalizeSecretPath(path));
        if (verdict?.kv2 && f !== 'data' && f !== 'metadata') {
          const next = fields[i + 1];
          const outcome = next === undefined ? 'so this prints <no value>' : `so this fails with "nil pointer evaluating interface {}.${next}"`;
          finding({
            code: 'kv2-data',
            severity: 'warning',
            pos,
            message: `${shown} reads .Data.${f}, but "${path}" is a KV v2 secret (${verdict.basis}): .Data holds only "data" and "metadata", ${outcome}`,
            hint: `use ${kv2Fix(shown, fields, i)}`,
          });
        }
        cur = { kind: 'value', expr: shown };
      } else if (cur.kind === 'value') {
        cur = { kind: 'value', expr: shown };
      } else if (cur.kind === 'other' && f === 'Data') {
        // Outside a known secret, `.Data` is still almost always Vault data.
        cur = { kind: 'data' };
      } else {
        cur = OTHER;
      }
    }
    return cur;
  };

  const evalArg = (n: Node, dot: Abstract, vars: Map<string, Abstract>): Abstract => {
    if (n instanceof FieldNode) return fieldChain(dot, n.ident, startPos(n), n.toString());
    if (n instanceof VariableNode) {
      const [name, ...rest] = n.ident;
      const v = vars.get(name as string) ?? OTHER;
      // Only literal arguments count as static paths: a variable may be reassigned.
      return fieldChain(v.kind === 'string' ? OTHER : v, rest, startPos(n), n.toString());
    }
    if (n instanceof ChainNode) return fieldChain(evalArg(n.node, dot, vars), n.field, n.pos, n.toString());
    if (n instanceof PipeNode) return evalPipe(n, dot, vars);
    if (n instanceof DotNode) return dot;
    if (n instanceof StringNode) return { kind: 'string', text: n.text };
    return OTHER;
  };

  const evalCommand = (cmd: CommandNode, dot: Abstract, vars: Map<string, Abstract>, piped: Abstract | undefined): Abstract => {
    const [first, ...rest] = cmd.args;
    if (first === undefined) return OTHER;
    if (!(first instanceof IdentifierNode)) {
      return cmd.args.length === 1 ? evalArg(first, dot, vars) : OTHER;
    }
    const args = rest.map((a) => evalArg(a, dot, vars));
    if (piped !== undefined) args.push(piped);
    const name = first.ident;
    if (SECRET_FUNCS.has(name)) {
      const lit = (a: Abstract | undefined) => (a?.kind === 'string' ? a.text : undefined);
      const read: SecretRead = { fn: name as SecretFunc, path: lit(args[0]), args: args.slice(1).map(lit), pos: first.pos };
      reads.push(read);
      if (name === 'secret' && read.args.length > 0) {
        finding({
          code: 'secret-write',
          severity: 'warning',
          pos: first.pos,
          message: `${cmd.toString()} is a write: with more than one argument consul-template sends the arguments as data to "${read.path ?? '<dynamic>'}" (PUT), which overwrites a KV secret`,
          hint: `to read (e.g. a KV version), put the parameters in the path: ${readForm(read)}`,
        });
      }
      return name === 'secret' ? { kind: 'secret', read } : OTHER;
    }
    if (COMPARISONS.has(name)) {
      const operands = [...rest, ...(piped === undefined ? [] : [undefined])];
      const vaultSide = args.find((a) => a.kind === 'value' || a.kind === 'data');
      const intLit = operands.find((o): o is NumberNode => o instanceof NumberNode && o.isInt);
      if (vaultSide && intLit) {
        const expr = vaultSide.kind === 'value' ? vaultSide.expr : '.Data';
        finding({
          code: 'int-compare',
          severity: 'warning',
          pos: first.pos,
          message: `${name} compares Vault data (${expr}) with the integer ${intLit.text}: Vault numbers are json.Number (a string type), so this fails with "incompatible types for comparison"`,
          hint: `compare with a string: ${name} ${expr} "${intLit.text}"`,
        });
      }
      return OTHER;
    }
    const needs = SERVICE_FUNCS.get(name);
    if (needs !== undefined) {
      finding({
        code: 'needs-service',
        severity: 'warning',
        pos: first.pos,
        message: `${name} ${needs.what}: ${needs.vtpl}`,
        hint: needs.hint,
      });
    }
    if (name === 'index' && args[0] && (args[0].kind === 'data' || args[0].kind === 'value')) {
      return { kind: 'value', expr: cmd.toString() };
    }
    return OTHER;
  };

  const evalPipe = (pipe: PipeNode, dot: Abstract, vars: Map<string, Abstract>): Abstract => {
    let result: Abstract | undefined;
    for (const cmd of pipe.cmds) result = evalCommand(cmd, dot, vars, result);
    const out = result ?? OTHER;
    for (const v of pipe.decl) vars.set(v.ident[0] as string, out);
    return out;
  };

  const walkList = (list: ListNode | null | undefined, dot: Abstract, vars: Map<string, Abstract>): void => {
    if (!list) return;
    for (const n of list.nodes) walk(n, dot, vars);
  };

  const walk = (n: Node, dot: Abstract, vars: Map<string, Abstract>): void => {
    if (n instanceof ActionNode) {
      evalPipe(n.pipe, dot, vars);
    } else if (n instanceof IfNode) {
      const scope = new Map(vars);
      evalPipe(n.pipe, dot, scope);
      walkList(n.list, dot, scope);
      walkList(n.elseList, dot, new Map(vars));
    } else if (n instanceof WithNode) {
      const scope = new Map(vars);
      const inner = evalPipe(n.pipe, dot, scope);
      walkList(n.list, inner, scope);
      walkList(n.elseList, dot, new Map(vars));
    } else if (n instanceof RangeNode) {
      const scope = new Map(vars);
      const over = evalPipe(n.pipe, dot, scope);
      if (over.kind === 'secret') {
        const shown = `${over.read.fn} ${JSON.stringify(over.read.path ?? '<dynamic>')}`;
        finding({
          code: 'range-secret',
          severity: 'error',
          pos: over.read.pos,
          message: `range over ${shown}: a secret is a struct, not a list or map, so rendering fails with "range can't iterate over {...}"`,
          hint: `range over its data instead: range $k, $v := (${shown}).Data`,
        });
      }
      // Elements of Vault data are Vault data too; the range variables get them as well.
      const elem: Abstract = over.kind === 'data' || over.kind === 'value' ? { kind: 'value', expr: 'range element' } : OTHER;
      for (const v of n.pipe.decl) scope.set(v.ident[0] as string, elem);
      walkList(n.list, elem, scope);
      walkList(n.elseList, dot, new Map(vars));
    } else if (n instanceof TemplateNode) {
      if (n.pipe) evalPipe(n.pipe, dot, new Map(vars));
    } else if (n instanceof ListNode) {
      walkList(n, dot, vars);
    }
  };

  for (const tree of trees.values()) {
    if (tree.root) walkList(tree.root, OTHER, new Map([['$', OTHER]]));
  }
  reads.sort((a, b) => a.pos - b.pos);
  findings.sort((a, b) => a.pos - b.pos);
  return { reads, findings };
}

/**
 * Where a field or variable reference starts. Go positions `.A.B` and `$x.A` (parsed as a
 * chain, then folded) at their last segment; a caret is clearer at the start.
 */
function startPos(n: FieldNode | VariableNode): number {
  const last = n.ident[n.ident.length - 1] ?? '';
  const tail = n instanceof FieldNode || n.ident.length > 1 ? `.${last}` : last;
  return n.pos - (n.toString().length - tail.length);
}

/** Heuristic KV version when no mount table is known: `secret/` is the KV v2 mount of dev servers. */
export function guessKvVersion(path: string): KvVerdict | undefined {
  const parts = normalizeSecretPath(path).split('/');
  if (parts[0] === 'secret') return { kv2: true, basis: 'assumed: "secret/" is the default KV v2 mount; pass --responses with recorded mounts to be sure' };
  if (parts[1] === 'data' && parts.length > 2)
    return { kv2: true, basis: `assumed from the "${parts[0]}/data/" path shape; pass --responses with recorded mounts to be sure` };
  return undefined;
}
