/**
 * A minimal RESP2 request encoder writing straight into one growing buffer. Hand-written because
 * the bulk write path sends ~60 arguments per patient and a general client's per-argument
 * conversion costs more than Redis spends running the command (see the README's design notes).
 */

const CR = 0x0d;
const LF = 0x0a;
const ZERO = 0x30;
/** Below this many bytes a plain loop copies faster than `TypedArray.set` on a new view. */
const SHORT_COPY = 48;

export class RespWriter {
  #buffer: Buffer;
  #length = 0;
  #lastUint = -1;
  #lastUintDigits = new Uint8Array(16);
  #lastUintLength = 0;

  constructor(initialBytes = 64 * 1024) {
    this.#buffer = Buffer.allocUnsafe(Math.max(64, initialBytes));
  }

  get length(): number {
    return this.#length;
  }

  /** `*<count>\r\n`: the start of a command with `count` arguments (name included). */
  arrayHeader(count: number): void {
    this.#reserve(24);
    this.#buffer[this.#length++] = 0x2a; // *
    this.#uint(count);
    this.#crlf();
  }

  /** One bulk string: `$<length>\r\n<bytes>\r\n`. */
  bulk(bytes: Uint8Array): void {
    this.bulkRange(bytes, 0, bytes.byteLength);
  }

  /** `bytes[start .. end)` as one bulk string, without making a view of it first. */
  bulkRange(bytes: Uint8Array, start: number, end: number): void {
    this.#bulkHeader(end - start);
    this.#copy(bytes, start, end);
    this.#crlf();
  }

  /** A bulk string built from parts (e.g. a key prefix and a patient id) without joining them first. */
  bulkParts(parts: readonly Uint8Array[]): void {
    let size = 0;
    for (const part of parts) {
      size += part.byteLength;
    }
    this.#bulkHeader(size);
    for (const part of parts) {
      this.#copy(part, 0, part.byteLength);
    }
    this.#crlf();
  }

  /** A non-negative integer as a bulk string (as_of, TTL, version). */
  bulkUint(n: number): void {
    checkUint(n);
    if (n !== this.#lastUint) {
      // Values repeat (a snapshot shares one as_of), so keep the digits of the last one.
      this.#lastUint = n;
      this.#lastUintLength = writeDigits(this.#lastUintDigits, n);
    }
    this.#bulkHeader(this.#lastUintLength);
    this.#copy(this.#lastUintDigits, 0, this.#lastUintLength);
    this.#crlf();
  }

  /** `$<size>\r\n`: the header of a bulk string whose bytes the caller writes next (then `crlf`). */
  bulkHeader(size: number): void {
    this.#bulkHeader(size);
  }

  /** Ends a bulk string begun with `bulkHeader`. */
  crlf(): void {
    this.#reserve(2);
    this.#crlf();
  }

  /** One raw byte. */
  byte(value: number): void {
    this.#reserve(1);
    this.#buffer[this.#length++] = value;
  }

  /** `bytes[start .. end)` copied as they are (no framing). */
  rawRange(bytes: Uint8Array, start: number, end: number): void {
    this.#reserve(end - start);
    this.#copy(bytes, start, end);
  }

  /** Pre-encoded RESP (e.g. a cached field name). */
  raw(bytes: Uint8Array): void {
    this.#reserve(bytes.byteLength);
    this.#copy(bytes, 0, bytes.byteLength);
  }

  /** The bytes written since `start`, as a view (later writes never change them). */
  slice(start: number): Buffer {
    return this.#buffer.subarray(start, this.#length);
  }

  #bulkHeader(size: number): void {
    this.#reserve(size + 24);
    this.#buffer[this.#length++] = 0x24; // $
    this.#uint(size);
    this.#crlf();
  }

  #uint(n: number): void {
    checkUint(n);
    const buffer = this.#buffer;
    if (n < 10) {
      buffer[this.#length++] = ZERO + n;
      return;
    }
    this.#length += writeDigits(buffer, n, this.#length);
  }

  #copy(source: Uint8Array, start: number, end: number): void {
    const buffer = this.#buffer;
    let position = this.#length;
    if (end - start < SHORT_COPY) {
      for (let i = start; i < end; i++) {
        buffer[position++] = source[i] ?? 0;
      }
    } else {
      buffer.set(source.subarray(start, end), position);
      position += end - start;
    }
    this.#length = position;
  }

  #crlf(): void {
    this.#buffer[this.#length++] = CR;
    this.#buffer[this.#length++] = LF;
  }

  #reserve(extra: number): void {
    if (this.#length + extra <= this.#buffer.length) {
      return;
    }
    // Earlier slices keep the old buffer alive, so handing them out before growing is safe.
    const grown = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#length + extra));
    this.#buffer.copy(grown, 0, 0, this.#length);
    this.#buffer = grown;
  }
}

function checkUint(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError('RESP integers must be non-negative safe integers');
  }
}

/** Writes the decimal digits of `n` at `offset`; returns how many. Integer arithmetic only. */
function writeDigits(target: Uint8Array, n: number, offset = 0): number {
  // Split so each half fits a 32-bit integer: `high` < 2^53 / 1e8 ≈ 9e7.
  const high = Math.floor(n / 1e8);
  let low = n - high * 1e8;
  const lowDigits = high > 0 ? 8 : digitsOf(low);
  const highDigits = high > 0 ? digitsOf(high) : 0;
  let position = offset + highDigits + lowDigits;
  const end = position;
  for (let i = 0; i < lowDigits; i++) {
    target[--position] = ZERO + (low % 10);
    low = (low / 10) | 0;
  }
  let rest = high;
  for (let i = 0; i < highDigits; i++) {
    target[--position] = ZERO + (rest % 10);
    rest = (rest / 10) | 0;
  }
  return end - offset;
}

function digitsOf(n: number): number {
  let digits = 1;
  for (let rest = n; rest >= 10; rest = (rest / 10) | 0) {
    digits += 1;
  }
  return digits;
}

/** `s` as a RESP bulk string, for values written many times (field names, versions). */
export function encodeBulk(s: string): Buffer {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([Buffer.from(`$${String(bytes.length)}\r\n`), bytes, Buffer.from('\r\n')]);
}
