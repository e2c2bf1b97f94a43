// Output into bytes: when the writer given to Execute is a ByteSink (a growing buffer like
// Go's bytes.Buffer, or a fixed one in front of a file), each piece is encoded as UTF-8
// straight into the sink's buffer, as Go's Execute appends to a bytes.Buffer. The string
// path (output.ts) builds 64K chunks of V8 ropes that a byte writer then flattens and
// encodes (a node per piece, and a chunk string and a copy that this path does not make).

import { isWellFormed, utf8Bytes } from '../go/unicode/utf8/index.js';

/**
 * A writer that takes bytes: execution encodes its output as UTF-8 into `bytes`. The bytes
 * are those of the output as one string, as utf8Bytes (goBytes) gives them: an escape
 * (U+DC80..U+DCFF, a Go byte that is not UTF-8) is its byte, any other lone surrogate is
 * U+FFFD, and a high surrogate ending one piece and a low one starting the next are one
 * character, however the output is cut.
 */
export interface ByteSink {
  /** The buffer execution encodes into: bytes [0, length) are output not yet handed on, the rest is room. */
  readonly bytes: Uint8Array;
  /**
   * How much of bytes is used. Execution keeps its own count and sets this before each call
   * of room or flush (and when it ends), so a function called by the template reads an older count.
   */
  length: number;
  /**
   * Called when fewer than `need` bytes are free after length: hand bytes [0, length) on
   * (setting length to 0 first, so a failure leaves nothing to hand on twice), or make bytes
   * larger keeping them, or both. Afterwards at least min(need, minSinkRoom) bytes must be
   * free: a piece larger than the buffer is encoded into it in parts. A throw stops execution,
   * and executeTo rethrows it unchanged, as Go's Execute returns the writer's error.
   */
  room(need: number): void;
  /**
   * Called when execution ends, also on an error (as in Go, what came before the error is
   * output), but not after room or flush threw: hand bytes [0, length) on, as room does.
   * Without it the output stays in bytes (a buffer the caller reads).
   */
  flush?(): void;
  /**
   * Writes the UTF-8 of s into bytes at `at` (there is room for 3 bytes per UTF-16 unit) and
   * returns its length. s is well-formed UTF-16 (a string with a lone surrogate, which may hold
   * escapes, is encoded by execution itself). Without it TextEncoder.encodeInto is used; Node's
   * Buffer.write is faster (no view allocated per call).
   */
  encode?(s: string, at: number): number;
}

/** The room a ByteSink must leave free after room(), unless asked for less: a surrogate pair takes 2 units, room for 6 bytes. */
export const minSinkRoom = 8;

/** Whether w takes bytes (has room()) rather than strings. */
export function isByteSink(w: object): w is ByteSink {
  return typeof (w as Partial<ByteSink>).room === 'function';
}

// How pieces reach the buffer (measured on Node 20 with the bench's workloads, whose pieces
// are mostly 1 to 60 characters): an encoder call costs about 50 ns whatever the length, a
// charCodeAt loop 1-2 ns a character on a flat string but several times that on a rope or
// a slice (a printf result, a JSON string with escapes), and appending to a rope ~10 ns.
// So short pieces are copied by the loop, longer ones are joined into a rope that is
// encoded a few KB at a time, and long ones are encoded by themselves.

/**
 * Text nodes of at most this many UTF-16 units are written as strings, not from their UTF-8:
 * V8 makes strings this short flat (ConsString::kMinLength is 13), so the loop reads each
 * character quickly.
 */
const loopChars = 12;
/**
 * Pieces of at most this many units are copied by the loop. Longer than loopChars, a value
 * may be a slice of the JSON text or a rope, read more slowly, but joining it would send
 * every piece after it through the rope until joinedChars: one 13-character name per record
 * did that to the whole output of template-per-item-1000 (0.93 of the CPU time with 32 here,
 * 10 fresh-process pairs; template-per-item-1000-js 0.90; config-100 and upstreams-20x25 1.01-1.03,
 * config-1000 and printf-200 within their noise).
 */
