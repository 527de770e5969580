/**
 * Redis's listpack (listpack.c, Redis ≥ 7.0): the compact encoding of a small hash, which a DUMP
 * payload of type RDB_TYPE_HASH_LISTPACK carries as one string. Layout: total bytes (u32 LE),
 * element count (u16 LE), the entries, 0xFF. An entry is an encoding byte (and length), the data,
 * and its own size again as a "backlen" (1–5 bytes, 7 bits each) so it can be walked backwards.
 *
 * Strings that read as a canonical 64-bit integer ("0", "42", "-7", not "007" or "+1") are stored
 * as integers, exactly as Redis's own `lpAppend` stores them, so the bytes equal those of a hash
 * Redis built itself (checked against DUMP in listpack.int.test.ts).
 */

/** Total bytes (4) and element count (2). */
export const LISTPACK_HEADER_SIZE = 6;
export const LISTPACK_END = 0xff;
/** Element counts from this value up are written as "unknown" (LP_HDR_NUMELE_UNKNOWN). */
const NUMELE_UNKNOWN = 0xffff;
/** lpStringToInt64 only considers strings shorter than this (LONG_STR_SIZE). */
const MAX_INTEGER_TEXT = 20;

/** Bytes of an entry's backlen for an encoding + data size `length` (lpEncodeBacklen). */
export function backlenSize(length: number): number {
  if (length <= 127) {
    return 1;
  }
  if (length < 16_383) {
    return 2;
  }
  if (length < 2_097_151) {
    return 3;
  }
  return length < 268_435_455 ? 4 : 5;
}

/** Writes the backlen of an entry whose encoding + data take `length` bytes; returns the next position. */
export function writeBacklen(out: Uint8Array, length: number, position: number): number {
  let p = position;
  if (length <= 127) {
    out[p] = length;
    return p + 1;
  }
  if (length < 16_383) {
    out[p] = length >>> 7;
    out[p + 1] = (length & 127) | 128;
    return p + 2;
  }
  const size = backlenSize(length);
  // Most significant 7-bit group first; every byte but the first has the high bit set.
  for (let k = size - 1; k >= 0; k--) {
    const group = Math.floor(length / 2 ** (7 * k)) & 127;
    out[p++] = k === size - 1 ? group : group | 128;
  }
  return p;
}

/** Encoding header size of a string entry of `length` bytes (6-, 12- or 32-bit length). */
export function stringHeaderSize(length: number): number {
  return length < 64 ? 1 : length < 4096 ? 2 : 5;
}

/** Bytes of the entry of a string stored as a string (header, data, backlen). */
export function stringEntrySize(length: number): number {
  const encoded = stringHeaderSize(length) + length;
  return encoded + backlenSize(encoded);
}

/** Writes a string entry's header; the caller copies the data and then writes the backlen. */
export function writeStringHeader(out: Uint8Array, length: number, position: number): number {
  let p = position;
  if (length < 64) {
    out[p++] = 0x80 | length;
  } else if (length < 4096) {
    out[p++] = 0xe0 | (length >>> 8);
    out[p++] = length & 0xff;
  } else {
    out[p++] = 0xf0;
    out[p++] = length & 0xff;
    out[p++] = (length >>> 8) & 0xff;
    out[p++] = (length >>> 16) & 0xff;
    out[p++] = (length >>> 24) & 0xff;
  }
  return p;
}

/**
 * `bytes[from .. to)` as the integer Redis would store it (lpStringToInt64), or undefined when it
 * is stored as a string. A bigint only outside the safe-integer range.
 */
export function listpackInteger(
  bytes: Uint8Array,
  from: number,
  to: number,
): number | bigint | undefined {
  const length = to - from;
  if (length === 0 || length > MAX_INTEGER_TEXT) {
    return undefined;
  }
  const first = bytes[from] ?? 0;
  // Quick rejection of almost every value (JSON starts with `{`, `[` or `"`).
  if (!(first === 0x2d || (first >= 0x30 && first <= 0x39))) {
    return undefined;
  }
  if (length === 1 && first === 0x30) {
    return 0;
  }
  const negative = first === 0x2d;
  const digitsFrom = negative ? from + 1 : from;
  const lead = bytes[digitsFrom] ?? 0;
  if (digitsFrom >= to || lead < 0x31 || lead > 0x39) {
    return undefined;
  }
  let value = 0n;
  for (let i = digitsFrom; i < to; i++) {
    const c = bytes[i] ?? 0;
    if (c < 0x30 || c > 0x39) {
      return undefined;
    }
    value = value * 10n + BigInt(c - 0x30);
  }
  const signed = negative ? -value : value;
  if (signed > 0x7fffffffffffffffn || signed < -0x8000000000000000n) {
    return undefined;
  }
  return signed >= BigInt(Number.MIN_SAFE_INTEGER) && signed <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(signed)
    : signed;
}

