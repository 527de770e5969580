/**
 * The pieces of Redis's RDB serialization that a DUMP payload of a hash needs (rdb.c): the object
 * type, length prefixes (rdbSaveLen) and raw strings. Used by the RESTORE encoder and by the
 * framed hashes the offline store builds in SQL.
 */

/** RDB object type of a hash stored as field/value strings (loaded into a listpack or hash table). */
export const RDB_TYPE_HASH = 4;
/** Redis 5.0's RDB version; every later Redis accepts payloads of this version or older. */
export const DUMP_RDB_VERSION = 9;

/** Length prefix of an RDB string or collection (rdbSaveLen): 1, 2 or 5 bytes, big-endian. */
export function rdbLength(length: number): Uint8Array {
  if (length < 0x40) {
    return Uint8Array.of(length);
  }
  if (length < 0x4000) {
    return Uint8Array.of(0x40 | (length >>> 8), length & 0xff);
  }
  return Uint8Array.of(
    0x80,
    (length >>> 24) & 0xff,
    (length >>> 16) & 0xff,
    (length >>> 8) & 0xff,
    length & 0xff,
  );
}

export function rdbLengthSize(length: number): number {
  return length < 0x40 ? 1 : length < 0x4000 ? 2 : 5;
}

/** An RDB raw string: length prefix, then the bytes. */
export function rdbString(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([rdbLength(bytes.byteLength), bytes]);
}

/** Reads an RDB length at `position` (1, 2 or 5 bytes); `next` is the position after it. */
export function readRdbLength(
  bytes: Uint8Array,
  position: number,
): { length: number; next: number } {
  const first = bytes[position] ?? 0;
  switch (first >>> 6) {
    case 0:
      return { length: first, next: position + 1 };
    case 1:
      return { length: ((first & 0x3f) << 8) | (bytes[position + 1] ?? 0), next: position + 2 };
    default:
      if (first !== 0x80) {
        throw new RangeError('Unsupported RDB length encoding');
      }
      return {
        length:
          (bytes[position + 1] ?? 0) * 2 ** 24 +
          (((bytes[position + 2] ?? 0) << 16) |
            ((bytes[position + 3] ?? 0) << 8) |
            (bytes[position + 4] ?? 0)),
        next: position + 5,
      };
  }
}
