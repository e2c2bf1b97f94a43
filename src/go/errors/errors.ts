// Go's two ways a function fails: an `error` result (errors.New) and a runtime panic.

/** An error returned by a Go function (the `error` result), carrying Go's message. */
export class GoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoError';
  }
}

/** A Go runtime panic inside a function (text/template's safeCall turns it into an error). */
export class GoPanic extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoPanic';
  }
}
