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
import type { EncodedFeatureBatch } from './online-store.js';
import type { WriteCommand } from './redis-write-commands.js';
import { DUMP_RDB_VERSION, RDB_TYPE_HASH_LISTPACK, rdbLength, rdbString } from './rdb-format.js';
import {
  copyInto,
  PATIENT_ID_BYTES,
  planPayloads,
  ViewParts,
  writePayload,
  type PayloadPlan,
} from './restore-payloads.js';
import { encodeBulk } from './resp-writer.js';
import { batchRows } from './row-batch.js';

export { DUMP_RDB_VERSION, RDB_TYPE_HASH_LISTPACK, rdbLength, rdbString };

/** Views per RESTORE batch: each row's set of views is a bit mask in a 31-bit integer. */
export const MAX_VIEWS_PER_RESTORE = 30;

/** `*4`, then `RESTORE`: every command has the key, the TTL and the payload as arguments. */
const RESTORE_HEAD = Uint8Array.from(Buffer.concat([Buffer.from('*4\r\n'), encodeBulk('RESTORE')]));

/** A patient row a command (or group) writes, with the views it carries in payload order. */
export type RestoreTarget = Pick<WriteCommand, 'row' | 'views'>;

/** A RESTORE command, with its payload argument also as a RESP bulk string on its own. */
export interface RestoreCommand extends WriteCommand {
  /** `$<n>\r\n<payload>\r\n` (a view into `bytes`). */
  readonly payloadBulk: Buffer;
}

/**
 * Many patients in one command whose arguments are `<head> <key>… <ttl> <payload>…` (the
 * restore-many script: `head(n)` is `*<argc>`, `EVALSHA`, the SHA and the key count).
 */
export interface RestoreGroup {
  readonly bytes: Buffer;
  readonly targets: readonly RestoreTarget[];
}

/** Builds RESTORE commands; caches each view's encoded field names across batches. */
export class RestoreCommandEncoder {
  readonly #parts = new Map<string, ViewParts>();
  /** CRC footers in WebAssembly, or undefined where it is unavailable (then `#crc`). */
  readonly #footers = Crc64JonesFooters.create();
  readonly #crc = new Crc64Jones();
  /** `$<key length>\r\n<prefix>fs:{`: a key bulk string up to the patient id. */
  readonly #keyBulkStart: Uint8Array;
  /** Bytes of `$<key length>\r\n`. */
  readonly #keyHeaderLength: number;
  /** Bytes of a key bulk string (`}` and CRLF after the id). */
  readonly #keyBulkLength: number;
  /** The TTL argument (milliseconds) as a RESP bulk string. */
  readonly #ttl: Uint8Array;

  constructor(options: { keyPrefix: string; gcTtlSeconds: number }) {
    const keyHead = Buffer.from(`${options.keyPrefix}fs:{`);
    const keyLength = keyHead.byteLength + PATIENT_ID_BYTES + 1;
    const keyHeader = Buffer.from(`$${String(keyLength)}\r\n`);
    this.#keyHeaderLength = keyHeader.byteLength;
    this.#keyBulkStart = Uint8Array.from(Buffer.concat([keyHeader, keyHead]));
    this.#keyBulkLength = this.#keyBulkStart.byteLength + PATIENT_ID_BYTES + 3;
    this.#ttl = Uint8Array.from(encodeBulk(String(options.gcTtlSeconds * 1000)));
  }

