// The agent's log, in Vault's hclog formats: text
//   2026-01-01T00:00:00.000Z [INFO]  agent: rendered: destination=/vault/secrets/db changed=true
// or JSON ({"@level","@message","@module","@timestamp", fields...}). Callers never pass a
// secret value: fields hold paths, lease ids, durations and Vault's error texts.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export type Logger = (level: LogLevel, message: string, fields?: LogFields) => void;

function quoteValue(v: string): string {
  return /^[^\s"=]*$/.test(v) && v !== '' ? v : JSON.stringify(v);
}

/** hclog's text format. */
export function textLogger(write: (line: string) => void, now: () => number, minLevel: LogLevel = 'info'): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  return (level, message, fields = {}) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return;
    const tag = `[${level.toUpperCase()}]`.padEnd(7);
    const kv = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${quoteValue(String(v))}`)
      .join(' ');
    write(`${new Date(now()).toISOString()} ${tag} agent: ${message}${kv ? `: ${kv}` : ''}\n`);
  };
}

/** hclog's JSON format. */
export function jsonLogger(write: (line: string) => void, now: () => number, minLevel: LogLevel = 'info'): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  return (level, message, fields = {}) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return;
    const rec: Record<string, unknown> = { '@level': level, '@message': message, '@module': 'agent', '@timestamp': new Date(now()).toISOString() };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) rec[k] = v;
    write(`${JSON.stringify(rec)}\n`);
  };
}
