/**
 * The first-load fast path of bulk writes: one `RESTORE <key> <ttl ms> <payload>` per patient row,
 * where the payload is the patient hash in Redis's DUMP format (RDB hash type, RDB version 9, a
 * CRC-64/Jones footer). RESTORE creates the key only when it does not exist (BUSYKEY otherwise), so
 * it stores exactly what the write script's "new patient" branch would, atomically; rows answered
 * BUSYKEY go through the script, which compares views. Redis runs it several times cheaper than
 * the script or a 54-argument HSET (one argument to parse, a pre-sized hash, one AOF record).
 */
import { AppError } from '@mediassist/shared/errors';
import { crc64Jones } from './crc64-jones.js';
import { columnValue, isPatientIdBytes } from './encoded-column.js';
import type { EncodedFeatureBatch, EncodedViewColumn } from './online-store.js';
import { viewFields } from './redis-keys.js';
import type { WriteCommand } from './redis-write-commands.js';
import { RespWriter, encodeBulk } from './resp-writer.js';

/** RDB object type of a hash stored as field/value strings (loaded into a listpack or hash table). */
export const RDB_TYPE_HASH = 4;
/** Redis 5.0's RDB version; every later Redis accepts payloads of this version or older. */
export const DUMP_RDB_VERSION = 9;

const RESTORE = encodeBulk('RESTORE');

interface ViewParts {
  /** `<view>:value` as an RDB string. */
  readonly valueField: Uint8Array;
  /** `<view>:as_of` + its value, then `<view>:version` + its value, as RDB strings. */
  tail(asOfMs: number): Uint8Array;
}

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

function rdbLengthSize(length: number): number {
  return length < 0x40 ? 1 : length < 0x4000 ? 2 : 5;
}

/** An RDB raw string: length prefix, then the bytes. */
export function rdbString(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([rdbLength(bytes.byteLength), bytes]);
}

/** Builds RESTORE commands; caches each view's encoded field names across batches. */
export class RestoreCommandEncoder {
  readonly #keyHead: Buffer;
  readonly #keyTail = Buffer.from('}');
  readonly #ttlMs: number;
  readonly #parts = new Map<string, ViewParts>();

  constructor(options: { keyPrefix: string; gcTtlSeconds: number }) {
    this.#keyHead = Buffer.from(`${options.keyPrefix}fs:{`);
    this.#ttlMs = options.gcTtlSeconds * 1000;
  }

