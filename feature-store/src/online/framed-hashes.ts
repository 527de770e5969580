/**
 * Framed hashes: a batch's rows as DUMP payloads of the patient hash without the CRC footer (the
 * form the offline store emits for bulk loads, built in SQL). The field order and constant parts
 * shared by the SQL and the RESTORE encoder, and decoding back into columns for the rows that go
 * through the write script instead (patients Redis already holds, servers without RESTORE).
 */
import { AppError } from '@mediassist/shared/errors';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import type { ValueEncoding } from '../definitions/value-type.js';
import type {
  EncodedColumn,
  EncodedFeatureBatch,
  EncodedViewColumn,
  FramedHashes,
} from './online-store.js';
import { DUMP_RDB_VERSION, rdbString, readRdbLength, RDB_TYPE_HASH } from './rdb-format.js';
import { viewFields } from './redis-keys.js';

/**
 * Float32 views first, otherwise as given (stable): a large value early makes Redis load the hash
 * straight into a hash table sized for every field, instead of growing a listpack first.
 */
export function framedFieldOrder<T>(
  items: readonly T[],
  encodingOf: (item: T) => ValueEncoding,
): T[] {
  const large = (item: T) => Number(encodingOf(item).kind === 'float32');
  return [...items].sort((a, b) => large(b) - large(a));
}

/** A view's constant parts of a payload, as RDB strings. */
export interface FramedViewParts {
  /** `<view>:value`. */
  readonly valueField: Uint8Array;
  /** `<view>:as_of` (its value, the decimal as_of, follows). */
  readonly asOfField: Uint8Array;
  /** `<view>:version`, then the version in decimal. */
  readonly versionPair: Uint8Array;
}

export function framedViewParts(view: Pick<AnyFeatureView, 'name' | 'version'>): FramedViewParts {
  const fields = viewFields(view.name);
  return {
    valueField: rdbString(fields.value),
    asOfField: rdbString(fields.asOf),
    versionPair: Buffer.concat([rdbString(fields.version), rdbString(String(view.version))]),
  };
}

/** The views of a batch without decoding framed rows. */
export function batchViews(batch: EncodedFeatureBatch): readonly AnyFeatureView[] {
  return batch.framed ? batch.framed.views : batch.views.map((column) => column.view);
}

/** View values in a batch (rows × views present), without decoding framed rows. */
export function countBatchValues(batch: EncodedFeatureBatch): number {
  let n = 0;
  if (batch.framed) {
    for (const mask of batch.framed.viewMasks) {
      n += popcount(mask);
    }
    return n;
  }
  for (const column of batch.views) {
    for (const asOf of column.asOfMs) {
      if (!Number.isNaN(asOf)) {
        n += 1;
      }
    }
  }
  return n;
}

/** A batch of framed rows whose columns (`views`) are decoded only if something asks for them. */
export function createFramedBatch(options: {
  patientIds: EncodedColumn;
  framed: FramedHashes;
}): EncodedFeatureBatch {
  const { patientIds, framed } = options;
  let columns: readonly EncodedViewColumn[] | undefined;
  return {
    rows: framed.payloads.length,
    patientIds,
    framed,
    get views() {
      columns ??= decodeFramedHashes(framed);
      return columns;
    },
  };
}

/**
 * The columns of framed rows (in `framed.views` order). Checks the structure as it goes — field
 * names, versions, decimal as_of — and throws INTERNAL on anything else: the payloads are built by
 * this package's own SQL, so a mismatch is a bug, never data to pass on.
 */
export function decodeFramedHashes(framed: FramedHashes): EncodedViewColumn[] {
  const { views, payloads, viewMasks } = framed;
  const rows = payloads.length;
  const parts = views.map(framedViewParts);
  const starts = new Int32Array(rows * views.length);
  const ends = new Int32Array(rows * views.length);
  const asOfs = views.map(() => new Float64Array(rows).fill(Number.NaN));
  const totals = new Array<number>(views.length).fill(0);
  for (let row = 0; row < rows; row++) {
    const payload = payloads[row] as Uint8Array;
    const mask = viewMasks[row] ?? 0;
    if (mask === 0) {
      continue;
    }
    const fail = (what: string) =>
      new AppError('INTERNAL', `Malformed framed hash in row ${String(row)}: ${what}`);
    if (payload[0] !== RDB_TYPE_HASH) {
      throw fail('type');
    }
    let position = 1;
    const read = (): [number, number] => {
      const { length, next } = readRdbLength(payload, position);
      position = next + length;
      if (position > payload.byteLength) {
        throw fail('truncated');
      }
      return [next, position];
    };
    const expect = (constant: Uint8Array, what: string) => {
      for (let i = 0; i < constant.byteLength; i++) {
        if (payload[position + i] !== constant[i]) {
          throw fail(what);
        }
      }
      position += constant.byteLength;
    };
    const header = readRdbLength(payload, 1);
    if (header.length !== 3 * popcount(mask)) {
      throw fail('field count');
    }
    position = header.next;
    for (let k = 0; k < views.length; k++) {
      if ((mask & (1 << k)) === 0) {
        continue;
      }
      const part = parts[k] as FramedViewParts;
      expect(part.valueField, 'value field');
      const [from, to] = read();
      starts[row * views.length + k] = from;
      ends[row * views.length + k] = to;
      totals[k] = (totals[k] ?? 0) + (to - from);
      expect(part.asOfField, 'as_of field');
      const [asOfFrom, asOfTo] = read();
      const asOfMs = decimal(payload, asOfFrom, asOfTo);
      if (Number.isNaN(asOfMs)) {
        throw fail('as_of');
      }
      (asOfs[k] as Float64Array)[row] = asOfMs;
      expect(part.versionPair, 'version');
    }
    if (
      position + 2 !== payload.byteLength ||
      payload[position] !== (DUMP_RDB_VERSION & 0xff) ||
      payload[position + 1] !== DUMP_RDB_VERSION >>> 8
    ) {
      throw fail('footer');
    }
  }
  return views.map((view, k) => {
    const bytes = new Uint8Array(totals[k] ?? 0);
    const offsets = new Int32Array(rows + 1);
    let used = 0;
    for (let row = 0; row < rows; row++) {
      const from = starts[row * views.length + k] ?? 0;
      const to = ends[row * views.length + k] ?? 0;
      if (to > from) {
        bytes.set((payloads[row] as Uint8Array).subarray(from, to), used);
        used += to - from;
      }
      offsets[row + 1] = used;
    }
    return { view, values: { bytes, offsets }, asOfMs: asOfs[k] as Float64Array };
  });
}

/** A non-negative decimal integer, or NaN when the bytes are not one. */
function decimal(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = (bytes[i] ?? 0) - 0x30;
    if (digit < 0 || digit > 9) {
      return Number.NaN;
    }
    n = n * 10 + digit;
  }
  return to > from && Number.isSafeInteger(n) ? n : Number.NaN;
}

export function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) {
    n += 1;
  }
  return n;
}
