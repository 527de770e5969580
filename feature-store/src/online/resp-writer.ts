/**
 * A minimal RESP2 request encoder writing straight into one growing buffer. Hand-written because
 * the bulk write path sends ~60 arguments per patient and a general client's per-argument
 * conversion costs more than Redis spends running the command (see the README's design notes).
 */

const CRLF0 = 0x0d;
const CRLF1 = 0x0a;

export class RespWriter {
  #buffer: Buffer;
  #length = 0;

  constructor(initialBytes = 64 * 1024) {
    this.#buffer = Buffer.allocUnsafe(initialBytes);
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
    this.#bulkHeader(bytes.byteLength);
    this.#buffer.set(bytes, this.#length);
    this.#length += bytes.byteLength;
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
      this.#buffer.set(part, this.#length);
      this.#length += part.byteLength;
    }
    this.#crlf();
  }

  /** A non-negative integer as a bulk string (as_of, TTL, version). */
  bulkUint(n: number): void {
    this.#bulkHeader(decimalDigits(n));
    this.#uint(n);
    this.#crlf();
  }

  /** Pre-encoded RESP (e.g. a cached field name). */
  raw(bytes: Uint8Array): void {
    this.#reserve(bytes.byteLength);
    this.#buffer.set(bytes, this.#length);
    this.#length += bytes.byteLength;
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
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError('RESP integers must be non-negative safe integers');
    }
    const digits = decimalDigits(n);
    let position = this.#length + digits;
    this.#length = position;
    let rest = n;
    do {
      this.#buffer[--position] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  #crlf(): void {
    this.#buffer[this.#length++] = CRLF0;
    this.#buffer[this.#length++] = CRLF1;
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

function decimalDigits(n: number): number {
  let digits = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) {
    digits += 1;
  }
  return digits;
}

/** `s` as a RESP bulk string, for values written many times (field names, versions). */
export function encodeBulk(s: string): Buffer {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([Buffer.from(`$${String(bytes.length)}\r\n`), bytes, Buffer.from('\r\n')]);
}
