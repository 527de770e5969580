/**
 * The pieces of Redis's RDB serialization that a DUMP payload of a hash needs (rdb.c): the object
 * type, length prefixes (rdbSaveLen) and raw strings. Used by the RESTORE encoder.
 */

/**
 * RDB object type of a hash stored as one listpack (Redis ≥ 7.0). Redis keeps it a listpack on
 * load whatever its values' sizes (it checks only `hash-max-listpack-entries`).
 */
export const RDB_TYPE_HASH_LISTPACK = 16;
/**
 * Redis 7.0's RDB version, the first with listpack hashes. RESTORE refuses payloads of a newer
 * version than the server's own ("DUMP payload version or checksum are wrong"), so an older Redis
 * answers an error and the writer falls back to the write script.
 */
export const DUMP_RDB_VERSION = 10;

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
