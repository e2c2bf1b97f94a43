// Where execution writes: Go's Execute(wr io.Writer, data). Execution appends many
// small pieces (a text node, a printed value); they are joined into chunks of about
// chunkChars and handed to the writer, so a large output is never one JS string
// unless the caller asks for one (StringWriter), and then its size is checked.

/** The destination of a template's output (Go's io.Writer). A throw aborts execution. */
export interface Writer {
  write(chunk: string): void;
}

/**
 * V8's String::kMaxLength on 64-bit targets (2^29 - 24 UTF-16 units): no JS string
 * can be longer. Other engines have other limits; a join that fails anyway is
 * reported the same way (see StringWriter).
 */
export const maxStringLength = 2 ** 29 - 24;

/** The text of the error for a string that would exceed `limit` characters. */
export function stringLimitText(limit: number): string {
  return `string longer than ${limit} characters, the longest JavaScript can hold (a vtpl limit; Go has none)`;
}

/** A string (or the output as one string) would exceed the engine's limit. */
export class StringLimitError extends Error {
  override name = 'StringLimitError';
}

/** Whether e is V8's "Invalid string length": a string past maxStringLength was being built. */
export function isStringLengthError(e: unknown): boolean {
  return e instanceof RangeError && e.message === 'Invalid string length';
}

/** Pieces are gathered into chunks of about this many characters before they reach the writer. */
const chunkChars = 1 << 16;

/**
 * Pieces are appended with `+=`, which V8 makes a rope node in constant time, into a
 * segment of about this many characters; a segment is flattened (one copy) and kept,
 * and the segments of a chunk are joined (one more copy of flat text). A short-lived
 * rope stays in the young generation: ropes of a whole chunk survived collections and
 * were copied by them. Collecting pieces in an array and joining it cost a fifth of a
 * large render.
 */
const segmentChars = 1 << 12;
/** A segment of more pieces than this is flattened when it ends. */
const flattenPieces = 64;

/** The output of one execution: buffers pieces and passes them on in chunks. */
export class Output {
  private buf = '';
  /** How many pieces buf holds. */
  private pieces = 0;
  private segments: string[] = [];
  private pending = 0;

  constructor(private readonly writer: Writer) {}

  write(piece: string): void {
    if (piece.length >= chunkChars) {
      // A large piece goes on by itself: joining it to others could pass the string limit.
      this.flush();
      this.writer.write(piece);
      return;
    }
    this.buf += piece;
    this.pieces++;
    if (this.buf.length >= segmentChars) this.endSegment();
  }

  private endSegment(): void {
    // A rope of a few (long) pieces is not worth a copy of its own: the join copies it.
    const segment = this.pieces > flattenPieces ? flatten(this.buf) : this.buf;
    this.buf = '';
    this.pieces = 0;
    this.segments.push(segment);
    this.pending += segment.length;
    if (this.pending >= chunkChars) this.flush();
  }

  /** Passes everything buffered to the writer. */
  flush(): void {
    const segments = this.segments;
    if (this.buf !== '') segments.push(this.buf);
    this.buf = '';
    this.pieces = 0;
    if (segments.length === 0) return;
    const chunk = segments.length === 1 ? segments[0] : segments.join('');
    this.segments = [];
    this.pending = 0;
    this.writer.write(chunk);
  }
}

/**
 * s as one flat string rather than a rope of every piece appended (about 32 bytes each:
 * 300 MB for 10 MB of one-byte writes) that a writer keeping the chunk (StringWriter)
 * would keep too. V8 flattens a string to convert it to a number; the result decides
 * between two equal strings only so that the conversion cannot be optimized away.
 */
function flatten(s: string): string {
  return Number(s) === Number.POSITIVE_INFINITY ? `${s}` : s;
}

/**
 * Collects the output as one string, as Template.execute returns it. Throws
 * StringLimitError as soon as the output would pass `limit` characters, rather than
 * letting a join fail with a bare RangeError at the end.
 */
export class StringWriter implements Writer {
  private chunks: string[] = [];
  private length = 0;

  constructor(private readonly limit = maxStringLength) {}

  write(chunk: string): void {
    this.length += chunk.length;
    if (this.length > this.limit) throw new StringLimitError(`output ${stringLimitText(this.limit)}`);
    this.chunks.push(chunk);
  }

  toString(): string {
    try {
      return this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
    } catch (e) {
      if (isStringLengthError(e)) {
        throw new StringLimitError(`output of ${this.length} characters: longer than this JavaScript engine's longest string (a vtpl limit; Go has none)`);
      }
      throw e;
    }
  }
}
