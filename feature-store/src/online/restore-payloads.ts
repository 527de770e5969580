/**
 * DUMP payloads of patient hashes, written straight from a batch's rows: RDB type 16 (a listpack
 * hash, see listpack.ts), the listpack's length, the listpack, RDB version 10, and an 8-byte CRC
 * footer (filled in afterwards, many at a time). Sizes are planned first so a whole batch goes
 * into one buffer of the exact size. Used by the RESTORE encoder (redis-restore-commands.ts).
 */
import { AppError } from '@mediassist/shared/errors';
import type { AnyFeatureView } from '../definitions/feature-view.js';
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
import type { EncodedFeatureRows } from './online-store.js';
import { DUMP_RDB_VERSION, RDB_TYPE_HASH_LISTPACK, rdbLengthSize } from './rdb-format.js';
import { viewFields } from './redis-keys.js';

export const PATIENT_ID_BYTES = 35;
/** Below this size a JS loop copies a value faster than a view plus `TypedArray.set`. */
const SHORT_VALUE = 64;
const TWO_32 = 2 ** 32;
const EMPTY = new Uint8Array(0);

/** A view's constant listpack entries around its value; the entries after it, per as_of. */
export class ViewParts {
  /** The entry of the field name `<view>:value`. */
  readonly valueField: Uint8Array;
  readonly #asOfField: Uint8Array;
  readonly #versionPair: Uint8Array;
  /** Bytes of the constant entries (all but the value and the as_of). */
  readonly fixedSize: number;
  #lastAsOf = Number.NaN;
  #lastNext: ViewParts | undefined;
  #lastTail = EMPTY;

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
   * version, then the next view's `<view>:value` field when there is one (one copy instead of
   * two). A snapshot gives most rows the same as_of and views, so this is rebuilt only when the
   * as_of or the next view changes.
   */
  tail(asOfMs: number, next: ViewParts | undefined): Uint8Array {
    if (asOfMs !== this.#lastAsOf || next !== this.#lastNext) {
      const asOfField = this.#asOfField;
      const nextField = next?.valueField ?? EMPTY;
      const tail = new Uint8Array(
        asOfField.byteLength +
          integerEntrySize(asOfMs) +
          this.#versionPair.byteLength +
          nextField.byteLength,
      );
      tail.set(asOfField);
      const at = writeAsOfEntry(tail, asOfMs, asOfField.byteLength);
      tail.set(this.#versionPair, at);
      tail.set(nextField, at + this.#versionPair.byteLength);
      this.#lastAsOf = asOfMs;
      this.#lastNext = next;
      this.#lastTail = tail;
    }
    return this.#lastTail;
  }
}

/** The payloads of one batch: only rows with at least one value, in row order. */
export interface PayloadPlan {
  readonly rows: EncodedFeatureRows;
  readonly parts: readonly ViewParts[];
  readonly count: number;
  /** Per payload: its batch row, listpack size, DUMP payload size (CRC included), view set. */
  readonly row: Int32Array;
  readonly listpackSize: Int32Array;
  readonly payloadSize: Int32Array;
  /** Bit k: the row has a value of view k. */
  readonly viewSet: Int32Array;
}

/** Sizes every payload, checking patient ids and as_of values before anything is written. */
export function planPayloads(options: {
  rows: EncodedFeatureRows;
  parts: readonly ViewParts[];
  only?: readonly number[];
}): PayloadPlan {
  const { rows, parts, only } = options;
  const { payloads, idLengths, lengths, asOfMs } = rows;
  const width = parts.length;
  const fixedSizes = Int32Array.from(parts, (p) => p.fixedSize);
  const candidates = only?.length ?? rows.rows;
  const plan = {
    rows,
    parts,
    count: 0,
    row: new Int32Array(candidates),
    listpackSize: new Int32Array(candidates),
    payloadSize: new Int32Array(candidates),
    viewSet: new Int32Array(candidates),
  };
  for (let r = 0; r < candidates; r++) {
    const row = only ? (only[r] as number) : r;
    const payload = payloads[row] as Uint8Array;
    const base = row * width;
    let offset = idLengths[row] as number;
    let size = LISTPACK_HEADER_SIZE + 1;
    let viewSet = 0;
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
      viewSet |= 1 << k;
    }
    if (viewSet === 0) {
      continue;
    }
    checkPatientId({ payload, idLength: idLengths[row] as number, row });
    const i = plan.count++;
    plan.row[i] = row;
    plan.listpackSize[i] = size;
    plan.payloadSize[i] = 1 + rdbLengthSize(size) + size + 2 + 8;
    plan.viewSet[i] = viewSet;
  }
  return plan;
}

