/**
 * The first-load fast path of bulk writes: one `RESTORE <key> <ttl ms> <payload>` per patient row,
 * where the payload is the patient hash in Redis's DUMP format: a listpack (RDB type 16, RDB
 * version 10, Redis ≥ 7.0; see listpack.ts) and a CRC-64/Jones footer. Redis loads it by copying
 * the listpack, without building a hash table. RESTORE creates the key only when it does not exist
 * (BUSYKEY otherwise), so it stores exactly what the write script's "new patient" branch would,
 * atomically; rows answered BUSYKEY go through the script, which compares views.
 */
import { AppError } from '@mediassist/shared/errors';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import { Crc64Jones } from './crc64-jones.js';
import { Crc64JonesFooters } from './crc64-jones-wasm.js';
import { isPatientIdBytes } from './encoded-column.js';
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
import type { EncodedFeatureBatch } from './online-store.js';
import type { WriteCommand } from './redis-write-commands.js';
import {
  DUMP_RDB_VERSION,
  RDB_TYPE_HASH_LISTPACK,
  rdbLength,
  rdbLengthSize,
  rdbString,
} from './rdb-format.js';
import { viewFields } from './redis-keys.js';
import { batchRows } from './row-batch.js';
import { encodeBulk } from './resp-writer.js';

export { DUMP_RDB_VERSION, RDB_TYPE_HASH_LISTPACK, rdbLength, rdbString };

/** Views per RESTORE batch: each row's set of views is a bit mask in a 31-bit integer. */
export const MAX_VIEWS_PER_RESTORE = 30;

/** `*4`, then `RESTORE`: every command has the key, the TTL and the payload as arguments. */
const RESTORE_HEAD = Buffer.concat([Buffer.from('*4\r\n'), encodeBulk('RESTORE')]);
const PATIENT_ID_BYTES = 35;
/** Below this size a JS loop copies a value faster than a view plus `TypedArray.set`. */
const SHORT_VALUE = 64;

/** A view's constant listpack entries around its value; the entries after it, per as_of. */
class ViewParts {
  /** The entry of the field name `<view>:value`. */
  readonly valueField: Uint8Array;
  /** Entries of `<view>:as_of` (then the as_of), `<view>:version` and the version. */
  readonly #asOfField: Uint8Array;
  readonly #versionPair: Uint8Array;
  /** Bytes of the constant entries. */
  readonly fixedSize: number;
  #lastAsOf = Number.NaN;
  #lastTail = new Uint8Array(0);

