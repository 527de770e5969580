/**
 * The first-load fast path of bulk writes: one `RESTORE <key> <ttl ms> <payload>` per patient row,
 * where the payload is the patient hash in Redis's DUMP format: a listpack (RDB type 16, RDB
 * version 10, Redis ≥ 7.0; see listpack.ts) and a CRC-64/Jones footer. Redis loads it by copying
 * the listpack, without building a hash table. RESTORE creates the key only when it does not exist
 * (BUSYKEY otherwise), so it stores exactly what the write script's "new patient" branch would,
 * atomically; rows answered BUSYKEY go through the script, which compares views.
 */
import { AppError } from '@mediassist/shared/errors';
import { Crc64Jones } from './crc64-jones.js';
import { columnValue, isPatientIdBytes } from './encoded-column.js';
import {
  encodeEntries,
  integerEntrySize,
  LISTPACK_END,
  LISTPACK_HEADER_SIZE,
  listpackInteger,
  stringEntrySize,
  writeBacklen,
  writeIntegerEntry,
  writeListpackHeader,
  writeStringHeader,
} from './listpack.js';
import type { EncodedColumn, EncodedFeatureBatch, EncodedViewColumn } from './online-store.js';
import type { WriteCommand } from './redis-write-commands.js';
import {
  DUMP_RDB_VERSION,
  RDB_TYPE_HASH_LISTPACK,
  rdbLength,
  rdbLengthSize,
  rdbString,
} from './rdb-format.js';
import { viewFields } from './redis-keys.js';
import { encodeBulk } from './resp-writer.js';

export { DUMP_RDB_VERSION, RDB_TYPE_HASH_LISTPACK, rdbLength, rdbString };

/** Views per RESTORE batch: each row's set of views is a bit mask in a 31-bit integer. */
export const MAX_VIEWS_PER_RESTORE = 30;

/** `*4`, then `RESTORE`: every command has the key, the TTL and the payload as arguments. */
const RESTORE_HEAD = Buffer.concat([Buffer.from('*4\r\n'), encodeBulk('RESTORE')]);
const PATIENT_ID_BYTES = 35;
/** Below this size a JS loop copies a value faster than a view plus `TypedArray.set`. */
const SHORT_VALUE = 64;

interface ViewParts {
  /** The listpack entry of the field name `<view>:value`. */
  readonly valueField: Uint8Array;
  /** Entries of `<view>:as_of`, the as_of (an integer), `<view>:version`, the version. */
  tail(asOfMs: number): Uint8Array;
}

/** A RESTORE command, with its key and payload arguments also as RESP bulk strings on their own. */
export interface RestoreCommand extends WriteCommand {
  /** `$<n>\r\n<key>\r\n` (a view into `bytes`). */
  readonly keyBulk: Buffer;
  /** `$<n>\r\n<payload>\r\n` (a view into `bytes`). */
  readonly payloadBulk: Buffer;
}

/** Builds RESTORE commands; caches each view's encoded field names across batches. */
export class RestoreCommandEncoder {
  readonly #keyHead: Buffer;
  /** `$<ttl ms>` as a bulk string: the same for every command. */
  readonly #ttl: Buffer;
  /** The TTL argument (milliseconds) as a RESP bulk string. */
  get ttlBulk(): Buffer {
    return this.#ttl;
  }
  readonly #parts = new Map<string, ViewParts>();
  readonly #crc = new Crc64Jones();
  /** `<prefix>fs:{<patient id>}`: the same length for every patient. */
  readonly #keyLength: number;
  /** `$<key length>\r\n`. */
  readonly #keyHeader: Buffer;
  /** Bytes of a command before its payload argument: `RESTORE`, the key and the TTL. */
  readonly #headLength: number;

  constructor(options: { keyPrefix: string; gcTtlSeconds: number }) {
    this.#keyHead = Buffer.from(`${options.keyPrefix}fs:{`);
    this.#ttl = encodeBulk(String(options.gcTtlSeconds * 1000));
    this.#keyLength = this.#keyHead.byteLength + PATIENT_ID_BYTES + 1;
    this.#keyHeader = Buffer.from(`$${String(this.#keyLength)}\r\n`);
    this.#headLength =
      RESTORE_HEAD.byteLength +
      this.#keyHeader.byteLength +
      this.#keyLength +
      2 +
      this.#ttl.byteLength;
  }

