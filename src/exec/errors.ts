// The error type every failure of parsing or executing a template surfaces as.

/**
 * A template failure. `message` is exactly Go's err.Error(): a parse error from
 * text/template/parse, an ExecError from execution, or ExecuteTemplate's lookup error.
 */
export class TemplateError extends Error {
  constructor(
    readonly kind: 'parse' | 'exec',
    message: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/**
 * The JavaScript stack ran out: a vtpl limit, not a Go error. Functions that run a template
 * (consul-template's executeTemplate) pass it on unwrapped, so unbounded recursion through
 * them ends in one short message instead of one prefix per level.
 */
export class StackExhaustedError extends TemplateError {}
