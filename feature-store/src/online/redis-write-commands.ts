/** Encodes an `EncodedFeatureBatch` as one EVALSHA (or EVAL) of the write script per patient row. */
import { AppError } from '@mediassist/shared/errors';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import { columnValue, isPatientIdBytes } from './encoded-column.js';
import type { EncodedFeatureBatch, EncodedViewColumn } from './online-store.js';
import { viewFields } from './redis-keys.js';
import { RespWriter, encodeBulk } from './resp-writer.js';
import {
  MAX_VIEWS_PER_WRITE,
  WRITE_FEATURES_LUA,
  WRITE_FEATURES_SHA1,
} from './write-features-script.js';

export interface WriteCommand {
  /** Row of the batch this command writes. */
  readonly row: number;
  /** The views it carries, in argument order (bit i of the script's reply is views[i]). */
  readonly views: readonly { readonly view: AnyFeatureView }[];
  /** The patient key, a view into `bytes` (for routing on Redis Cluster). */
  readonly key: Buffer;
  /** The complete RESP request. */
  readonly bytes: Buffer;
}

interface ViewArgs {
  readonly valueField: Buffer;
  /** The view's last four arguments (`<view>:as_of`, as_of, `<view>:version`, version) as RESP. */
  tail(asOfMs: number): Buffer;
}

const EVALSHA = encodeBulk('EVALSHA');
const EVAL = encodeBulk('EVAL');
const SHA = encodeBulk(WRITE_FEATURES_SHA1);
const SCRIPT = encodeBulk(WRITE_FEATURES_LUA);
const ONE = encodeBulk('1');

/** Builds write commands; caches each view's encoded field names across batches. */
export class WriteCommandEncoder {
  readonly #keyHead: Buffer;
  readonly #keyTail = Buffer.from('}');
  readonly #gcTtlSeconds: number;
  readonly #viewArgs = new Map<string, ViewArgs>();

  constructor(options: { keyPrefix: string; gcTtlSeconds: number }) {
    this.#keyHead = Buffer.from(`${options.keyPrefix}fs:{`);
    this.#gcTtlSeconds = options.gcTtlSeconds;
  }

  /** One command per row that has at least one view value; `useEval` sends the script body instead of its SHA. */
  encode(
    batch: EncodedFeatureBatch,
    options: { useEval?: boolean; rows?: readonly number[] } = {},
  ): WriteCommand[] {
    if (batch.views.length > MAX_VIEWS_PER_WRITE) {
      throw new AppError(
        'VALIDATION_FAILED',
        `At most ${String(MAX_VIEWS_PER_WRITE)} views per write`,
      );
    }
    const args = batch.views.map((column) => this.#argsFor(column));
    const writer = new RespWriter(estimateBytes(batch));
    const commands: WriteCommand[] = [];
    const present: number[] = [];
    const head = Buffer.concat(options.useEval ? [EVAL, SCRIPT, ONE] : [EVALSHA, SHA, ONE]);
    const rows = options.rows ?? range(batch.rows);
    for (const row of rows) {
      present.length = 0;
      batch.views.forEach((column, i) => {
        if (!Number.isNaN(column.asOfMs[row] ?? Number.NaN)) {
          present.push(i);
        }
      });
      if (present.length === 0) {
        continue;
      }
      const patientId = columnValue(batch.patientIds, row);
      if (!isPatientIdBytes(patientId)) {
        throw new AppError('VALIDATION_FAILED', 'Invalid patient id in encoded batch', {
          details: [{ path: `patientIds[${String(row)}]`, issue: 'invalid_format' }],
        });
      }
      const start = writer.length;
      writer.arrayHeader(5 + 6 * present.length);
      writer.raw(head);
      const keyLength = this.#keyHead.byteLength + patientId.byteLength + 1;
      const keyStart = writer.length + 3 + String(keyLength).length;
      writer.bulkParts([this.#keyHead, patientId, this.#keyTail]);
      writer.bulkUint(this.#gcTtlSeconds);
      for (const i of present) {
        const column = batch.views[i] as EncodedViewColumn;
        const viewArgs = args[i] as ViewArgs;
        writer.raw(viewArgs.valueField);
        const { bytes, offsets } = column.values;
        writer.bulkRange(bytes, offsets[row] ?? 0, offsets[row + 1] ?? 0);
        writer.raw(viewArgs.tail(column.asOfMs[row] ?? 0));
      }
      const bytes = writer.slice(start);
      commands.push({
        row,
        views: present.map((i) => batch.views[i] as EncodedViewColumn),
        key: bytes.subarray(keyStart - start, keyStart - start + keyLength),
        bytes,
      });
    }
    return commands;
  }

  #argsFor(column: EncodedViewColumn): ViewArgs {
    const { name, version } = column.view;
    const cacheKey = `${name}@${String(version)}`;
    let cached = this.#viewArgs.get(cacheKey);
    if (!cached) {
      const fields = viewFields(name);
      const asOfField = encodeBulk(fields.asOf);
      const versionArgs = Buffer.concat([encodeBulk(fields.version), encodeBulk(String(version))]);
      // A snapshot gives most rows the same as_of, so the tail is rebuilt only when it changes.
      let lastAsOf = Number.NaN;
      let lastTail: Buffer = Buffer.alloc(0);
      cached = {
        valueField: encodeBulk(fields.value),
        tail(asOfMs) {
          if (asOfMs !== lastAsOf) {
            const tail = new RespWriter(asOfField.length + versionArgs.length + 32);
            tail.raw(asOfField);
            tail.bulkUint(asOfMs);
            tail.raw(versionArgs);
            lastAsOf = asOfMs;
            lastTail = tail.slice(0);
          }
          return lastTail;
        },
      };
      this.#viewArgs.set(cacheKey, cached);
    }
    return cached;
  }
}

/** Room for the whole batch up front: the values plus ~24 bytes of framing per argument. */
function estimateBytes(batch: EncodedFeatureBatch): number {
  let values = batch.patientIds.bytes.byteLength;
  for (const column of batch.views) {
    values += column.values.bytes.byteLength;
  }
  return values + batch.rows * (200 + batch.views.length * 6 * 40);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
