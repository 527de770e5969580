/** Typed writes → a validated, encoded columnar batch: the edge every typed write passes through. */
import { AppError } from '@mediassist/shared/errors';
import { PatientIdSchema } from '@mediassist/shared/ids';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import type { FeatureRegistry } from '../definitions/registry.js';
import { encodeFeatureValue } from '../definitions/value-codec.js';
import { minutes } from '../definitions/duration.js';
import { buildEncodedColumn } from './encoded-column.js';
import type { EncodedFeatureBatch, FeatureWrite, PatientFeatureWrite } from './online-store.js';

/** How far a producer's clock may run ahead: a far-future `as_of` would pin a value forever. */
export const MAX_FUTURE_SKEW_MS = minutes(5);

export function encodeFeatureWrites<TView extends AnyFeatureView>(options: {
  registry: FeatureRegistry<TView>;
  batch: readonly PatientFeatureWrite<TView>[];
  nowMs: number;
}): EncodedFeatureBatch {
  const { registry, batch, nowMs } = options;
  const encoder = new TextEncoder();
  const patientIds = batch.map(({ patientId }, row) => {
    if (!PatientIdSchema.safeParse(patientId).success) {
      throw new AppError('VALIDATION_FAILED', 'Invalid patient id', {
        details: [{ path: `[${String(row)}].patientId`, issue: 'invalid_format' }],
      });
    }
    return encoder.encode(patientId);
  });

  const columns = new Map<
    string,
    { view: TView; values: (Uint8Array | undefined)[]; asOfMs: Float64Array }
  >();
  batch.forEach(({ features }, row) => {
    const entries: [string, FeatureWrite<unknown> | undefined][] = Object.entries(features);
    for (const [name, write] of entries) {
      if (write === undefined) {
        continue;
      }
      const view = registry.find(name);
      if (!view) {
        throw new AppError('VALIDATION_FAILED', `Unknown feature view ${name}`, {
          details: [{ path: `[${String(row)}].features.${name}`, issue: 'unknown_view' }],
        });
      }
      const asOfMs = checkedAsOf({
        asOf: write.asOf,
        nowMs,
        path: `[${String(row)}].features.${name}.asOf`,
      });
      let column = columns.get(name);
      if (!column) {
        column = {
          view,
          values: new Array<Uint8Array | undefined>(batch.length),
          asOfMs: new Float64Array(batch.length).fill(Number.NaN),
        };
        columns.set(name, column);
      }
      column.values[row] = encodeFeatureValue(view, write.value as never);
      column.asOfMs[row] = asOfMs;
    }
  });

  return {
    rows: batch.length,
    patientIds: buildEncodedColumn(patientIds),
    views: [...columns.values()].map((c) => ({
      view: c.view,
      values: buildEncodedColumn(c.values),
      asOfMs: c.asOfMs,
    })),
  };
}

function checkedAsOf(options: { asOf: Date; nowMs: number; path: string }): number {
  const ms = options.asOf instanceof Date ? options.asOf.getTime() : Number.NaN;
  if (!Number.isFinite(ms) || ms < 0) {
    throw new AppError('VALIDATION_FAILED', 'asOf must be a valid date', {
      details: [{ path: options.path, issue: 'invalid_date' }],
    });
  }
  if (ms > options.nowMs + MAX_FUTURE_SKEW_MS) {
    throw new AppError('VALIDATION_FAILED', 'asOf is in the future', {
      details: [{ path: options.path, issue: 'future_as_of' }],
    });
  }
  return ms;
}