  /**
   * One RESTORE per row that has at least one view value (`rows`: only these rows), all in one
   * buffer of the exact size. Reads the batch row by row (`batchRows`): a patient's values are
   * copied once, from its row into its payload.
   */
  encode(batch: EncodedFeatureBatch, options: { rows?: readonly number[] } = {}): RestoreCommand[] {
    const plan = this.#plan(batch, options.rows);
    const keyBulk = this.#keyBulkLength;
    const fixed = RESTORE_HEAD.byteLength + keyBulk + this.#ttl.byteLength;
    let total = 0;
    for (let i = 0; i < plan.count; i++) {
      total += fixed + bulkLength(plan.payloadSize[i] as number);
    }
    const { buffer, out } = allocate(total);
    const crcRanges = new Int32Array(2 * plan.count);
    const views = viewsOf(plan);
    const commands: RestoreCommand[] = [];
    let p = 0;
    for (let i = 0; i < plan.count; i++) {
      const start = p;
      p += copyInto(out, RESTORE_HEAD, p);
      p = this.#writeKey(out, { plan, i }, p);
      p += copyInto(out, this.#ttl, p);
      const payloadBulk = p;
      p = writePayloadBulk(out, { plan, i, crcRanges }, p);
      const keyBulkAt = start + RESTORE_HEAD.byteLength;
      commands.push({
        row: plan.row[i] as number,
        views: views(plan.viewSet[i] as number),
        key: buffer.subarray(keyBulkAt + this.#keyHeaderLength, keyBulkAt + keyBulk - 2),
        payloadBulk: buffer.subarray(payloadBulk, p),
        bytes: buffer.subarray(start, p),
      });
    }
    this.#fillCrcs({ out, crcRanges, count: plan.count });
    return commands;
  }

  /**
   * The same RESTOREs as `encode`, `groupSize` patients per command in the layout of
   * `RestoreGroup`, written straight into one buffer (no per-patient views or copies).
   */
  encodeGroups(
    batch: EncodedFeatureBatch,
    options: { groupSize: number; groupHead: (count: number) => Uint8Array },
  ): RestoreGroup[] {
    const { groupSize, groupHead } = options;
    const plan = this.#plan(batch, undefined);
    const heads: Uint8Array[] = [];
    let total = 0;
    for (let first = 0; first < plan.count; first += groupSize) {
      const n = Math.min(groupSize, plan.count - first);
      const head = groupHead(n);
      heads.push(head);
      total += head.byteLength + n * this.#keyBulkLength + this.#ttl.byteLength;
      for (let i = first; i < first + n; i++) {
        total += bulkLength(plan.payloadSize[i] as number);
      }
    }
    const { buffer, out } = allocate(total);
    const crcRanges = new Int32Array(2 * plan.count);
    const views = viewsOf(plan);
    const groups: RestoreGroup[] = [];
    let p = 0;
    heads.forEach((head, g) => {
      const first = g * groupSize;
      const n = Math.min(groupSize, plan.count - first);
      const start = p;
      p += copyInto(out, head, p);
      for (let i = first; i < first + n; i++) {
        p = this.#writeKey(out, { plan, i }, p);
      }
      p += copyInto(out, this.#ttl, p);
      const targets: RestoreTarget[] = [];
      for (let i = first; i < first + n; i++) {
        p = writePayloadBulk(out, { plan, i, crcRanges }, p);
        targets.push({ row: plan.row[i] as number, views: views(plan.viewSet[i] as number) });
      }
      groups.push({ bytes: buffer.subarray(start, p), targets });
    });
    this.#fillCrcs({ out, crcRanges, count: plan.count });
    return groups;
  }

  #plan(batch: EncodedFeatureBatch, only: readonly number[] | undefined): PayloadPlan {
    const rows = batchRows(batch);
    if (rows.views.length > MAX_VIEWS_PER_RESTORE) {
      // Also keeps the per-row view set a 31-bit mask.
      throw new AppError(
        'VALIDATION_FAILED',
        `At most ${String(MAX_VIEWS_PER_RESTORE)} views per write`,
      );
    }
    const parts = rows.views.map((view) => this.#partsFor(view));
    return planPayloads({ rows, parts, ...(only ? { only } : {}) });
  }

  /** `$<n>\r\n<prefix>fs:{<patient id>}\r\n` of payload `i`; returns the next position. */
  #writeKey(out: Uint8Array, target: { plan: PayloadPlan; i: number }, position: number): number {
    const { plan, i } = target;
    const id = plan.rows.payloads[plan.row[i] as number] as Uint8Array;
    let p = position + copyInto(out, this.#keyBulkStart, position);
    for (let k = 0; k < PATIENT_ID_BYTES; k++) {
      out[p++] = id[k] as number;
    }
    out[p++] = 0x7d; // }
    out[p++] = 0x0d;
    out[p++] = 0x0a;
    return p;
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

/** One buffer for a batch's commands, written through a plain Uint8Array (faster stores than a Buffer's). */
function allocate(total: number): { buffer: Buffer; out: Uint8Array } {
  const buffer = Buffer.allocUnsafe(total);
  return { buffer, out: new Uint8Array(buffer.buffer, buffer.byteOffset, total) };
}

/** The views of each view set of a plan, one array per distinct set. */
function viewsOf(plan: PayloadPlan): (viewSet: number) => WriteCommand['views'] {
  const entries = plan.rows.views.map((view) => ({ view }));
  const sets = new Map<number, WriteCommand['views']>();
  return (viewSet) => {
    let views = sets.get(viewSet);
    if (!views) {
      views = entries.filter((_, k) => (viewSet & (1 << k)) !== 0);
      sets.set(viewSet, views);
    }
    return views;
  };
}

/** `$<n>\r\n<payload>\r\n`; records where its CRC goes in `crcRanges` (slot i). */
function writePayloadBulk(
  out: Uint8Array,
  target: { plan: PayloadPlan; i: number; crcRanges: Int32Array },
  position: number,
): number {
  const { plan, i, crcRanges } = target;
  let p = position;
  out[p++] = 0x24; // $
  p = writeDecimal(out, plan.payloadSize[i] as number, p);
  out[p++] = 0x0d;
  out[p++] = 0x0a;
  crcRanges[2 * i] = p;
  p = writePayload(out, { plan, i, stagingEnd: p + (plan.payloadSize[i] as number) }, p);
  crcRanges[2 * i + 1] = p;
  p += 8; // the CRC footer, filled in for the whole batch at the end
  out[p++] = 0x0d;
  out[p++] = 0x0a;
  return p;
}

/** Bytes of a bulk string of `n` bytes. */
function bulkLength(n: number): number {
  return 1 + decimalDigits(n) + 2 + n + 2;
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

function writeUint32LE(out: Uint8Array, value: number, position: number): number {
  out[position] = value & 0xff;
  out[position + 1] = (value >>> 8) & 0xff;
  out[position + 2] = (value >>> 16) & 0xff;
  out[position + 3] = value >>> 24;
  return position + 4;
}
