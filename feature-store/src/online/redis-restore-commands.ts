/**
 * The first-load fast path of bulk writes: one `RESTORE <key> <ttl ms> <payload>` per patient row,
 * where the payload is the patient hash in Redis's DUMP format (RDB hash type, RDB version 9, a
 * CRC-64/Jones footer). RESTORE creates the key only when it does not exist (BUSYKEY otherwise), so
 * it stores exactly what the write script's "new patient" branch would, atomically; rows answered
 * BUSYKEY go through the script, which compares views. Redis runs it several times cheaper than
 * the script or a 54-argument HSET (one argument to parse, a pre-sized hash, one AOF record).
 */
import { AppError } from '@mediassist/shared/errors';
import { Crc64Jones } from './crc64-jones.js';
import { columnValue, isPatientIdBytes } from './encoded-column.js';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import { batchViews, framedFieldOrder, framedViewParts } from './framed-hashes.js';
import type {
  EncodedColumn,
  EncodedFeatureBatch,
  EncodedViewColumn,
  FramedHashes,
} from './online-store.js';
import type { WriteCommand } from './redis-write-commands.js';
import {
  DUMP_RDB_VERSION,
  RDB_TYPE_HASH,
  rdbLength,
  rdbLengthSize,
  rdbString,
} from './rdb-format.js';
import { encodeBulk } from './resp-writer.js';

export { DUMP_RDB_VERSION, RDB_TYPE_HASH, rdbLength, rdbString };

/** Views per RESTORE batch: each row's set of views is a bit mask in a 31-bit integer. */
export const MAX_VIEWS_PER_RESTORE = 30;

/** `*4`, then `RESTORE`: every command has the key, the TTL and the payload as arguments. */
const RESTORE_HEAD = Buffer.concat([Buffer.from('*4\r\n'), encodeBulk('RESTORE')]);
const PATIENT_ID_BYTES = 35;
/** Below this size a JS loop copies a value faster than a view plus `TypedArray.set`. */
const SHORT_VALUE = 64;

interface ViewParts {
  /** `<view>:value` as an RDB string. */
  readonly valueField: Uint8Array;
  /** `<view>:as_of` + its value, then `<view>:version` + its value, as RDB strings. */
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
    if (batchViews(batch).length > MAX_VIEWS_PER_RESTORE) {
      // Also keeps the per-row view set a 31-bit mask below.
      throw new AppError(
        'VALIDATION_FAILED',
        `At most ${String(MAX_VIEWS_PER_RESTORE)} views per write`,
      );
    }
    if (batch.framed) {
      return this.#encodeFramed({
        ids: batch.patientIds,
        framed: batch.framed,
        rows: options.rows,
      });
    }
    const columns = framedFieldOrder(batch.views, (column) => column.view.value.encoding);
    const parts = columns.map((column) => this.#partsFor(column));
    const rowCount = options.rows?.length ?? batch.rows;
    const rowAt = (r: number) => (options.rows ? (options.rows[r] as number) : r);
    const ids = batch.patientIds;

    // Pass 1: payload sizes (0: no value at all), checking ids before anything is encoded.
    const payloadSizes = new Int32Array(rowCount);
    const pairCounts = new Int32Array(rowCount);
    let total = 0;
    for (let r = 0; r < rowCount; r++) {
      const row = rowAt(r);
      let size = 0;
      let present = 0;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i] as EncodedViewColumn;
        const asOfMs = column.asOfMs[row] as number;
        if (!Number.isNaN(asOfMs)) {
          const length =
            (column.values.offsets[row + 1] as number) - (column.values.offsets[row] as number);
          size += (parts[i] as ViewParts).valueField.byteLength + rdbLengthSize(length) + length;
          size += (parts[i] as ViewParts).tail(asOfMs).byteLength;
          present += 1;
        }
      }
      if (present === 0) {
        continue;
      }
      checkPatientId(ids, row);
      size += 1 + rdbLengthSize(3 * present) + 2 + 8;
      payloadSizes[r] = size;
      pairCounts[r] = 3 * present;
      total += this.#commandLength(size);
    }

    // Pass 2: the bytes.
    const out = Buffer.allocUnsafe(total);
    const commands: RestoreCommand[] = [];
    const writer = this.#commandWriter({ out, ids, commands });
    const viewSets = new Map<number, EncodedViewColumn[]>();
    let position = 0;
    for (let r = 0; r < rowCount; r++) {
      const size = payloadSizes[r] as number;
      if (size === 0) {
        continue;
      }
      const row = rowAt(r);
      position = writer.head(position, row, size);
      out[position++] = RDB_TYPE_HASH;
      position = writeRdbLength(out, pairCounts[r] as number, position);
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
        const from = offsets[row] as number;
        const to = offsets[row + 1] as number;
        position = writeRdbLength(out, to - from, position);
        if (to - from < SHORT_VALUE) {
          for (let k = from; k < to; k++) {
            out[position++] = bytes[k] as number;
          }
        } else {
          out.set(bytes.subarray(from, to), position);
          position += to - from;
        }
        position += copyInto(out, part.tail(asOfMs), position);
        viewSet |= 1 << i;
      }
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

  /** RESTOREs of rows the offline store framed already: the key, the TTL and the CRC are added. */
  #encodeFramed(options: {
    ids: EncodedColumn;
    framed: FramedHashes;
    rows: readonly number[] | undefined;
  }): RestoreCommand[] {
    const { ids, framed, rows } = options;
    const rowCount = rows?.length ?? framed.payloads.length;
    const rowAt = (r: number) => (rows ? (rows[r] as number) : r);
    let total = 0;
    for (let r = 0; r < rowCount; r++) {
      const row = rowAt(r);
      const size = (framed.payloads[row]?.byteLength ?? 0) + 8;
      if ((framed.viewMasks[row] ?? 0) === 0) {
        continue;
      }
      checkPatientId(ids, row);
      total += this.#commandLength(size);
    }
    const out = Buffer.allocUnsafe(total);
    const commands: RestoreCommand[] = [];
    const writer = this.#commandWriter({ out, ids, commands });
    const viewSets = new Map<number, { view: AnyFeatureView }[]>();
    let position = 0;
    for (let r = 0; r < rowCount; r++) {
      const row = rowAt(r);
      const mask = framed.viewMasks[row] ?? 0;
      if (mask === 0) {
        continue;
      }
      const payload = framed.payloads[row] as Uint8Array;
      position = writer.head(position, row, payload.byteLength + 8);
      out.set(payload, position);
      position += payload.byteLength;
      let views = viewSets.get(mask);
      if (!views) {
        views = framed.views.filter((_, k) => (mask & (1 << k)) !== 0).map((view) => ({ view }));
        viewSets.set(mask, views);
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
      const { valueField, asOfField, versionPair } = framedViewParts({ name, version });
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
