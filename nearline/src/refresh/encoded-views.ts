/**
 * Views encoded once per refresh (`encodeFeatureValue` validates them) and reused for the online
 * write (`writeEncoded`, one pipelined script call) and the ledger, instead of encoding each view
 * three times.
 */
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { buildEncodedColumn, type EncodedFeatureBatch } from '@mediassist/feature-store/online';
import type { PatientId } from '@mediassist/shared/ids';
import type { MaintainedViewName } from './nearline-views.js';

export interface EncodedView {
  readonly bytes: Uint8Array;
  readonly asOfMs: number;
}

/** A one-patient batch for `OnlineStore.writeEncoded`. */
export function encodedBatch(options: {
  patientId: PatientId;
  views: ReadonlyMap<MaintainedViewName, EncodedView>;
  names: readonly MaintainedViewName[];
}): EncodedFeatureBatch {
  return {
    rows: 1,
    patientIds: buildEncodedColumn([new TextEncoder().encode(options.patientId)]),
    views: options.names.flatMap((name) => {
      const encoded = options.views.get(name);
      return encoded
        ? [
            {
              view: featureRegistry.get(name),
              values: buildEncodedColumn([encoded.bytes]),
              asOfMs: Float64Array.of(encoded.asOfMs),
            },
          ]
        : [];
    }),
  };
}