/**
 * Writes payload `i` of the plan at `position`, all but its CRC footer; returns where the footer
 * goes (the CRC covers `position` up to there). The row's bytes are first copied whole to the end
 * of the space the payload will take (`stagingEnd`), then each value is moved into place inside
 * `out` (`copyWithin`: no view per value). Every value lands at or before where it was staged,
 * since the payload adds framing but never drops bytes, so nothing is overwritten before it moved.
 */
export function writePayload(
  out: Uint8Array,
  target: { plan: PayloadPlan; i: number; stagingEnd: number },
  position: number,
): number {
  const { plan, i, stagingEnd } = target;
  const { payloads, idLengths, lengths, asOfMs } = plan.rows;
  const parts = plan.parts;
  const width = parts.length;
  const row = plan.row[i] as number;
  const size = plan.listpackSize[i] as number;
  const payload = payloads[row] as Uint8Array;
  const base = row * width;
  const staged = stagingEnd - payload.byteLength;
  out.set(payload, staged);
  let source = staged + (idLengths[row] as number);
  let p = position;
  out[p++] = RDB_TYPE_HASH_LISTPACK;
  p = writeRdbLength(out, size, p);
  const elements = 6 * popcount(plan.viewSet[i] as number);
  p = writeListpackHeader(out, { totalBytes: size, elements }, p);
  let k = nextPresent(lengths, { base, from: 0, width });
  p += copyInto(out, (parts[k] as ViewParts).valueField, p);
  while (k < width) {
    const length = lengths[base + k] as number;
    const next = nextPresent(lengths, { base, from: k + 1, width });
    p = writeStagedValue(out, { from: source, to: source + length }, p);
    source += length;
    p += copyInto(out, (parts[k] as ViewParts).tail(asOfMs[base + k] as number, parts[next]), p);
    k = next;
  }
  out[p++] = LISTPACK_END;
  out[p++] = DUMP_RDB_VERSION & 0xff;
  out[p++] = DUMP_RDB_VERSION >>> 8;
  return p;
}

/** Writes the entry of the value staged at `out[from .. to)` at `position` (≤ from). */
function writeStagedValue(
  out: Uint8Array,
  value: { from: number; to: number },
  position: number,
): number {
  const { from, to } = value;
  const length = to - from;
  const integer = length <= 20 ? listpackInteger(out, from, to) : undefined;
  if (integer !== undefined) {
    return writeIntegerEntry(out, integer, position);
  }
  let p = writeStringHeader(out, length, position);
  const encoded = p - position + length;
  if (length < SHORT_VALUE) {
    for (let k = from; k < to; k++) {
      out[p++] = out[k] as number;
    }
  } else {
    out.copyWithin(p, from, to);
    p += length;
  }
  return writeBacklen(out, encoded, p);
}

/** A value's listpack entry size: almost always a string (JSON, float32 bytes). */
function valueEntrySize(bytes: Uint8Array, from: number, to: number): number {
  const integer = to - from <= 20 ? listpackInteger(bytes, from, to) : undefined;
  return integer === undefined ? stringEntrySize(to - from) : integerEntrySize(integer);
}

/**
 * Copies a constant (field names, tails; plain Uint8Arrays) and returns its length. `set` with a
 * whole typed array is a native copy without a new view; measured faster than a byte loop here.
 */
export function copyInto(out: Uint8Array, bytes: Uint8Array, position: number): number {
  out.set(bytes, position);
  return bytes.byteLength;
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

/** The first view at or after `from` that the row has a value for (`width` when none). */
function nextPresent(
  lengths: Int32Array,
  at: { base: number; from: number; width: number },
): number {
  const { base, from, width } = at;
  let k = from;
  while (k < width && (lengths[base + k] as number) < 0) {
    k += 1;
  }
  return k;
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) {
    n += 1;
  }
  return n;
}

function checkPatientId(options: { payload: Uint8Array; idLength: number; row: number }): void {
  const { payload, idLength, row } = options;
  if (idLength !== PATIENT_ID_BYTES || !isPatientIdBytes(payload.subarray(0, idLength))) {
    throw new AppError('VALIDATION_FAILED', 'Invalid patient id in encoded batch', {
      details: [{ path: `patientIds[${String(row)}]`, issue: 'invalid_format' }],
    });
  }
}