const pieceLoopChars = 32;
/** Pieces of this many units or more are encoded by themselves: a copy into a rope's flat form first would cost more than the call. */
const directChars = 256;
/** Joined pieces are encoded once they reach this many units: an encoder call per few KB, and a rope short-lived enough to stay young. */
const joinedChars = 1 << 12;
/** Pieces from directChars to this long are compared with the last one, whose UTF-8 is kept when it repeats (see writeLong). */
const repeatedChars = 1 << 14;
/** Text nodes up to this long keep their UTF-8 once encoded. */
const cachedTextChars = 1 << 12;

const encoder = new TextEncoder();

/**
 * A text node's text, and its UTF-8 once it has been written as bytes: a constant written on
 * every execution is encoded once, then copied (TypedArray.set), neither joined nor encoded again.
 */
export class Text {
  private utf8: Uint8Array | null | undefined;

  constructor(readonly text: string) {}

  /** Whether a text is long enough for its UTF-8 to be kept: a short one is copied as quickly by the loop. */
  static worthKeeping(text: string): boolean {
    return text.length > loopChars;
  }

  /** The text's UTF-8 (escapes as their byte), or null where it must be written as a string: too long, or ending in half a surrogate pair (which the next piece may complete). */
  bytes(): Uint8Array | null {
    if (this.utf8 === undefined) {
      const t = this.text;
      this.utf8 = t.length > cachedTextChars || (t.charCodeAt(t.length - 1) & 0xfc00) === 0xd800 ? null : utf8Bytes(t);
    }
    return this.utf8;
  }
}

/** U+FFFD in UTF-8: what a lone surrogate becomes. */
const replacement = [0xef, 0xbf, 0xbd] as const;

/** The output of one execution into a ByteSink. */
export class ByteOutput {
  /** The sink's buffer and used length, kept here while pieces are written (a field read less per piece). */
  private bytes: Uint8Array;
  private length: number;
  /** Pieces joined (a V8 rope) to be encoded together, from a piece the loop does not take until joinedChars; while any are, every piece joins them, in order. */
  private joined = '';
  /** A high surrogate that ended the last piece: the next piece may start with its low half. 0 if none. */
  private high = 0;
  /** The sink threw: nothing more is written to it (Go's Execute stops at the writer's error). */
  private broken = false;
  /** The last piece written by writeLong, and its UTF-8 once it came twice in a row (else null). */
  private lastLong = '';
  private lastUtf8: Uint8Array | null = null;

  constructor(private readonly sink: ByteSink) {
    this.bytes = sink.bytes;
    this.length = sink.length;
  }

  /**
   * Encodes s at `at` with the sink's encoder, else TextEncoder's (called, not bound per execution:
   * a bound function was an allocation per execute). Both write U+FFFD for a lone surrogate, so a
   * string that has one (it may hold escapes) goes through the loop, which writes an escape's byte;
   * isWellFormed answers in constant time on one-byte strings (docs/design/go-bytes.md, section 6).
   */
  private encode(s: string, at: number): number {
    if (!isWellFormed(s)) return this.loop(s, 0, s.length, this.bytes, at) - at;
    return this.sink.encode !== undefined ? this.sink.encode(s, at) : encoder.encodeInto(s, this.bytes.subarray(at)).written;
  }

  write(piece: string): void {
    const n = piece.length;
    if (this.joined !== '') {
      if (n < directChars) {
        this.joined += piece;
        if (this.joined.length >= joinedChars) this.writeJoined();
        return;
      }
      this.writeJoined();
    }
    if (n <= pieceLoopChars) {
      if (this.high === 0 && this.length + n * 3 <= this.bytes.length) {
        // Most pieces: short, ASCII, and with room. Any other character starts over in writeAny.
        const bytes = this.bytes;
        const at = this.length;
        let i = 0;
        while (i < n) {
          const c = piece.charCodeAt(i);
          if (c >= 0x80) break;
          bytes[at + i++] = c;
        }
        if (i === n) {
          this.length = at + n;
          return;
        }
      }
      this.writeAny(piece, n);
    } else if (n < directChars) {
      this.joined = piece;
    } else {
      this.writeLong(piece, n);
    }
  }