  /**
   * One RESTORE per row that has at least one view value (`rows`: only these rows). Two passes:
   * sizes first, so the whole batch is written into one buffer of the exact size.
   */
  encode(batch: EncodedFeatureBatch, options: { rows?: readonly number[] } = {}): RestoreCommand[] {
    if (batch.views.length > MAX_VIEWS_PER_RESTORE) {
      // Also keeps the per-row view set a 31-bit mask below.
      throw new AppError(
        'VALIDATION_FAILED',
        `At most ${String(MAX_VIEWS_PER_RESTORE)} views per write`,
      );
    }
    const columns = batch.views;
    const parts = columns.map((column) => this.#partsFor(column));
    const rowCount = options.rows?.length ?? batch.rows;
    const rowAt = (r: number) => (options.rows ? (options.rows[r] as number) : r);
    const ids = batch.patientIds;

    // Pass 1: listpack sizes (0: no value at all), checking ids before anything is encoded.
    const listpackSizes = new Int32Array(rowCount);
    const fieldCounts = new Int32Array(rowCount);
    let total = 0;
    for (let r = 0; r < rowCount; r++) {
      const row = rowAt(r);
      let size = 0;
      let present = 0;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i] as EncodedViewColumn;
        const asOfMs = column.asOfMs[row] as number;
        if (!Number.isNaN(asOfMs)) {
          const { bytes, offsets } = column.values;
          const from = offsets[row] as number;
          const to = offsets[row + 1] as number;
          const part = parts[i] as ViewParts;
          size += part.valueField.byteLength + valueEntrySize(bytes, from, to);
          size += part.tail(asOfMs).byteLength;
          present += 1;
        }
      }
      if (present === 0) {
        continue;
      }
      checkPatientId(ids, row);
      size += LISTPACK_HEADER_SIZE + 1;
      listpackSizes[r] = size;
      fieldCounts[r] = 3 * present;
      total += this.#commandLength(payloadSize(size));
    }

    // Pass 2: the bytes.
    const out = Buffer.allocUnsafe(total);
    const commands: RestoreCommand[] = [];
    const writer = this.#commandWriter({ out, ids, commands });
    const viewSets = new Map<number, EncodedViewColumn[]>();
    let position = 0;
    for (let r = 0; r < rowCount; r++) {
      const size = listpackSizes[r] as number;
      if (size === 0) {
        continue;
      }
      const row = rowAt(r);
      position = writer.head(position, row, payloadSize(size));
      out[position++] = RDB_TYPE_HASH_LISTPACK;
      position = writeRdbLength(out, size, position);
      position = writeListpackHeader(
        out,
        { totalBytes: size, elements: 2 * (fieldCounts[r] as number) },
        position,
      );
      let viewSet = 0;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i] as EncodedViewColumn;
        const asOfMs = column.asOfMs[row] as number;
        if (Number.isNaN(asOfMs)) {
          continue;
        }
        const part = parts[i] as ViewParts;
        position += copyInto(out, part.valueField, position);
        const { bytes, offsets } = column.values;
        position = writeValueEntry(out, {
          bytes,
          from: offsets[row] as number,
          to: offsets[row + 1] as number,
          position,
        });
        position += copyInto(out, part.tail(asOfMs), position);
        viewSet |= 1 << i;
      }
      out[position++] = LISTPACK_END;
      out[position++] = DUMP_RDB_VERSION & 0xff;
      out[position++] = DUMP_RDB_VERSION >>> 8;
      let views = viewSets.get(viewSet);
      if (!views) {
        views = columns.filter((_, i) => (viewSet & (1 << i)) !== 0);
        viewSets.set(viewSet, views);
      }
      position = writer.finish(position, row, views);
    }
    return commands;
  }

  /** Bytes of one RESTORE whose payload argument (CRC included) is `payloadSize` bytes. */
  #commandLength(payloadSize: number): number {
    return this.#headLength + 1 + decimalDigits(payloadSize) + 2 + payloadSize + 2;
  }

  /**
   * Writes what every RESTORE shares around its payload into `out`: `head` the command, key, TTL
   * and payload length (returning where the payload goes), `finish` the CRC-64 footer after the
   * payload, recording the command in `commands` (returning where the next one starts).
   */
  #commandWriter(batch: { out: Buffer; ids: EncodedColumn; commands: RestoreCommand[] }) {
    const { out, ids, commands } = batch;
    const crc = this.#crc;
    const keyHead = this.#keyHead;
    const keyHeader = this.#keyHeader;
    const ttl = this.#ttl;
    const keyLength = this.#keyLength;
    const headLength = this.#headLength;
    const keyBulkOffset = RESTORE_HEAD.byteLength;
    const keyOffset = keyBulkOffset + keyHeader.byteLength;
    let start = 0;
    let payloadStart = 0;
    return {
      head(position: number, row: number, payloadSize: number): number {
        start = position;
        let p = position;
        p += copyInto(out, RESTORE_HEAD, p);
        p += copyInto(out, keyHeader, p);
        p += copyInto(out, keyHead, p);
        const idStart = ids.offsets[row] as number;
        for (let k = 0; k < PATIENT_ID_BYTES; k++) {
          out[p++] = ids.bytes[idStart + k] as number;
        }
        out[p++] = 0x7d; // }
        out[p++] = 0x0d;
        out[p++] = 0x0a;
        p += copyInto(out, ttl, p);
        out[p++] = 0x24; // $
        p = writeDecimal(out, payloadSize, p);
        out[p++] = 0x0d;
        out[p++] = 0x0a;
        payloadStart = p;
        return p;
      },
      finish(position: number, row: number, views: WriteCommand['views']): number {
        let p = position;
        crc.reset();
        crc.update(out, payloadStart, p);
        out.writeUInt32LE(crc.low, p);
        out.writeUInt32LE(crc.high, p + 4);
        p += 8;
        out[p++] = 0x0d;
        out[p++] = 0x0a;
        const keyStart = start + keyOffset;
        commands.push({
          row,
          views,
          key: out.subarray(keyStart, keyStart + keyLength),
          keyBulk: out.subarray(start + keyBulkOffset, keyStart + keyLength + 2),
          payloadBulk: out.subarray(start + headLength, p),
          bytes: out.subarray(start, p),
        });
        return p;
      },
    };
  }

  #partsFor(column: EncodedViewColumn): ViewParts {
    const { name, version } = column.view;
    const cacheKey = `${name}@${String(version)}`;
    let cached = this.#parts.get(cacheKey);
    if (!cached) {
      const fields = viewFields(name);
      const utf8 = (text: string) => Buffer.from(text, 'utf8');
      const valueField = encodeEntries([utf8(fields.value)]);
      const asOfField = encodeEntries([utf8(fields.asOf)]);
      const versionPair = encodeEntries([utf8(fields.version), utf8(String(version))]);
      // A snapshot gives most rows the same as_of, so the tail is rebuilt only when it changes.
      let lastAsOf = Number.NaN;
      let lastTail: Uint8Array = new Uint8Array(0);
      cached = {
        valueField,
        tail(asOfMs) {
          if (asOfMs !== lastAsOf) {
            if (!Number.isSafeInteger(asOfMs) || asOfMs < 0) {
              throw new RangeError('as_of must be a non-negative safe integer');
            }
            lastAsOf = asOfMs;
            const asOf = new Uint8Array(integerEntrySize(asOfMs));
            writeIntegerEntry(asOf, asOfMs, 0);
            lastTail = Buffer.concat([asOfField, asOf, versionPair]);
          }
          return lastTail;
        },
      };
      this.#parts.set(cacheKey, cached);
    }
    return cached;
  }
}

