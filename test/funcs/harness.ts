// Evaluates the go-cases.ts expressions by calling the builtins directly, passing
// arguments the way exec does: a reflect.Value parameter receives the raw value
// (nil as the invalid Value), an interface{} parameter the value boxed, a typed one
// the value itself; `call` receives its callee's node text as the name.

import {
  type GoType,
  GoError,
  GoPanic,
  Value,
  boolValue,
  box,
  complex128Type,
  float64Type,
  indirectInterface,
  intValue,
  invalid,
  reflectValueType,
  stringValue,
} from '../../src/value/index.js';
import { sprint } from '../../src/fmt/index.js';
import { printableValue } from '../../src/exec/print.js';
import { builtins, callFunction } from '../../src/funcs/index.js';
import { field } from './data.js';

type Operand = { text: string; value: () => Value };

/** Go string literal contents to a JS string (only the escapes the cases use). */
function unquote(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', '\\': '\\', '"': '"', "'": "'" } as Record<string, string>)[e] ?? e;
  });
}

function literal(tok: string): Value {
  if (tok.startsWith('.')) return field(tok.slice(1));
  if (tok === 'nil') return invalid;
  if (tok === 'true' || tok === 'false') return boolValue(tok === 'true');
  if (tok.startsWith('`')) return stringValue(tok.slice(1, -1));
  if (tok.startsWith('"')) return stringValue(unquote(tok.slice(1, -1)));
  if (tok.startsWith("'")) return intValue(unquote(tok.slice(1, -1)).codePointAt(0) ?? 0);
  const c = /^([+-]?[\d.]+)([+-][\d.]+)i$/.exec(tok);
  if (c) return new Value(complex128Type, { re: Number(c[1]), im: Number(c[2]) });
  if (/^[+-]?\d+$/.test(tok)) return intValue(BigInt(tok));
  if (/^[+-]?[\d.]+$/.test(tok)) return new Value(float64Type, Number(tok));
  throw new Error(`bad token ${tok}`);
}

/** exec's evalArg for an already evaluated operand and a parameter type. */
function asArg(v: Value, t: GoType): Value {
  if (t === reflectValueType) return v;
  if (t.kind === 'interface') return box(v, t);
  return v;
}

function callBuiltin(name: string, operands: readonly Operand[]): Value {
  const fn = builtins().get(name);
  if (!fn) throw new Error(`no builtin ${name}`);
  const sig = fn.type.sig;
  const impl = fn.func();
  if (!sig || !impl) throw new Error(`${name} is not a func`);
  const args = operands.map((op, i) => {
    const variadic = sig.variadic && i >= sig.params.length - 1;
    const t = variadic ? sig.params[sig.params.length - 1].elem : sig.params[i];
    if (!t) throw new Error(`too many args for ${name}`);
    return asArg(op.value(), t);
  });
  if (name === 'call') return callFunction(operands[0].text, args[0], args.slice(1));
  return impl(args);
}

/** evalPipeline's result: an empty-interface value is unwrapped (a nil one becomes invalid). */
function pipelineResult(v: Value): Value {
  return v.kind === 'interface' && (v.type.ifaceMethods ?? []).length === 0 ? indirectInterface(v) : v;
}

/** Parses and runs "name arg (name arg...) ...". */
function run(expr: string): Value {
  const toks = expr.match(/\(|\)|`[^`]*`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)'|[^\s()]+/g) ?? [];
  let pos = 0;
  const command = (): Value => {
    const name = toks[pos++];
    const ops: Operand[] = [];
    while (pos < toks.length && toks[pos] !== ')') {
      const tok = toks[pos++];
      if (tok === '(') {
        const start = pos;
        const v = pipelineResult(command());
        pos++; // ')'
        ops.push({ text: `(${toks.slice(start, pos - 1).join(' ')})`, value: () => v });
      } else {
        ops.push({ text: tok, value: () => literal(tok) });
      }
    }
    return callBuiltin(name, ops);
  };
  return command();
}

/** "{{EXPR}}" as Go prints it, or the error message of the builtin. */
export function evaluate(expr: string): { outcome: 'OK' | 'ERR'; text: string } {
  try {
    const v = pipelineResult(run(expr));
    const p = printableValue(v);
    if (p === null) throw new Error(`can't print ${expr}`);
    return { outcome: 'OK', text: p.isValid() ? sprint([indirectInterface(p)]) : '<no value>' };
  } catch (e) {
    if (e instanceof GoError || e instanceof GoPanic) return { outcome: 'ERR', text: e.message };
    throw e;
  }
}