/** Encoding size of an integer entry, without its 1-byte backlen (lpEncodeIntegerGetType). */
function integerEncodedSize(value: number | bigint): number {
  const v = Number(value);
  if (v >= 0 && v <= 127) {
    return 1;
  }
  if (v >= -4096 && v <= 4095) {
    return 2;
  }
  if (v >= -32_768 && v <= 32_767) {
    return 3;
  }
  if (v >= -8_388_608 && v <= 8_388_607) {
    return 4;
  }
  return v >= -2_147_483_648 && v <= 2_147_483_647 ? 5 : 9;
}

/** Bytes of an integer entry (encoding and backlen). */
export function integerEntrySize(value: number | bigint): number {
  return integerEncodedSize(value) + 1;
}

/** Writes an integer entry (encoding, little-endian two's complement, backlen). */
export function writeIntegerEntry(
  out: Uint8Array,
  value: number | bigint,
  position: number,
): number {
  const size = integerEncodedSize(value);
  let p = position;
  if (size === 1) {
    out[p++] = Number(value);
  } else if (size === 2) {
    const v = Number(value);
    const u = v < 0 ? 8192 + v : v;
    out[p++] = 0xc0 | (u >>> 8);
    out[p++] = u & 0xff;
  } else {
    const tag = [0xf1, 0xf2, 0xf3, 0, 0, 0, 0xf4];
    out[p++] = tag[size - 3] ?? 0xf4;
    let u = BigInt.asUintN(64, BigInt(value));
    for (let k = 1; k < size; k++) {
      out[p++] = Number(u & 0xffn);
      u >>= 8n;
    }
  }
  out[p++] = size;
  return p;
}

/** Bytes of the entry Redis would store for `bytes[from .. to)` (integer or string). */
export function entrySize(bytes: Uint8Array, from: number, to: number): number {
  const integer = listpackInteger(bytes, from, to);
  return integer === undefined ? stringEntrySize(to - from) : integerEntrySize(integer);
}

/** Writes the entry Redis would store for `bytes[from .. to)`; returns the next position. */
export function writeEntry(
  out: Uint8Array,
  source: { bytes: Uint8Array; from: number; to: number },
  position: number,
): number {
  const { bytes, from, to } = source;
  const integer = listpackInteger(bytes, from, to);
  if (integer !== undefined) {
    return writeIntegerEntry(out, integer, position);
  }
  const length = to - from;
  let p = writeStringHeader(out, length, position);
  const headerSize = p - position;
  if (length < 64) {
    for (let k = from; k < to; k++) {
      out[p++] = bytes[k] as number;
    }
  } else {
    out.set(bytes.subarray(from, to), p);
    p += length;
  }
  return writeBacklen(out, headerSize + length, p);
}

/** Writes the listpack header: total bytes (entries, header and end byte) and element count. */
export function writeListpackHeader(
  out: Uint8Array,
  header: { totalBytes: number; elements: number },
  position: number,
): number {
  const { totalBytes, elements } = header;
  const count = Math.min(elements, NUMELE_UNKNOWN);
  out[position] = totalBytes & 0xff;
  out[position + 1] = (totalBytes >>> 8) & 0xff;
  out[position + 2] = (totalBytes >>> 16) & 0xff;
  out[position + 3] = (totalBytes >>> 24) & 0xff;
  out[position + 4] = count & 0xff;
  out[position + 5] = count >>> 8;
  return position + LISTPACK_HEADER_SIZE;
}

/** A whole listpack of some strings (tests, constant parts); the encoder writes entries in place. */
export function encodeListpack(elements: readonly Uint8Array[]): Uint8Array {
  const sizes = elements.map((e) => entrySize(e, 0, e.byteLength));
  const totalBytes = LISTPACK_HEADER_SIZE + sizes.reduce((a, b) => a + b, 0) + 1;
  const out = new Uint8Array(totalBytes);
  let p = writeListpackHeader(out, { totalBytes, elements: elements.length }, 0);
  for (const element of elements) {
    p = writeEntry(out, { bytes: element, from: 0, to: element.byteLength }, p);
  }
  out[p] = LISTPACK_END;
  return out;
}

/** The entry bytes alone (no header) of some strings: constant runs the encoder copies. */
export function encodeEntries(elements: readonly Uint8Array[]): Uint8Array {
  const whole = encodeListpack(elements);
  return whole.subarray(LISTPACK_HEADER_SIZE, whole.byteLength - 1);
}