/** The DUMP payload around a listpack of `listpackSize` bytes: type, length, RDB version, CRC. */
function payloadSize(listpackSize: number): number {
  return 1 + rdbLengthSize(listpackSize) + listpackSize + 2 + 8;
}

/** A value's listpack entry size: almost always a string (JSON, float32 bytes). */
function valueEntrySize(bytes: Uint8Array, from: number, to: number): number {
  const integer = to - from <= 20 ? listpackInteger(bytes, from, to) : undefined;
  return integer === undefined ? stringEntrySize(to - from) : integerEntrySize(integer);
}

/** Writes a value's listpack entry (as `valueEntrySize` sized it); returns the next position. */
function writeValueEntry(
  out: Uint8Array,
  value: { bytes: Uint8Array; from: number; to: number; position: number },
): number {
  const { bytes, from, to, position } = value;
  const length = to - from;
  const integer = length <= 20 ? listpackInteger(bytes, from, to) : undefined;
  if (integer !== undefined) {
    return writeIntegerEntry(out, integer, position);
  }
  let p = writeStringHeader(out, length, position);
  const encoded = p - position + length;
  if (length < SHORT_VALUE) {
    for (let k = from; k < to; k++) {
      out[p++] = bytes[k] as number;
    }
  } else {
    out.set(bytes.subarray(from, to), p);
    p += length;
  }
  return writeBacklen(out, encoded, p);
}

/** Copies a short constant (field names, tails) with a plain loop; returns its length. */
function copyInto(out: Uint8Array, bytes: Uint8Array, position: number): number {
  const n = bytes.byteLength;
  for (let k = 0; k < n; k++) {
    out[position + k] = bytes[k] as number;
  }
  return n;
}

function decimalDigits(n: number): number {
  let digits = 1;
  for (let rest = n; rest >= 10; rest = (rest / 10) | 0) {
    digits += 1;
  }
  return digits;
}

/** Writes a non-negative 32-bit integer in decimal at `position`; returns the position after it. */
function writeDecimal(out: Uint8Array, n: number, position: number): number {
  const end = position + decimalDigits(n);
  let rest = n;
  for (let p = end - 1; p >= position; p--) {
    out[p] = 0x30 + (rest % 10);
    rest = (rest / 10) | 0;
  }
  return end;
}

/** Writes an RDB length at `position`; returns the position after it. */
function writeRdbLength(out: Uint8Array, length: number, position: number): number {
  let p = position;
  if (length < 0x40) {
    out[p++] = length;
  } else if (length < 0x4000) {
    out[p++] = 0x40 | (length >>> 8);
    out[p++] = length & 0xff;
  } else {
    out[p++] = 0x80;
    out[p++] = (length >>> 24) & 0xff;
    out[p++] = (length >>> 16) & 0xff;
    out[p++] = (length >>> 8) & 0xff;
    out[p++] = length & 0xff;
  }
  return p;
}

function checkPatientId(ids: EncodedColumn, row: number): void {
  if (!isPatientIdBytes(columnValue(ids, row))) {
    throw new AppError('VALIDATION_FAILED', 'Invalid patient id in encoded batch', {
      details: [{ path: `patientIds[${String(row)}]`, issue: 'invalid_format' }],
    });
  }
}
