// Where execution writes: Go's Execute(wr io.Writer, data). Execution appends many
// small pieces (a text node, a printed value); they are joined into chunks of about
// chunkChars and handed to the writer, so a large output is never one JS string
// unless the caller asks for one (StringWriter), and then its size is checked.

import { flatten } from '../fmt/index.js';
import type { Text } from './byte-output.js';

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

/**
 * Pieces are gathered into chunks of about this many characters before they reach the
 * writer. A chunk is a rope (V8 makes `a + b` a node pointing at both in constant time)
 * of pieces and flat segments, not a copy: a writer that keeps it pays nothing more, one
 * that encodes it (Buffer.from) or joins it (StringWriter) copies it once, as it would a
 * flat chunk. Bigger chunks cost streaming writers more: a flat copy of over 128 KB is
 * allocated in V8's large-object space, on fresh pages, for every chunk.
 */
const chunkChars = 1 << 16;

/**
 * Pieces are appended with `+=` into a segment of about this many characters; a segment
 * of many pieces is flattened (one copy) when it ends. A short-lived rope stays in the
 * young generation: ropes of a whole chunk survived collections and were copied by them.
 */
const segmentChars = 1 << 12;
/**
 * A segment whose pieces average fewer characters than this is flattened when it ends: as
 * a rope it would keep a node of 32 bytes per piece (300 MB for 10 MB of one-byte writes)
 * for as long as the writer keeps the chunk (StringWriter, to the end). Longer pieces stay
 * in the rope, uncopied.
 */
const ropePieceChars = 64;

/**
 * Pieces of at most this many characters are short: V8 copies shorter concatenations
 * (ConsString::kMinLength is 13), so they are flat and cheap to read one character at a time.
 */
const shortChars = 12;
/**
 * After this many short pieces in a row, short ASCII pieces are copied into a byte buffer
 * instead of the rope (no node per piece, no flattening pass), which is decoded into one
 * flat string when it fills or a long piece comes. Shorter runs stay in the rope: a decode
 * costs about as much as the nodes of ten pieces, and with 16 here the runs of 6 to 24
 * short pieces between longer ones in upstreams-20x25 made it 10% slower than the rope.
 */
const runPieces = 64;
/** Characters of ASCII held in the byte buffer before it is decoded into the chunk. */
const byteChars = 1 << 12;
/** ASCII bytes decode to the same characters in UTF-8. */
const ascii = new TextDecoder();

/** The output of one execution: buffers pieces and passes them on in chunks. */
export class Output {
  /** The chunk so far: a rope of segments and decoded bytes, in order. */
  private chunk = '';
  /** The current segment, a rope of pieces; empty while bytes are pending. */
  private segment = '';
  /** How many pieces segment holds. */
  private pieces = 0;
  /** How many short pieces came last in a row. */
  private run = 0;
  /** The byte buffer, allocated for the first run of short pieces. */
  private bytes: Uint8Array | null = null;
  /** How many bytes are pending in it; while any are, segment is empty. */
  private byteCount = 0;

  constructor(private readonly writer: Writer) {}

  write(piece: string): void {
    const n = piece.length;
    if (n <= shortChars) {
      if (this.run >= runPieces && this.copy(piece)) return;
      this.run++;
    } else {
      this.run = 0;
      if (n >= chunkChars) {
        // A large piece goes on by itself: joining it to others could pass the string limit.
        this.flush();
        this.writer.write(piece);
        return;
      }
    }
    if (this.byteCount !== 0) this.decodeBytes();
    this.segment += piece;
    this.pieces++;
    if (this.segment.length >= segmentChars) this.endSegment();
  }

  writeText(t: Text): void {
    this.write(t.text);
  }

  /** Appends piece to the byte buffer if it is ASCII; otherwise leaves it for the rope and ends the run. */
  private copy(piece: string): boolean {
    this.bytes ??= new Uint8Array(byteChars + shortChars);
    const bytes = this.bytes;
    let count = this.byteCount;
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c >= 0x80) {
        this.run = 0;
        return false;
      }
      bytes[count++] = c;
    }
    // The segment before the first bytes goes first (flush reads the uncounted bytes as none).
    if (this.segment !== '') this.endSegment();
    this.byteCount = count;
    if (count >= byteChars) this.decodeBytes();
    return true;
  }

  private decodeBytes(): void {
    this.chunk += this.takeBytes();
    if (this.chunk.length >= chunkChars) this.flush();
  }

  private endSegment(): void {
    this.chunk += this.takeSegment();
    if (this.chunk.length >= chunkChars) this.flush();
  }

  private takeBytes(): string {
    const text = ascii.decode((this.bytes as Uint8Array).subarray(0, this.byteCount));
    this.byteCount = 0;
    return text;
  }

  private takeSegment(): string {
    const segment = this.pieces * ropePieceChars > this.segment.length ? flatten(this.segment) : this.segment;
    this.segment = '';
    this.pieces = 0;
    return segment;
  }

  /** Passes everything buffered to the writer (nothing stays buffered if it throws). */
  flush(): void {
    const chunk = this.chunk + (this.byteCount !== 0 ? this.takeBytes() : this.takeSegment());
    this.chunk = '';
    if (chunk !== '') this.writer.write(chunk);
  }
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

  /** The output, flat: a chunk is a rope that may hold on to the strings it was made of (a slice of a large input). */
  toString(): string {
    try {
      return this.chunks.length === 1 ? flatten(this.chunks[0]) : this.chunks.join('');
    } catch (e) {
      if (isStringLengthError(e)) {
        throw new StringLimitError(`output of ${this.length} characters: longer than this JavaScript engine's longest string (a vtpl limit; Go has none)`);
      }
      throw e;
    }
  }
}
