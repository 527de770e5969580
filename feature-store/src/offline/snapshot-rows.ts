/** Validates and encodes the rows of a snapshot write: the offline store's edge, shared by both stores. */
import { AppError } from '@mediassist/shared/errors';
import { PatientIdSchema } from '@mediassist/shared/ids';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import { encodeFeatureValue } from '../definitions/value-codec.js';
import { MAX_FUTURE_SKEW_MS } from '../online/encode-writes.js';
import type { FeatureRow } from './offline-store.js';

export interface EncodedSnapshotRow {
  readonly patientId: string;
  readonly eventMs: number;
  readonly value: Uint8Array;
}

export function encodeSnapshotRows(options: {
  view: AnyFeatureView;
  rows: readonly FeatureRow<unknown>[];
  nowMs: number;
}): EncodedSnapshotRow[] {
  const { view, rows, nowMs } = options;
  return rows.map((row, i) => {
    const path = `${view.name}[${String(i)}]`;
    if (!PatientIdSchema.safeParse(row.patientId).success) {
      throw new AppError('VALIDATION_FAILED', 'Invalid patient id', {
        details: [{ path: `${path}.patientId`, issue: 'invalid_format' }],
      });
    }
    const eventMs = row.eventTimestamp instanceof Date ? row.eventTimestamp.getTime() : Number.NaN;
    if (!Number.isFinite(eventMs) || eventMs < 0 || eventMs > nowMs + MAX_FUTURE_SKEW_MS) {
      throw new AppError('VALIDATION_FAILED', 'eventTimestamp must be a past date', {
        details: [{ path: `${path}.eventTimestamp`, issue: 'invalid_date' }],
      });
    }
    return {
      patientId: row.patientId,
      eventMs,
      value: encodeFeatureValue(view, row.value as never),
    };
  });
}