  /** One RESTORE per row that has at least one view value (`rows`: only these rows). */
  encode(batch: EncodedFeatureBatch, options: { rows?: readonly number[] } = {}): WriteCommand[] {
    // Large values first: Redis then turns the hash into a hash table sized for every field at once.
    const columns = [...batch.views].sort(
      (a, b) =>
        Number(b.view.value.encoding.kind === 'float32') -
        Number(a.view.value.encoding.kind === 'float32'),
    );
    const parts = columns.map((column) => this.#partsFor(column));
    const writer = new RespWriter(estimateBytes(batch));
    const commands: WriteCommand[] = [];
    const present: number[] = [];
    const tails: Uint8Array[] = [];
    const rowCount = options.rows?.length ?? batch.rows;
    for (let r = 0; r < rowCount; r++) {
      const row = options.rows ? (options.rows[r] as number) : r;
      present.length = 0;
      tails.length = 0;
      let payloadSize = 1 + 2 + 8; // type, RDB version, CRC
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i] as EncodedViewColumn;
        const asOfMs = column.asOfMs[row] ?? Number.NaN;
        if (Number.isNaN(asOfMs)) {
          continue;
        }
        const part = parts[i] as ViewParts;
        const tail = part.tail(asOfMs);
        const valueLength =
          (column.values.offsets[row + 1] ?? 0) - (column.values.offsets[row] ?? 0);
        payloadSize +=
          part.valueField.byteLength + rdbLengthSize(valueLength) + valueLength + tail.byteLength;
        present.push(i);
        tails.push(tail);
      }
      if (present.length === 0) {
        continue;
      }
      payloadSize += rdbLengthSize(3 * present.length);
      const patientId = columnValue(batch.patientIds, row);
      if (!isPatientIdBytes(patientId)) {
        throw new AppError('VALIDATION_FAILED', 'Invalid patient id in encoded batch', {
          details: [{ path: `patientIds[${String(row)}]`, issue: 'invalid_format' }],
        });
      }
      const start = writer.length;
      writer.arrayHeader(4);
      writer.raw(RESTORE);
      const keyLength = this.#keyHead.byteLength + patientId.byteLength + 1;
      const keyStart = writer.length + 3 + String(keyLength).length;
      writer.bulkParts([this.#keyHead, patientId, this.#keyTail]);
      writer.bulkUint(this.#ttlMs);
      writer.bulkHeader(payloadSize);
      const payloadStart = writer.length;
      writer.byte(RDB_TYPE_HASH);
      writer.raw(rdbLength(3 * present.length));
      for (let k = 0; k < present.length; k++) {
        const i = present[k] as number;
        const column = columns[i] as EncodedViewColumn;
        const { bytes, offsets } = column.values;
        const from = offsets[row] ?? 0;
        const to = offsets[row + 1] ?? 0;
        writer.raw((parts[i] as ViewParts).valueField);
        writeRdbLength(writer, to - from);
        writer.rawRange(bytes, from, to);
        writer.raw(tails[k] as Uint8Array);
      }
      writer.byte(DUMP_RDB_VERSION & 0xff);
      writer.byte(DUMP_RDB_VERSION >>> 8);
      const crc = crc64Jones({ bytes: writer.slice(payloadStart) });
      writeUint32LE(writer, crc.low);
      writeUint32LE(writer, crc.high);
      writer.crlf();
      const bytes = writer.slice(start);
      commands.push({
        row,
        views: present.map((i) => columns[i] as EncodedViewColumn),
        key: bytes.subarray(keyStart - start, keyStart - start + keyLength),
        bytes,
      });
    }
    return commands;
  }

  #partsFor(column: EncodedViewColumn): ViewParts {
    const { name, version } = column.view;
    const cacheKey = `${name}@${String(version)}`;
    let cached = this.#parts.get(cacheKey);
    if (!cached) {
      const fields = viewFields(name);
      const asOfField = rdbString(fields.asOf);
      const versionPair = Buffer.concat([rdbString(fields.version), rdbString(String(version))]);
      // A snapshot gives most rows the same as_of, so the tail is rebuilt only when it changes.
      let lastAsOf = Number.NaN;
      let lastTail: Uint8Array = new Uint8Array(0);
      cached = {
        valueField: rdbString(fields.value),
        tail(asOfMs) {
          if (asOfMs !== lastAsOf) {
            if (!Number.isSafeInteger(asOfMs) || asOfMs < 0) {
              throw new RangeError('as_of must be a non-negative safe integer');
            }
            lastAsOf = asOfMs;
            lastTail = Buffer.concat([asOfField, rdbString(String(asOfMs)), versionPair]);
          }
          return lastTail;
        },
      };
      this.#parts.set(cacheKey, cached);
    }
    return cached;
  }
}

function writeRdbLength(writer: RespWriter, length: number): void {
  if (length < 0x40) {
    writer.byte(length);
  } else if (length < 0x4000) {
    writer.byte(0x40 | (length >>> 8));
    writer.byte(length & 0xff);
  } else {
    writer.raw(rdbLength(length));
  }
}

function writeUint32LE(writer: RespWriter, value: number): void {
  writer.byte(value & 0xff);
  writer.byte((value >>> 8) & 0xff);
  writer.byte((value >>> 16) & 0xff);
  writer.byte(value >>> 24);
}

/** Room for the whole batch up front: the values plus field names and framing per view. */
function estimateBytes(batch: EncodedFeatureBatch): number {
  let values = batch.patientIds.bytes.byteLength;
  for (const column of batch.views) {
    values += column.values.bytes.byteLength;
  }
  return values + batch.rows * (120 + batch.views.length * 80);
}