  /**
   * A long piece: encoded, unless it equals the last long piece and that one's UTF-8 is kept,
   * which is then copied. A value printed again and again (a certificate, a line in a loop)
   * is encoded twice, the second time kept; any other long piece costs a comparison (equal
   * strings of another object compare by content: their bytes are the same).
   */
  private writeLong(piece: string, n: number): void {
    if (n <= repeatedChars && this.high === 0 && (piece.charCodeAt(n - 1) & 0xfc00) !== 0xd800) {
      if (piece !== this.lastLong) {
        this.lastLong = piece;
        this.lastUtf8 = null;
      } else if (this.lastUtf8 !== null) {
        const utf8 = this.lastUtf8;
        if (this.length + utf8.length <= this.bytes.length) {
          this.bytes.set(utf8, this.length);
          this.length += utf8.length;
          return;
        }
      } else if (n * 3 <= this.bytes.length - this.length) {
        const at = this.length;
        this.put(piece, 0, n);
        this.lastUtf8 = new Uint8Array(this.bytes.subarray(at, this.length)); // a copy
        return;
      }
    }
    this.writeAny(piece, n);
  }

  /** Encodes the joined pieces. */
  private writeJoined(): void {
    const joined = this.joined;
    this.joined = '';
    this.writeAny(joined, joined.length);
  }

  /** A text node's text: short ones as any piece, longer ones copied from their UTF-8. */
  writeText(t: Text): void {
    const text = t.text;
    if (this.high === 0 && this.joined === '') {
      const utf8 = t.bytes();
      if (utf8 !== null && this.length + utf8.length <= this.bytes.length) {
        this.bytes.set(utf8, this.length);
        this.length += utf8.length;
        return;
      }
    }
    this.write(text);
  }

  /** Encodes piece (n units long) after a held high surrogate, holding one that ends it. */
  private writeAny(piece: string, n: number): void {
    if (n === 0) return;
    let from = 0;
    if (this.high !== 0) from = this.endHigh(piece.charCodeAt(0));
    let end = n;
    const last = piece.charCodeAt(n - 1);
    if ((last & 0xfc00) === 0xd800 && end > from) {
      end--;
      this.high = last;
    }
    const units = end - from;
    if (units === 0) return;
    if (units * 3 > this.bytes.length - this.length) this.writeParts(piece, from, end);
    else this.put(piece, from, end);
  }

  /** piece[from, end), which fits: by the loop when short, else by the encoder. */
  private put(piece: string, from: number, end: number): void {
    if (end - from <= loopChars) this.length = this.loop(piece, from, end, this.bytes, this.length);
    else this.length += this.encode(from === 0 && end === piece.length ? piece : piece.slice(from, end), this.length);
  }

  /** Encodes the held high surrogate, with c (the next piece's first unit) if it is the low half; the index the piece goes on from. */
  private endHigh(c: number): number {
    if (this.bytes.length - this.length < 4) this.room(4);
    const pair = (c & 0xfc00) === 0xdc00;
    this.length = pair ? putPair(this.bytes, this.length, this.high, c) : putReplacement(this.bytes, this.length);
    this.high = 0;
    return pair ? 1 : 0;
  }

  /**
   * piece[from, end) when it may not fit: the sink makes room (hands its buffer on or grows it),
   * and what still does not fit goes in parts of at most a third of the free bytes, never
   * between the halves of a surrogate pair.
   */
  private writeParts(piece: string, from: number, end: number): void {
    let fresh = false;
    while (from < end) {
      const need = (end - from) * 3;
      let free = this.bytes.length - this.length;
      // A buffer still a quarter free takes another part before it is handed on.
      if (need > free && !fresh && (free < minSinkRoom || free < this.bytes.length >> 2)) {
        this.room(need);
        free = this.bytes.length - this.length;
        if (free < Math.min(need, minSinkRoom)) throw new Error(`ByteSink.room(${need}) left ${free} bytes free, fewer than ${minSinkRoom}`);
        fresh = true;
      } else {
        fresh = false;
      }
      let stop = need <= free ? end : from + Math.floor(free / 3);
      if (stop < end && (piece.charCodeAt(stop - 1) & 0xfc00) === 0xd800) stop--;
      this.put(piece, from, stop);
      from = stop;
    }
  }

