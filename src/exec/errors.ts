// The error type every failure of parsing or executing a template surfaces as.

/**
 * A template failure. `message` is exactly Go's err.Error(): a parse error from
 * text/template/parse, an ExecError from execution, or ExecuteTemplate's lookup error.
 */
export class TemplateError extends Error {
  constructor(readonly kind: 'parse' | 'exec', message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}