  constructor(view: AnyFeatureView) {
    const fields = viewFields(view.name);
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    // Plain Uint8Arrays (not Buffers): the encoder's copies stay monomorphic.
    this.valueField = Uint8Array.from(encodeEntries([utf8(fields.value)]));
    this.#asOfField = Uint8Array.from(encodeEntries([utf8(fields.asOf)]));
    this.#versionPair = Uint8Array.from(
      encodeEntries([utf8(fields.version), utf8(String(view.version))]),
    );
    this.fixedSize =
      this.valueField.byteLength + this.#asOfField.byteLength + this.#versionPair.byteLength;
  }

  /**
   * The entries after the value: `<view>:as_of`, the as_of (an integer), `<view>:version`, the
   * version. A snapshot gives most rows the same as_of, so they are rebuilt only when it changes.
   */
  tail(asOfMs: number): Uint8Array {
    if (asOfMs !== this.#lastAsOf) {
      const asOfField = this.#asOfField;
      const tail = new Uint8Array(
        asOfField.byteLength + integerEntrySize(asOfMs) + this.#versionPair.byteLength,
      );
      tail.set(asOfField);
      const at = writeAsOfEntry(tail, asOfMs, asOfField.byteLength);
      tail.set(this.#versionPair, at);
      this.#lastAsOf = asOfMs;
      this.#lastTail = tail;
    }
    return this.#lastTail;
  }
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
  /** CRC footers in WebAssembly, or undefined where it is unavailable (then `#crc`). */
  readonly #footers = Crc64JonesFooters.create();
  readonly #crc = new Crc64Jones();
  /** `<prefix>fs:{<patient id>}`: the same length for every patient. */
  readonly #keyLength: number;
  /** `*4`, `RESTORE`, `$<key length>\r\n` and the key up to the patient id. */
  readonly #keyStart: Uint8Array;
  /** `#ttl` as a plain Uint8Array: every constant the encoder copies is one, so copies stay monomorphic. */
  readonly #ttlBytes: Uint8Array;
  /** Bytes of a command before its payload argument: `RESTORE`, the key and the TTL. */
  readonly #headLength: number;

  constructor(options: { keyPrefix: string; gcTtlSeconds: number }) {
    this.#keyHead = Buffer.from(`${options.keyPrefix}fs:{`);
    this.#ttl = encodeBulk(String(options.gcTtlSeconds * 1000));
    this.#keyLength = this.#keyHead.byteLength + PATIENT_ID_BYTES + 1;
    const keyHeader = Buffer.from(`$${String(this.#keyLength)}\r\n`);
    this.#keyStart = Uint8Array.from(Buffer.concat([RESTORE_HEAD, keyHeader, this.#keyHead]));
    this.#ttlBytes = Uint8Array.from(this.#ttl);
    this.#headLength =
      RESTORE_HEAD.byteLength + keyHeader.byteLength + this.#keyLength + 2 + this.#ttl.byteLength;
  }

  /**
   * One RESTORE per row that has at least one view value (`rows`: only these rows). Two passes:
   * sizes first, so the whole batch is written into one buffer of the exact size. Reads the batch
   * row by row (`batchRows`): a patient's values are copied once, from its row into its payload.
   */
  encode(batch: EncodedFeatureBatch, options: { rows?: readonly number[] } = {}): RestoreCommand[] {
    const { views, payloads, idLengths, lengths, asOfMs } = batchRows(batch);
    if (views.length > MAX_VIEWS_PER_RESTORE) {
      // Also keeps the per-row view set a 31-bit mask below.
      throw new AppError(
        'VALIDATION_FAILED',
        `At most ${String(MAX_VIEWS_PER_RESTORE)} views per write`,
      );
    }
    const width = views.length;
    const parts = views.map((view) => this.#partsFor(view));
    const fixedSizes = Int32Array.from(parts, (p) => p.fixedSize);
    const rowCount = options.rows?.length ?? batch.rows;
    const rowAt = (r: number) => (options.rows ? (options.rows[r] as number) : r);

    // Pass 1: listpack sizes (0: no value at all), checking ids and as_of before anything is encoded.
    const listpackSizes = new Int32Array(rowCount);
    const fieldCounts = new Int32Array(rowCount);
    let total = 0;
    for (let r = 0; r < rowCount; r++) {
      const row = rowAt(r);
      const payload = payloads[row] as Uint8Array;
      const base = row * width;
      let offset = idLengths[row] as number;
      let size = 0;
      let present = 0;
      for (let k = 0; k < width; k++) {
        const length = lengths[base + k] as number;
        if (length < 0) {
          continue;
        }
        const asOf = asOfMs[base + k] as number;
        if (!(asOf >= 0 && Number.isSafeInteger(asOf))) {
          throw new RangeError('as_of must be a non-negative safe integer');
        }
        size += (fixedSizes[k] as number) + integerEntrySize(asOf);
        size += valueEntrySize(payload, offset, offset + length);
        offset += length;
        present += 1;
      }
      if (present === 0) {
        continue;
      }
      checkPatientId({ payload, idLength: idLengths[row] as number, row });
      size += LISTPACK_HEADER_SIZE + 1;
      listpackSizes[r] = size;
      fieldCounts[r] = 3 * present;
      total += this.#commandLength(payloadSize(size));
    }

    // Pass 2: the bytes.
    const buffer = Buffer.allocUnsafe(total);
    // Written through a plain Uint8Array: element stores on a Buffer (a subclass) are slower.
    const out = new Uint8Array(buffer.buffer, buffer.byteOffset, total);
    const commands: RestoreCommand[] = [];
    /** Per command, where its CRC starts and ends (the footer goes at the end). */
    const crcRanges = new Int32Array(2 * rowCount);
    const writer = this.#commandWriter({ buffer, out, commands, crcRanges });
    const entries = views.map((view) => ({ view }));
    const viewSets = new Map<number, { view: AnyFeatureView }[]>();
    let position = 0;
    for (let r = 0; r < rowCount; r++) {
      const size = listpackSizes[r] as number;
      if (size === 0) {
        continue;
      }
      const row = rowAt(r);
      const payload = payloads[row] as Uint8Array;
      const base = row * width;
      let offset = idLengths[row] as number;
      position = writer.head(position, payload, payloadSize(size));
      out[position++] = RDB_TYPE_HASH_LISTPACK;
      position = writeRdbLength(out, size, position);
      position = writeListpackHeader(
        out,
        { totalBytes: size, elements: 2 * (fieldCounts[r] as number) },
        position,
      );
      let viewSet = 0;
      for (let k = 0; k < width; k++) {
        const length = lengths[base + k] as number;
        if (length < 0) {
          continue;
        }
        const part = parts[k] as ViewParts;
        position += copyInto(out, part.valueField, position);
        position = writeValueEntry(out, {
          bytes: payload,
          from: offset,
          to: offset + length,
          position,
        });
        offset += length;
        position += copyInto(out, part.tail(asOfMs[base + k] as number), position);
        viewSet |= 1 << k;
      }
      out[position++] = LISTPACK_END;
      out[position++] = DUMP_RDB_VERSION & 0xff;
      out[position++] = DUMP_RDB_VERSION >>> 8;
      let set = viewSets.get(viewSet);
      if (!set) {
        set = entries.filter((_, k) => (viewSet & (1 << k)) !== 0);
        viewSets.set(viewSet, set);
      }
      position = writer.finish(position, row, set);
    }
    this.#fillCrcs({ out, crcRanges, count: commands.length });
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
  #commandWriter(batch: {
    buffer: Buffer;
    out: Uint8Array;
    commands: RestoreCommand[];
    crcRanges: Int32Array;
  }) {
    const { buffer, out, commands, crcRanges } = batch;
    const keyStartBytes = this.#keyStart;
    const ttl = this.#ttlBytes;
    const keyLength = this.#keyLength;
    const headLength = this.#headLength;
    const keyBulkOffset = RESTORE_HEAD.byteLength;
    const keyOffset = keyStartBytes.byteLength - this.#keyHead.byteLength;
    let start = 0;
    let payloadStart = 0;
    return {
      /** `id`: the patient id's bytes from index 0 (checked before). */
      head(position: number, id: Uint8Array, payloadSize: number): number {
        start = position;
        let p = position;
        p += copyInto(out, keyStartBytes, p);
        for (let k = 0; k < PATIENT_ID_BYTES; k++) {
          out[p++] = id[k] as number;
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
        crcRanges[2 * commands.length] = payloadStart;
        crcRanges[2 * commands.length + 1] = p;
        p += 8; // the CRC footer, filled in by #fillCrcs
        out[p++] = 0x0d;
        out[p++] = 0x0a;
        const keyStart = start + keyOffset;
        commands.push({
          row,
          views,
          key: buffer.subarray(keyStart, keyStart + keyLength),
          keyBulk: buffer.subarray(start + keyBulkOffset, keyStart + keyLength + 2),
          payloadBulk: buffer.subarray(start + headLength, p),
          bytes: buffer.subarray(start, p),
        });
        return p;
      },
    };
  }

  /** Writes each payload's CRC-64 footer (8 bytes, little-endian) at the end of its range. */
  #fillCrcs(options: { out: Uint8Array; crcRanges: Int32Array; count: number }): void {
    const { out, crcRanges, count } = options;
    if (this.#footers) {
      this.#footers.fill({ bytes: out, ranges: crcRanges, count });
      return;
    }
    const crc = this.#crc;
    for (let i = 0; i < count; i++) {
      const end = crcRanges[2 * i + 1] as number;
      crc.reset();
      crc.update(out, crcRanges[2 * i] as number, end);
      writeUint32LE(out, crc.high, writeUint32LE(out, crc.low, end));
    }
  }

  #partsFor(view: AnyFeatureView): ViewParts {
    const cacheKey = `${view.name}@${String(view.version)}`;
    let cached = this.#parts.get(cacheKey);
    if (!cached) {
      cached = new ViewParts(view);
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

/**
 * Copies a constant (field names, tails; plain Uint8Arrays) and returns its length. `set` with a
 * whole typed array is a native copy without a new view; measured faster than a byte loop here.
 */
function copyInto(out: Uint8Array, bytes: Uint8Array, position: number): number {
  out.set(bytes, position);
  return bytes.byteLength;
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

function checkPatientId(options: { payload: Uint8Array; idLength: number; row: number }): void {
  const { payload, idLength, row } = options;
  if (idLength !== PATIENT_ID_BYTES || !isPatientIdBytes(payload.subarray(0, idLength))) {
    throw new AppError('VALIDATION_FAILED', 'Invalid patient id in encoded batch', {
      details: [{ path: `patientIds[${String(row)}]`, issue: 'invalid_format' }],
    });
  }
}

const TWO_32 = 2 ** 32;

function writeUint32LE(out: Uint8Array, value: number, position: number): number {
  out[position] = value & 0xff;
  out[position + 1] = (value >>> 8) & 0xff;
  out[position + 2] = (value >>> 16) & 0xff;
  out[position + 3] = value >>> 24;
  return position + 4;
}

/**
 * Writes an as_of (a non-negative safe integer) as a listpack integer entry; epoch milliseconds
 * take the 64-bit form, written from two 32-bit halves instead of through BigInt.
 */
function writeAsOfEntry(out: Uint8Array, asOf: number, position: number): number {
  if (asOf <= 0x7fffffff) {
    return writeIntegerEntry(out, asOf, position);
  }
  let p = position;
  out[p++] = 0xf4;
  let low = asOf >>> 0;
  let high = (asOf - low) / TWO_32;
  for (let k = 0; k < 4; k++) {
    out[p++] = low & 0xff;
    low >>>= 8;
  }
  for (let k = 0; k < 4; k++) {
    out[p++] = high & 0xff;
    high >>>= 8;
  }
  out[p++] = 9;
  return p;
}