  /** UTF-8 of s[from, end) into bytes at `at`, as utf8Bytes writes it; the end. */
  private loop(s: string, from: number, end: number, bytes: Uint8Array, at: number): number {
    for (let i = from; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        bytes[at++] = c;
      } else if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else if ((c & 0xf800) !== 0xd800) {
        bytes[at++] = 0xe0 | (c >> 12);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xdc00 && i + 1 < end && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        at = putPair(bytes, at, c, s.charCodeAt(++i));
      } else if ((c & 0xff80) === 0xdc80) {
        // An escape (a Go byte that is not UTF-8): its byte. Not the low half of a pair: a pair
        // within the piece was taken above, and no piece or part starts after a high surrogate
        // (writeAny joins a held one to the next unit; writeParts never cuts after one).
        bytes[at++] = c & 0xff;
      } else {
        at = putReplacement(bytes, at);
      }
    }
    return at;
  }

  /** Lets the sink make room for `need` bytes, then reads its buffer and length back. */
  private room(need: number): void {
    this.sink.length = this.length;
    this.callSink((sink) => sink.room(need));
  }

  /** Calls into the sink: a throw leaves the output broken; its buffer and length are read back either way. */
  private callSink(call: (sink: ByteSink) => void): void {
    const sink = this.sink;
    try {
      call(sink);
    } catch (e) {
      this.broken = true;
      throw e;
    } finally {
      this.bytes = sink.bytes;
      this.length = sink.length;
    }
  }

  /** Ends the output without handing it on: a high surrogate still held is a lone one, and the sink gets the length. */
  end(): void {
    if (this.broken) return;
    if (this.joined !== '') this.writeJoined();
    if (this.high !== 0) {
      if (this.bytes.length - this.length < 3) this.room(3);
      this.length = putReplacement(this.bytes, this.length);
      this.high = 0;
    }
    this.sink.length = this.length;
  }

  /** Ends the output and lets the sink hand it on (at the end of execution, also after an error). */
  flush(): void {
    this.end();
    if (this.broken || this.sink.flush === undefined) return;
    this.callSink((sink) => sink.flush?.());
  }
}

function putPair(bytes: Uint8Array, at: number, high: number, low: number): number {
  const r = ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  bytes[at] = 0xf0 | (r >> 18);
  bytes[at + 1] = 0x80 | ((r >> 12) & 0x3f);
  bytes[at + 2] = 0x80 | ((r >> 6) & 0x3f);
  bytes[at + 3] = 0x80 | (r & 0x3f);
  return at + 4;
}

function putReplacement(bytes: Uint8Array, at: number): number {
  bytes[at] = replacement[0];
  bytes[at + 1] = replacement[1];
  bytes[at + 2] = replacement[2];
  return at + 3;
}

/**
 * A ByteSink over a fixed buffer whose contents go to `handOn` whenever it fills and at the
 * end (a file descriptor's writeSync), so output of any size passes through one buffer, as
 * through Go's bufio.Writer. It is also a Writer of strings, for text that is not a
 * template's output (the CLI's messages).
 */
export class BufferedSink implements ByteSink {
  length = 0;

  constructor(
    readonly bytes: Uint8Array,
    private readonly handOn: (bytes: Uint8Array) => void,
    /** ByteSink.encode: Node's callers pass Buffer.write on `bytes`. */
    readonly encode?: (s: string, at: number) => number,
  ) {
    if (bytes.length < minSinkRoom) throw new RangeError(`a BufferedSink needs at least ${minSinkRoom} bytes`);
  }

  room(): void {
    this.flush();
  }

  flush(): void {
    const n = this.length;
    if (n === 0) return;
    this.length = 0;
    this.handOn(this.bytes.subarray(0, n));
  }

  /** Appends the UTF-8 of text (an escape as its byte, another lone surrogate as U+FFFD) without handing it on yet. */
  write(text: string): void {
    const out = new ByteOutput(this);
    out.write(text);
    out.end();
  }
}
